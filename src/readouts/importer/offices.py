"""Offices named without their holders: "the Foreign Minister said", "Japan-Russia Summit
Meeting", "talks with his Japanese counterpart". Who held the office on the day, from the roles
people.yaml records, is the one who was there (participants.py asks)."""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer.facts import MEETING_WORDS
from readouts.names import NameIndex

SIDES = {"japan": "Japan", "russia": "Russian Federation"}


# An office named without its holder's name: "Press Conference by the Prime Minister" (who
# then says "I had a telephone talk"), "the Foreign Minister said".
_OFFICES = (
    # headlines write "PM": "Japanese PM urges Putin to seek …"
    (re.compile(r"\bPrime Minister\b|\bPM\b|премьер", re.IGNORECASE), "Prime Minister of (?:the )?{side}"),
    # "Foreign Ministers' Meeting", "consultations of foreign and defence ministers": the office
    # of both sides, the plural saying so
    (re.compile(r"\bForeign Ministers?\b|\bforeign (?:and defen[cs]e )?ministers\b|"
                r"Minister (?:for|of) Foreign Affairs|министр\w* иностранных дел",
                re.IGNORECASE), "Minister (?:for|of) Foreign Affairs of (?:the )?{side}"),
    (re.compile(r"\bPresident\b|президент", re.IGNORECASE), "^President of (?:the )?{side}"),
)


_LEADERS_MET = re.compile(r"\bsummit (?:meeting|talks)\b|\b(?:two|both) leaders\b|(?:лидер|руководител)\w* двух стран",
                          re.IGNORECASE)
"""A summit held, as its report names it: not one agreed on for later ("agree on summit")."""


_LEADERS = {"japan": re.compile("^Prime Minister of Japan"),
            "russia": re.compile("^President of the Russian Federation")}


def leaders_at_a_summit(title: str | None, lede: str | None, meeting: str | None, index: NameIndex,
                        day: dt.date | None) -> list[str]:
    """A summit whose report names no one ("Japan-Russia Summit Meeting" over "The two leaders
    conducted …"): Japan's prime minister and Russia's president on the day, between whom a
    Japan–Russia summit is held."""
    if day is None or not any(_LEADERS_MET.search(text) for text in (title, lede, meeting) if text):
        return []
    holders = [index.holder_of(_LEADERS[side], day) for side in SIDES]
    return [holder for holder in holders if holder] if all(holders) else []


COUNTERPART = re.compile(r"\bcounterparts?\b|коллег\w*", re.IGNORECASE)


def holder_of_office_named(title: str | None, lede: str | None, meeting: str | None,
                           index: NameIndex, opening: list[str], day: dt.date | None, missing: str) -> str | None:
    """The holder, on the day, of an office the headline or opening names without a name."""
    for text in (title, lede, meeting):
        for office, role in _OFFICES:
            if text and any(not _names_holder(text, match, index) and not _of_another_side(text, match, missing)
                            for match in office.finditer(text) if not _deputys(text, match)):
                held = _office_of(role, missing)
                holder = index.holder_of(held, day) if day is not None else _named_holder(opening, held, index)
                if holder:
                    return holder
    return None


_COUNTRY_WORDS = {"japan": re.compile(r"\bjapan|япони|японск", re.IGNORECASE),
                  "russia": re.compile(r"\brussia|росси|российск|\bРФ\b", re.IGNORECASE)}


def _of_another_side(text: str, office: re.Match[str], missing: str) -> bool:
    """Whether an office is said to be another side's than the one sought: the side already found
    ("Премьер-министром Японии", "Japanese Prime Minister" when the Russian side is sought) or a
    third country ("Chinese President Hu Jintao", "President of Brazil")."""
    around = text[max(0, office.start() - 15): office.end() + 25]
    if _COUNTRY_WORDS[missing].search(around):
        return False
    found_side = next(side for side in SIDES if side != missing)
    qualified = _QUALIFIED_BEFORE.search(text, 0, office.start()) or _QUALIFIED_AFTER.match(text, office.end())
    return bool(_COUNTRY_WORDS[found_side].search(around) or qualified)


_QUALIFIED_BEFORE = re.compile(r"(?<![.!?]\s)\b(?!The\b|A\b)[A-Z][\w.]*\s+$")
"""A country's adjective before an office, mid-sentence: "Chinese President", "U.S. President"."""


_QUALIFIED_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def unknown_holder(text: str, side: str, index: NameIndex) -> bool:
    """Whether the text names someone of `side` by office and a name people.yaml does not know
    ("Russian Deputy Prime Minister Boris Nemtsov"): that side's person is there, to be added by hand."""
    for office, _ in _OFFICES:
        for match in office.finditer(text):
            name = _NAME_AFTER_OFFICE.match(text, match.end())
            around = text[max(0, match.start() - 15): match.end()]
            if name and not index.ids_in(name.group()) and _COUNTRY_WORDS[side].search(around):
                return True
    return False


def _named_holder(opening: list[str], office: re.Pattern[str], index: NameIndex) -> str | None:
    """With no day to tell who held an office ("после встречи с президентом РФ" in a text that
    prints no year), the one person the opening names who held it at some time."""
    holders = [person_id for person_id in index.ids_in(" ".join(opening[:3])) if index.held(person_id, office, None)]
    return holders[0] if len(holders) == 1 else None


