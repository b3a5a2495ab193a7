"""The publisher registry: every adapter has a row, and a new publisher needs only its adapter
and its row to be imported, loaded, shown and cited."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import get_args

import pytest

from readouts.build import build_site
from readouts.errors import ReadoutsError
from readouts.importer import ADAPTERS
from readouts.importer.common import Context, Header, ImportedReadout, first_headline, parse_document
from readouts.importer.document import Document
from readouts.publishers import PUBLISHERS, Publisher, PublisherInfo

TOY = PublisherInfo("toy-ministry", "toy_ministry", "Ministry of Toys", "japan", "toy", "RPRT", "report")

# The toy ministry's pages carry a masthead no other publisher prints.
TOY_SOURCE = """\
TOY MINISTRY PRESS OFFICE
Japan-Russia Talks on Wooden Trains
May 12, 2021
On May 12, Mr. Toshimitsu Motegi, Minister for Foreign Affairs of Japan, held a meeting with Mr. Sergey Lavrov, \
Minister of Foreign Affairs of the Russian Federation, in Moscow.
The two ministers discussed the joint economic activities on the four northern islands.
"""


def _toy_adapter() -> types.ModuleType:
    """An adapter module as importer/<name>.py would be, built here so the test owns all of it."""
    module = types.ModuleType("toy_ministry")

    def detect(doc: Document) -> int:
        return 10 if "TOY MINISTRY PRESS OFFICE" in doc.raw else 0

    def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
        lines = [line for line in header.lines if line.text != "TOY MINISTRY PRESS OFFICE"]
        line = first_headline(lines)
        return (line.text, (line.number,)) if line else (None, ())

    def parse(doc: Document, context: Context) -> ImportedReadout:
        return parse_document(doc, context, publisher=TOY.id, default_kind="readout",  # type: ignore[arg-type]
                              choose_title=choose_title)

    vars(module).update(NAME=TOY.id, DOMAINS=("toys.example",), detect=detect, parse=parse)
    return module


@pytest.fixture
def toy_publisher(monkeypatch: pytest.MonkeyPatch) -> PublisherInfo:
    """The toy publisher's row and adapter, in the registry for this test only."""
    monkeypatch.setitem(PUBLISHERS, TOY.id, TOY)  # type: ignore[index]
    monkeypatch.setitem(ADAPTERS, TOY.id, _toy_adapter())
    return TOY


def test_the_publisher_type_names_exactly_the_registrys_rows() -> None:
    assert get_args(Publisher) == tuple(PUBLISHERS)
    assert all(key == row.id for key, row in PUBLISHERS.items())


def test_each_publishers_adapter_writes_its_id() -> None:
    assert list(ADAPTERS) == list(PUBLISHERS)
    assert all(row.id == ADAPTERS[row.id].NAME for row in PUBLISHERS.values())


def test_short_ids_are_distinct_so_readout_ids_say_who_published() -> None:
    short = [row.short_id for row in PUBLISHERS.values()]
    assert len(set(short)) == len(short)
    assert all(re.fullmatch(r"[a-z]+", s) for s in short)


def test_a_new_publisher_is_its_adapter_and_its_row(toy_publisher: PublisherInfo, demo_site: Path) -> None:
    (demo_site / "content" / "sources" / "toy.txt").write_text(TOY_SOURCE, encoding="utf-8")
    (demo_site / "site.yaml").write_text(
        (demo_site / "site.yaml").read_text(encoding="utf-8") + "publishers:\n  tass: TASS Russian News Agency\n",
        encoding="utf-8")
    build_site(demo_site)

    readout_id = "2021-05-12-toy-japan-russia-talks-on-wooden-trains"
    markdown = (demo_site / "content" / "readouts" / f"{readout_id}.md").read_text(encoding="utf-8")
    assert "publisher: toy-ministry" in markdown
    site = demo_site / "site"
    page = (site / "readouts" / f"{readout_id}.html").read_text(encoding="utf-8")
    assert "Ministry of Toys" in page
    assert "TY  - RPRT" in page
    assert re.search(r"&#34;type&#34;: &#34;report&#34;|\"type\": \"report\"", page)
    publishers = (site / "publishers.html").read_text(encoding="utf-8")
    toy_group = publishers[publishers.index("Ministry of Toys"):]
    assert re.match(r"Ministry of Toys</h2>\s*<p[^>]*>Japan", toy_group), toy_group[:200]
    assert "TASS Russian News Agency" in publishers
    assert "pub-toy-ministry" in (site / "timeline.html").read_text(encoding="utf-8")


def test_site_yaml_names_a_new_publisher_like_the_others(toy_publisher: PublisherInfo, tmp_path: Path) -> None:
    from readouts.config import load_config

    (tmp_path / "site.yaml").write_text("publishers:\n  toy-ministry: Toy Ministry\n", encoding="utf-8")
    assert load_config(tmp_path).publisher_names["toy-ministry"] == "Toy Ministry"


def test_front_matter_naming_no_registered_publisher_lists_those_there_are(tmp_path: Path) -> None:
    from readouts.load import load_readout

    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: Talks\npublisher: toy-ministry\n---\nText.\n", encoding="utf-8")
    with pytest.raises(ReadoutsError, match="expected publisher to be one of: mofa-japan, mid-russia, tass, "
                                            "kremlin, other; got 'toy-ministry'") as raised:
        load_readout(path)
    assert raised.value.line == 3
