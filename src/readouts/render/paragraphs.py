"""Paragraph numbers: a readout's blocks → the ¶ number a reader cites each paragraph by.

Like the paragraph numbers of treaties, court judgments and the Foreign Relations of the United
States, they count what a reader can cite — paragraphs, list items and quotations, in order — and
not headings (nor tables and code, which carry no ¶): "¶4" is the fourth of them on the page. The
readout's page, the excerpts that quote a paragraph elsewhere and the citation all read the number
from here, so the number shown beside a paragraph is the one every link to its anchor names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from readouts.model import Block, Readout
from readouts.render.markdown import render_inline
from readouts.render.urls import Links, in_page

NUMBERED_KINDS = frozenset({"paragraph", "item", "quote"})
"""The kinds of block that get a ¶ number."""


def paragraph_numbers(blocks: Iterable[Block]) -> dict[str, int]:
    """Anchor → ¶ number, for the blocks that get one, counted from 1."""
    numbered = (block.anchor for block in blocks if block.kind in NUMBERED_KINDS)
    return {anchor: number for number, anchor in enumerate(numbered, start=1)}


def paragraph_label(number: int | None, title: str) -> str:
    """Where a link to a paragraph leads, for its accessible name:
    "paragraph 4 of “Japan-Russia Foreign Ministers’ Meeting”"."""
    where = f"paragraph {number} of " if number is not None else ""
    return f"{where}“{title}”"


def paragraph_excerpts(links: Links, readout: Readout, anchors: list[str]) -> list[dict[str, Any]]:
    """The paragraphs at `anchors`, each with its link, its ¶ number and, for the link's name, where
    it leads: a page of excerpts has many links that read "in context"."""
    return quoted_and_linked(links, readout, anchors, len(anchors))[0]


def quoted_and_linked(links: Links, readout: Readout, anchors: list[str],
                      quoted: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The first `quoted` paragraphs at `anchors` as excerpts (paragraph_excerpts), and the others
    as links alone, each with its ¶ number (None for a block without one): one pass over the
    readout's blocks for both."""
    listed = list(readout.blocks)  # unpacked once
    blocks = {b.anchor: b for b in listed}
    numbers = paragraph_numbers(listed)
    page = links.readout(readout.id)
    excerpts = [{"html": render_inline(blocks[a].text, blocks[a].lang), "lang": blocks[a].lang,
                 "href": in_page(page, a), "number": numbers.get(a),
                 "where": paragraph_label(numbers.get(a), readout.title)} for a in anchors[:quoted]]
    # Listed under the readout's own entry, a link's name need not repeat its title.
    others = [{"href": in_page(page, a), "number": numbers.get(a)} for a in anchors[quoted:]]
    return excerpts, others
