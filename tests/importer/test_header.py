"""Which short lines above a text are headlines and which are section or site labels."""

from __future__ import annotations

import pytest

from readouts.importer.header import headline_like, label_reason


@pytest.mark.parametrize("line", [
    "Putin receives Abe",                 # headlinese: the present tense after the actor
    "Russia expels Japanese diplomat",
    "Abe, Putin eye treaty",
    "Лавров прибыл в Токио",              # a Russian verb in a tense
    "Россия выслала японского дипломата",
    "Lavrov: “No deal yet”",              # someone's words quoted
])
def test_a_short_line_reporting_an_act_is_a_headline(line: str) -> None:
    assert label_reason(line) is None
    assert headline_like(line)


@pytest.mark.parametrize("line", [
    "Japan-Russia relations", "Press Releases", "Latest news", "Embassy News", "Images",
    "Политика", "Поделиться", "Новости дня", "В мире",
])
def test_a_short_noun_phrase_is_a_section_or_site_label(line: str) -> None:
    assert label_reason(line) in ("section or site label", "place or site name")
    assert not headline_like(line)


@pytest.mark.parametrize("line", [
    "On December 21, Foreign Minister Toshimitsu Motegi held a video conference with the Minister of Economic "
    "Development of the Russian Federation",
    "On Monday, March 4 the ministers met in Moscow",
])
def test_a_line_that_opens_with_its_day_is_a_story_s_first_sentence(line: str) -> None:
    assert not headline_like(line)
