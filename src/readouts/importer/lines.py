"""A source's numbered line, and the small text helpers every stage of reading a page shares.

Kept apart from document.py, which builds the lines, so that the modules it calls on to mend them
(glued.py) can use them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    """1-based line number in the raw source."""
    text: str


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)