def counterpart_of(sentence: str, found: list[str], missing: str, index: NameIndex, day: dt.date | None) -> str | None:
    """"talks of Lavrov with his Japanese counterpart", whose name is misspelt or not given, or
    the words of one who speaks of "our talks" with the one named ("Я очень признателен г-ну
    Х.Накасонэ за … организацию наших … переговоров", as a ministry prints its minister's words
    without his name): the holder of the office the named person held, on the other side, that
    day, or with no day known, the one who held it throughout the named person's tenure. The
    office itself, not a deputy's: a deputy minister's counterpart is no minister."""
    if not (COUNTERPART.search(sentence) or _OUR_TALKS.search(sentence)) or not MEETING_WORDS.search(sentence):
        return None
    for person_id in found:
        for own, counterpart in _offices_opposite(person_id, missing, index, day):
            holder = index.holder_of(counterpart, day) if day else index.holder_throughout(person_id, own, counterpart)
            if holder:
                return holder
    return None


def counterpart_offices(person_id: str, missing: str, index: NameIndex, day: dt.date | None) -> list[re.Pattern[str]]:
    """The offices on the `missing` side opposite those the person held on `day` (at any time
    if None): Japan's foreign minister for Russia's, Russia's president for Japan's prime minister."""
    return [counterpart for _, counterpart in _offices_opposite(person_id, missing, index, day)]


def _offices_opposite(person_id: str, missing: str,
                      index: NameIndex, day: dt.date | None) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    side = index.country_of(person_id)
    if side not in SIDES:
        return []
    pairs = ((_office_of("^" + role.lstrip("^"), side), _office_of(other, missing)) for role, other in _COUNTERPARTS)
    return [(own, counterpart) for own, counterpart in pairs if index.held(person_id, own, day)]


_FOREIGN_MINISTER = "Minister (?:for|of) Foreign Affairs of (?:the )?{side}"
_COUNTERPARTS = (
    (_FOREIGN_MINISTER, _FOREIGN_MINISTER),
    ("Prime Minister of (?:the )?Russian Federation", "Prime Minister of (?:the )?{side}"),
    # a summit's sides: Russia's president and Japan's prime minister
    ("^President of (?:the )?Russian Federation", "Prime Minister of (?:the )?{side}"),
    ("Prime Minister of Japan", "^President of (?:the )?{side}"),
)
"""An office's counterpart on the other side: each foreign minister the other; Russia's prime
minister and president, Japan's prime minister; Japan's prime minister, Russia's president, whom a
summit seats opposite him."""


_OUR_TALKS = re.compile(r"(?<![\w-])наш\w*\s+(?:[\w-]+\s+){0,4}?(?:переговор|встреч|бесед)\w*|"
                        r"\bour\s+(?:[\w-]+\s+){0,3}?(?:talks|meeting|negotiations|conversation)\b", re.IGNORECASE)
"""Talks the speaker had, in his own words: "наших конструктивных … переговоров", "our talks"."""


def _office_of(role: str, side: str) -> re.Pattern[str]:
    """An office of _OFFICES on one side: "Minister (?:for|of) Foreign Affairs of (?:the )?Japan";
    not its deputy's, whose title holds the minister's ("Deputy Minister of Foreign Affairs of
    the Russian Federation", "Vice-Minister for Foreign Affairs of Japan", "First Deputy Prime
    Minister"): with a deputy dated, the minister on a day was no one person."""
    return re.compile(_NO_DEPUTY + role.format(side=SIDES[side]))


_NO_DEPUTY = r"(?<!Deputy )(?<!Vice-)(?<!Vice )(?<!State )(?<!Senior )"


def _names_holder(text: str, office: re.Match[str], index: NameIndex) -> bool:
    """Whether an office is followed by its holder's name ("Foreign Minister Sergey Lavrov"), one
    people.yaml knows or not ("Russian Prime Minister Sergei Kirienko": not another holder's), or
    follows it after a comma ("Mr. Yoko Kamikawa, Minister for Foreign Affairs:")."""
    end = office.end()
    found = index.find(text[end: end + 40])
    before = text[max(0, office.start() - 40): office.start()]
    return ((bool(found) and found[0][0] <= 3) or bool(_NAME_AFTER_OFFICE.match(text, end))
            or (bool(_AFTER_A_COMMA.search(before)) and bool(index.ids_in(before))))


_AFTER_A_COMMA = re.compile(r",\s*(?:the\s+)?$")


def _deputys(text: str, office: re.Match[str]) -> bool:
    """Whether the office named is a deputy's: "the deputy foreign ministers", "Vice President",
    "заместителя министра иностранных дел"."""
    return bool(_DEPUTY_BEFORE.search(text, max(0, office.start() - 30), office.start()))


_DEPUTY_BEFORE = re.compile(r"(?:\bdeputy|\bvice|(?<![\w-])замести\w*|(?<![\w-])зам)[\s-]*$", re.IGNORECASE)


_NAME_AFTER_OFFICE = re.compile(r"\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+[A-Z][a-z'’-]+)+\b")
"""A given name and a family name, in Latin letters (Russian names after an office decline)."""


_TWO_PLUS_TWO_OFFICES = re.compile(r"^Minister (?:of|for) (?:Defen[cs]e|Foreign Affairs)")


def two_plus_two_ministers(paragraphs: list[str], index: NameIndex, day: dt.date | None) -> list[str]:
    """In a "2+2", the foreign and defence ministers of both sides sit at the table: those the
    paragraphs name who held either office on the day (on some day, when the text gives none)."""
    return [person_id for person_id in index.ids_in(" ".join(paragraphs))
            if index.held(person_id, _TWO_PLUS_TWO_OFFICES, day)]
