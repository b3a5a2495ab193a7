"""People and glossary terms in rendered text → links to their pages.

One combined pattern is compiled per build and run once over each block's text, so linking
costs one regex pass per paragraph however many people and terms the site knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from readouts.link.glossary import name_pattern
from readouts.model import SiteGraph
from readouts.names import NameIndex
from readouts.render import urls
from readouts.render.urls import Links

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True, slots=True)
class Target:
    path: str
    title: str
    """Shown on hover: a term's names on the other side, or a person's name."""


class Linker:
    """Links the first mention of each person and term on a page."""

    def __init__(self, graph: SiteGraph) -> None:
        parts: list[str] = []
        self.targets: list[Target] = []
        index = NameIndex.build(tuple(graph.people.values()))
        for person_id, pattern in index.patterns:
            person = graph.people[person_id]
            parts.append(f"(?P<g{len(self.targets)}>{pattern.pattern})")
            self.targets.append(Target(urls.person_path(person_id), person.name))
        for term in graph.corpus.terms:
            for side, names in term.names.items():
                others = [f"{s.title()}: {', '.join(n)}" for s, n in term.names.items() if s != side]
                for name in sorted(names, key=len, reverse=True):
                    pattern = name_pattern(name)
                    flags = "(?i:" if pattern.flags & re.IGNORECASE else "(?:"
                    parts.append(f"(?P<g{len(self.targets)}>{flags}{pattern.pattern}))")
                    self.targets.append(Target(f"{urls.GLOSSARY}#{term.id}",
                                               f"{term.title}. " + "; ".join(others)))
        self.pattern = re.compile("|".join(parts)) if parts else None

    def link(self, html: Markup, links: Links, seen: set[str]) -> Markup:
        """Wrap mentions not yet in `seen` in a link, outside tags and existing links."""
        if self.pattern is None:
            return html
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
                out.append(self.pattern.sub(lambda m: self._replace(m, seen, links), part))
        return Markup("".join(out))

    def _replace(self, match: re.Match[str], seen: set[str], links: Links) -> str:
        target = self.targets[int(match.lastgroup[1:])]  # type: ignore[index]
        if target.path in seen:
            return match.group(0)
        seen.add(target.path)
        return (f'<a class="mention" href="{escape(links.to(target.path))}" '
                f'title="{escape(target.title)}">{match.group(0)}</a>')
