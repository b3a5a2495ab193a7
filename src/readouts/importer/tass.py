"""TASS, the Russian news agency: "CITY, Month D. /TASS/." datelines that mostly print no year
(some copies add it: "CITY, Month D, YYYY. /TASS/.").

Pages open with "All news" or a list of other stories, then the headline and a standfirst
that the text repeats, then the story.
"""

from __future__ import annotations

import re

from readouts.importer.common import Context, Header, ImportedReadout, first_headline, parse_document
from readouts.importer.document import Document
from readouts.publishers import Publisher

NAME: Publisher = "tass"
DOMAINS = ("tass.com", "tass.ru")
"""The site the publisher publishes on: an address there settles who published a text."""

# "MOSCOW, May 29. /TASS/." in English; "МОСКВА, 14 января. /ТАСС/." on the Russian service;
# "TOKYO, February 1 (Itar-Tass) -" as the agency signed until 2014.
_DATELINE = re.compile(
    # a less-known city with its country: "NAGOYA /Japan/, November 22. /TASS/."; the city in
    # capitals or, in some years' copies, as a word: "Moscow, December 17. /TASS/."
    # and the period after the day left out in some years' copies: "MOSCOW, September 21 /TASS/."
    r"^(?:[A-Z][A-Za-z .'-]{1,30}(?:\s*/[A-Z][a-z]+/)?,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?\.?\s*/TASS/\.|"
    r"[A-Z][A-Z .'-]{1,30},\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?\s*\((?:ITAR-TASS|Itar-Tass)\)|"
    # with the correspondent who filed it: "ТОКИО, 12 апреля. /Корр. ТАСС Алексей Заврачаев/."
    r"[А-ЯЁ][А-ЯЁ .-]{1,30},\s+\d{1,2}\s+[а-яё]+(?:\s+\d{4})?\.\s*/(?:Корр\.\s+)?ТАСС(?:\s+[А-ЯЁ][а-яё-]+){0,2}/\.)",
    re.M)


def detect(doc: Document) -> int:
    score = 8 if _DATELINE.search(doc.text) else 0
    return score + (2 if re.search(r"/TASS/|/ТАСС/|^All news$", doc.raw, re.M) else 0)


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The first headline; the lines after it are the standfirst."""
    line = first_headline(list(header.lines))
    return (line.text, (line.number,)) if line else (None, ())


def parse(doc: Document, context: Context) -> ImportedReadout:
    return parse_document(doc, context, publisher=NAME, default_kind="news",
                          choose_title=choose_title)
