"""Loading content: bad front matter gets one clear message with the file and the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.load import load_corpus, load_readout
from tests.conftest import copy_demo_site

GOOD = """---
id: 2020-01-01-mofa-test
title: Test readout
publisher: mofa-japan
kind: readout
published: 2020-01-01
meeting:
  date: 2020-01-01
  place: Tokyo
participants: [sergey-lavrov]
topics: [peace-treaty]
---

A paragraph about the peace treaty.
"""


def _write(folder: Path, text: str, name: str = "2020-01-01-mofa-test") -> Path:
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_readout_loads(tmp_path: Path) -> None:
    readout = load_readout(_write(tmp_path, GOOD))
    assert readout.title == "Test readout"
    assert readout.meeting.place == "Tokyo"
    assert readout.blocks[0].line == 14
    assert readout.imported is None


@pytest.mark.parametrize(("change", "message", "line"), [
    (("published: 2020-01-01", "published: 2020-02-30"), "does not exist", 6),
    (("published: 2020-01-01", "published: 01/01/2020"), "expected a date like 2019-09-25", 6),
    (("publisher: mofa-japan", "publisher: mofa"), "expected publisher to be one of", 4),
    (("kind: readout", "kind: memo"), "expected kind to be one of", 5),
    (("  place: Tokyo", "  place: Tokyo\n  duration_minutes: soon"), "whole number of minutes", 10),
    (("topics: [peace-treaty]", "topics: [peace-treaty"), "not valid YAML", 12),
    (("title: Test readout", "title: Test readout\ncolour: red"), "unknown key 'colour'", 4),
    (("id: 2020-01-01-mofa-test", "id: another-id"), "differs from the file name", 2),
    (("participants: [sergey-lavrov]", "participants: Sergey Lavrov"), "list of ids", 10),
    (("title: Test readout\n", ""), "missing 'title'", None),
    (("  place: Tokyo", "  place: Tokyo\n  date_supplied: 2020-01-01"), "a date: and a date_supplied:", 10),
    (("  date: 2020-01-01", "  date:\n  date_supplied: 1 January"), "expected a date like 2019-09-25", 9),
    (("  date: 2020-01-01", "  date:\n  supplied_from: the other side's readout"), "there is no date_supplied:", 9),
    (("  date: 2020-01-01", "  date:\n  date_supplied: 2020-01-01\n  supplied_from: [a, b]"),
     "expected supplied_from as text", 10),
])
def test_bad_front_matter_is_named_with_its_line(tmp_path: Path, change, message: str, line) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ReadoutsError, match=message) as raised:
        load_readout(path)
    assert raised.value.path == str(path)
    if line is not None:
        assert raised.value.line == line


def test_a_supplied_date_loads_beside_an_empty_printed_one(tmp_path: Path) -> None:
    text = GOOD.replace("  date: 2020-01-01", "  date:\n  date_supplied: 2020-01-02\n"
                        "  supplied_from: the Russian ministry's readout")
    meeting = load_readout(_write(tmp_path, text)).meeting
    assert meeting.date is None and meeting.date_supplied == dt.date(2020, 1, 2)
    assert meeting.supplied_from == "the Russian ministry's readout"


def test_missing_front_matter(tmp_path: Path) -> None:
    with pytest.raises(ReadoutsError, match="front matter"):
        load_readout(_write(tmp_path, "Just text.\n"))


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    text = GOOD.replace("topics: [peace-treaty]", "a: &x [1]\ntopics: *x")
    with pytest.raises(ReadoutsError, match="aliases"):
        load_readout(_write(tmp_path, text))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    readouts = tmp_path / "content" / "readouts"
    readouts.mkdir(parents=True)
    _write(readouts, GOOD.replace("2020-01-01\nmeeting", "2020-13-01\nmeeting"))
    _write(readouts, GOOD.replace("id: 2020-01-01-mofa-test", "id: second").replace(
        "[peace-treaty]", "[no-such-topic]"), name="second")
    with pytest.raises(ReadoutsErrors) as raised:
        load_corpus(tmp_path)
    messages = [e.message for e in raised.value.errors]
    assert any("does not exist" in m for m in messages)
    assert any("unknown topic 'no-such-topic'" in m for m in messages)


def test_one_date_used_twice_is_written_twice_not_as_a_yaml_alias(tmp_path: Path) -> None:
    import datetime as dt

    from readouts.yamlio import dump_yaml

    day = dt.date(2017, 4, 27)
    text = dump_yaml({"published": day, "meeting": {"date": day}})
    assert "&" not in text and "*" not in text
    path = _write(tmp_path, GOOD.replace("published: 2020-01-01\nmeeting:\n  date: 2020-01-01",
                                         text.strip().replace("meeting:\n", "meeting:\n", 1)))
    readout = load_readout(path)
    assert readout.published == readout.meeting.date == day


FRONT_MATTER_PIECES = [
    "id: 2020-01-01-mofa-test", "title: A", "title: [a, b]", "publisher: tass", "publisher: x", "kind: news",
    "published: 2020-02-30", "published: 2020-01-01", "meeting:", "  date: 2020-01-01", "  place: Tokyo",
    "  duration_minutes: -1", "participants: [a-b]", "participants: a", "topics: [x]", "source: {file: x}",
    "a: &x [1]", "b: *x", "- list", "  : colon", "\t tab", "'unclosed", "key: !!python/name:os.system",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRONT_MATTER_PIECES), st.text(max_size=40)), max_size=12),
       st.text(max_size=200))
def test_any_front_matter_gives_a_readout_or_a_clear_error(tmp_path_factory, lines: list[str], body: str) -> None:
    folder = tmp_path_factory.mktemp("fm")
    path = folder / "2020-01-01-mofa-test.md"
    try:
        path.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8", errors="surrogatepass")
    except UnicodeEncodeError:
        return
    try:
        load_readout(path)
    except ReadoutsError as error:
        assert error.message and error.path == str(path)


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "2020-01-01-mofa-test.md"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_readout(path).title == "Test readout"


def test_a_readout_unchanged_since_the_last_build_is_not_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm build of 10,000 readouts must not read 80 MB to learn that nothing changed: files
    whose size, times and inode are as cached are taken from the cache unread, while a file
    changed moments ago (its clock tick may not be over) is read whatever its times say."""
    import os
    import time

    from tests.conftest import copy_demo_site

    demo_site = copy_demo_site(tmp_path)
    cache: dict = {}
    folder = demo_site / "content" / "readouts"
    past = time.time() - 60
    for path in folder.glob("*.md"):
        os.utime(path, (past, past))
    # Change times cannot be set back: pretend the files were looked at a minute later.
    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)
    first = load_corpus(demo_site, cache)
    read: list[str] = []
    real_read_bytes = Path.read_bytes

    def reading(self: Path) -> bytes:
        read.append(self.name)
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", reading)
    edited = sorted(folder.glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    second = load_corpus(demo_site, cache)
    assert [name for name in read if name.endswith(".md")] == [edited.name]
    assert len(second.readouts) == len(first.readouts)
    assert "One more paragraph." in next(b.text for r in second.readouts if r.path.path == str(edited)
                                         for b in r.blocks if "more paragraph" in b.text)
    # a window far wider than the test's own time, so a slow machine cannot let the edit settle
    monkeypatch.setattr("readouts.cache.RACY_NS", 3600 * 10**9)
    read.clear()
    load_corpus(demo_site, cache)
    assert edited.name in read, "a file written a moment ago was trusted by its times"


def test_a_registry_is_parsed_again_only_when_its_file_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build loads the corpus: an unchanged topics.yaml is taken as it was, and an edited
    one is read again."""
    from readouts import load, registries
    from readouts.file_memo import FileMemo

    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)  # every file settled
    root = copy_demo_site(tmp_path)
    parsed: list[Path] = []
    real = registries.load_topics
    monkeypatch.setattr(load, "load_topics", lambda path: (parsed.append(path), real(path))[1])
    files = FileMemo()  # kept by the build cache from one build to the next
    first = load.load_corpus(root, files=files)
    assert load.load_corpus(root, files=files).topics == first.topics and len(parsed) == 1
    topics = root / "content" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("title: Peace treaty", "title: The peace treaty"),
                      encoding="utf-8")
    assert any(t.title == "The peace treaty" for t in load.load_corpus(root, files=files).topics) and len(parsed) == 2


def test_glossary_names_differing_only_in_case_are_one_name(tmp_path: Path) -> None:
    from readouts.load import load_terms

    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        "- id: eight-point-plan\n  title: Eight-Point Cooperation Plan\n  names:\n"
        "    japan: [Eight-Point Cooperation Plan, Eight-point Cooperation Plan, EIGHT-POINT COOPERATION PLAN]\n"
        "    russia: [eight-point plan, TOR, Tor]\n  definition: A plan.\n", encoding="utf-8")
    (term,) = load_terms(glossary)
    assert term.names["japan"] == ("Eight-Point Cooperation Plan", "EIGHT-POINT COOPERATION PLAN")
    assert term.names["russia"] == ("eight-point plan", "TOR", "Tor")


def test_the_glossary_page_lists_a_name_once_whatever_its_case(built_demo: Path) -> None:
    page = (built_demo / "site" / "glossary.html").read_text(encoding="utf-8")
    assert "Eight-Point Cooperation Plan" in page
    assert "Eight-point Cooperation Plan" not in page


def test_splitting_a_body_into_blocks_logs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """markdown-it-py's block rules asked the logger on every line they tried: a seventh of the
    block parser's time, for lines no one reads."""
    import logging

    from readouts.blocks import parse_blocks

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("the block parser logged")

    monkeypatch.setattr(logging.Logger, "debug", asked)
    blocks = parse_blocks("# Talks\n\n> A quote.\n\n1. One\n2. Two\n\n```\ncode\n```\n\n---\n\nText.\n", 1)
    assert [b.kind for b in blocks] == ["heading", "quote", "item", "item", "other", "other", "paragraph"]
