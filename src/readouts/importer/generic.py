"""Any other outlet: news agencies, embassies' press digests, reposts.

With no publisher's layout to rely on, the headline is the last headline-like line before the
text (a caption above it is the usual thing to skip), and the document counts as news.
"""

from __future__ import annotations

from readouts.importer.common import Context, Header, ImportedReadout, last_headline, parse_document
from readouts.importer.document import Document
from readouts.importer.header import headline_like
from readouts.publishers import Publisher

NAME: Publisher = "other"
DOMAINS: tuple[str, ...] = ()


def detect(doc: Document) -> int:
    return 1


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The headline a page prints twice (in its title bar and over the story), else the last
    headline above the text: site labels come before it, a deck under it is printed once."""
    lines = list(header.lines)
    texts = [line.text for line in lines]
    twice = next((line for line in lines if texts.count(line.text) > 1 and headline_like(line.text)), None)
    line = twice or last_headline(lines)
    return (line.text, (line.number,)) if line else (None, ())


def parse(doc: Document, context: Context) -> ImportedReadout:
    return parse_document(doc, context, publisher=NAME, default_kind="news",
                          choose_title=choose_title)
