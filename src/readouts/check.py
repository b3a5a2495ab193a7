"""Checks of a built site: every internal link and anchor resolves to a file and an id in it."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class BrokenLink:
    page: str
    """The page holding the link, relative to the site folder."""
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: link {self.href!r} {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link", "area")) or (name == "src" and tag in ("img", "script")):
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[BrokenLink]:
    """Every internal link in site/*.html whose file or #anchor does not exist."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed = {name: _parse(path) for name, path in pages.items()}
    broken: list[BrokenLink] = []
    for name, collector in parsed.items():
        for href in collector.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue  # external: not ours to check
            if parts.path.startswith("/"):
                broken.append(BrokenLink(name, href, "is absolute; site links must be relative"))
                continue
            target = name if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target.startswith("../") or not (site / target).is_file():
                broken.append(BrokenLink(name, href, "points to no file in the site"))
                continue
            if parts.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(BrokenLink(name, href, f"points to no #{parts.fragment} in {target}"))
    return broken
