"""Page kinds: each page's fingerprint covers what its context reads, and a new kind is one module.

The audit (render/pages/audit.py) builds every page's fingerprint and context over a graph
that records what is read; a context that reads what its fingerprint leaves out would leave a
stale page after an incremental build.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readouts.build import build_site
from readouts.link import link
from readouts.load import load_corpus
from readouts.model import SiteGraph
from readouts.render import context, urls
from readouts.render.depends import Dependencies, digest
from readouts.render.pages import KINDS, NavEntry, Page, PageKind, Site, meeting
from readouts.render.pages.audit import uncovered_reads
from tests.conftest import copy_demo_site


def _many_readouts(root: Path, count: int = 26) -> Path:
    """The demo's readouts and `count` written by hand over three years, two accounts a meeting:
    more than a topic's or a person's overview lists whole, so the "latest" pages are made too."""
    folder = root / "content" / "readouts"
    for number in range(count):
        day = dt.date(2018 + number % 3, 1 + number % 12, 1 + number // 2)
        publisher, participants = (("mofa-japan", "taro-kono, sergey-lavrov") if number % 2
                                   else ("tass", "sergey-lavrov, taro-kono"))
        (folder / f"hand-{number:02}.md").write_text(
            f"---\nid: hand-{number:02}\ntitle: Talks number {number}\npublisher: {publisher}\nkind: readout\n"
            f"meeting: {{date: {day.isoformat()}, place: Moscow}}\nparticipants: [{participants}]\n"
            "topics: [humanitarian-measures, peace-treaty]\n---\n\n"
            f"They discussed humanitarian measures for the former island residents ({number}).\n\n"
            "The peace treaty was discussed.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def graph_and_root(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteGraph, Path]:
    root = copy_demo_site(tmp_path_factory.mktemp("kinds"), with_readouts=False)
    build_site(root)  # imports the demo's sources
    _many_readouts(root)
    return link(load_corpus(root)), root


def test_every_pages_fingerprint_covers_what_its_context_reads(graph_and_root: tuple[SiteGraph, Path]) -> None:
    graph, root = graph_and_root
    assert uncovered_reads(graph, root) == []


def test_a_fingerprint_that_leaves_out_an_input_its_context_reads_is_found(
        graph_and_root: tuple[SiteGraph, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A meeting page shows its accounts' titles and paragraphs: a fingerprint without them fails."""
    graph, root = graph_and_root

    def without_accounts(depends: Dependencies, meeting_id: str) -> str:
        m = depends.graph.meetings[meeting_id]
        return digest((depends.common, m.id, m.date, m.place, m.format, m.participants, m.readout_ids))

    monkeypatch.setattr(meeting, "meeting_fingerprint", without_accounts)
    found = uncovered_reads(graph, root)
    assert found and all(u.path.startswith("meetings/") for u in found)
    assert any(read[0] == "readouts" and read[2] in ("title", "blocks") for u in found for read in u.reads)


# A kind of page a site could add: one page per place, with that place's readouts.

def _place_path(place: str) -> str:
    return f"places/{place.lower().replace(' ', '-')}.html"


def _place_context(graph: SiteGraph, place: str, readout_ids: tuple[str, ...]) -> dict[str, Any]:
    path = _place_path(place)
    page = context.page_context(graph, path, place, "places")
    page["readouts"] = [context.readout_link(graph, urls.Links(path), r) for r in readout_ids]
    return page


def _place_pages(site: Site) -> Iterator[Page]:
    by_place: dict[str, list[str]] = {}
    for readout_id in site.graph.chronology:
        place = site.graph.readouts[readout_id].meeting.place
        if place:
            by_place.setdefault(place, []).append(readout_id)
    for place, ids in sorted(by_place.items()):
        yield Page(_place_path(place), "place.html", lambda place=place, ids=tuple(ids): _place_context(
            site.graph, place, ids), digest((site.depends.common, place, [site.depends.link(r) for r in ids])))


PLACE_TEMPLATE = """{% extends "base.html" %}
{% block main %}<h1>{{ page.title }}</h1>
<ul>{% for r in readouts %}<li><a href="{{ r.href }}">{{ r.title }}</a></li>{% endfor %}</ul>
{% endblock %}
"""


def test_a_new_page_kind_is_one_module_and_its_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Registered in KINDS, the kind's pages are built, linked from the navigation bar, listed in
    the sitemap, and rebuilt when what they show changes."""
    places = PageKind("place", _place_pages, NavEntry("places", "Places", "places/moscow.html", 70))
    monkeypatch.setattr("readouts.render.pages.KINDS", [*KINDS, places])
    (tmp_path / "root").mkdir()
    root = _many_readouts(copy_demo_site(tmp_path / "root", with_readouts=False))
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "place.html").write_text(PLACE_TEMPLATE, encoding="utf-8")
    build_site(root)
    moscow = root / "site" / "places" / "moscow.html"
    assert "Talks number 0<" in moscow.read_text(encoding="utf-8")
    assert 'href="places/moscow.html"' in (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "places/moscow.html" in (root / "site" / "sitemap-site.xml").read_text(encoding="utf-8")
    first = root / "content" / "readouts" / "hand-00.md"
    first.write_text(first.read_text(encoding="utf-8").replace("Talks number 0\n", "Talks renamed\n"), encoding="utf-8")
    build_site(root)
    assert "Talks renamed<" in moscow.read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(root / "site.yaml", clean / "site.yaml")
    for folder in ("content", "templates"):
        shutil.copytree(root / folder, clean / folder)
    build_site(clean)
    assert moscow.read_bytes() == (clean / "site" / "places" / "moscow.html").read_bytes()
