"""A stay or a meeting of several days ("July 30–August 1", "30 и 31 мая"): which day is the
meeting's. A visit's span says only that the talks fell within it, unless the sentence names the
talks' own day; talks held over the span began on its first day.
"""

from __future__ import annotations

import re

from readouts.importer.dates import SPAN_OF_DAYS, find_partial_dates

_SET_FOR = re.compile(r"(?:scheduled|set|slated|planned|due|(?:be|is|are) held|take place|hold talks)\s+(?:for|on)\s+"
                      r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$|"
                      r"(?:намечен\w*|назначен\w*|запланирован\w*)\s+на\s+$|(?:пройд[её]т|состо[ия]тся)\s+$",
                      re.IGNORECASE)
"""What sets the talks' own day: "consultations scheduled for July 31", "переговоры пройдут 26 августа"."""


def day_set_within_a_span(sentence: str) -> tuple[str, str] | None:
    """(the sentence with the stay's span blanked, the text from the talks' day on) where a
    sentence names a stay of several days and the day its talks are set for: "On July 30–August 1,
    … will visit the Russian Federation to attend … consultations scheduled for July 31 of this
    year". A ministry's announcement of a visit gives both so; without the talks' own day the
    span's days are all the meeting's may have been."""
    blanked = SPAN_OF_DAYS.sub(lambda match: " " * len(match.group()), sentence)
    if blanked == sentence:
        return None
    for partial in find_partial_dates(blanked):
        if _SET_FOR.search(blanked[:partial.start]):
            return blanked, blanked[partial.start:]
    return None


_HELD_OVER = re.compile(r"\b(?:talks|consultations|negotiations|dialogue|session|2\s?\+\s?2)\b|"
                        r"(?<![\w-])(?:переговор|консультаци|диалог|заседани|сесси|«?2\s?\+\s?2)\w*", re.IGNORECASE)
_STAY_OR_SUMMIT = re.compile(r"\b(?:visit|trip|tour|stay|summit|forum|conference|sidelines|margins|games|olympics)|"
                             r"(?<![\w-])(?:визит|посет|поездк|пребыван|прибуд|прибыв|саммит|форум|конференц|"
                             r"олимпиад|кулуар)", re.IGNORECASE)
"""What a span of days belongs to when it is not the talks': a stay, or a gathering at which the
sides meet on one of its days ("on the sidelines of the Eastern Economic Forum on September 4-5")."""
_FIRST_DAY = (
    (re.compile(r"\b(?P<day>\d{1,2})\s?(?:[-–—]|и|and)\s?\d{1,2}(?P<month>\s+[^\W\d_]+)"), r"\g<day>\g<month>"),
    (re.compile(r"\b(?P<first>[A-Z][a-z]+\.?\s+\d{1,2})\s?(?:[-–—]\s?(?:[A-Z][a-z]+\.?\s+)?\d{1,2}|\s+and\s+\d{1,2})\b"),
     r"\g<first>"),
)
"""A span as its first day: "30 и 31 мая" → "30 мая", "July 30–August 1" → "July 30"."""


def first_day_of_talks_held_over_a_span(sentence: str) -> str | None:
    """The sentence with its span as the span's first day, where the span is the talks' own:
    "30 и 31 мая 2019 года Россия и Япония проведут консультации в формате «2+2»" (the talks began on
    the 30th); None where it is a visit's or a summit's, or the sentence names no talks."""
    span = SPAN_OF_DAYS.search(sentence)
    if span is None or not _HELD_OVER.search(sentence) or _STAY_OR_SUMMIT.search(sentence):
        return None
    for pattern, first in _FIRST_DAY:
        if day := pattern.match(span.group().strip()):
            return sentence[:span.start()] + day.expand(first) + sentence[span.end():]
    return None


def where_the_talks_day_is(sentence: str) -> str:
    """The part of a meeting sentence to read the talks' day from: from the day a visit's talks
    are set for, or with the talks' own span as its first day; else the whole sentence."""
    if set_within := day_set_within_a_span(sentence):
        return set_within[1]
    return first_day_of_talks_held_over_a_span(sentence) or sentence
