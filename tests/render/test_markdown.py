"""A paragraph without inline Markdown is escaped rather than parsed (markdown.render_inline):
the HTML is the one markdown-it-py makes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.render import markdown
from readouts.render.markdown import render_inline

# Every character that starts inline Markdown or is normalized, the quotes and spaces escaping
# and trimming might treat otherwise, letters of three scripts and characters outside the
# Basic Multilingual Plane.
_CHARACTERS = list("\\`*_[]!<>&\n\r\0\"' \t\u00a0\u2003\u2028\u3000\ufeff\x0b\x0c\x85-:;.,()#$%+=@^{}|~/?1aZяЖ日é…“”"
                   "\U0001f600")
_PIECES = ["http://example.org", "www.example.org", "a@b.org", "&amp;", "&#35;", "(c)", "+-", "--", "...",
           "1956\\.", "**bold**", "_it_", "`code`", "[link](x)", "![img](x)", "<b>", "  \n", "Курилы"]


def _parsed(text: str) -> str:
    return str(markdown._MD.renderInline(text))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CHARACTERS) | st.sampled_from(_PIECES), max_size=16).map("".join))
def test_a_paragraph_renders_as_markdown_it_py_renders_it(text: str) -> None:
    render_inline.cache_clear()
    html = render_inline(text, "ru")  # lang given: the Cyrillic runs are not marked, the HTML is markdown-it's
    assert html == _parsed(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.characters(max_codepoint=0x3100, exclude_characters="\\`*_[]!<>&\n\r\0"), max_size=24))
def test_any_text_without_markdown_renders_as_markdown_it_py_renders_it(text: str) -> None:
    render_inline.cache_clear()
    assert render_inline(text, "ru") == _parsed(text)


def test_a_plain_paragraph_is_not_parsed() -> None:
    assert markdown._INLINE_SYNTAX.search('The sides met in "good faith" — as ever (2019).') is None
    assert render_inline('He said "yes".') == 'He said &quot;yes&quot;.'
