"""Whose voice each paragraph is in: the rules for background and for the other side relayed,
each held by a fixture of paragraphs written for it (tests/link/fixtures/voice/)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from readouts.blocks import parse_blocks
from readouts.link import link
from readouts.link.voice import Account, VoiceRules, voices_by_block
from readouts.model import Blocks, Corpus, MeetingFacts, Person, Readout, SiteConfig, SourceRef

FIXTURES = Path(__file__).parent / "fixtures" / "voice"
RULES = VoiceRules.build((
    Person("toshimitsu-motegi", "Toshimitsu Motegi", "japan", ("Тосимицу Мотэги",), ()),
    Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()),
))


def _read(path: Path) -> tuple[Account, list[tuple[str, str]]]:
    """A fixture: a header line "# side: …; news: yes|no; meeting: YYYY-MM-DD|none", comments,
    then one "voice | paragraph" per line ("heading | ## Title" for a heading)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = dict(part.strip().split(": ") for part in lines[0].lstrip("# ").split(";"))
    day = None if header["meeting"] == "none" else dt.date.fromisoformat(header["meeting"])
    cases = [tuple(part.strip() for part in line.split("|", 1)) for line in lines[1:]
             if line.strip() and not line.startswith("#")]
    return Account(header["side"], header["news"] == "yes", day), cases  # type: ignore[return-value]


def _cases() -> list[object]:
    found = []
    for path in sorted(FIXTURES.glob("*.txt")):
        _, cases = _read(path)
        found.extend(pytest.param(path, number, id=f"{path.stem}-{number + 1}")
                     for number, (voice, _) in enumerate(cases) if voice != "heading")
    return found


@pytest.mark.parametrize(("path", "number"), _cases())
def test_each_paragraph_is_given_the_voice_its_fixture_expects(path: Path, number: int) -> None:
    account, cases = _read(path)
    # The whole fixture is one body, so that "the ministry" can mean the ministry named before.
    blocks = parse_blocks("\n\n".join(text for _, text in cases) + "\n", 1)
    assert len(blocks) == len(cases)
    voices = voices_by_block(blocks, RULES, account)
    expected, text = cases[number]
    assert voices.get(blocks[number].anchor, "own") == expected, text


def test_a_paragraph_no_rule_claims_is_the_accounts_own_voice() -> None:
    blocks = parse_blocks("The ministers met.\n\nThey discussed the peace treaty.\n", 1)
    assert voices_by_block(blocks, RULES, Account("japan", True, dt.date(2019, 9, 25))) == {}


def _readout(readout_id: str, publisher: str, kind: str, day: dt.date | None, body: str) -> Readout:
    return Readout(id=readout_id, title=readout_id, publisher=publisher, kind=kind, published=day,  # type: ignore[arg-type]
                   meeting=MeetingFacts(day, "New York", None, None), participants=("motegi", "lavrov"),
                   mentioned=(), topics=(), source=None, imported=None, blocks=Blocks(parse_blocks(body, 1)),
                   path=SourceRef(f"{readout_id}.md"))


def test_an_undated_news_item_measures_earlier_years_against_its_meetings_day() -> None:
    """A TASS item printing no year joins the meeting by its people and place; its recap of 2018
    is background because the meeting, dated by the other account, was in 2019."""
    config = SiteConfig("t", "", None, "en", (), "site")
    mofa = _readout("mofa", "mofa-japan", "readout", dt.date(2019, 9, 25), "The ministers met.\n")
    recap = "On November 14, 2018, the leaders met in Singapore.\n"
    tass = _readout("tass", "tass", "news", None, recap)
    tass = dataclasses.replace(tass, meeting=dataclasses.replace(tass.meeting, meeting_id="talks"))
    mofa = dataclasses.replace(mofa, meeting=dataclasses.replace(mofa.meeting, meeting_id="talks"))
    graph = link(Corpus(config=config, readouts=(mofa, tass), topics=(), people=(), terms=()))
    assert dict(graph.block_voice["tass"]) == {tass.blocks[0].anchor: "background"}
    alone = link(Corpus(config=config, readouts=(tass,), topics=(), people=(), terms=()))
    assert dict(alone.block_voice["tass"]) == {}  # no day to measure against: its own voice


