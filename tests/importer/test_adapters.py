"""Each adapter on small texts written for the case: which adapter reads it, what it finds.

Every fixtures/<adapter>/<case>.txt has its expected Markdown in <case>.md beside it
(regenerate with `pytest --update-golden` and review the diff).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readouts.importer import pick, read_source
from readouts.importer.document import decode, prepare
from readouts.importer.run import make_context
from readouts.importer.write import render_markdown
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*/*.txt"))
PUBLISHER = {"mofa_japan": "mofa-japan", "mid_russia": "mid-russia", "tass": "tass",
             "kremlin": "kremlin", "generic": "other"}


@pytest.fixture(scope="module")
def context():
    return make_context(REPO)


def _read(path: Path, context):
    return read_source(path.read_bytes(), path.name, context)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_is_read_by_its_publishers_adapter(case: Path) -> None:
    doc = prepare(decode(case.read_bytes(), case.name), case.name)
    assert PUBLISHER[case.parent.name] == pick(doc).NAME


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_imports_to_golden_markdown(case: Path, context, update_golden: bool) -> None:
    text = render_markdown("fixture", _read(case, context), f"sources/{case.name}", "0" * 64)
    golden = case.with_suffix(".md")
    if update_golden or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


FACTS = [
    # (case, field, expected)
    ("mofa_japan/caption_is_the_only_headline", "title", "Japan-Russia Foreign Ministers' Telephone Talk"),
    ("mofa_japan/caption_is_the_only_headline", "duration", 70),
    ("mofa_japan/caption_is_the_only_headline", "place", None),  # a telephone talk has no place
    ("mofa_japan/caption_is_the_only_headline", "meeting_date", dt.date(2021, 3, 3)),
    ("mofa_japan/caption_is_the_only_headline", "participants", {"toshimitsu-motegi", "sergey-lavrov"}),
    ("mofa_japan/overview_title_above_date", "title", "Foreign Minister's Visit to Russia (Overview)"),
    ("mofa_japan/overview_title_above_date", "meeting_date", dt.date(2016, 12, 18)),
    ("mofa_japan/overview_title_above_date", "place", "Moscow"),
    ("mofa_japan/overview_title_above_date", "duration", 90),
    ("mid_russia/glued_date_and_language_switcher", "published", dt.date(2021, 2, 12)),
    ("mid_russia/glued_date_and_language_switcher", "kind", "press-conference"),
    ("mid_russia/glued_date_and_language_switcher", "place", "Moscow"),
    ("mid_russia/glued_date_and_language_switcher", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("tass/dateline_without_year", "published", None),
    ("tass/dateline_without_year", "meeting_date", None),
    ("tass/dateline_without_year", "title", "Lavrov, Hayashi discuss peace treaty in phone call"),
    ("tass/dateline_without_year", "participants", {"sergey-lavrov", "yoshimasa-hayashi"}),
    ("kremlin/date_and_place_line", "published", dt.date(2020, 10, 7)),
    ("kremlin/date_and_place_line", "participants", {"vladimir-putin", "yoshihide-suga"}),
    ("kremlin/date_and_place_line", "title", "Telephone conversation with Prime Minister of Japan Yoshihide Suga"),
    ("generic/news_agency_glued_stamp", "published", dt.date(2022, 3, 21)),
    ("generic/news_agency_glued_stamp", "title", "Russia suspends talks with Japan"),
    ("generic/russian_text", "participants", {"sergey-lavrov", "toshimitsu-motegi"}),
    ("generic/russian_text", "place", "Moscow"),
    ("generic/russian_text", "meeting_date", dt.date(2020, 12, 18)),
    ("generic/russian_text", "topics", {"peace-treaty"}),
]


@pytest.mark.parametrize(("case", "field", "expected"), FACTS, ids=lambda v: str(v))
def test_fact_is_read(case: str, field: str, expected, context) -> None:
    r = _read(FIXTURES / f"{case}.txt", context)
    got = {
        "title": r.title, "published": r.published, "kind": r.kind, "place": r.meeting.place,
        "meeting_date": r.meeting.date, "duration": r.meeting.duration_minutes,
        "participants": set(r.participants), "topics": set(r.topics),
    }[field]
    assert got == expected


def test_markup_in_a_source_stays_text(context) -> None:
    text = _read(FIXTURES / "generic" / "hostile_markup_is_text.txt", context).body.text
    assert "\\<script\\>" in text or "<script>" not in text
    assert "\\[note\\](javascript" in text
    assert "\\# not a heading" in text
    assert "1956\\. The year" in text
    assert "\\~~~" in text


@pytest.mark.parametrize(("case", "kind", "place", "participants"), [
    ("generic/report_of_a_press_conference", "news", None, {"yoshimasa-hayashi", "sergey-lavrov"}),
    ("generic/transcript_reposted_without_furniture", "press-conference", "Moscow",
     {"sergey-lavrov", "yoshimasa-hayashi"}),
])
def test_a_transcript_is_a_press_conference_and_a_report_of_one_is_news(case, kind, place, participants,
                                                                          context) -> None:
    r = _read(FIXTURES / f"{case}.txt", context)
    assert (r.kind, r.meeting.place, set(r.participants)) == (kind, place, participants)
