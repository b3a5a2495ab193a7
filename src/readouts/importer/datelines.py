"""A news story's dateline: the city, the day and the agency a story opens with ("MANILA, August 7.
/TASS/.", "MOSCOW — …", "Moscow: Crisis talks …"), each form a convention of news agencies and
papers in general. The header (header.py) ends where a dateline starts; the dateline's day dates
the story and its city may place the talks the story reports (venue.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readouts.importer import places, venue
from readouts.importer.document import words


@dataclass(frozen=True, slots=True)
class Dateline:
    """"MANILA, August 7. /TASS/." or "MOSCOW. March 21 (Interfax) -" at the start of a story."""

    city: str
    agency: str
    date_text: str
    end: int


# "MANILA, August 7. /TASS/.", "МОСКВА, 14 января. /ТАСС/.", "Tokyo, Nov. 25 (Jiji Press)--",
# "Москва, 14 января, 2022, 14:10 — ИА Регнум.":
# a city, perhaps a day, and the agency, which no sentence of running text has at its start.
_DATELINE = re.compile(
    r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{1,30}?|[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2}|"
    r"[А-ЯЁ][а-яё'’.-]+(?:[\s-][А-ЯЁ][а-яё'’.-]+){0,2})"
    # the country after the city: "MANILA, Philippines /TASS/", ANI's "Tokyo [Japan], September 24 (ANI):"
    # Kyodo's "VLADIVOSTOK, Russia, Sept. 8, Kyodo"
    r"(?:,\s*[A-Z][a-z]+(?=\s*[(/]|,\s*[A-Z][a-z]{2,8}\.?\s+\d))?"
    # or in round brackets: "SAPPORO (Japan) (Pakistan Point news / Sputnik - …)", RIA's "ДОВИЛЬ (Франция), 27 мая"
    r"(?:\s*\[[A-Z][A-Za-z ]{1,25}\]|\s*\((?:[A-Z][a-z]{2,15}|[А-ЯЁ][а-яё]{2,15})\))?(?:\s*/[A-Z][a-z]+/)?[,.]?\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|\d{1,2}\s+[а-яё]{3,9})"
    r"(?:,?\s+(?:19|20)\d\d)?)?(?:,\s*[0-2]?\d:[0-5]\d)?\.?\s*"
    # "/ТАСС/.", or with the correspondent who filed it: "/Корр. ТАСС Алексей Заврачаев/."
    r"(?:/(?:Корр\.\s+|Corr\.\s+)?(?P<agency>[A-Za-zА-ЯЁа-яё-]{2,20})(?:\s+[A-ZА-ЯЁ][a-zа-яё-]+){0,2}/\.?|"
    # "Владивосток, ИА Приморье24.": a Russian regional agency, "ИА" (информационное агентство)
    # before its name
    r"(?<=[,.]\s)ИА\s+[«\"]?(?P<agency8>[А-ЯЁA-Z][\w-]{1,20}(?:\s[А-ЯЁA-Z][\w-]{1,20})?)[»\"]?\.|"
    r"\((?P<agency2>[A-Z][A-Za-z /-]{1,20})\)|"
    # "МОСКВА, 22 янв – РИА Новости.": the agency after a dash, one or two capitalised words,
    # and the correspondent who filed it after a comma: "ТОКИО, 5 ноя – РИА Новости, Ксения Нака."; the
    # dash typed as a hyphen where the story is copied: "Москва, 27 сентября - АиФ-Москва."
    r"(?<=\s)[-–—]\s(?P<agency3>[А-ЯЁA-Z][\w-]+(?:\s[А-ЯЁA-Z][\w-]+)?)(?:,\s[А-ЯЁA-Z][\w-]+(?:\s[А-ЯЁA-Z][\w-]+){1,2})?\.|"
    # "SINGAPORE, Nov. 15 Kyodo -": wire copy's agency between the day and a dash; "Нью-Йорк. 23
    # сентября. INTERFAX.RU - ": a Russian agency's name in capitals, its site's or its own, hyphened
    # as regional agencies' are ("ВЛАДИВОСТОК. 6 мая. ВОСТОК-МЕДИА - ")
    r"(?<=\d\s)(?P<agency4>[A-Z][A-Za-z]{2,15}(?:\s[A-Z][a-z]+)?)(?=\s+[-–—])|"
    r"(?<=\.\s)(?P<agency5>[A-ZА-ЯЁ]{3,15}(?:-[A-ZА-ЯЁ]{2,15})?(?:\.RU)?)(?=\s+[-–—])|"
    # "ST. PETERSBURG, Dec. 2, Kyodo": the agency after a comma, the dateline a line of its own
    r"(?<=\d),\s(?P<agency6>[A-Z][A-Za-z]{2,15}(?:\s[A-Z][a-z]+)?)(?=\s*$)|"
    # "TOKYO (UrduPoint News / Sputnik - 26th July, 2021)": outlet, agency and date in brackets
    r"\((?P<agency7>[A-Z][\w .]{1,30}?(?:\s*/\s*[A-Z][\w .]{1,30}?)?)\s+[-–]\s+"
    r"(?P<date7>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+(?:19|20)\d\d)\))\s*:?\s*[-–—]{0,2}\s*"
)


_CITY_AND_DASH = re.compile(r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,30}?)(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
                            r"(?:\s*(?:[—–]|--?)\s+|:\s+)(?=[A-ZА-ЯЁ])|"
                            # Jiji's "Singapore--Japanese Prime Minister …"
                            r"^(?P<city2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)--(?=[A-Z])|"
                            # a South Asian paper's: "Moscow: Crisis talks between …"
                            r"^(?P<city3>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?=[A-Z])")
"""An American newspaper's dateline, the city in capitals and a dash, typed as a dash or as one
or two hyphens, perhaps with the country: "MOSCOW — A day after …", "TOKYO - Japanese Foreign
Minister …", "KRASNOYARSK, Russia -- With a little fishing …"; an Asian paper's, with a colon:
"TOKYO: Tokyo and the Kremlin will …"; Jiji's, the city as written and two hyphens:
"Singapore--Japanese Prime Minister …"; an Indian or Pakistani paper's (PTI, Zee News), the city
as written and a colon: "Moscow: Crisis talks …", only before a sentence as long as a story's
first (a headline may open with its city and a colon too: "Moscow: talks end")."""


_STORY_FIRST_SENTENCE_WORDS = 12
"""Words after "City: " that make the line a story's opening sentence rather than a headline."""


