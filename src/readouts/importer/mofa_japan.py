"""Japan's Ministry of Foreign Affairs: "(Overview)" pages under a region's section.

Their pages put a section name ("Japan-Russia Relations") and the date above photo captions and
the headline, often printed twice, and end with "Back to <section>".
"""

from __future__ import annotations

import re

from readouts.importer.common import Context, Header, ImportedReadout, headline_like, last_headline, parse_document
from readouts.importer.document import Document, clean_caption

NAME = "mofa-japan"

_SIGNS = (
    re.compile(r"The overview of the (?:meeting|talks?|conversation|visit) is as follows", re.I),
    re.compile(r"Minister for Foreign Affairs(?: of Japan)?", re.I),
    re.compile(r"\(Overview\)"),
    re.compile(r"\(local time\)", re.I),
    re.compile(r"Four Northern Islands|Northern Territories", re.I),
    re.compile(r"^Back to (?:Japan-\w+ Relations|Index)", re.I | re.M),
    re.compile(r"former island residents", re.I),
)


def detect(doc: Document) -> int:
    """How strongly the text reads like a MOFA page (0 = not at all)."""
    return sum(2 if sign.search(doc.raw) else 0 for sign in _SIGNS) - (4 if "/TASS/" in doc.raw else 0)


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The last headline after the date; else the headline above it; else a photo caption."""
    lines = list(header.lines)
    split = header.date_index if header.date_index is not None else -1
    after = last_headline(lines[split + 1:])
    if after is not None:
        return clean_caption(after.text), (after.number,)
    sections = {footer.lower() for footer in doc.footers}
    before = [line for line in lines[: max(split, 0)]
              if headline_like(line.text) and line.text.lower() not in sections]
    if before:
        return before[0].text, (before[0].number,)
    if doc.captions:
        return doc.captions[-1], ()
    return None, ()


def parse(doc: Document, context: Context) -> ImportedReadout:
    return parse_document(doc, context, publisher="mofa-japan", default_kind="readout",
                          choose_title=choose_title)
