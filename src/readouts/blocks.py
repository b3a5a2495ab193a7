"""A readout's Markdown body → its blocks: the paragraphs, headings and items topics attach to.

Only the parser of markdown-it-py is used here (no HTML is made): its token map gives each
block's lines, so every block can be traced to its line in the file.

Its block parser tries a dozen rules on every line of every body, and was about 9 % of a cold
build's samples. The bodies the importer writes (`importer/structure.py`) and the benchmark's
generator makes use four constructs only, one block a line: paragraphs, ATX headings, bullet
("- ") and numbered ("1. ") list items, with blank lines between. Such a body's blocks are read
line by line (`plain_blocks`); a body with anything else in it (indentation, quotes, code, HTML,
rules, tables, setext headings, lazy continuation lines, a paragraph interrupted without a blank
line, a carriage return) goes to markdown-it-py. Every rule of the line reader is stricter than
CommonMark's, so that what it reads is what markdown-it-py reads: tests/test_blocks.py compares
the two on generated and hostile bodies."""

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


FoundBlock = tuple[str, int, int | None, str, int]
"""(kind, level, number, text, line): a block before its anchor is made; the line counts from 0."""

# What CommonMark reads as an ordered list's marker at a line's start (up to nine digits).
_ORDERED_MARKER = re.compile(r"[0-9]{1,9}[.)](?:[ \t]|$)")
_ORDERED_ITEM = re.compile(r"([0-9]{1,9})([.)]) ")
# ASCII punctuation that starts no block construct ("\#" is an escaped '#', "(1)" a paragraph);
# not '#', '>', '-', '+', '*', '_', '=', '`', '~', '<', '[' nor '|' (a table where tables are on).
_TEXT_PUNCTUATION = frozenset("!\"$%&'(),./:;?@\\]^{}")


def starts_text(text: str) -> bool:
    """Whether a line beginning with `text` can only be a paragraph's (or an item's) text: its
    first character opens no block construct and is not whitespace, and it is no list marker."""
    first = text[0]
    if first in "0123456789":
        return _ORDERED_MARKER.match(text) is None
    if first < "\x80":
        return first.isalpha() or first in _TEXT_PUNCTUATION
    return not first.isspace()


def plain_blocks(body: str) -> list[FoundBlock] | None:
    """The blocks of `body` as markdown-it-py would find them, or None for a body that uses more
    than plain paragraphs, headings and one level of list items."""
    if "\r" in body or "\0" in body:  # markdown-it-py rewrites both before splitting lines
        return None
    lines = body.split("\n")
    if lines[-1] == "":
        lines.pop()
    found: list[FoundBlock] = []
    paragraph = -1  # the first line of the paragraph being read, -1 between paragraphs
    marker = ""  # the open list's marker ("-", "." or ")"); "" when no list is open
    number: int | None = None  # the next item's number in an open numbered list
    previous = "blank"  # what the line before was: blank, paragraph, item or heading
    for index, line in enumerate(lines):
        if not line:
            if paragraph >= 0 and not _close(found, lines, paragraph, index):
                return None
            paragraph, previous = -1, "blank"
            continue
        first = line[0]
        if first == "#":
            if previous in ("paragraph", "item") or not _heading(found, line, index):
                return None
            marker, previous = "", "heading"
        elif first == "-" or (first in "0123456789" and _ORDERED_MARKER.match(line)):
            if previous == "paragraph":
                return None
            item = _item(line)
            if item is None:
                return None
            item_marker, start, text = item
            if item_marker != marker:
                marker, number = item_marker, start
            found.append(("item", 1, number, text, index))
            number = None if number is None else number + 1
            previous = "item"
        else:
            if previous == "item" or not starts_text(line):
                return None
            if previous != "paragraph":
                paragraph = index
            marker, previous = "", "paragraph"
    if paragraph >= 0 and not _close(found, lines, paragraph, len(lines)):
        return None
    return found


def _close(found: list[FoundBlock], lines: list[str], start: int, end: int) -> bool:
    """A paragraph of lines start to end, joined as markdown-it-py joins them; False when its
    last line ends in whitespace (trimmed by a rule that differs between its versions)."""
    if lines[end - 1][-1].isspace():
        return False
    found.append(("paragraph", 0, None, "\n".join(lines[start:end]), start))
    return True


def _heading(found: list[FoundBlock], line: str, index: int) -> bool:
    """An ATX heading ("## Text"), one space after its marks and no closing marks; False for
    anything else that begins with '#'."""
    level = len(line) - len(line.lstrip("#"))
    text = line[level + 1:]
    if (level > 6 or line[level:level + 1] != " " or not text or text[0].isspace()
            or text[-1].isspace() or text[-1] == "#"):
        return False
    found.append(("heading", level, None, text, index))
    return True


def _item(line: str) -> tuple[str, int | None, str] | None:
    """A list item's marker, its first number (None for a bullet) and its text, when the text
    is one plain line; None for anything else (an empty item, a nested block, a wider gap)."""
    if line.startswith("- "):
        item: tuple[str, int | None, str] = ("-", None, line[2:])
    elif match := _ORDERED_ITEM.match(line):
        item = (match.group(2), int(match.group(1)), line[match.end():])
    else:
        return None
    text = item[2]
    if not text or not starts_text(text) or text[-1].isspace():
        return None
    return item


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
    """Split a Markdown body into blocks; `first_line` is the body's first line in the file.

    A body in the plain Markdown the importer writes is read line by line (`plain_blocks`,
    a seventeenth of markdown-it-py's time); any other goes through markdown-it-py."""
    found = plain_blocks(body)
    if found is None:
        found = parsed_blocks(body)
    seen: dict[str, int] = {}
    return tuple(_block(kind, level, number, text, first_line + line, seen)
                 for kind, level, number, text, line in found)


def parsed_blocks(body: str) -> list[FoundBlock]:
    """The blocks markdown-it-py's block parser finds in `body`, lines counted from 0."""
    lines = body.splitlines()
    tokens = _PARSER.parse(body)
    found: list[FoundBlock] = []
    depth = 0
    quote = 0
    numbers: list[int | None] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
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
            number = None
            if numbers and numbers[-1] is not None:
                number = numbers[-1]
                numbers[-1] = number + 1
            # The item's first paragraph is the block; nested lists become their own blocks.
            inline = tokens[index + 2] if index + 2 < len(tokens) else None
            if inline is not None and inline.type == "inline":
                found.append(("item", depth, number, inline.content, token.map[0] if token.map else 0))
                index += 3
                continue
        elif token.type == "heading_open":
            found.append(("heading", int(token.tag[1]), None, tokens[index + 1].content,
                          token.map[0] if token.map else 0))
            index += 3
            continue
        elif token.type == "paragraph_open":
            found.append(("quote" if quote else "paragraph", 0, None, tokens[index + 1].content,
                          token.map[0] if token.map else 0))
            index += 3
            continue
        elif token.type in ("fence", "code_block", "html_block", "hr", "table_open") and token.map:
            start, end = token.map
            found.append(("other", 0, None, "\n".join(lines[start:end]), start))
        index += 1
    return found


def _block(kind: str, level: int, number: int | None, text: str, line: int,
           seen: dict[str, int]) -> Block:
    anchor = anchor_for(text)
    # The same words twice (pages repeat paragraphs) get -2, -3 in order of appearance.
    seen[anchor] = seen.get(anchor, 0) + 1
    if seen[anchor] > 1:
        anchor = f"{anchor}-{seen[anchor]}"
    return Block(anchor=anchor, kind=kind, level=level, number=number, text=text,  # type: ignore[arg-type]
                 line=line, lang=language_of(text))
