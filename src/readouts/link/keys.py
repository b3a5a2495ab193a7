"""A cheap pre-filter for phrase rules: the first three letters of each word in a text.

Searching a paragraph for hundreds of phrases one by one is slow, and one big alternation is
slower still (it loses the regex engine's literal-prefix scan). A phrase can only match where
its first word's first letters occur, so each text is split into words once and only the
phrases whose keys are present are searched.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def word_keys(text: str) -> set[str]:
    """The lower-cased first three letters of every word of three letters or more."""
    return {word[:3].lower() for word in _WORD.findall(text) if len(word) >= 3}


def phrase_key(phrase: str) -> str | None:
    """The key a text must contain for `phrase` to match, or None when it cannot be told
    (a first word shorter than three letters, or a wildcard among them: "2+2", "ab*")."""
    first = phrase.split()[0] if phrase.split() else ""
    head = first[:3]
    if len(head) == 3 and _WORD.fullmatch(head):
        return head.lower()
    return None