def test_the_names_pattern_finds_a_name_where_a_word_search_would() -> None:
    import re

    from readouts.link.voice import _any_of

    words = ["abe", "abes", "aso", "lavrov", "лавров", "kono", "ko", "a.b"]
    pattern = re.compile(_any_of(words))
    for text in ["", "label", "xaso", "k", "ko", "the kon", "лаврова", "lavro", "a.b", "axb", "ABE", "mr abes"]:
        assert bool(pattern.search(text)) == any(word in text for word in words), text


def test_rules_made_without_news_items_skip_the_people_patterns_and_read_a_ministrys_account_alike() -> None:
    """The people patterns are read in news items only: rules for a build whose readouts to read
    hold none are made without them, give a ministry's account the voices the full rules give, and
    refuse a news item rather than read it without them."""
    people = (Person("toshimitsu-motegi", "Toshimitsu Motegi", "japan", ("Тосимицу Мотэги",), ()),
              Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()))
    ministry_only = VoiceRules.build(people, news=False)
    assert ministry_only.people is None and ministry_only.names is None
    assert RULES.people is not None
    body = ("The Russian Ministry of Foreign Affairs said the talks were useful.\n\n"
            "Lavrov said the treaty must wait.\n\nIn 1956, the sides signed a declaration.\n")
    blocks = parse_blocks(body, 1)
    ministry = Account("japan", False, dt.date(2019, 9, 25))
    assert voices_by_block(blocks, ministry_only, ministry) == voices_by_block(blocks, RULES, ministry) != {}
    with pytest.raises(ValueError):
        voices_by_block(blocks, ministry_only, Account("japan", True, dt.date(2019, 9, 25)))


def test_rules_fitted_to_the_texts_read_hold_only_their_names_and_give_the_voices_the_whole_rules_give() -> None:
    """An add reads one readout: its rules compile only the people patterns whose first letters
    its paragraphs hold (compiling every name was 0.03 s of adding one readout at 10,000), and
    each fixture's paragraphs get the voices the rules for every name give them."""
    people = (Person("toshimitsu-motegi", "Toshimitsu Motegi", "japan", ("Тосимицу Мотэги",), ()),
              Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()),
              Person("konstantin-pulikovsky", "Konstantin Pulikovsky", "russia", ("Константин Пуликовский",), ()))
    whole = VoiceRules.build(people)
    for path in sorted(FIXTURES.glob("*.txt")):
        account, cases = _read(path)
        blocks = parse_blocks("\n\n".join(text for _, text in cases) + "\n", 1)
        fitted = VoiceRules.build(people, texts=[block.text for block in blocks])
        assert voices_by_block(blocks, fitted, account) == voices_by_block(blocks, whole, account), path.name
    said = "Лаврова спросили о договоре. Он сказал, что Пуликовским довольны.\n"
    blocks = parse_blocks(said, 1)
    fitted = VoiceRules.build(people, texts=[block.text for block in blocks])
    assert fitted.people is not None and whole.people is not None and fitted.names is not None
    assert "Лавров" in fitted.people.pattern and "Пуликовск" in fitted.people.pattern
    assert "Motegi" not in fitted.people.pattern and "Lavrov" not in fitted.people.pattern
    account = Account("japan", True, dt.date(2019, 9, 25))
    assert voices_by_block(blocks, fitted, account) == voices_by_block(blocks, whole, account)
    assert VoiceRules.build(people, texts=["The ministers met."]).people is None


def test_the_literal_start_of_a_pattern_is_what_every_match_begins_with() -> None:
    from readouts.link.voice import _literal_start

    assert _literal_start("Lavrov") == "Lavrov"
    assert _literal_start(r"Kono\.") == "Kono."
    assert _literal_start("Лавров(?:а|у)?") == "Лавров"
    assert _literal_start("ab?c") == "a" and _literal_start("abc*") == "ab" and _literal_start("ab{2}") == "a"
    assert _literal_start("ab|cd") == "" and _literal_start("a(b|c)|d") == "" and _literal_start(r"\bab") == ""
    assert _literal_start("[ab]c") == "" and _literal_start("x(?:a|b)") == "x" and _literal_start("a[|]b") == "a"
