"""iCalendar's content lines as the icalendar package writes them: TEXT escaped and long lines
folded, for the calendar's events (ics.py), written without importing icalendar."""

from __future__ import annotations

from collections.abc import Iterable

FOLD_AT = 75
"""A content line holds fewer octets than this (RFC 5545, 3.1), its line break aside."""


def escaped_text(text: str) -> str:
    """A TEXT value escaped as icalendar escapes it (RFC 5545, 3.3.11): a written \\N is a line
    break, backslashes, semicolons and commas are escaped, and every line break (CRLF, LF or a
    lone CR) becomes \\n. The order of the replacements is icalendar's."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def folded(line: str) -> str:
    """A content line folded as icalendar folds it: a new line, begun by a space, before the
    character that would make a line FOLD_AT octets long, and never right after a backslash or a
    caret, which moves to the new line with the character it escapes."""
    if len(line) < FOLD_AT and (line.isascii() or len(line.encode("utf-8")) < FOLD_AT):
        return line
    lines: list[str] = []
    current: list[str] = []
    count = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if current and count + size >= FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                lines.append("".join(current))
                current, count = [carried], len(carried.encode("utf-8"))
            else:
                lines.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    if current:
        lines.append("".join(current))
    return "\r\n ".join(lines)


def content_lines(lines: Iterable[str]) -> bytes:
    """The lines, each folded and ended by CRLF, in UTF-8."""
    return "".join(folded(line) + "\r\n" for line in lines).encode("utf-8")
