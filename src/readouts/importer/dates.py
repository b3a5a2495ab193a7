"""Dates as readouts print them, in English and Russian, and never a year the text does not give."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Russian month names are declined ("25 сентября"); the stem is enough to tell them apart.
_MONTHS_RU = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    # the agencies' abbreviations: "МОСКВА, 22 янв – РИА Новости."
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?"
_MONTH_RU = (r"(?P<month_ru>январ[а-я]*|феврал[а-я]*|март[а-я]*|апрел[а-я]*|ма[йя]|июн[а-я]*|июл[а-я]*|"
             r"август[а-я]*|сентябр[а-я]*|октябр[а-я]*|ноябр[а-я]*|декабр[а-я]*|"
             r"(?:янв|фев|мар|апр|авг|сент?|окт|нояб?|дек)(?![а-я])\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "201911:01": some pages glue the time onto the year ("31 May 201911:01"), so a year is
# exactly four digits and may be followed straight away by a time.
_YEAR = r"(?P<year>(?:19|20)\d\d)(?P<glued>(?=[0-2]?\d:\d\d))?(?!\d(?![0-2]?\d?:))"
_WEEKDAY = r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"

# Python's re refuses a group name twice in one pattern, so each printed form is its own pattern.
_FULL_FORMS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",          # September 25, 2019
    rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",          # 25 September 2019
    r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",            # 2019-09-25
    # 2019/09/25 and 2019.09.25: year first, as Japanese pages write it, so never ambiguous; and
    # "2017-3-20", the ISO order unpadded, as Chinese and some Russian sites stamp their pages
    r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?P<sep>[/.-])(?P<numeric_month>[01]?\d)(?P=sep)(?P<numeric_day>[0-3]?\d)"
    r"(?![\d/-])",
    rf"\b{_DAY}\s+{_MONTH_RU},?\s+{_YEAR}",                # 25 сентября 2019, "11 сен, 2014"
    # 25.09.2019: the numeric form of Russian and other European pages, always day first
    r"(?<![\d.])(?P<numeric_day>[0-3]?\d)\.(?P<numeric_month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)",
    # "12.01.1613:43": the Russian foreign ministry's stamp, a two-digit year with the time glued on
    r"(?<![\d.])(?P<numeric_day>[0-3]?\d)\.(?P<numeric_month>[01]?\d)\.(?P<short_year>\d\d)(?P<glued>[0-2]\d:[0-5]\d)"
    r"(?![\d:])",
    # "Sun, 11/15/2009 - 21:10": a site's stamp with slashes, month or day first as the site's
    # country writes it; the weekday printed with it says which
    r"\b(?P<short_weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?P<slashed_a>[0-3]?\d)/(?P<slashed_b>[0-3]?\d)/"
    r"(?P<year>(?:19|20)\d\d)\b",
    # "24-02-2022", "23/10/2007 18:32": day and month joined by hyphens or slashes, read only where
    # one of them cannot be a month (the order differs between countries)
    r"(?<![\d/-])(?P<hyphen_a>[0-3]?\d)(?P<hsep>[-/])(?P<hyphen_b>[0-3]?\d)(?P=hsep)(?P<year>(?:19|20)\d\d)(?![\d/-])",
    # "2016年 12月 26日": Japanese pages' year, month and day, whatever language the text is in
    r"(?P<year>(?:19|20)\d\d)年\)?\s*(?P<numeric_month>[01]?\d)月\s*(?P<numeric_day>[0-3]?\d)日",
))
_NO_YEAR = r"(?!,?\s+(?:19|20)\d\d)"
_PARTIAL_FORMS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b{_NO_YEAR}(?!:)",      # September 26
    rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH}\b{_NO_YEAR}",           # 26 September
    rf"\b{_DAY}\s+{_MONTH_RU}(?![а-я]){_NO_YEAR}",           # 26 сентября
))


def _matches(forms: tuple[re.Pattern[str], ...], text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    for form in forms:
        for match in form.finditer(text):
            if not any(m.start() < match.end() and match.start() < m.end() for m in found):
                found.append(match)
    return sorted(found, key=lambda m: m.start())


SPAN_OF_DAYS = re.compile(r"\b[A-Z][a-z]+\.?\s+\d{1,2}\s?[-–—]\s?[A-Z][a-z]+\.?\s+\d{1,2}\b|"
                          r"\bfrom\s+(?:[A-Z][a-z]+\.?\s+)?\d{1,2}(?:\s+[A-Z][a-z]+)?,?\s+(?:to|until|till|through)\s+"
                         r"(?:[A-Z][a-z]+\.?\s+)?\d{1,2}\b|\bсо?\s+\d{1,2}(?:\s+[а-яё]+)?\s+(?:по|до)\s+\d{1,2}\s+[а-яё]+|"
                         r"\b[A-Z][a-z]+\.?\s+\d{1,2}\s?[-–—]\s?\d{1,2}\b(?!:)|"
                         r"(?<![\d.:])\b\d{1,2}\s?[-–—]\s?\d{1,2}\s+(?:[A-Z][a-z]+|[а-яё]+)\b(?<!\d\d\d\d)|"
                         r"\b[A-Z][a-z]+\.?\s+\d{1,2}\s+and\s+\d{1,2}\b|(?<![\d.:])\b\d{1,2}\s+(?:и|and)\s+\d{1,2}\s+"
                         r"(?:[A-Z][a-z]+|[а-яё]+)\b|"
                         r"\b(?:two|three|four|five|several|\d)(?:\s+days|-day(?:\s+[a-z]+){0,2}\s+visit)\s+(?:from|starting)\b",
                         re.IGNORECASE)
""""From 28 April to 6 May", "from September 3 to 5", "с 28 апреля по 6 мая", "со 2 по 6 апреля", "July 30–August 1",
"on November 13-14",
"13-14 ноября", "14 и 15 июня", "June 14 and 15", "for three days from May 11", "a three-day official visit
starting May 11": a stay or summit of several days."""


