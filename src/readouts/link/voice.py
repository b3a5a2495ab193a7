"""A readout's paragraphs → whose voice each is in: the side's own account of the meeting,
background (history, earlier events), or the other side's account quoted or relayed.

A meeting page compares what each side said, so a news item's recap of 1956, or its quotation
of the other side's ministry, must not count as that side reporting a topic. The rules follow
the conventions of news writing in English and Russian (docs/topics-and-rules.md), and they are
conservative: a paragraph no rule claims is the account's own voice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readouts.model import Block, Person, Voice
from readouts.names import name_forms, name_pattern

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_MONTH_EN = "|".join(_MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# Russian months in the genitive, as dates print them: "5 сентября".
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря")

# A paragraph that opens with one of these recaps what came before: "Earlier, …", "Recall
# that …", "Напомним, …", "Ранее …", "Since the mid-20th century …".
_OPENER = re.compile(
    r"^[\s\"“«(]*(?:Earlier\b|Previously\b|Prior to (?:that|this)\b|Before (?:that|this)\b|Recall that\b|"
    r"It (?:will|should|may) be recalled\b|As (?:was |has been )?(?:previously |earlier )?reported\b|Back in\b|"
    r"In the past\b|Historically\b|Since (?:the )?(?:(?:early|late|mid)[- ])?(?:\d{4}s?|[\w-]+ century)|"
    r"Напомним\b|Ранее\b|Как (?:уже )?сообщал(?:ось|[аио])?\b|Как известно\b|Прежде\b|До этого\b|"
    r"Перед этим\b|Ещ[её] в\b|Исторически\b|С (?:середины|начала|конца)\b|В прошлом\b)")
# A year as the time of what a sentence tells, not as part of a name: "in 1956", "on November
# 14, 2018", "dated January 27, 1960", "в 1956 году" — but not "the 1956 Declaration" or
# "Декларации 1956 года", which name a text the sides still cite today.
_YEAR_EN = re.compile(
    rf"\b(?:[Ii]n|[Oo]n|[Ss]ince|dated|[Ff]rom|[Uu]ntil|[Bb]ack in)\s+(?:(?:early|late|mid-)\s*)?"
    rf"(?:(?:{_MONTH_EN})\.?\s+\d{{1,2}},?\s+|\d{{1,2}}\s+(?:{_MONTH_EN})\.?,?\s+|(?:{_MONTH_EN})\.?\s+)?"
    r"((?:19|20)\d\d)\b(?!\s*-?\s*(?:[Dd]eclaration|[Jj]oint|[Aa]greement|[Tt]reaty))")
_YEAR_RU = re.compile(
    rf"(?:\b(?:[вВсС]|от|до)\s+|\b\d{{1,2}}\s+(?:{'|'.join(_MONTHS_RU)})\s+)((?:19|20)\d\d)\s*(?:год\w*|г\.)")
# A day without a year before the meeting's: "on September 11", "5 сентября".
_DAY_EN = re.compile(rf"\b[Oo]n\s+(?:({_MONTH_EN})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH_EN}))\b(?!,?\s*\d{{4}})")
_DAY_RU = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS_RU)})(?!\s*\d)")
# Earlier events told in passing: "he earlier said", "last year", "ранее заявил".
_EARLIER = re.compile(
    r"\bearlier\s+(?:said|stated|told|announced|noted|reported|this|that|in|on)\b|"
    r"\bpreviously\s+(?:said|stated|told|announced|reported)\b|\blast\s+(?:year|month)\b|\byears? ago\b|"
    r"\bранее\s+\w+л[аио]?\b|\bв прошлом году\b|\bлет назад\b", re.IGNORECASE)
# The past perfect tells what came before the events reported ("after Japan and the United
# States had signed the Treaty …"); in reported speech it is only the tense shifted back
# ("Minister Lavrov said that the sides had agreed …"), so a sentence with a reporting verb is
# not marked by it.
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:not\s+|already\s+|earlier\s+|previously\s+|long\s+|never\s+)?"
    r"(?:been|\w+ed|held|made|signed|taken|given|sent|met|built|begun|become|come|gone|won|lost)\b")
_REPORTING = re.compile(
    r"\b(?:said|says|stated|noted|told|explained|expressed|indicated|mentioned|added|stressed|"
    r"emphasi[sz]ed|confirmed|welcomed|reported|announced|agreed|shared)\b")
_BACKGROUND_HEADING = re.compile(r"^(?:Background|History|Справка|Предыстория|История вопроса)\b", re.IGNORECASE)
# A sentence ends at . ! or ? before a capital, but not after a title ("Mr. Lavrov").
_SENTENCE_END = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<=[.!?])[\"”»]?\s+"
                           r"(?=[\"“«(]?[A-ZА-ЯЁ0-9])")

# The sides' ministries, governments and press, as an account attributes words to them.
_SOURCES = {
    "japan": (r"(?:Japan[’']s|(?:the\s+)?Japanese)\s+(?:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|"
              r"foreign\s+ministry|ministry|[Gg]overnment|[Cc]abinet|[Ee]mbassy|diplomatic\s+mission|"
              r"officials?|diplomatic\s+sources?|sources?|media|press|news\s+agency)|"
              r"(?:Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|[Gg]overnment|[Ee]mbassy)\s+of\s+Japan|"
              r"\bMOFA\b|\bKyodo\b|\bNHK\b|"
              r"МИД\w*\s+Японии|японск\w+\s+(?:МИД\w*|министерств\w*|правительств\w*|посольств\w*|дипломат\w*|"
              r"СМИ|агентств\w*|источник\w*)|(?:[Мм]инистерств\w+\s+иностранных\s+дел|[Пп]равительств\w+|"
              r"[Пп]осольств\w+)\s+Японии|Киодо"),
    "russia": (r"(?:Russia[’']s|(?:the\s+)?Russian)\s+(?:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|"
               r"foreign\s+ministry|ministry|[Gg]overnment|[Ee]mbassy|diplomatic\s+mission|officials?|"
               r"diplomatic\s+sources?|sources?|media|press|news\s+agency)|"
               r"(?:Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|[Gg]overnment|[Ee]mbassy)\s+of\s+"
               r"(?:Russia|the\s+Russian\s+Federation)|Kremlin\s+press\s+service|\bTASS\b|\bInterfax\b|"
               r"\bRIA\s+Novosti\b|"
               r"МИД\w*\s+(?:России|РФ)|российск\w+\s+(?:МИД\w*|министерств\w*|правительств\w*|посольств\w*|"
               r"дипломат\w*|СМИ|источник\w*)|(?:[Мм]инистерств\w+\s+иностранных\s+дел|[Пп]равительств\w+|"
               r"[Пп]осольств\w+)\s+(?:России|Российской\s+Федерации)|пресс-служб\w+\s+Кремля|ТАСС|"
               r"РИА\s+Новости|Интерфакс"),
}
# "the ministry said" names no side: it is the ministry the account last named.
_THE_MINISTRY = (r"(?:[Tt]he\s+)?(?:[Ff]oreign\s+)?[Mm]inistry\b|(?:[Вв]\s+)?"
                 r"(?:[Вв]едомств\w*|МИД(?:а|е|ом)?\b(?!\s+(?:Японии|России|РФ)))")
_SAYS_EN = (r"(?:has\s+|had\s+|also\s+|earlier\s+|previously\s+)?(?:said|says|stated|states|reported|reports|"
            r"announced|noted|told|added|wrote|explained|emphasi[sz]ed|stressed|confirmed|informed|claimed)\b")
_SAYS_RU = r"(?:также\s+|ранее\s+)?(?:заявил\w*|сообщил\w*|сообщает|заявляет|отметил\w*|подчеркнул\w*|указал\w*)"
_ACCORDING = (r"[Aa]ccording\s+to\s+(?:a\s+|the\s+)?"
              r"(?:(?:statement|report|readout|press\s+release|communiqu[ée])\s+(?:issued\s+|published\s+|released\s+)?"
              r"(?:by|from|of)\s+(?:the\s+)?)?|"
              r"(?:[Пп]о\s+данным|[Пп]о\s+словам|[Пп]о\s+информации|[Сс]огласно\s+заявлению|[Кк]ак\s+(?:сообщил\w*|"
              r"заявил\w*|сообщает|отметил\w*|подчеркнул\w*))\s+(?:в\s+)?")


def _attribution(entity: str) -> str:
    """Regex source of words attributed to `entity`: "according to X", "X said", "said X"."""
    return (rf"(?:{_ACCORDING})(?:{entity})|(?:{entity})\s*,?\s+(?:{_SAYS_EN}|{_SAYS_RU})|"
            rf"\b(?:said|stated|reported|announced|noted|added|told\s+\w+)\s+(?:the\s+)?(?:{entity})|"
            rf"(?:{_SAYS_RU})\s+(?:в\s+)?(?:{entity})")


@dataclass(frozen=True, slots=True)
class VoiceRules:
    """The attribution patterns for each side, compiled once per build."""

    sources: tuple[tuple[str, re.Pattern[str]], ...]
    """(side, words attributed to its ministries, government or press, or to "the ministry")."""
    mentions: tuple[tuple[str, re.Pattern[str]], ...]
    """(side, its ministries, government or press named at all): what "the ministry" means next."""
    people: tuple[tuple[str, re.Pattern[str]], ...]
    """(side, words attributed to its people by name): read in news items only, since a ministry's
    readout reporting what the other minister said is its own account of the meeting."""

    @classmethod
    def build(cls, people: Iterable[Person]) -> VoiceRules:
        sources = [(side, re.compile(_attribution(entity))) for side, entity in _SOURCES.items()]
        sources.append(("", re.compile(_attribution(_THE_MINISTRY))))
        mentions = tuple((side, re.compile(entity)) for side, entity in _SOURCES.items())
        people = tuple(people)
        forms = dict(name_forms(people))
        found = []
        for side in _SOURCES:
            names = sorted({name_pattern(form) for person in people if person.country == side
                            for form in forms[person.id] if len(form.split()) == 1}, key=len, reverse=True)
            if names:
                entity = r"\b(?:" + "|".join(names) + r")(?![\w-])"
                found.append((side, re.compile(_attribution(entity))))
        return cls(tuple(sources), mentions, tuple(found))


@dataclass(frozen=True, slots=True)
class Account:
    """What the rules need to know of the account a paragraph belongs to."""

    side: str
    """Its publisher's side: words attributed to this side are its own."""
    news: bool
    """A news item, which relays what people said; a ministry reports them as said in the meeting."""
    day: dt.date | None
    """The meeting's day: a year or day before it is background."""


