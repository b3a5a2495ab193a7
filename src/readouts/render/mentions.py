"""People and glossary terms in rendered text → links to their pages.

Every form of every name is indexed by its first three letters. An Aho–Corasick automaton finds
where such letters occur in a paragraph, the places that start a word are kept, and only the
forms whose first letters match are tried at each, so linking costs one pass of the automaton
over the text however many people and terms the site knows. The automaton's library is imported
when the first page is linked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from readouts.link.glossary import name_pattern as term_pattern
from readouts.link.keys import fold
from readouts.model import SiteGraph
from readouts.names import another_given_name_before, given_names, name_forms, name_pattern
from readouts.render import urls
from readouts.render.urls import Links

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"(?<![\w-])[\w’'-]{3,}")
_WORD_START = r"(?<![\w’'-])(?=[\w’'-]{3})"
"""Where _WORD's words start when found one after the other: no word character before (a
quote inside a word is part of it), three or more after."""
_EVERY_WORD_START = re.compile(_WORD_START)
_WORD_PUNCTUATION = "_’'-"
r"""What _WORD_START counts as a word's beside letters and digits: `\w` is a letter or digit
(`str.isalnum`, as the regex engine decides it) or "_"; a test checks every Unicode character."""

Candidate = tuple["_Pattern", "Target", int, "str | None"]
"""A name's pattern, where it links, its length (the longest is tried first), and the letter it
must begin with (None when its case may differ)."""


@dataclass(frozen=True, slots=True)
class Target:
    path: str
    title: str
    """Shown on hover: a term's names on the other side, or a person's name."""


def _key(word: str) -> str:
    return fold(word[:3])


def _lowered(text: str) -> str:
    """Lower-cased letter for letter, as a word's key is (a word's first letters lower-case as a
    key does, whatever follows them): a final sigma is a sigma. Same length as `text` unless it
    holds an "İ", the one letter that lower-cases to two; no letter changes whether it is a word
    character (both checked for every Unicode character)."""
    return text.lower().replace("ς", "σ")


class _Pattern:
    """A name's regex, compiled the first time a text may hold the name: a site names hundreds
    of people and terms, most of them on few pages, and compiling them all when the linker was
    made took a quarter of the time of a rebuild that renders a few pages."""

    __slots__ = ("_compiled", "_make")

    def __init__(self, make: Callable[[], re.Pattern[str]]) -> None:
        self._make = make
        self._compiled: re.Pattern[str] | None = None

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._make()
        return compiled.match(text, pos)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in _WORD_PUNCTUATION


def _automaton(index: dict[str, list[Candidate]]) -> Any:
    """The keys as they read in lower-cased text → (their candidates, the letters those must begin
    with or None for any), for the keys _WORD_START can find: three word characters.

    A key with a sigma maps to (None, None): a final sigma lower-cases to "ς" in the text's own
    three letters, so its candidates are looked up by those, as the regex scan did. None when no
    key can be found (an automaton without keys cannot be searched)."""
    import ahocorasick  # loaded with the first page linked: a build that renders none skips it

    automaton = ahocorasick.Automaton()
    for key in {_lowered(key) for key in index}:
        if len(key) != 3 or not all(map(_in_word, key)):
            continue  # no three word characters spell it, so no word starts with it
        if "σ" in key:
            automaton.add_word(key, (None, None))
        elif key in index:
            firsts = [first for _, _, _, first in index[key]]
            automaton.add_word(key, (index[key], None if None in firsts else frozenset(firsts)))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _first_letter(name: str) -> str | None:
    words = name.split()
    return words[0][0] if words else None


class Linker:
    """Links the first mention of each person and term on a page."""

    def __init__(self, graph: SiteGraph) -> None:
        self.index: dict[str, list[Candidate]] = {}
        self.given: dict[str, list[str]] = {}
        """A person's page → their given names, to tell their family name alone from another's."""
        for person_id, forms in name_forms(tuple(graph.people.values())):
            target = Target(urls.person_path(person_id), graph.people[person_id].name)
            self.given[target.path] = given_names(graph.people[person_id])
            for form in forms:
                # A person's pattern keeps its case, and begins with its first word's first letter.
                self._add(form, _Pattern(partial(re.compile, name_pattern(form) + r"(?![\w])")), target,
                          _first_letter(form.replace(",", " ")))
        for term in graph.corpus.terms:
            for side, names in term.names.items():
                others = [f"{s.title()}: {', '.join(n)}" for s, n in term.names.items() if s != side]
                target = Target(f"{urls.GLOSSARY}#{term.id}", f"{term.title}. " + "; ".join(others))
                for name in names:
                    # An acronym's pattern keeps its case ("TOR"), another's does not.
                    self._add(name, _Pattern(partial(term_pattern, name)), target,
                              _first_letter(name) if name.isupper() else None)
        # The longest name first: "Abe Shinzo" is the person, not the glossary's "Abe" and a word.
        for candidates in self.index.values():
            candidates.sort(key=lambda c: -c[2])
        # Where a name may start is found by one pass of an automaton over the lower-cased text;
        # which name it is is then decided there as before. Trying each word of the text in
        # Python took most of the time of linking, and a regex of the keys as a trie 43 ns a
        # character, whatever the pattern.
        self.automaton = _automaton(self.index)

    def _add(self, form: str, pattern: _Pattern, target: Target, first: str | None) -> None:
        """`first` is the letter the pattern must find first, None when its case may differ."""
        words = form.split()
        if words and len(words[0]) >= 3:
            self.index.setdefault(_key(words[0]), []).append((pattern, target, len(" ".join(words)), first))

    def link(self, html: Markup, links: Links, seen: set[str]) -> Markup:
        """Wrap mentions not yet in `seen` in a link, outside tags and existing links."""
        out: list[str] = []
        inside_link = 0
        for part in _TAG_OR_TEXT.split(str(html)):
            if part.startswith("<"):
                if part.startswith("<a ") or part == "<a>":
                    inside_link += 1
                elif part == "</a>":
                    inside_link -= 1
                out.append(part)
            elif inside_link or not part:
                out.append(part)
            else:
                out.append(self._link_text(part, links, seen))
        return Markup("".join(out))

    def anothers(self, text: str, match: re.Match[str], target: Target) -> bool:
        """Whether a person's family name alone is another's, after a given name not theirs:
        "Коити Хирано" links to no Hirofumi Hirano."""
        return (target.path in self.given and " " not in match.group().strip()
                and another_given_name_before(text, match.start(), self.given[target.path]))

    def _starts(self, text: str) -> Iterator[tuple[int, list[Candidate] | tuple[()]]]:
        """Where a word of three letters or more starts (_WORD_START) with a name's key, in order,
        and the candidates there. A key whose names all begin with another letter than the text's
        is no start (most of a page's candidates are people, whose patterns keep their case)."""
        if "\u0130" in text:
            # "İ" lower-cases to two letters, which would shift positions in the lower-cased text.
            for start in _EVERY_WORD_START.finditer(text):
                yield start.start(), self.index.get(_key(text[start.start():start.start() + 3]), ())
            return
        if self.automaton is None:
            return
        lowered = _lowered(text)
        # Every key is three word characters: a key found where no word character comes before
        # starts a word, and two keys cannot start at one place, so they come in order.
        for end, (candidates, firsts) in self.automaton.iter(lowered):
            at = end - 2
            if at and (lowered[at - 1].isalnum() or lowered[at - 1] in _WORD_PUNCTUATION):
                continue
            if candidates is None:
                yield at, self.index.get(_key(text[at:at + 3]), ())
            elif firsts is None or text[at] in firsts:
                yield at, candidates

    def _link_text(self, text: str, links: Links, seen: set[str]) -> str:
        pieces: list[str] = []
        done = 0
        for at, candidates in self._starts(text):
            if at < done:
                continue
            letter = text[at]
            for pattern, target, _, first in candidates:
                if first is not None and first != letter:
                    continue
                match = pattern.match(text, at)
                if match is None or self.anothers(text, match, target):
                    continue
                if target.path not in seen:
                    seen.add(target.path)
                    pieces.append(text[done:match.start()])
                    pieces.append(f'<a class="mention" href="{escape(links.to(target.path))}" '
                                  f'title="{escape(target.title)}">{match.group(0)}</a>')
                    done = match.end()
                break
        pieces.append(text[done:])
        return "".join(pieces)