REPORTED_WITHIN = dt.timedelta(days=7)
"""How long after a meeting a report whose headline or photo caption names its day appears (the
link stage allows the same week to a report that names no day: link/meetings.py)."""


RELATIVE_WEEKDAY = re.compile(
    # "on Friday", "set for Thursday", the news writer's possessive "at Thursday's meeting", and the wire style's
    # weekday as a bare adverb, as AP and AFP set it: right after the verb ("agreed Monday that …", "met
    # Tuesday"), after the talks the verb held ("held talks Monday", "in a telephone conversation
    # Tuesday") or after its object ("traded sharp words Friday in talks"); not after a word that makes
    # it a limit or a list ("until Friday", "Thursday and Friday") or a feast ("Good Friday")
    r"\b(?:(?:on|last|this|for)\s+|(?=\w+day['’]s\s)|"
    r"(?<=[a-z]\s)(?<!\buntil\s)(?<!\bby\s)(?<!\bsince\s)(?<!\bbefore\s)(?<!\bafter\s)(?<!\bnext\s)"
    r"(?<!\bfrom\s)(?<!\bthrough\s)(?<!\btill\s)(?<!\bevery\s)(?<!\bto\s)(?<!\band\s)(?<!\bor\s)(?<!\bthe\s)(?<!\ba\s)"
    # a feast, not a weekday: "Good Friday", "Easter Sunday"
    r"(?<!\bgood\s)(?<!\bblack\s)(?<!\bholy\s)(?<!\bmaundy\s)(?<!\bash\s)(?<!\beaster\s)(?<!\bpalm\s))"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"(?<![\w-])(?:во?|на)\s+(?:прошл\w+\s+)?(?P<weekday_ru>понедельник|вторник|среду|четверг|пятницу|субботу|"
    r"воскресенье)\b",
    re.IGNORECASE,
)
_WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
                "воскресенье": 6}
