"""The single MarkdownIt renderer: block Markdown → HTML. Raw HTML in content is shown, never run."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

# "commonmark" with html off: a <script> in a readout arrives escaped, as text.
_MD = MarkdownIt("commonmark", {"html": False, "typographer": False})
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<>&\n\r\x00]")
"""What starts inline Markdown in commonmark with raw HTML off (escapes, code, emphasis, links,
images, autolinks, entities, line breaks) or is normalized first (carriage returns, NUL): a text
without any of these renders as itself with its quotes escaped."""
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF][\u0400-\u04FF\s,.;:()«»\"-]*[\u0400-\u04FF]")


@lru_cache(maxsize=65536)
def render_inline(text: str, lang: str | None = None) -> Markup:
    """Inline Markdown → HTML; Cyrillic runs inside English text get lang="ru".

    Cached: topic and meeting pages quote the same paragraphs the readout pages render. Most
    paragraphs hold no Markdown at all (every generated one, nearly every imported one): those are
    escaped here rather than parsed (0.5 against 5.8 µs a generated paragraph), the same HTML (a property
    test compares the two).
    """
    html = _MD.renderInline(text) if _INLINE_SYNTAX.search(text) else text.replace('"', "&quot;")
    if lang is None and _CYRILLIC_RUN.search(html):
        # Only text between tags: an attribute must never be split by a span.
        parts = re.split(r"(<[^>]*>)", html)
        html = "".join(part if part.startswith("<") else
                       _CYRILLIC_RUN.sub(lambda m: f'<span lang="ru">{m.group(0)}</span>', part)
                       for part in parts)
    return Markup(html)


def render_block(text: str) -> Markup:
    """Block Markdown (code, rules) → HTML."""
    return Markup(_MD.render(text))
