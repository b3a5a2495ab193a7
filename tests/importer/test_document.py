"""Reading raw bytes: encodings, invisible characters, and input that is not a readout."""

from __future__ import annotations

import pytest

from readouts.errors import ReadoutsError
from readouts.importer.document import decode, prepare
from readouts.importer.furniture import furniture_reason


def test_windows_1251_russian_text_is_recognised() -> None:
    text = ("Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел "
            "Японии. Стороны обсудили вопросы мирного договора и совместной хозяйственной деятельности.")
    assert decode(text.encode("cp1251"), "ru.txt") == text


def test_latin_1_text_is_recognised() -> None:
    text = "Café talks in Genève: the ministers met for approximately 45 minutes. " * 3
    assert decode(text.encode("latin-1"), "fr.txt") == text


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"   \n\t\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"x" * 6_000_000, "MB"),
])
def test_unreadable_input_gets_a_message(data: bytes, message: str) -> None:
    with pytest.raises(ReadoutsError, match=message) as raised:
        decode(data, "bad.txt")
    assert raised.value.path == "bad.txt"


def test_only_furniture_is_refused() -> None:
    with pytest.raises(ReadoutsError, match="no text once page menus"):
        prepare("All news\nBack to Index\nShowing 1 result.\n", "menu.txt")


def test_invisible_characters_and_odd_spaces_are_normalised() -> None:
    doc = prepare("Japan\u00a0and\u200b Russia\tmet.\r\n", "x.txt")
    assert doc.lines[0].text == "Japan and Russia met."


def test_capture_stamp_is_the_published_date_and_leaves_the_text() -> None:
    doc = prepare(" date 2021-08-11 TOKYO, August 11. /TASS/. Ministers met.\n", "x.txt")
    assert str(doc.stamp) == "2021-08-11"
    assert doc.lines[0].text.startswith("TOKYO, August 11.")


def test_a_breadcrumb_ending_in_the_headline_and_its_sections_repeated_below_are_furniture() -> None:
    doc = prepare("Home >  News >  The Prime Minister in Action >  September 2016 >  Eastern Economic Forum "
                  "and Other Events: First Day\nThe Prime Minister in Action\nEastern Economic Forum and Other "
                  "Events: First Day\nThe leaders met.\n", "x.txt")
    assert [line.text for line in doc.lines] == ["Eastern Economic Forum and Other Events: First Day",
                                                 "The leaders met."]
    assert [change.why for change in doc.changes] == ["breadcrumb", "section label named in the breadcrumb"]


@pytest.mark.parametrize("link", ["ALSO READ: In phone call with Suga, Xi says ready to boost China-Japan ties",
                                  "Читайте также: Лавров прибыл в Токио", "Related: Abe to visit Vladivostok"])
def test_a_link_to_another_story_between_paragraphs_is_furniture(link: str) -> None:
    doc = prepare(f"The leaders spoke by phone on Tuesday.\n{link}\nThey agreed to meet soon.\n", "x.txt")
    assert [line.text for line in doc.lines] == ["The leaders spoke by phone on Tuesday.", "They agreed to meet soon."]
    assert [change.why for change in doc.changes] == ["link to another story"]


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068",
                                     "\u2069", "\u200e", "\u200f", "\u061c", "\x00", "\x1b", "\x7f", "\x9b"])
def test_bidi_and_control_characters_do_not_survive_into_the_text(control: str) -> None:
    # "\u202e" turns "Lavrov visit gpj.exe" around on screen: what a reader sees is not the text
    doc = prepare(f"Foreign Ministers{control} Meeting\nThe ministers{control} met.\n", "x.txt")
    assert [line.text for line in doc.lines] == ["Foreign Ministers Meeting", "The ministers met."]


def test_a_nul_after_the_first_8_kb_does_not_reach_the_markdown(demo_site) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from readouts.build import build_site

    text = (Path(__file__).parent.parent / "fixtures" / "sixth_readout.txt").read_text(encoding="utf-8")
    padding = "\n".join(f"The ministers also discussed item {n} of the agenda." for n in range(200))
    (demo_site / "content" / "sources" / "late-nul.txt").write_bytes(
        (text + "\n" + padding + "\nA line with a NUL\x00 in it.\n").encode("utf-8"))
    assert len(text.encode("utf-8")) + len(padding) > 8192
    build_site(demo_site)
    for md in (demo_site / "content" / "readouts").glob("*.md"):
        assert b"\x00" not in md.read_bytes()