# "today" and "yesterday" count from the day the text was published.
RELATIVE_DAY = re.compile(r"\b(?P<word>today|yesterday)\b|(?<![\w-])(?P<word_ru>сегодня|вчера)(?![\w-])",
                          re.IGNORECASE)


def weekday_of(match: re.Match[str]) -> int:
    """The weekday (Monday = 0) a RELATIVE_WEEKDAY match names."""
    if match.group("weekday"):
        return WEEKDAYS[match.group("weekday").lower()]
    return _WEEKDAYS_RU[match.group("weekday_ru").lower()]


def days_back(match: re.Match[str]) -> int:
    """0 for "today", 1 for "yesterday" (a RELATIVE_DAY match)."""
    word = (match.group("word") or match.group("word_ru")).lower()
    return 0 if word in ("today", "сегодня") else 1


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    glued_time: bool
    """The printed year had a time glued to it ("201911:01")."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A day and month printed without a year ("September 26")."""

    month: int
    day: int
    weekday: int | None
    start: int
    end: int


_RU_STEMS_LONGEST_FIRST = sorted(_MONTHS_RU.items(), key=lambda kv: -len(kv[0]))


def _russian_month(word: str) -> int | None:
    """The month a Russian month word names in any case: "марта", "Март", "сент." → 3, 3, 9."""
    word = word.lower()
    return next((number for stem, number in _RU_STEMS_LONGEST_FIRST if word.startswith(stem)), None)


def _month_number(match: re.Match[str]) -> int | None:
    if match.groupdict().get("month_ru"):
        return _russian_month(match.group("month_ru"))
    word = match.group("month").lower().rstrip(".")
    if word in _MONTHS_EN:
        return _MONTHS_EN[word]
    return _MONTHS_EN.get(word[:3]) if word[:3] in _MONTHS_EN and len(word) <= 9 else None


_PERIOD_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
                r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
_PERIOD = re.compile(rf"(?P<first>{_PERIOD_MONTH})(?:\s*[-–—]\s*(?P<last>{_PERIOD_MONTH}))?,?\s+(?P<year>(?:19|20)\d\d)"
                     r"(?:\s*(?:г\.|года?))?", re.IGNORECASE)


def period_heading(text: str) -> tuple[int, int, int] | None:
    """(first month, last month, year) of a line that names a month or months and a year and
    nothing else, as archives head a period's stories ("September 2003", "Октябрь-декабрь 2008")."""
    found = _PERIOD.fullmatch(text.strip())
    if found is None:
        return None
    first, last = (_MONTHS_EN.get(word.lower()) or _russian_month(word) or 0
                   for word in (found.group("first"), found.group("last") or found.group("first")))
    return first, last, int(found.group("year"))


