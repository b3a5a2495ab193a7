"""Where a meeting was held: a city named after a place cue ("in Lima", "в Москве"), in a
headline's closing place and date, on a date line, or in a story's dateline.

The gazetteer (places.py) says which words are cities; this module says which of a text's
cities is the meeting's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from readouts.importer import dates, facts, places, sentence_day

if TYPE_CHECKING:
    from readouts.importer.datelines import Dateline
    from readouts.importer.header import Header

_KNOWN = {c.casefold(): c for c in places.CITIES}
# A city the meeting is in follows one of these: "in New York", "visited Sochi", "held in Lima".
_PLACE_CUE = re.compile(
    r"\b(?P<cue>(?i:in|visited|visiting|at|to|arrived in))\s+"
    # "in the southwestern city of Nagato", "to his home town of Nagato", "in Sakhalin's capital, Yuzhno-Sakhalinsk,"
    r"(?:(?:the|his|her|their|[A-Z][a-z]+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?P<kind>city|town|resort|village|port) of\s+|(?:capital|city|town|port),\s+))?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
_RU_PLACE_CUE = re.compile(r"(?<![\w-])[Вв]о?\s+(?:[а-яё]{2,}[сц]к(?:ой|ом)\s+)?"
                           r"(?:(?:городе|городке|курорте|порту)\s+)?(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)")
""""в Москве", "в Нью-Йорке", "в Буэнос-Айресе", and at a sentence's start "В Токио проходит встреча";
the country's adjective before the city too, as Russian news writes a foreign one: "в турецкой
Анталье", "в японском Нагато", "в японском городе Нагато"."""
_RU_ARRIVED_IN = re.compile(
    r"(?<![\w-])(?:прибы|прилет|приеха|отправ|вылет|визит|поездк)\w*\s+(?:[\w-]+\s+){0,4}?во?\s+"
    r"(?P<after>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)|"
    r"(?<![\w-])посет\w*\s+(?P<visited>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)|"
    r"(?<![\w-])[Вв]о?\s+(?P<before>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)\s+(?:прибы|прилет|приеха)\w*")
"""Where someone arrived or goes, the city in the accusative: "прибыл с визитом в Москву", "В
Москву прибыл премьер Японии", "отправится в Токио", "визит в Москву", "посетит Токио" (an
arrival report's meeting is there, and a preview's)."""


def place_in(text: str, announcement: bool = False) -> str | None:
    """The first city a sentence puts the meeting in ("in New York", "visited Sochi", "в Москве"),
    passing over a place announced for another, later meeting ("upcoming meeting in Tokyo")
    unless the sentence is the `announcement` of the very meeting the text is about, and the
    place of a meeting proposed ("предложил … Путину встретиться на саммите АТЭС в Пекине")."""
    if not announcement and (proposed := _PROPOSED.search(text)):
        text = text[:proposed.start()]
    return (_english_cue(text, announcement) or _russian_cue(text, announcement)
            or _seat_of_government(text, announcement))


_PROPOSED = re.compile(r"(?<![\w-])предлож\w+\s+[^.]{0,80}?встретиться|\b(?:proposed|offered|suggested)\s+[^.]{0,60}?"
                       r"\b(?:to meet|meeting|to hold)\b|\binvited\s+[^.]{0,60}?\bto (?:visit|meet)\b|"
                       r"(?<![\w-])пригласил\w*\s+[^.]{0,60}?посетить", re.IGNORECASE)


