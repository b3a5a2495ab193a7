"""The day of a meeting that a schedule gives, not its sentence. An overview of a visit of several
days, as Japan's foreign ministry wrote them: the span of the visit first ("From 28 April to 6 May
Prime Minister Mori made a round of visits …"), then the schedule a day to a row, copied from a
table ("29 April | Meeting with President Vladimir Putin of the Russian Federation |"). The row of
the meeting gives its day and the other side's person. A day's account, as the ministry and the
Prime Minister's Office write them, which opens with the day in local time. And a news report that
gives the day after its lead, or in the statement it relays."""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, facts, sentence_day, years
from readouts.importer.meeting_day import keep_printed_day
from readouts.importer.outlet import KANTEI
from readouts.importer.reading import Reading


def meeting_in_the_schedule(reading: Reading) -> None:
    """An overview of a visit of several days lists its schedule, a day to a row: "29 April |
    Meeting with President Vladimir Putin of the Russian Federation". The row of a meeting with
    someone who met, or with the one person of the other side when only one side is known, gives
    that meeting's day (its year from the text's own date) and that person."""
    if reading.meeting_date is not None or not reading.participants:
        return
    names = reading.context.names
    sides = {names.country_of(p) for p in reading.participants}
    for line in reading.doc.lines:
        row = _SCHEDULE_ROW.match(line.text)
        if not row or not facts.MEETING_WORDS.search(row.group("what")):
            continue
        met = [p for p in names.ids_in(row.group("what"))
               if p in reading.participants or (len(sides) == 1 and names.country_of(p) not in sides)]
        partial = dates.find_partial_dates(row.group("day"))
        if met and partial:
            reading.meeting_date = years.resolve_year(partial[0], reading.published)
            reading.participants += [p for p in met if p not in reading.participants]
            reading.mentioned = [p for p in reading.mentioned if p not in reading.participants]
            return


_SCHEDULE_ROW = re.compile(r"^(?P<day>\d{1,2} [A-Z][a-z]+\.?|[A-Z][a-z]+\.? \d{1,2})\s*[|:–-]\s*(?P<what>.{5,200})$")


