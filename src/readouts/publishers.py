"""The publishers a site knows: one row each, read by every stage that treats publishers apart.

Import runs each row's adapter and names readout ids after its short id, load accepts only
these ids, and render takes each publisher's default name, side and citation types from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Publisher = Literal["mofa-japan", "mid-russia", "tass", "kremlin", "other"]
"""A publisher id; tests/test_publishers.py holds it to the rows of PUBLISHERS."""

Side = Literal["japan", "russia", "other"]
"""Whose account a publisher gives: a meeting page compares what each side reported."""


@dataclass(frozen=True, slots=True)
class PublisherInfo:
    """One publisher: what import, load and render need to know about it."""

    id: Publisher
    """As front matter spells it (`publisher: mofa-japan`); its adapter's NAME."""
    adapter: str
    """The module in readouts/importer/ that reads its pages (`importer/mofa_japan.py`)."""
    name: str
    """The name pages show unless site.yaml's `publishers:` gives another."""
    side: Side
    short_id: str
    """The word readout ids carry after the date ("2019-09-25-mofa-…"); ids never change, so
    neither may this once readouts carry it."""
    ris_type: str
    """The RIS reference type of its citations: GOVDOC for a government's own pages, NEWS for news."""
    csl_type: str
    """The CSL-JSON type of its citations: "webpage" or "article-newspaper"."""


def _rows(*rows: PublisherInfo) -> dict[str, PublisherInfo]:
    return {row.id: row for row in rows}


PUBLISHERS: Mapping[str, PublisherInfo] = _rows(
    PublisherInfo("mofa-japan", "mofa_japan", "Ministry of Foreign Affairs of Japan", "japan", "mofa",
                  "GOVDOC", "webpage"),
    PublisherInfo("mid-russia", "mid_russia", "Ministry of Foreign Affairs of Russia", "russia", "mid",
                  "GOVDOC", "webpage"),
    PublisherInfo("tass", "tass", "TASS", "russia", "tass", "NEWS", "article-newspaper"),
    PublisherInfo("kremlin", "kremlin", "President of Russia", "russia", "kremlin", "GOVDOC", "webpage"),
    # news outlets, embassies, reposts: a readout shows the outlet it credits in this name's place.
    # Its adapter reads whatever no other recognises, so it stays last.
    PublisherInfo("other", "generic", "Other outlets", "other", "news", "NEWS", "article-newspaper"),
)
"""Every publisher, in the order pages list them (charts, tables, the publishers' page) and
adapters are tried in."""