def day_in_period(day: tuple[int, int], lines: list[str]) -> dt.date | None:
    """The (month, day) in the year of the one period heading among `lines` whose months hold it:
    "8 декабря" under "Октябрь-декабрь 2008" is 8 December 2008."""
    periods = [found for line in lines if (found := period_heading(line))]
    if len(periods) != 1 or not periods[0][0] <= day[0] <= periods[0][1]:
        return None
    try:
        return dt.date(periods[0][2], *day)
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every complete date in the text, in order; impossible dates (February 30) are skipped."""
    found = []
    for match in _matches(_FULL_FORMS, text):
        if match.groupdict().get("iso"):
            try:
                day = dt.date.fromisoformat(match.group("iso"))
            except ValueError:
                continue
            found.append(FoundDate(day, match.start(), match.end(), False))
            continue
        if match.groupdict().get("hyphen_a"):
            if (unmistaken := _hyphenated(match)) is not None:
                found.append(FoundDate(unmistaken, match.start(), match.end(), False))
            continue
        if match.groupdict().get("slashed_a"):
            if (stamped := _slashed_by_weekday(match)) is not None:
                found.append(FoundDate(stamped, match.start(), match.end(), False))
            continue
        numeric = match.groupdict().get("numeric_day")
        month = int(match.group("numeric_month")) if numeric else _month_number(match)
        if month is None:
            continue
        short_year = match.groupdict().get("short_year")
        try:
            year = 2000 + int(short_year) if short_year else int(match.group("year"))
            day = dt.date(year, month, int(numeric or match.group("day")))
        except ValueError:
            continue
        weekday = match.groupdict().get("weekday")
        if weekday and WEEKDAYS[weekday.lower()] != day.weekday():
            continue
        found.append(FoundDate(day, match.start(), match.end(), match.groupdict().get("glued") is not None))
    return found


def _hyphenated(match: re.Match[str]) -> dt.date | None:
    """"24-02-2022" → 24 February 2022; "02-03-2022", either order a date, → None."""
    readings = _either_order(match.group("hyphen_a"), match.group("hyphen_b"), match.group("year"))
    return readings[0] if len(readings) == 1 else None


def _slashed_by_weekday(match: re.Match[str]) -> dt.date | None:
    """The one reading of "11/05/2009" — month first or day first — that falls on the weekday
    printed with it; None when neither or both do."""
    weekday = next(n for name, n in WEEKDAYS.items() if name.startswith(match.group("short_weekday").lower()))
    fitting = [day for day in _either_order(match.group("slashed_a"), match.group("slashed_b"), match.group("year"))
               if day.weekday() == weekday]
    return fitting[0] if len(fitting) == 1 else None


def _either_order(first: str, second: str, year: str) -> list[dt.date]:
    """The dates two numbers make, month first and day first (one, when both are the same day)."""
    readings: list[dt.date] = []
    for month, day in ((first, second), (second, first)):
        try:
            reading = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    return readings


def find_partial_dates(text: str) -> list[PartialDate]:
    """Every day-and-month printed without a year."""
    found = []
    for match in _matches(_PARTIAL_FORMS, text):
        month = _month_number(match)
        if month is None:
            continue
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        weekday = match.groupdict().get("weekday")
        found.append(PartialDate(month, day, WEEKDAYS[weekday.lower()] if weekday else None,
                                 match.start(), match.end()))
    return found


_TIME_GLUED_TO_DAY = re.compile(r"[0-2]?\d:[0-5]\d(?:\s*(?:GMT|UTC)\s*[+-]\d)?(?=[0-3]?\d\s+[^\W\d_])")
"""A time with its minutes (and its zone, "GMT +3"), then a day and a month's name: news pages
stamp a story "16:52 10 мая 2019" or "14:18 GMT +3 24 March 2017", which copied from the page
loses its space ("16:5210 мая 2019", "14:18 GMT +324 March 2017")."""


_RUBRIC_GLUED_TO_DAY = re.compile(
    r"[A-ZА-ЯЁ][^\W\d_]+(?=[0-3]?\d\s+[^\W\d_]{3,}\s+(?:19|20)\d\d\s*,?\s+[0-2]?\d:[0-5]\d)")
_RUBRIC = re.compile(r"(?:[A-ZА-ЯЁ][\w'’-]*\s+(?:[/|]\s+)?){1,4}")
_CLOCK_AFTER = re.compile(r"\s*(?:г\.|года)?,?\s*(?:[/|]\s*)?(?:at\s+|в\s+)?[0-2]?\d:[0-5]\d\b")


def date_line(text: str) -> FoundDate | None:
    """The date when a line is a date, perhaps with a weekday before it and a time, a place or
    the issuing office after it ("Tuesday, February 9, 2016, 8:45 a.m. Ministry of Foreign
    Affairs", "Friday, January 27, 2017, 8:38 a.m. Front Entrance Hall, Prime Minister’s Office",
    "February 25, 2022 at 14:01 JST", "09.02.2014 23:52", "• 2015-11-17 15:00:00"), else
    None."""
    if "|" in text:
        # a byline of parts between bars, "Asia News Desk | @desk | 29 Sep 2020, 05:32 am Print",
        # "November 13, 1998|By From Tribune News Services.": the part that is a date is the line's
        return next((found for part in re.split(r"\s*\|\s*", text) if part and (found := date_line(part))), None)
    # "16:5210 мая 2019" (a time and the day after it), "НовостиПолитика21 марта 2018 3:42" (the
    # site's rubric and the day): the space between them lost in copying
    if glued := _TIME_GLUED_TO_DAY.match(text) or _RUBRIC_GLUED_TO_DAY.match(text):
        found = date_line(f"{text[:glued.end()]} {text[glued.end():]}")
        return dataclasses.replace(found, start=found.start - 1, end=found.end - 1) if found else None
    dates = find_dates(text)
    # a date set as a list item ("• 2015-11-17 15:00:00"), or after the time ("20:00, 15 февраля
    # 2016 Политика", "11:07 - 5.11.2016 / 442 просмотра"), is still the line's date
    # also after the word that says which date it is: "Updated: 24-02-2022 17:41 IST", "Posted: Wed …",
    # "Page last updated at 17:31 GMT, Tuesday, 12 May 2009 18:31 UK", and after the Japanese era's
    # year: "平成28年 (2016年) 12月 26日"
    # and after the outlet that credits the text: "Deutsche Welle, 15 December 2016", or the place
    # it was given out, as Russia's ministry dates its texts: "Москва, 28 декабря 2009 года", or the
    # paper's issue number: "N°28, 18 февраля 2009"
    marker = re.match(r"[•·▪*–-]\s*|(?:昭和|平成|令和)\d{1,2}年\s*\(\s*|"
                      r"(?:(?:[A-ZА-ЯЁ][\w.'’-]+(?:\s[A-ZА-ЯЁ][\w.'’-]+){0,2}|(?:N°|№)\s?\d{1,4}),\s+)?"
                      r"(?:(?:(?:page )?last )?(?:updated|created|published|posted|обновлено|опубликовано)"
                      r"(?: at| on)?\s*:?\s*"
                      # the clock it was updated by: "Last updated at: (Beijing time) Monday, December 15, 2003"
                      r"(?:\((?:[A-Z][a-z]+\s)?time\)\s*)?)?"
                      r"(?:[0-2]?\d:\d\d(?:\s*(?:GMT|UTC|JST|MSK)(?:\s*[+-]\d{1,2})?)?(?:\s+[-–—]\s+|,?\s+))?"
                      r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?", text, re.IGNORECASE)
    if not dates:
        return None
    rest = text[dates[0].end:]
    if dates[0].start > (marker.end() if marker else 0) and not (
            _RUBRIC.fullmatch(text[:dates[0].start]) and _CLOCK_AFTER.match(rest)):
        # but a site's rubric before a date and time: "Other News Materials 26 April 2008 01:14"
        return None
    # the time's "a.m." is no word, nor is a possessive's "s": "Friday, January 27, 2017, 8:38 a.m.
    # Front Entrance Hall, Prime Minister’s Office", as Japan's ministry heads a press conference
    after = re.sub(r"\b[ap]\.m\.", " ", rest)
    if len(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", after)) <= 8 and not re.search(r"[a-zа-я]{3,}\.\s*$", rest):
        return dates[0]
    return None


_ADDRESS_DAY = re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/-]?)(?P<month>0[1-9]|1[0-2])"
                          r"(?:(?P=sep)(?P<day>0[1-9]|[12]\d|3[01]))?(?![\d])")


def day_in_address(url: str) -> tuple[int, int, int | None] | None:
    """The year, month and perhaps day a news page's address files it under, as most sites build
    them: "/news/2022/03/…", "/2022/03/04/…", "…-20220304-…"; never from the host's name. A bare
    "202203" with no separator is too like a story's number to read, unless the day follows."""
    path = urlsplit(url).path
    for match in _ADDRESS_DAY.finditer(path):
        if match.group("sep") == "" and match.group("day") is None:
            continue
        day = int(match.group("day")) if match.group("day") else None
        try:
            dt.date(int(match.group("year")), int(match.group("month")), day or 1)
        except ValueError:
            continue
        return int(match.group("year")), int(match.group("month")), day
    return None