def _english_cue(text: str, announcement: bool) -> str | None:
    """The first city after an English place cue that is this meeting's (place_in)."""
    for match in _PLACE_CUE.finditer(text):
        before = text[max(0, match.start() - 80):match.start()]
        if ((not announcement and _announced(text, match.start())) or _ANOTHER_TIME.search(text[:match.start()])
                or (_ANOTHER_EVENT.search(before) and not _SAID_THERE_AT_THE_TALKS.search(before)
                    and not _RIGHT_AFTER_THE_TALKS.match(text, match.end("name")))
                or (match.group("cue").lower() == "to" and not _MOVING_TO.search(before))
                or (match.group("cue").lower() == "in" and (_POSTED.search(before) or _DETAINED.search(before)))):
            continue
        words, start, shortest = match.group("name").split(), match.start("name"), 1
        if len(words) > 1 and re.search(r"['’]s$", words[0]) and places.is_country(words[0][:-2]):
            # "in Russia's Vladivostok": the country's possessive before its city, all of it
            # ("in Russia's Far Eastern …" names no city "Far")
            start = match.start("name") + match.group("name").index(words[1])
            words = words[1:]
            shortest = len(words)
        for count in range(len(words), shortest - 1, -1):
            found = city_named(" ".join(words[:count]))
            rest = text[start + len(" ".join(words[:count])):]
            if found and not _ANOTHER_TIME_AFTER.match(rest) and not _REGION_AFTER.match(rest):
                return found
        if match.group("kind") and not _ANOTHER_TIME_AFTER.match(text[match.end("name"):]):
            # "the Canadian Rockies resort of Kananaskis": a town the text itself says is one,
            # though too small for the gazetteer
            return words[0].strip(".,")
        one_word_in = len(words) == 1 and match.group("cue").lower() == "in"
        country = _country_after(text, match.end("name")) if one_word_in else ""
        if places.is_country(country):
            # "met in Whistler, Canada": a town with its country, though too small for the gazetteer
            return words[0].strip(".,")
    return None


def _russian_cue(text: str, announcement: bool) -> str | None:
    """The first city a Russian sentence puts this meeting in: "в Москве", "прибыл в Москву",
    "в сочинской резиденции" (place_in)."""
    for match in _RU_PLACE_CUE.finditer(text):
        if ((announcement or not _announced(text, match.start())) and not _ANOTHER_TIME.search(text[:match.start()])
                and not _ANOTHER_EVENT.search(text[max(0, match.start() - 80):match.start()])
                and not _RU_POSTED.search(text[max(0, match.start() - 60):match.start()])
                and not _DETAINED.search(text[max(0, match.start() - 30):match.start()])
                and not _RU_CAPITAL_SAYS.match(text, match.end())):
            found = places.russian_city(match.group("name"))
            if found:
                return found
    for match in _RU_ARRIVED_IN.finditer(text):
        if not _ANOTHER_TIME.search(text[:match.start()]):
            found = places.russian_city(match.group("after") or match.group("visited") or match.group("before"),
                                        "accusative")
            if found:
                return found
    for match in _RU_ADJECTIVE_PLACE.finditer(text):
        if announcement or not _announced(text, match.start()):
            found = _city_of_adjective(match.group("venue") or match.group("talks"))
            if found:
                return found
    return None


def _seat_of_government(text: str, announcement: bool) -> str | None:
    """The city of a seat of government a sentence names (places.SEATS)."""
    for pattern, city in places.SEATS:
        seat = pattern.search(text)
        if (seat and (announcement or not _announced(text, seat.start()))
                and not _RU_CAPITAL_SAYS.match(text, seat.end())):
            return city
    return None


# Russian names a meeting's city by an adjective made from it, before the residence it was held
# in ("в его сочинской резиденции") or before the talks themselves ("московские переговоры"); a
# word joined by a hyphen ("российско-японские переговоры") names the sides, not a place.
_RU_ADJECTIVE_PLACE = re.compile(
    r"(?<![\w-])(?:во?|на)\s+(?:(?:его|её|ее|их|свою|своей|своём|своем|своих)\s+)?(?P<venue>[а-яё]+)\s+"
    r"(?:резиденци|дворц|дворе|особняк|загородн)\w*|"
    r"(?<![\w-])(?P<talks>[А-ЯЁа-яё]+)\s+(?:переговор|встреч|саммит|консультаци|бесед)\w*")
_ADJECTIVE_CITY_SIZE = 300_000
"""Many adjectives made from a town's name are common words too ("королевской" of Korolyov,
"советские" of Sovetsk, "братской" of Bratsk): an adjective is read as a city only when the city
is one of the usual venues (places.CITIES) or has this many people, whose adjectives are in common use."""


def _city_of_adjective(word: str) -> str | None:
    found = places.russian_city_adjective(word)
    if found is None:
        return None
    city, population = found
    return city if population >= _ADJECTIVE_CITY_SIZE or city.casefold() in _KNOWN else None


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре")


