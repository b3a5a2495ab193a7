"""A cheap pre-filter for phrase rules: the first three letters of each word in a text.

Searching a paragraph for hundreds of phrases one by one is slow, and one big alternation is
slower still (it loses the regex engine's literal-prefix scan). A phrase can only match where
its first word's first letters occur, so each text is split into words once and only the
phrases whose words' keys are all present are searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_KEY = re.compile(r"(?<![^\W_])[^\W_]{3}")
"""The first three letters of a word of three letters or more: _WORD's words, at their start."""


def fold(letters: str) -> str:
    """Letters lower-cased as a case-blind regex compares them, one letter for one: "İ" lower-cases
    to "i" and a combining dot, which the regex engine does not see (it matches "İstanbul" to
    "istanbul"), so the dot goes."""
    return letters.lower().replace("\u0307", "")


@lru_cache(maxsize=4096)
def word_keys(text: str) -> frozenset[str]:
    """The lower-cased first three letters of every word of three letters or more.

    Kept for the last few thousand texts: the topic rules and the glossary both ask for each
    paragraph's keys, one after the other."""
    return frozenset(map(fold, _KEY.findall(text)))


def phrase_keys(phrase: str) -> frozenset[str]:
    """The keys a text must contain for `phrase` to match: those of every word of it that starts
    with three letters or digits ("visit* ~ graves" → {"vis", "gra"}). A word that does not
    ("2+2", "ab*", "~") adds none: it cannot be told, so it does not filter."""
    keys = set()
    for word in phrase.split():
        head = word[:3]
        if len(head) == 3 and _WORD.fullmatch(head):
            keys.add(fold(head))
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class KeyIndex:
    """Phrases by one of the word keys each needs (any one will do: a text lacking it cannot
    match): a text is tried only against the phrases under its own keys, and those with no key
    ("2+2"), not against every phrase. A phrase is named by its place: (group, number in the
    group), a topic's phrases or a glossary term's names."""

    by_key: Mapping[str, tuple[tuple[int, int], ...]]
    unkeyed: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, groups: Iterable[Iterable[frozenset[str]]]) -> KeyIndex:
        """From the keys each phrase of each group needs (phrase_keys)."""
        by_key: dict[str, list[tuple[int, int]]] = {}
        unkeyed = []
        for group, needs in enumerate(groups):
            for number, needed in enumerate(needs):
                if needed:
                    by_key.setdefault(min(needed), []).append((group, number))
                else:
                    unkeyed.append((group, number))
        return cls({key: tuple(places) for key, places in by_key.items()}, tuple(unkeyed))

    def candidates(self, keys: Iterable[str]) -> list[tuple[int, int]]:
        """The places of the phrases a text with these word keys may match, in order."""
        found = [*self.unkeyed]
        for key in keys:
            found.extend(self.by_key.get(key, ()))
        return sorted(found)


def word_start(first_letter: str) -> str:
    r"""Regex source for the first letter of a word, taken literally, where no word goes on
    before it: (?<![\w-])p written as p(?<![\w-].).

    The same test, but with a letter first the regex engine skips ahead to where the letter
    occurs instead of trying the look-behind at every position of the text: a phrase searched
    in a readout's whole text took a third of the time (measured)."""
    return re.escape(first_letter) + r"(?<![\w-].)"
