"""The reading every adapter shares: header and body apart, then the facts, then the Markdown.

An adapter differs from the others only where its publisher's pages differ: how the
headline sits among dates and captions, and what kind of document it usually is. It calls
parse_document with those differences; the fact rules (rules.RULES) do the rest.
"""

from __future__ import annotations

from readouts.importer.datelines import Dateline, dateline
from readouts.importer.document import Document
from readouts.importer.header import (
    Header,
    first_headline,
    headline_like,
    label_reason,
    last_headline,
    split_header,
)
from readouts.importer.reading import Context, ImportedReadout, Reading, TitleChooser
from readouts.importer.rules import RULES
from readouts.model import Kind, Publisher


def parse_document(doc: Document, context: Context, *, publisher: Publisher, default_kind: Kind,
                   choose_title: TitleChooser) -> ImportedReadout:
    """Read a prepared document into an ImportedReadout; the adapter supplies its differences."""
    reading = Reading(doc, context, publisher, default_kind, choose_title, changes=list(doc.changes))
    for rule in RULES:
        rule(reading)
    return reading.result()


__all__ = ["Context", "Dateline", "Header", "ImportedReadout", "TitleChooser", "dateline", "first_headline",
           "headline_like", "label_reason", "last_headline", "parse_document", "split_header"]