def _country_after(text: str, end: int) -> str:
    """The words after a place's name and a comma, up to the next punctuation: ", Canada."."""
    after = re.match(r",\s+([A-Z][\w .'’-]{2,40}?)(?=[.,;:)]|\s+(?:on|in|at|for|and)\b|$)", text[end:])
    return after.group(1).strip() if after else ""


_ANOTHER_TIME = re.compile(
    rf"\b(?:in|в)\s+(?:(?:mid-|early\s+|late\s+)?(?:{_MONTHS})|(?:19|20)\d\d(?:\s+году)?)\s*,?\s*$|"
    # "«Недавно в Нью-Йорке у нас состоялась … беседа»", "recently in New York": an earlier one
    r"(?<![\w-])(?:недавно|recently)\s*,?\s*$", re.IGNORECASE)
_ANOTHER_TIME_AFTER = re.compile(rf"\s+in\s+(?:(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\b")
"""A city right after a month, a year or "recently" ("as we agreed in December in Tokyo", "в
2016 году в Нагато", "Недавно в Нью-Йорке"), or right before one ("the Summit Meeting in
Singapore in November 2018"), is where something else happened at that time, not where the sides
sit now."""
_ANOTHER_EVENT = re.compile(r"\b(?:preparations? (?:for|of)|ahead of|in the run-up to|to prepare|"
                            r"(?:may|might|could) be \w+ed)\b[^.;]*$|"
                            r"\bmeetings\s+(?:held\s+)?$|\bmeetings\b[^.;]{0,100}\bheld\s+$|"
                            # where something was said of the meeting: "Suga told reporters in Tokyo"
                            r"\b(?:told (?:reporters|journalists|the press|a news conference)|said|says|speaking)\s+$|"
                            r"\b(?:press|news) conference\s+$|\bbriefing\s+$|"
                            # what someone is invited to: "передал приглашение участвовать в
                            # экономическом форуме во Владивостоке"
                            r"\binvit(?:ation|ed|es?)\s+(?:\w+\s+){0,3}?to (?:attend|take part|participate)\b[^.;]*$|"
                            r"(?<![\w-])приглаш\w*\s+(?:\w+\s+){0,3}?(?:участвовать|принять участие)[^.;]*$|"
                            # agreements "reached at their meetings in Krasnoyarsk and Kawana",
                            # "достигнутые в ходе их неформальных встреч в Красноярске"
                            r"\b(?:reached|achieved)\s+(?:at|during|in)\b[^.;]*$|"
                            r"(?<![\w-])достигнут\w*\s+(?:в ходе|на)\s[^.;]*$|"
                            # an earlier meeting's city: "at our previous meeting in Yamaguchi", "В
                            # прошлую нашу встречу в Ямагути"
                            r"\b(?:previous|last|earlier)\s+(?:\w+\s+)?(?:meeting|talks|summit|visit)\s+$|"
                            r"(?<![\w-])(?:прошл|предыдущ)\w*\s+(?:\w+\s+)?(?:встреч|переговор|саммит|визит)\w*\s+$|"
                            # an event of another month: "на апрельском форуме G20 в Лондоне"
                            r"(?<![\w-])(?:январ|феврал|мартов|апрел|май|июн|июл|августов|сентябр|октябр|ноябр|декабр)"
                            r"ь?ск\w*\s+(?:[\w«»\"-]+\s+){0,3}$",
                            re.IGNORECASE)