_WIRE = """Japan, Russia agree to keep talking+

MOSCOW, March 8 Kyodo -
Japanese Foreign Minister Seiji Maehara and his Russian counterpart Sergei
Lavrov agreed Tuesday to continue talks on the territorial dispute over four
Russian-held islands off Hokkaido, despite a recent chill in ties over visits
by Russian officials.
The two ministers met for about 90 minutes in Moscow, a Japanese official said.
Maehara told Lavrov that Tokyo cannot accept the visits, while the Russian
minister said Moscow is ready for joint economic activity on the islands
without prejudice to either side's legal position.
"""


def test_wire_copy_wrapped_at_a_fixed_width_is_read_as_paragraphs() -> None:
    """A paragraph broken into lines of 80 characters is one paragraph again; the headline and a
    paragraph's last line stay where they end, the dateline on a line of its own (ending in a
    dash) opens the first paragraph, as the wire prints it, and line numbers stay the source's."""
    doc = prepare(_WIRE, "wire.txt")
    assert [(line.number, line.text[:40]) for line in doc.lines] == [
        (1, "Japan, Russia agree to keep talking+"), (3, "MOSCOW, March 8 Kyodo - Japanese Foreign"),
        (8, "The two ministers met for about 90 minut"), (9, "Maehara told Lavrov that Tokyo cannot ac")]
    assert "Sergei Lavrov agreed Tuesday" in doc.lines[1].text
    assert any(c.action == "normalised" and c.line == 4 for c in doc.changes)


def test_text_of_long_paragraphs_is_not_rejoined() -> None:
    text = "\n".join(["Headline of the page"] + [f"Paragraph {n} " + "word " * 40 for n in range(6)])
    assert len(prepare(text, "page.txt").lines) == 7


def test_a_line_starting_in_lower_case_continues_the_open_line_above() -> None:
    """A headline set on two lines is one headline; a finished sentence is not continued."""
    doc = prepare("Outline of the Foreign Ministers Meeting\non the Occasion of the General Assembly\n"
                  "The ministers met.\nthe lower-case start of a note\n", "page.txt")
    assert [line.text for line in doc.lines] == [
        "Outline of the Foreign Ministers Meeting on the Occasion of the General Assembly",
        "The ministers met.", "the lower-case start of a note"]
    assert [line.number for line in doc.lines] == [1, 3, 4]


def test_a_headline_run_into_the_first_sentence_is_set_apart() -> None:
    doc = prepare("Lavrov discussed the treaty with the Foreign Minister of Japan The Foreign Minister of Russia "
                  "Sergey Lavrov met with Foreign Minister of Japan Taro Kono in Moscow on Monday, the first "
                  "visit of Kono to Russia as minister.", "x.txt")
    assert doc.lines[0].text == "Lavrov discussed the treaty with the Foreign Minister of Japan"


def test_an_article_capitalised_in_a_name_is_no_headline_s_end() -> None:
    text = ("Officials in Tokyo told reporters that The Japan Times had reported on the talks between the two "
            "foreign ministers held in Moscow on Monday, their first meeting this year and the start of talks.")
    assert [line.text for line in prepare(text, "x.txt").lines] == [text]


def test_a_site_header_picture_named_by_its_text_is_furniture() -> None:
    assert furniture_reason("Energy Watch Group .com Rotating Header Image") == "image"
    assert furniture_reason("Japan and Russia agree on a new image of their ties") is None


def test_look_alike_letters_in_russian_words_are_read_as_cyrillic() -> None:
    doc = prepare("Консультации прохοдят в Тоκио. Российсκую стοрону представляет Моргулοв; iPhone и Sony.", "x.txt")
    assert doc.lines[0].text == ("Консультации проходят в Токио. Российскую сторону представляет Моргулов; "
                                 "iPhone и Sony.")


def test_an_english_text_keeps_its_letters() -> None:
    text = "Lavrov met Kono in Tokyo on Monday."
    assert prepare(text, "x.txt").lines[0].text == text