_DATE_THEN_CITY = re.compile(r"^(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d)\s+"
                             r"(?P<city>[A-Z][A-Z .'’-]{2,30}?)\s*(?:[—–]|--?)\s+(?=[A-Z])")
"""A business paper's dateline with its date before it (Nikkei's "November 4, 2016 MOSCOW --
Japanese and Russian ministers …"): the page's date line set on the dateline's line."""


def _agency_name(printed: str | None) -> str | None:
    """"INTERFAX.RU" → "Interfax": the agency, not its site."""
    if printed is None:
        return None
    name = printed.removesuffix(".RU")
    return name.title() if name.isascii() else name


_DATE_FIRST = re.compile(r"^(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?)\s+"
                         r"\((?P<agency>[A-Z][A-Za-z ]{1,20})\)\s*[-–—]{1,2}\s*")
"""A dateline with no city, the day first and the agency in brackets before a dash: "Feb 22
(Reuters) - …", "Feb. 22, 2018 (EIRNS)—…", as a story filed without a place is credited."""


_AGENCY_FIRST = re.compile(r"^(?P<agency>[A-Z]{3,}(?:-[A-Z]{2,})?)\.\s+"
                           r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)\.\s+(?=[A-Z])")
"""A dateline with no city, the agency's name in capitals first and the full date after it, as
Russian agencies' English services file: "OREANDA-NEWS. May 15, 2009. Vladimir Putin …"."""


_CAPITAL_CITY_AND_DAY = re.compile(
    r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,30}(?:\s[A-ZА-ЯЁ-]{2,20})?),\s*"
    r"(?P<date>\d{1,2}\s+[а-яё]{3,9}(?:\s+(?:19|20)\d\d)?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?)"
    r"\.\s+(?=[A-ZА-ЯЁ])|"
    # Reuters' wire copy as papers repost it, no comma nor stop: "TOKYO Nov 1 Foreign ministers …"
    r"^(?P<city2>[A-Z][A-Z-]{2,30}(?:\s[A-Z-]{2,20})?)\s(?P<date2>[A-Z][a-z]{2}\.?\s\d{1,2})\s(?=[A-Z][a-z])")
"""A regional paper's dateline with no agency: the city in capitals, the day and a full stop, as
agencies' datelines are set: "ЮЖНО-САХАЛИНСК, 14 апреля. Губернатор …"; only a city the
gazetteer knows, so that no capitalised heading is taken for one."""


_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|понедельник|вторник|среда|четверг|пятница|"
                      r"суббота|воскресенье", re.IGNORECASE)


def dateline(text: str) -> Dateline | None:
    if first := _DATE_FIRST.match(text):
        return Dateline("", first.group("agency"), first.group("date"), first.end())
    if first := _AGENCY_FIRST.match(text):
        return Dateline("", _agency_name(first.group("agency")) or "", first.group("date"), first.end())
    match = _DATELINE.match(text)
    if match and _WEEKDAY.fullmatch(match.group("city").strip(" .,")):
        # "Monday, September 22, 2014 (AM)": a day's stamp over a briefing's transcript, no place
        match = None
    printed = None if match else _CAPITAL_CITY_AND_DAY.match(text)
    if printed and printed.group("city2") and venue.city_named(printed.group("city2").title()):
        return Dateline(printed.group("city2"), "", printed.group("date2"), printed.end())
    if printed and printed.group("city") and (venue.city_named(city := printed.group("city").title())
                                              or places.russian_city(city)):
        return Dateline(printed.group("city").strip(), "", printed.group("date"), printed.end("date") + 1)
    if not match:
        if (dated := _DATE_THEN_CITY.match(text)) and venue.city_named(dated.group("city").title()):
            return Dateline(dated.group("city").strip(), "", dated.group("date"), dated.end())
        bare = _CITY_AND_DASH.match(text)
        city = (bare.group("city") or bare.group("city2") or bare.group("city3")) if bare else ""
        if bare and bare.group("city3") and len(words(text[bare.end():])) < _STORY_FIRST_SENTENCE_WORDS:
            return None
        if bare and (venue.city_named(city.title()) or places.russian_city(city.title())):
            return Dateline(city.strip(), "", "", bare.end())
        return None
    return Dateline(match.group("city").strip(" .,"),
                    match.group("agency") or match.group("agency2") or match.group("agency3")
                    or match.group("agency4") or _agency_name(match.group("agency5")) or match.group("agency6")
                    or match.group("agency7") or match.group("agency8") or "",
                    match.group("date") or match.group("date7") or "", match.end())
