"""People and glossary terms in rendered text → links to their pages.

Every form of every name is indexed by its first three letters. One regex finds the words of a
paragraph that begin with such letters, and only the forms whose first letters match are tried
at each, so linking costs a regex scan of the text however many people and terms the site knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


def _trie(words: list[str]) -> str:
    """Regex source matching any of `words`, letter by letter: the regex engine tries the
    alternatives of an alternation one after the other, a trie tries each letter once."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def source(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + source(child) if letter else "" for letter, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return source(tree) if tree else "(?!)"


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


def _first_letter(name: str) -> str | None:
    words = name.split()
    return words[0][0] if words else None


class Linker:
    """Links the first mention of each person and term on a page."""

    def __init__(self, graph: SiteGraph) -> None:
        self.index: dict[str, list[tuple[_Pattern, Target, int, str | None]]] = {}
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
        # Where a name may start is found by one regex over the lower-cased text, a trie of the
        # names' first letters; which name it is is then decided there as before. Trying each
        # word of the text in Python took most of the time of linking.
        self.starts = re.compile(_WORD_START + _trie(sorted({_lowered(key) for key in self.index})))

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

    def _link_text(self, text: str, links: Links, seen: set[str]) -> str:
        pieces: list[str] = []
        done = 0
        # "İ" lower-cases to two letters, which would shift positions in the lower-cased text.
        starts = _EVERY_WORD_START.finditer(text) if "\u0130" in text else self.starts.finditer(_lowered(text))
        index = self.index
        for start in starts:
            at = start.start()
            if at < done:
                continue
            # _WORD_START is where a word of three letters or more starts: its key is these three.
            # A pattern that must begin with another letter than the text's is not tried (most
            # of a page's candidates are people, whose patterns keep their case).
            letter = text[at]
            for pattern, target, _, first in index.get(_key(text[at:at + 3]), ()):
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
