"""People and glossary terms in rendered text → links to their pages.

Every form of every name is indexed by its first three letters. A paragraph is read word by
word and only the forms whose first letters match are tried at that word, so linking costs a
dictionary look-up per word however many people and terms the site knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from readouts.link.glossary import name_pattern as term_pattern
from readouts.link.keys import fold
from readouts.model import SiteGraph
from readouts.names import name_forms, name_pattern
from readouts.render import urls
from readouts.render.urls import Links

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"(?<![\w-])[\w’'-]{3,}")


@dataclass(frozen=True, slots=True)
class Target:
    path: str
    title: str
    """Shown on hover: a term's names on the other side, or a person's name."""


def _key(word: str) -> str:
    return fold(word[:3])


class Linker:
    """Links the first mention of each person and term on a page."""

    def __init__(self, graph: SiteGraph) -> None:
        self.index: dict[str, list[tuple[re.Pattern[str], Target, int]]] = {}
        for person_id, forms in name_forms(tuple(graph.people.values())):
            target = Target(urls.person_path(person_id), graph.people[person_id].name)
            for form in forms:
                self._add(form, re.compile(name_pattern(form) + r"(?![\w])"), target)
        for term in graph.corpus.terms:
            for side, names in term.names.items():
                others = [f"{s.title()}: {', '.join(n)}" for s, n in term.names.items() if s != side]
                target = Target(f"{urls.GLOSSARY}#{term.id}", f"{term.title}. " + "; ".join(others))
                for name in names:
                    self._add(name, term_pattern(name), target)
        # The longest name first: "Abe Shinzo" is the person, not the glossary's "Abe" and a word.
        for candidates in self.index.values():
            candidates.sort(key=lambda c: -c[2])

    def _add(self, form: str, pattern: re.Pattern[str], target: Target) -> None:
        words = form.split()
        if words and len(words[0]) >= 3:
            self.index.setdefault(_key(words[0]), []).append((pattern, target, len(" ".join(words))))

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

    def _link_text(self, text: str, links: Links, seen: set[str]) -> str:
        pieces: list[str] = []
        done = 0
        for word in _WORD.finditer(text):
            if word.start() < done:
                continue
            for pattern, target, _ in self.index.get(_key(word.group(0)), ()):
                match = pattern.match(text, word.start())
                if match is None:
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
