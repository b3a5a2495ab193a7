"""A readout's Markdown body → its blocks: the paragraphs, headings and items topics attach to.

Only the parser of markdown-it-py is used here (no HTML is made): its token map gives each
block's lines, so every block can be traced to its line in the file.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re
from typing import Any

import markdown_it.rules_block
from markdown_it import MarkdownIt

from readouts.model import Block


class _Unlogged:
    """Stands for the loggers of markdown-it-py's block rules: each rule logs a debug line on
    every line it tries, which no one reads, and asking whether debug is on took a seventh of
    the block parser's time (about 0.2 s per 1,000 readouts)."""

    @staticmethod
    def debug(*_: Any, **__: Any) -> None:
        return None


for _rule in pkgutil.iter_modules(markdown_it.rules_block.__path__):
    _module = importlib.import_module(f"markdown_it.rules_block.{_rule.name}")
    if hasattr(_module, "LOGGER"):
        setattr(_module, "LOGGER", _Unlogged)  # noqa: B010 (the module is found by name)

# Only the block structure is needed here: inline parsing (a third of the time) is left to render.
_PARSER = MarkdownIt("commonmark", {"html": False}).disable(["inline", "text_join"])
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")


def anchor_for(text: str) -> str:
    """A block's anchor, from its own words: stable when other blocks change.

    Whitespace and case are folded so that re-wrapping a paragraph keeps its anchor.
    """
    folded = " ".join(text.lower().split())
    return "p-" + hashlib.sha1(folded.encode("utf-8")).hexdigest()[:7]


def language_of(text: str) -> str | None:
    """"ru" when most letters are Cyrillic, else None (the site's language)."""
    cyrillic = len(_CYRILLIC.findall(text))
    if not cyrillic:
        return None
    return "ru" if cyrillic * 2 > len(_LETTER.findall(text)) else None


def parse_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """Split a Markdown body into blocks; `first_line` is the body's first line in the file."""
    lines = body.splitlines()
    tokens = _PARSER.parse(body)
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    depth = 0
    quote = 0
    numbers: list[int | None] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = None
        level = 0
        number = None
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            start = token.attrGet("start")
            numbers.append(int(start) if token.type == "ordered_list_open" and start is not None
                           else (1 if token.type == "ordered_list_open" else None))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            numbers.pop()
        elif token.type == "blockquote_open":
            quote += 1
        elif token.type == "blockquote_close":
            quote -= 1
        elif token.type == "list_item_open":
            if numbers and numbers[-1] is not None:
                number = numbers[-1]
                numbers[-1] = number + 1
            # The item's first paragraph is the block; nested lists become their own blocks.
            inline = tokens[index + 2] if index + 2 < len(tokens) else None
            if inline is not None and inline.type == "inline":
                kind, level = "item", depth
                text = inline.content
                line = token.map[0] if token.map else 0
                index += 3
                blocks.append(_block(kind, level, number, text, first_line + line, seen))
                continue
        elif token.type == "heading_open":
            text = tokens[index + 1].content
            line = token.map[0] if token.map else 0
            blocks.append(_block("heading", int(token.tag[1]), None, text, first_line + line, seen))
            index += 3
            continue
        elif token.type == "paragraph_open":
            text = tokens[index + 1].content
            line = token.map[0] if token.map else 0
            blocks.append(_block("quote" if quote else "paragraph", 0, None, text,
                                 first_line + line, seen))
            index += 3
            continue
        elif token.type in ("fence", "code_block", "html_block", "hr", "table_open") and token.map:
            start, end = token.map
            text = "\n".join(lines[start:end])
            blocks.append(_block("other", 0, None, text, first_line + start, seen))
        index += 1
    return tuple(blocks)


def _block(kind: str, level: int, number: int | None, text: str, line: int,
           seen: dict[str, int]) -> Block:
    anchor = anchor_for(text)
    # The same words twice (pages repeat paragraphs) get -2, -3 in order of appearance.
    seen[anchor] = seen.get(anchor, 0) + 1
    if seen[anchor] > 1:
        anchor = f"{anchor}-{seen[anchor]}"
    return Block(anchor=anchor, kind=kind, level=level, number=number, text=text,  # type: ignore[arg-type]
                 line=line, lang=language_of(text))
