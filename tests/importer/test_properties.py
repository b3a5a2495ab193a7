"""Property tests: any input gives a readout or a clear error, and what import writes loads back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readouts.errors import ReadoutsError
from readouts.importer import read_source
from readouts.importer.run import make_context
from readouts.importer.write import render_markdown
from readouts.load import load_readout
from tests.conftest import REPO

CONTEXT = make_context(REPO)

# Lines built from the pieces real readouts are made of, so the search reaches the parsers'
# interesting paths instead of only random noise.
PIECES = st.sampled_from([
    "Japan-Russia Relations", "September 25, 2019", "31 May 201911:01", "All news", "  • ",
    "1. Bilateral relations", "1. 1. ", "(1) Joint economic activities", "photo1: Meeting",
    "On Tuesday, September 25 (local time), Mr. Taro Kono held a meeting with Mr. Sergey Lavrov.",
    "TOKYO, August 31. /TASS/. ", "for approximately one hour and 40 minutes", "<script>x</script>",
    "Back to Index", "en-GB1 ru-RU1", "Сергей Лавров", "# ", "- ", "[a](b)", "{{ x }}", "1956. ",
    "Ladies and gentlemen,", "Feb 30, 2020", "2019-02-30", " date 2021-08-11 ",
    "МОСКВА, 14 января. /ТАСС/. ", "Tokyo, Nov. 25 (Jiji Press)--", "09.02.2014 23:52", "31.02.2014",
    "Posted: 4:44 pm, March 20, 2017 by Desk man", "© KYODO", "Photo: Pool via AP", "в Москве",
    "(“2+2” Ministerial Meeting)", "Press Conference by the Prime Minister", "Meeting 1", "Meeting 2",
    "President of Russia Vladimir Putin:", "(retranslated):", "will be held on January 15", "today",
    "2019/09/25 10:00", "2019.9.5", "Putin arrives in Tokyo on an official visit", "Reuters Television",
])
LINES = st.lists(st.one_of(PIECES, st.text(max_size=80)), max_size=25).map("\n".join)


def _import(text: str):
    try:
        return read_source(text.encode("utf-8", "surrogatepass"), "prop.txt", CONTEXT)
    except ReadoutsError as error:
        assert error.message and error.path == "prop.txt"
        return None
    except UnicodeEncodeError:
        return None


@settings(max_examples=300, deadline=None)
@given(LINES)
# a visit's headline over photographs and their credits alone: no prose is left to read
@example("Putin arrives in Tokyo on an official visit\nReuters Television\n")
def test_any_text_gives_a_readout_or_a_clear_error(text: str) -> None:
    _import(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_readout_or_a_clear_error(data: bytes) -> None:
    try:
        read_source(data, "prop.txt", CONTEXT)
    except ReadoutsError as error:
        assert error.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_what_import_writes_loads_back_with_the_same_facts(text: str) -> None:
    imported = _import(text)
    if imported is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content" / "readouts" / "prop-readout.md"
        path.parent.mkdir(parents=True)
        path.write_text(render_markdown("prop-readout", imported, "sources/prop.txt", "0" * 64), encoding="utf-8")
        loaded = load_readout(path)
    assert loaded.publisher == imported.publisher
    assert loaded.kind == imported.kind
    assert loaded.published == imported.published
    assert loaded.meeting.date == imported.meeting.date
    assert loaded.meeting.duration_minutes == imported.meeting.duration_minutes
    assert loaded.participants == imported.participants
    assert loaded.topics == imported.topics
    if imported.title:
        assert loaded.title == imported.title