"""A city after the words of preparing for an event ("begin preparation for Japanese PM visit to
Moscow", "a statement that may be signed during the Prime Minister's visit to Moscow") is that
event's; after "meetings held" it is the place of others than the one reported
("following the outcomes of the summit meetings held in Singapore and Buenos Aires")."""
_SAID_THERE_AT_THE_TALKS = re.compile(r"\bjoint\s+(?:press|news)\s+conference\s+$", re.IGNORECASE)
_RIGHT_AFTER_THE_TALKS = re.compile(r",?\s+(?:right\s+|shortly\s+)?after\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                                    r"(?:talks|meeting|consultations)\s+with\b", re.IGNORECASE)
"""Where words were said at the talks themselves: a joint news conference, or "told reporters in
Moscow after talks with": the city of the talks."""
_MOVING_TO = re.compile(r"\b(?:visit\w*|trips?|travel\w*|c[oa]me|comes|coming|went|go|goes|going|flew|fl(?:y|ies|ying)|"
                        r"arriv\w*|journey\w*|way|return\w*|head\w*|back|welcom\w*|moved?|sent|dispatch\w*|"
                        r"invit\w*|tours?)\b[^,.;]{0,25}$", re.IGNORECASE)
""""To" a city names where someone went only after a word of going there ("his visit to Moscow",
"flew to Lima"): "expressed strong protest to Tokyo" names a government by its capital."""
_POSTED = re.compile(r"\b(?:ambassadors?|embass(?:y|ies)|(?:diplomatic )?missions?|envoys?|consulates?(?:[- ]general)?|"
                     r"consuls?(?:[- ]general)?|charg[eé] d['’]affaires|representatives?|correspondents?|bureau)\s+$",
                     re.IGNORECASE)
_RU_POSTED = re.compile(r"(?<![\w-])(?:посол|посл(?:а|у|ом|е|ы|ов|ам|ами|ах)|посольств\w*|представительств\w*|"
                        r"(?:ген)?консул\w*|миссии|поверенн\w+ в делах|корреспондент\w*)"
                        r"(?:\s+(?:Японии|России|РФ|Российской Федерации))?\s+$",
                        re.IGNORECASE)
_DETAINED = re.compile(r"(?:\b(?:detain\w*|arrest\w*)|(?<![\w-])(?:задержан\w*|арест\w*))\s+$", re.IGNORECASE)
"""Where someone was detained ("в связи с задержанием во Владивостоке консула", "arrested in
Vladivostok"): the incident's city, not where the protest over it was made."""
_RU_CAPITAL_SAYS = re.compile(r"(?:\s+и\s+[А-ЯЁ][а-яё]+)?(?:\s+[а-яё]+о)?\s+(?:назвали|заявили|считают|отметили|"
                              r"подчеркнули|выразили|ответили|отреагировали|напомнили|указали|сообщили|"
                              r"подчеркивают|заявляют|говорят|отмечают|полагают|уверены)\b")
"""A city named as a diplomat's post or an office's seat says where someone is stationed, not
where a meeting was held: "the Japanese Ambassador in Moscow", "the Russian diplomatic mission in
Tokyo", "посол Японии в Москве"; and a capital or a seat of government with a verb of saying
stands for its government ("В Москве назвали необоснованным протест Токио", "В Кремле
подтвердили факт разговора", "В Москве и Токио настоятельно подчеркивают")."""
_REGION_AFTER = re.compile(r"\s+(?:Prefecture|Province|Oblast|Region|Krai|Islands?|Peninsula|District)\b")
"""A name followed by one of these is a region, whatever town shares it ("Yamaguchi Prefecture")."""

# The host's welcome names where the guest has come: "Let me warmly welcome you to Sochi",
# "Добро пожаловать в Москву"; a speaker says where he is: "here in Irkutsk we have made a new
# step" (a transcript's opening words, before any place cue of the report).
_WELCOME = re.compile(r"\b(?:welcome (?:you|all of you|our guests?)?\s*(?:here\s+)?(?:to|in)|here in)\s+"
                      r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)|[Дд]обро пожаловать в\s+(?P<ru>[А-ЯЁ][а-яё-]+)|"
                      r"(?<![\w-])здесь,?\s+в\s+(?P<here>[А-ЯЁ][а-яё-]+)")  # "здесь, в Иркутске": where the speaker is


def _welcomed_to(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:6]:
        for match in _WELCOME.finditer(paragraph):
            name, russian, here = match.group("name"), match.group("ru"), match.group("here")
            found = (city_named(name) if name else places.russian_city(russian, "accusative") if russian
                     else places.russian_city(here))
            if found:
                return found
    return None


def _announced(text: str, position: int) -> bool:
    """Whether the words just before `position`, in the same sentence, speak of the future, unless
    a clause that reports the words ended there: "…Putin will visit Japan in May, Aso said after
    the summit in Yuzhno-Sakhalinsk"."""
    # a sentence ends after a word, not after "Mr." or "H.E."
    before = re.split(r"(?<=[a-z]{3})[.;!?]\s", text[max(0, position - 200): position])[-1]
    reported = _REPORTING.search(before)
    return bool(facts.FUTURE.search(before[reported.end():] if reported else before))


