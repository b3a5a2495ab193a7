"""Whose voice each paragraph is in: the rules for background and for the other side relayed,
each held by a fixture of paragraphs written for it (tests/link/fixtures/voice/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readouts.blocks import parse_blocks
from readouts.link.voice import Account, VoiceRules, voices_by_block
from readouts.model import Person

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
