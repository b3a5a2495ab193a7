"""The five seed readouts import to the Markdown held in golden files, with the right facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readouts.cache import sha256_hex
from readouts.importer import read_source
from readouts.importer.run import make_context
from readouts.importer.write import render_markdown
from tests.conftest import REPO

SOURCES = sorted((REPO / "content" / "sources").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"
FURNITURE = ("Back to Japan-Russia Relations", "Back to Index", "All news", "Showing 1 result",
             "Advanced settings", "en-GB1", "ru-RU1", "photo1:", "photo2:")


@pytest.fixture(scope="module")
def imported():
    context = make_context(REPO)
    return {path.name: read_source(path.read_bytes(), str(path), context) for path in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_seed_imports_to_golden_markdown(source: Path, imported, update_golden: bool) -> None:
    result = imported[source.name]
    text = render_markdown(f"golden-{source.stem}", result, f"sources/{source.name}",
                           sha256_hex(source.read_bytes()))
    golden = GOLDEN / f"{source.stem}.md"
    if update_golden or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_no_page_furniture_survives(source: Path, imported) -> None:
    body = imported[source.name].body.text
    for furniture in FURNITURE:
        assert furniture not in body


def test_mofa_seed_facts(imported) -> None:
    r = imported["000_201935dbfacb4233.txt"]
    assert r.publisher == "mofa-japan"
    assert r.kind == "readout"
    assert r.published == dt.date(2019, 9, 25)
    assert r.meeting.date == dt.date(2019, 9, 25)
    assert r.meeting.place == "New York"
    assert r.meeting.occasion == "United Nations General Assembly"
    assert r.meeting.duration_minutes == 45
    assert set(r.participants) == {"toshimitsu-motegi", "sergey-lavrov"}
    assert r.title == "Japan-Russia Foreign Ministers’ Meeting"


def test_mid_seed_splits_the_glued_date_and_time(imported) -> None:
    r = imported["004_6febcb305ee30d60.txt"]
    assert r.publisher == "mid-russia"
    assert r.published == dt.date(2019, 5, 31)
    assert r.meeting.place == "Tokyo"
    assert any(c.action == "normalised" and "glued" in c.why for c in r.changes)


def test_tass_seed_leaves_the_year_it_does_not_print_empty(imported) -> None:
    r = imported["002_9103bf42da6338ac.txt"]
    assert r.publisher == "tass"
    assert r.kind == "news"
    assert r.published is None
    assert any("no year" in note for note in r.notes)
    assert set(r.participants) == {"toshimitsu-motegi", "sergey-lavrov"}


def test_repeated_numbering_is_printed_once(imported) -> None:
    r = imported["003_19287fb4fa5b8656.txt"]
    assert "1. 1." not in r.body.text
    assert r.meeting.date == dt.date(2012, 9, 25)
    assert r.meeting.duration_minutes == 25


def test_structure_is_kept(imported) -> None:
    body = imported["001_7e10b131fb157943.txt"].body.text
    assert "## 1. North Korea" in body
    assert "### (1) Joint economic activities on the Four Northern Islands" in body
    assert "\n- The two sides shared the recognition" in body