_REPORTING = re.compile(r".*,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:said|told|stated|noted|added)\b", re.DOTALL)
"""Up to the end of ", Aso said", after which the sentence tells of the present again."""


def city_named(text: str) -> str | None:
    """A city by name ("MANILA", "Lima", "Yuzhno Sakhalinsk"; "UNITED NATIONS" is no city), in its
    usual spelling."""
    name = text.strip(" .,")
    if not name[:1].isupper():
        return None
    known = _KNOWN.get(name.casefold())
    if known:
        return _canonical_city(known)
    name = name.title() if name.isupper() else name
    # a hyphenated name is often printed with a space: "Yuzhno Sakhalinsk"
    return places.city(name) or (places.city(name.replace(" ", "-")) if " " in name else None)


def _canonical_city(city: str) -> str:
    return places.PREFERRED.get(city, city)


# "…, Tokyo, May 31, 2019" at the end of a headline: the place and day of the meeting.
_TITLE_PLACE = re.compile(r",\s*([A-Z][A-Za-z .'-]{2,30}),\s*"
                          r"(?:[A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d)\s*$")


_TITLE_PLACE_RU = re.compile(r",\s*([А-ЯЁ][а-яё-]+(?:[ -][А-ЯЁ][а-яё-]+)?),\s*"
                             r"\d{1,2}\s+[а-яё]+\s+(?:19|20)\d\d(?:\s+г(?:ода|\.))?\s*$")
""""…, Токио, 15 апреля 2016 года": the same, as Russia's ministry heads its transcripts."""


_NUMBERED_PART = re.compile(r"\s*(?:[-•*]\s*)?(?:\(?\d{1,2}[.)]|\([a-z]\)|[IVX]{1,4}\.)\s")
"""A numbered part of a readout's summary ("1. Japan-Russia relations", "- (1) With …"): from there
on it tells what was discussed, and a place it names is the subject's."""


def meeting_place(title: str | None, header: Header, text: str, opening: list[str],
           occasion_city: str | None, story: Dateline | None, lede: str | None,
           meeting: str | None, announcement: bool = False) -> str | None:
    """The city of the meeting: from the headline's closing place and date, the date line's
    place, the sentences that report the meeting, the occasion's fixed city, then any opening
    sentence about the meeting ("The talks took place in Moscow"); last, a story's dateline,
    unless the story relays what a ministry or another outlet said, announces a meeting to come
    (but for an arrival's) or tells of a recent one: then the dateline names where the reporter
    filed from, not where the ministers sat."""
    if title:
        match = _TITLE_PLACE.search(title)
        if match:
            return city_named(match.group(1)) or match.group(1).strip()
        match = _TITLE_PLACE_RU.search(title)
        if match and (found := places.city(match.group(1))):
            return found
    if announcement and (found := place_in(meeting or "", True) or place_in(title or "", True)):
        # the text announces its meeting ("will be held in Tokyo on February 15", or in its
        # headline: "Глава МИД Японии 14 января встретится в Москве с Лавровым"): that is its place
        return found
    if header.date_index is not None and (city := _date_line_city(header.lines[header.date_index].text)):
        return city
    found = place_in(text)
    if found:
        return found
    if occasion_city:
        return occasion_city
    for paragraph in opening[:3]:
        if _NUMBERED_PART.match(paragraph):
            break  # "1. Japan-Russia relations", "(1) With the … meeting in Vladivostok … in mind": what was discussed
        for sentence in facts.sentences(paragraph):
            # a text that announces its meeting places it in the future tense too ("Putin and
            # Noda will meet on the sidelines of a planned APEC summit in Vladivostok")
            # not a meeting remembered ("Помню нашу встречу в начале 2000-х годов в Иркутске")
            if (facts.MEETING_WORDS.search(sentence) and not facts.of_another_time(sentence, None)
                    and not facts.REMEMBERED.search(sentence) and (found := place_in(sentence, announcement))):
                return found
    if found := _welcomed_to(opening) or places.city_reported_from(" ".join(opening[:2])):
        return found
    if story and meeting and lede and not _IN_A_REGION.search(meeting) and not sentence_day.RECENT.search(meeting) and (
            (not announcement and not _RELAYED.search(lede) and not _goes_abroad(lede)) or _ARRIVED.search(lede)):
        # a report of an arrival ("has arrived in Japan on Wednesday") is filed where the visitor
        # came, the meetings to come included
        return city_named(story.city) or places.city(story.city)
    return None


