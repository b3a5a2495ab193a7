"""Body lines → Markdown that keeps the document's own structure.

Web pages lose their markup when copied: a numbered section title, a "(1)" subsection and a
bullet all arrive as plain lines. This module reads the line shapes back into headings and
lists, and escapes everything else so the source's text can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readouts.importer.datelines import dateline
from readouts.importer.document import Change, Line, is_prose, shorten, words

_BULLET = re.compile(r"^[•·▪●◦‣\-*–]\s*(?=\S)")
# "1. 1. This was the kick-off meeting": the page printed its own number after the list's.
_DOUBLE_NUMBER = re.compile(r"^(\d{1,2})\.\s+(\d{1,2})\.\s+")
_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
_PAREN_NUMBER = re.compile(r"^[(（](\d{1,2}|[a-z])[)）]\s*(?=\S)")
_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(?=\S)")
_BRACKET_LABEL = re.compile(r"^\[([^\]]{2,80})\]$")


@dataclass(frozen=True, slots=True)
class MarkdownBody:
    text: str
    lines: tuple[int, ...]
    """For each block of the Markdown, in order, the source line it came from."""
    changes: tuple[Change, ...]


def is_heading_text(text: str) -> bool:
    """Short, unpunctuated text that names a section rather than saying something; a line that
    ends in a dash runs on into the next ("MOSCOW, March 8 Kyodo -", a dateline of its own)."""
    count = len(words(text))
    return 1 <= count <= 12 and len(text) <= 100 and not text.rstrip("”\"’)").endswith(
        (".", ",", ";", ":", "!", "?", "-", "–", "—"))


def to_markdown(lines: list[Line]) -> MarkdownBody:
    """Turn body lines into Markdown blocks, one block per source line."""
    changes: list[Change] = []
    kinds = _heading_levels(lines)
    blocks: list[str] = []
    block_lines: list[int] = []
    previous_kind = ""
    for line in lines:
        text = line.text
        double = _DOUBLE_NUMBER.match(text)
        if double and double.group(1) == double.group(2):
            changes.append(Change(line.number, "normalised", shorten(text, 40),
                                  f"repeated number \"{double.group(1)}. {double.group(2)}.\" "
                                  f"printed once"))
            text = f"{double.group(1)}. " + text[double.end():]
        block, kind = _block(text, kinds)
        # Consecutive list items form one list; anything else is its own paragraph.
        if blocks and not (kind.startswith("item") and previous_kind == kind):
            blocks.append("")
        blocks.append(block)
        block_lines.append(line.number)
        previous_kind = kind
    return MarkdownBody("\n".join(blocks) + "\n", tuple(block_lines), tuple(changes))


def _heading_levels(lines: list[Line]) -> dict[str, int]:
    """Which numbering styles are section headings here, and at what level.

    A Roman-numbered part sits above Arabic-numbered sections, which sit above "(1)"
    subsections; a style takes the next level only where a higher one is present.
    """
    present = {"roman": False, "number": False, "paren": False}
    for line in lines:
        text = line.text
        if _ROMAN.match(text) and is_heading_text(text[_ROMAN.match(text).end():]):  # type: ignore[union-attr]
            present["roman"] = True
        elif (m := _NUMBER.match(text)) and is_heading_text(text[m.end():]):
            present["number"] = True
        elif (m := _PAREN_NUMBER.match(text)) and is_heading_text(text[m.end():]):
            present["paren"] = True
    levels: dict[str, int] = {}
    level = 2
    for style in ("roman", "number", "paren"):
        if present[style]:
            levels[style] = level
            level = min(level + 1, 4)
    levels.setdefault("label", 2)
    return levels


def _block(text: str, levels: dict[str, int]) -> tuple[str, str]:
    """One line → (Markdown block, kind), where kind groups consecutive list items."""
    if match := _BULLET.match(text):
        return "- " + escape(text[match.end():]), "item-bullet"
    if (match := _ROMAN.match(text)) and is_heading_text(text[match.end():]):
        return "#" * levels["roman"] + " " + escape_inline(text), "heading"
    if match := _NUMBER.match(text):
        rest = text[match.end():]
        if is_heading_text(rest) and "number" in levels:
            return "#" * levels["number"] + " " + escape_inline(text), "heading"
        return f"{match.group(1)}. " + escape(rest), "item-number"
    if (match := _PAREN_NUMBER.match(text)) and is_heading_text(text[match.end():]) and "paren" in levels:
        return "#" * levels["paren"] + " " + escape_inline(text), "heading"
    if match := _BRACKET_LABEL.match(text):
        return "#" * levels["label"] + " " + escape_inline(match.group(1)), "heading"
    if (is_heading_text(text) and not is_prose(text) and text[:1].isupper() and len(words(text)) <= 8
            and not _alone_a_dateline(text)):
        return "#" * levels["label"] + " " + escape_inline(text), "heading"
    return escape(text), "paragraph"


def _alone_a_dateline(text: str) -> bool:
    """A story's dateline on a line of its own ("VLADIVOSTOK, Sept. 2, Kyodo") opens the story: a
    paragraph, not the title of a section."""
    found = dateline(text)
    return found is not None and not text[found.end:].strip()


_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(#{1,6}(?:\s|$)|[-+*]\s|\d+[.)](?:\s|$)|>|=+\s*$|-+\s*$|~{3,})")


def escape_inline(text: str) -> str:
    """Escape the characters that mean something inside a line of Markdown."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape(text: str) -> str:
    """Escape source text so Markdown shows it exactly as printed and never turns it into markup."""
    text = escape_inline(text)
    match = _BLOCK_START.match(text)
    if match:
        first = match.group(0)
        if first[0].isdigit():
            # "1956. The Joint Declaration…" must stay a paragraph, not become a list.
            digits = len(first.rstrip(".) \t"))
            text = text[:digits] + "\\" + text[digits:]
        else:
            text = "\\" + text
    return text
