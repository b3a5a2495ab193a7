"""The day a sentence gives its meeting: a date, a day and month whose year the text's own date
pins, a weekday or "today" counted from it. Read from the meeting sentence (meeting_day.py) and
from the sentences a schedule or a later paragraph gives the day in (schedule.py)."""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, facts, spans, years

_SAYING_BEFORE = re.compile(r"\b(?:said|says|told \w+|confirmed|announced|stated|noted|added|reported|"
                            r"заявил\w*|сообщил\w*|подтвердил\w*|отметил\w*|рассказал\w*)\s+(?:on\s+)?$",
                            re.IGNORECASE)


_DONE_BEFORE = re.compile(r"\s*,?\s*(?:that\s+)?(?:[\w'’-]+\s+){0,4}?had\s+(?!to\b)\w+", re.IGNORECASE)
"""What a sayer reports as done before the day he said it: "… it had summoned …"."""


RECENT = re.compile(r"\brecent\s+(?:(?:telephone|phone|video)\s+)?"
                    r"(?:talks|conversation|meeting|call|consultations|summit)\b|"
                    r"\brecently\s+(?:held|met|spoke|talked)\b|"
                    r"(?<![\w-])недавн\w*\s+(?:телефонн\w+\s+)?(?:переговор|встреч|разговор|бесед|консультаци)\w*",
                    re.IGNORECASE)
"""A talk told of as recent: "in his recent conversation with", "недавние переговоры"; not "despite a
recent chill in ties"."""
_SET_FOR = re.compile(r"(?:for|на)\s", re.IGNORECASE)


def meeting_date(sentence: str | None, anchor: dt.date | None) -> dt.date | None:
    """The day the meeting sentence names ("On Tuesday, September 25", "on Friday", "today",
    "в субботу"), given the date of the text; None when the text does not pin the year."""
    sentence = facts.before_agreed_meeting(sentence) if sentence else sentence
    sentence = spans.where_the_talks_day_is(sentence) if sentence else sentence
    if not sentence or dates.SPAN_OF_DAYS.search(sentence):
        # "From 28 April to 6 May Prime Minister Mori made a round of visits …, where he met
        # with the respective leaders": which of those days was this meeting's is said elsewhere
        return None
    full = dates.find_dates(sentence)
    if full:
        return full[0].date
    partial = dates.find_partial_dates(sentence)
    if partial:
        return years.resolve_year(partial[0], anchor, ahead=bool(facts.FUTURE.search(sentence)))
    if anchor is None or RECENT.search(sentence):
        # "In his recent conversation with …, Lavrov qualified …, the spokesman told Sputnik on
        # Thursday": a talk called recent was held before the day it is told of
        return None
    relative = weekday_named(sentence)
    if relative:
        # "will visit Sakhalin on Wednesday": the coming one, when the sentence speaks of the future first
        # "set for Thursday", "намечена на понедельник": a day something is set for lies ahead
        return years.resolve_weekday(dates.weekday_of(relative), anchor,
                                     ahead=bool(facts.FUTURE.search(sentence[:relative.start()])
                                                or _SET_FOR.match(relative.group(0))))
    day = dates.RELATIVE_DAY.search(sentence)
    if day:
        return anchor - dt.timedelta(days=dates.days_back(day))
    return None


def weekday_named(sentence: str) -> re.Match[str] | None:
    """The weekday a meeting sentence names as its meeting's ("met Tuesday", "в субботу"). In
    wire style the weekday after a verb of saying dates the saying ("…will meet the Japanese
    premier during the APEC summit, his spokeswoman confirmed on Friday"): of a meeting still to
    come, that is never its day. So is it of what the sayer "had" done ("said on Tuesday it had
    summoned the ambassador"): the past perfect sets the act before the day of the saying."""
    future = facts.FUTURE.search(sentence)
    return next((m for m in dates.RELATIVE_WEEKDAY.finditer(sentence)
                 if not (_SAYING_BEFORE.search(sentence[:m.start()])
                         and (future or _DONE_BEFORE.match(sentence[m.end():])))), None)