def _goes_abroad(lede: str) -> bool:
    """Whether the lead tells of going to a country, in the present or the future ("called coming
    to Peru this month to meet with Putin"): the story is filed before the journey, from home.
    One who "travelled to Russia on Friday" may be filing from there."""
    return any(places.is_country(match.group(1)) for match in _GOING_TO.finditer(lede))


_IN_A_REGION = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w'’]+\s+){1,3}(?:[Pp]refecture|[Oo]blast|[Kk]rai)\b|"
                          r"(?<![\w-])в\s+(?:[А-ЯЁ]\w+\s+)?(?:префектур\w*|област(?:и|ь|ях)|кра(?:е|я|ю|ях))(?![\w-])",
                          re.IGNORECASE)
"""A meeting the story places in a region ("held meetings with officials in Japan's northern
Hokkaido Prefecture", "в Приморском крае"): the city it was filed from is not where it was held;
a region's office is in its city ("в краевой администрации")."""
_GOING_TO = re.compile(r"\b(?:(?:come|comes|coming|go|goes|going|travel(?:s|l?ing)?|fly(?:ing)?|flies|heads?|heading)"
                       r"\s+to|embark(?:s|ed|ing)? on (?:an? |his |her )?(?:[a-z]+ ){0,2}(?:visit|trip|tour) to|"
                       r"(?:leaves|left|leaving|departs|departed|departing) for)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_ARRIVED = re.compile(r"\b(?:has|have) arrived in\b|(?<![\w-])прибыл[аи]?\s+(?:\w+\s+){0,3}?в\s", re.IGNORECASE)


def _date_line_city(line: str) -> str | None:
    """The city a date line closes with: "April 27, 2017, The Kremlin, Moscow", or before its
    country and after the time, "Tuesday, July 31, 2018, 8:56 p.m. Moscow, Russia"; or opens
    with, as Russia's ministry dates a text with where it was given: "Москва, 28 декабря 2009 года"."""
    first, _, rest = line.partition(",")
    if rest and dates.find_dates(rest) and (city := places.city(first.strip())):
        return city
    parts = line.split(",")[1:]
    while parts:
        part = _CLOCK.sub("", parts.pop())
        if places.is_country(part.strip()) or _STATE_FORM.search(part):
            continue
        return city_named(part)
    return None


_STATE_FORM = re.compile(r"\b(?:Federation|Republic|Kingdom|Commonwealth)\b")
"""A country by its official form: "Russian Federation", "Republic of Korea"."""
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\s*", re.IGNORECASE)


# "…, the Japanese foreign ministry reported.", "…, Kyodo reports.", "according to the ministry";
# in Russian "…, сообщил журналистам пресс-секретарь …", "…, сообщили в МИД", "передает РИА Новости",
# "по данным …", "как сообщает …"
_RELAYED = re.compile(r"\b(?:ministry|agency|office|officials?|kyodo|jiji|reuters|nhk|interfax|sputnik)\b[^.]{0,30}"
                      r"\b(?:said|says|announced)\b|\baccording to\b|\b(?:reported|reports)\b|"
                      r"(?<![\w-])сообщил\w*\s+(?:журналистам\s+)?(?:[\w-]+\s+){0,3}?(?:пресс-секретар|представител|"
                      r"источник|пресс-служб|в\s+МИД|в\s+министерств|в\s+ведомств|в\s+Кремле)\w*|"
                      r"(?<![\w-])(?:переда[её]т|передают|сообщает|сообщают)\s+[А-ЯЁA-Z]|"
                      r"(?<![\w-])(?:по данным|по сообщению|как сообщ\w+)(?![\w-])",
                      re.IGNORECASE)
