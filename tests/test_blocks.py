"""A body's blocks read line by line (blocks.plain_blocks) are the blocks markdown-it-py finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.blocks import parse_blocks, parsed_blocks, plain_blocks
from readouts.importer.lines import Line
from readouts.importer.structure import to_markdown

# Lines of every kind a hand-edited readout might hold: the plain ones the fast path reads, and
# hostile ones it must hand to markdown-it-py (or read exactly as markdown-it-py does).
_LINES = [
    "", "", "", "The sides met.", "Текст по-русски.", "日本語の文。", "é accent", "Talks  ", "Talks\t",
    "# Heading", "## Section #", "### (1) Sub", "###### Six", "####### Seven", "#hash", "# ", "#",
    "#\tTab", "##  Two spaces", "# Closed ##", "# Trailing ", "- Item", "- Второй", "-", "- ",
    "-  Two spaces", "-\tTab", "- - nested", "- # heading", "- > quote", "- [ref]: /url", "- <div>",
    "-item", "--", "---", "***", "___", "* Star", "+ Plus", "1. One", "2. Two", "1) Paren",
    "3) Three", "0. Zero", "007. Padded", "123456789. Nine", "1234567890. Ten", "1.", "1. ",
    "1.\tTab", "1.  Two spaces", "1. 2. Nested", "1. - Bullet", "1956\\. The year", "2024 was a year",
    "(1) Paren", "\\# Escaped", "\\- Escaped", "\\", "Ends with \\", '"Quoted"', "'single'",
    "> Quote", ">", "    Code", "  Two spaces", " One space", "\tTab start", "```", "```py", "~~~",
    "<div>", "<!-- note -->", "</p>", "<b>bold</b>", "| a | b |", "|---|---|", "===", "= x",
    "[ref]: /url", "[link](x)", "![img](x)", "&amp;", "&#35; hash", "!", "$5", "%", ".", ",", ":",
    "@", "]", "^", "{", "}", "\u00a0nbsp", "\u00a0", "\u2003em", "\u200bzero", "\ufeffbom",
    "\u2028sep", "\x0cfeed", "\x0bvtab", "\x85next", "\x1cfs", "CR\r", "NUL\0", "text\u3000",
    "mid\ttab", "end\u00a0",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14), st.booleans())
def test_hostile_bodies_give_markdown_it_pys_blocks(lines: list[str], final_newline: bool) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    found = plain_blocks(body)
    if found is not None:
        assert found == parsed_blocks(body)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list(" \t#-*+>=`~<[|\\1.)2 aZя\u00a0\u2003")),
                        max_size=8), max_size=10))
def test_random_characters_give_markdown_it_pys_blocks(lines: list[str]) -> None:
    body = "\n".join(lines) + "\n"
    found = plain_blocks(body)
    if found is not None:
        assert found == parsed_blocks(body)


_WORDS = st.sampled_from(["talks", "Lavrov", "Kishida", "1956", "peace", "treaty", "(1)", "“quoted”",
                          "Курилы", "северные", "\\#5", "2\\.", "\\*", "a", "—", "and", "the"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join).map(lambda text: text[:1].upper() + text[1:])


@st.composite
def _plain_body(draw: st.DrawFn) -> str:
    """A body as the importer and the benchmark's generator write it."""
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["paragraph", "wrapped", "heading", "bullets", "numbers"]))
        if kind == "paragraph":
            parts.append(draw(_TEXT))
        elif kind == "wrapped":
            parts.append("\n".join(draw(st.lists(_TEXT, min_size=2, max_size=3))))
        elif kind == "heading":
            parts.append("#" * draw(st.integers(1, 6)) + " " + draw(_TEXT))
        else:
            marker = "- " if kind == "bullets" else f"{draw(st.integers(1, 12))}{draw(st.sampled_from('.)'))} "
            parts.append("\n".join(marker + text for text in draw(st.lists(_TEXT, min_size=1, max_size=4))))
    return "\n\n".join(parts) + "\n"


@settings(max_examples=1000, deadline=None)
@given(_plain_body())
def test_plain_bodies_are_read_line_by_line_as_markdown_it_py_reads_them(body: str) -> None:
    found = plain_blocks(body)
    assert found is not None
    assert found == parsed_blocks(body)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ 12.)(#-•*[]<>`~=_|\\&;яф\t")),
                        min_size=1, max_size=30).map(str.strip).filter(bool), max_size=12))
def test_the_importers_markdown_gives_markdown_it_pys_blocks(texts: list[str]) -> None:
    body = to_markdown([Line(number, text) for number, text in enumerate(texts, start=1)]).text
    found = plain_blocks(body)
    if found is not None:
        assert found == parsed_blocks(body)


def test_a_body_with_other_markdown_is_split_by_markdown_it_py() -> None:
    body = "# Talks\n\n> A quote.\n\n1. One\n2. Two\n\n```\ncode\n```\n\nText.\n"
    assert plain_blocks(body) is None
    assert [(b.kind, b.line) for b in parse_blocks(body, 5)] == [
        ("heading", 5), ("quote", 7), ("item", 9), ("item", 10), ("other", 12), ("paragraph", 16)]


def test_a_plain_body_keeps_its_numbers_lines_and_anchors() -> None:
    body = "Opening.\n\n## 1. Peace\n\n3. Third\n4. Fourth\n\n- Bullet\n\nOpening.\n"
    blocks = parse_blocks(body, 10)
    assert [(b.kind, b.level, b.number, b.text, b.line) for b in blocks] == [
        ("paragraph", 0, None, "Opening.", 10), ("heading", 2, None, "1. Peace", 12),
        ("item", 1, 3, "Third", 14), ("item", 1, 4, "Fourth", 15), ("item", 1, None, "Bullet", 17),
        ("paragraph", 0, None, "Opening.", 19)]
    assert blocks[-1].anchor == blocks[0].anchor + "-2"