_LOCAL_TIME = re.compile(r"\(local time\)|по местному времени", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\b(?:the )?(?:next|following) day\b|на следующий день", re.IGNORECASE)


def meeting_on_the_day_in_local_time(reading: Reading) -> None:
    """A day's account opens with its day, "On September 2 (local time), Prime Minister Abe visited
    Vladivostok …", and reports the meeting after it without the day: it was held that day, or
    on the day a later sentence before it gives ("The next day, on November 10 (local time)", or
    "The next day" alone: the day after). With no day of its own, the Prime Minister's Office's
    account is dated the day of the meeting, as a ministry's is (meeting_day.meeting_date)."""
    if reading.meeting_date is not None or not reading.meeting_sentence:
        return
    day = None
    for paragraph in reading.prose[:3]:
        for sentence in facts.sentences(paragraph):
            if _LOCAL_TIME.search(sentence) and not facts.FUTURE.search(sentence):
                day = sentence_day.meeting_date(sentence, reading.counted_from) or day
            elif day is not None and _NEXT_DAY.search(sentence):
                day = sentence_day.meeting_date(sentence, reading.counted_from) or day + dt.timedelta(days=1)
            if sentence == reading.meeting_sentence:
                reading.meeting_date = day or _own_account_day(reading)
                return
    reading.meeting_date = _own_account_day(reading)


def _own_account_day(reading: Reading) -> dt.date | None:
    own = reading.kind == "readout" and not reading.announces and KANTEI.search(reading.doc.raw)
    return reading.published if own else None


# "Their previous meeting took place on March 12": another meeting of the same people.
_EARLIER = re.compile(r"\b(?:previous(?:ly)?|last|earlier|former|предыдущ\w*|прошл\w*|ранее|прежн\w*)\b",
                      re.IGNORECASE)


def meeting_date_stated_later(reading: Reading) -> None:
    """A news report often opens without the day and gives it in the statement it relays: "«30
    января … А. Ю. Руденко встретился с послом Японии … Тоёхисой Кодзуки …», — сказано в
    заявлении". The day is taken from the sentence right after the lead, when it names the
    meeting (a preview's day lies ahead of the text's, a report's in the week before it), else
    from an opening sentence that reports a meeting, not a plan, and names everyone who met, else
    from a sentence that names the talks with their day; the meeting sentence itself named none."""
    if reading.meeting_date is not None:
        return
    follow = reading.follow
    if (follow and reading.lede == reading.meeting_sentence and facts.MEETING_WORDS.search(follow)
            and not _EARLIER.search(follow) and (day := sentence_day.meeting_date(follow, reading.counted_from))
            and reading.published is not None
            and (day >= reading.published if reading.announces
                 else _reported_within(day, reading) or (facts.FUTURE.search(follow) and _days_ahead(day, reading)))):
        # the sentence after the lead says when, of the meeting the lead announced or reported:
        # "Беседа лидеров намечена на понедельник, 31 августа"; or of the talks an arrival is for:
        # "Абэ прилетел в Москву на переговоры с Путиным. Беседа … состоится завтра, 22 января"
        reading.meeting_date = day
        return
    for paragraph in reading.prose[:3]:
        for sentence in facts.sentences(paragraph):
            if (sentence == reading.meeting_sentence or not facts.MEETING_WORDS.search(sentence)
                    or facts.FUTURE.search(sentence) or _EARLIER.search(sentence)
                    or facts.of_another_time(sentence, reading.published)):
                continue
            if set(reading.participants) <= set(reading.context.names.ids_in(sentence)):
                found = sentence_day.meeting_date(sentence, reading.counted_from)
                if found is not None and (len(reading.participants) >= 2 or _reported_within(found, reading)):
                    # with nobody named ("On December 17, a representative of the Japanese
                    # Embassy was summoned"), only a day in the week before the text's
                    reading.meeting_date = found
                    return
                partial = dates.find_partial_dates(sentence)
                if (found is None and partial and len(reading.participants) >= 2 and not reading.printed_meeting_day
                        and not dates.SPAN_OF_DAYS.search(sentence)):
                    # "27 апреля … Путин и … Абэ провели двусторонние переговоры в Кремле", the
                    # text's year unknown: the day is kept for the meeting's other accounts to
                    # complete, as a meeting sentence's is
                    keep_printed_day(reading, sentence, partial[0])
                    return
    reading.meeting_date = _day_of_the_talks_named(reading)


_TALKS_OF_THE_DAY = re.compile(
    r"\b(?:in|during|at)\s+(?:the|their)\s+(?:\w+\s+){0,2}?(?:talks|conversation|call|meeting)\s+(?:on\s+)?|"
    r"(?<![\w-])(?:в|во время|на|в ходе)\s+(?:\w+\s+)?(?:разговор\w*|переговор\w*|встреч\w*|бесед\w*)\s+",
    re.IGNORECASE)
"""The talks, their day right after: "в разговоре 17 февраля", "during their talks on February 17"."""


def _day_of_the_talks_named(reading: Reading) -> dt.date | None:
    """A story of what a leader said of talks he held may give their day only where it tells what
    was said in them, deeper than the lead: "По его словам, в разговоре 17 февраля он призвал
    Путина …", filed four days later. That day, when it falls in the week before the text's own."""
    for paragraph in reading.prose[:5]:
        for sentence in facts.sentences(paragraph):
            if facts.FUTURE.search(sentence) or _EARLIER.search(sentence):
                continue
            for talks in _TALKS_OF_THE_DAY.finditer(sentence):
                partial = dates.find_partial_dates(sentence[talks.end():talks.end() + 20])
                if partial and partial[0].start == 0:
                    day = years.resolve_year(partial[0], reading.published)
                    if day is not None and _reported_within(day, reading):
                        return day
    return None


def _days_ahead(day: dt.date, reading: Reading) -> bool:
    """A day in the next few after the text's, as the talks an arrival is for are held."""
    return reading.published is not None and dt.timedelta(0) < day - reading.published <= dt.timedelta(days=3)


def _reported_within(day: dt.date, reading: Reading) -> bool:
    return reading.published is not None and dt.timedelta(0) <= reading.published - day <= dates.REPORTED_WITHIN