def voices_by_block(blocks: Sequence[Block], rules: VoiceRules, account: Account) -> dict[str, Voice]:
    """Block anchor → voice, for the blocks not in the account's own voice (absent ones are).

    In body order, because "the ministry said" means the ministry the account last named."""
    found: dict[str, Voice] = {}
    last_source = ""
    background_level = 0  # the level of a "Background" heading whose section is still open
    for block in blocks:
        if block.kind == "heading":
            if background_level and block.level <= background_level:
                background_level = 0
            if _BACKGROUND_HEADING.match(block.text):
                background_level = block.level
            continue
        quoted, last_source = _quoted_side(block.text, rules, account, last_source)
        if quoted is not None:
            found[block.anchor] = "quotes-japan" if quoted == "japan" else "quotes-russia"
        elif background_level or _is_background(block.text, account.day):
            found[block.anchor] = "background"
    return found


def _quoted_side(text: str, rules: VoiceRules, account: Account, last_source: str) -> tuple[str | None, str]:
    """(the other side a paragraph relays, or None; the side of the source named last).

    A paragraph relays a side when it attributes words to that side alone, and that side is not
    the account's: words attributed to both sides, or to its own, are its own account."""
    named: list[tuple[int, int, str, str]] = []
    """(start, end, side or "" for "the ministry", "source" | "person" | "mention")"""
    for kind, patterns in (("source", rules.sources), ("mention", rules.mentions),
                           ("person", rules.people if account.news else ())):
        for side, pattern in patterns:
            named.extend((m.start(), m.end(), side, kind) for m in pattern.finditer(text))
    sides: set[str] = set()
    for start, end, side, kind in sorted(named):
        if kind == "mention":
            last_source = side
            continue
        if not side:
            # "according to the Ministry of Foreign Affairs of Japan" is Japan's, not "the ministry"
            if any(other and s < end and start < e for s, e, other, _ in named):
                continue
            side = last_source
        if side:
            sides.add(side)
            if kind == "source":
                last_source = side
    if len(sides) == 1 and account.side not in sides:
        return sides.pop(), last_source
    return None, last_source


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _is_background(text: str, day: dt.date | None) -> bool:
    """A paragraph that opens as a recap, or most of whose sentences tell of earlier times."""
    if _OPENER.match(text):
        return True
    sentences = _sentences(text)
    marked = sum(_tells_earlier(sentence, day) for sentence in sentences)
    return bool(sentences) and marked * 2 > len(sentences)


def _tells_earlier(sentence: str, day: dt.date | None) -> bool:
    if _EARLIER.search(sentence) or (_PAST_PERFECT.search(sentence) and not _REPORTING.search(sentence)):
        return True
    if day is None:
        return False
    years = [int(m.group(1)) for m in (*_YEAR_EN.finditer(sentence), *_YEAR_RU.finditer(sentence))]
    if any(year < day.year for year in years):
        return True
    return any(_earlier_day(month, number, day) for month, number in _days(sentence))


def _days(sentence: str) -> Iterable[tuple[int, int]]:
    """(month, day) of each day named without a year."""
    for match in _DAY_EN.finditer(sentence):
        month_name, number = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        yield _month_number(month_name), int(number)
    for match in _DAY_RU.finditer(sentence):
        yield _MONTHS_RU.index(match.group(2)) + 1, int(match.group(1))


def _month_number(name: str) -> int:
    return next(number for number, month in enumerate(_MONTHS, start=1) if month.startswith(name[:3]))


def _earlier_day(month: int, number: int, day: dt.date) -> bool:
    """Whether (month, day) of the meeting's year comes before the meeting; a later month and day
    is taken as the same year, not the year before (a dateline is the next day)."""
    return (month, number) < (day.month, day.day)
