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
from typing import Any

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
_DIGIT = re.compile(r"\d")
_EARLIER_WORDS = ("earlier", "previously", "last ", "ago", "had ", "ранее", "прошлом", "назад")
"""Words every earlier-time sign without a digit holds (_EARLIER, _PAST_PERFECT)."""
# A sentence ends at . ! or ? before a capital, but not after a title ("Mr. Lavrov").
_SENTENCE_END = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<=[.!?])[\"”»]?\s+"
                           r"(?=[\"“«(]?[A-ZА-ЯЁ0-9])")

# The sides' ministries, governments and press, as an account names them. Each alternative starts
# with a letter, not an optional word: the search then skips quickly to where one may start.
_SOURCES = {
    "japan": (r"(?:Japan[’']s|Japanese)\s+(?:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|"
              r"foreign\s+ministry|ministry|[Gg]overnment|[Cc]abinet|[Ee]mbassy|diplomatic\s+mission|"
              r"officials?|diplomatic\s+sources?|sources?|media|press|news\s+agency)|"
              r"(?:Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|Government|government|Embassy|embassy)"
              r"\s+of\s+Japan|MOFA\b|Kyodo\b|NHK\b|"
              r"МИД\w*\s+Японии|японск\w+\s+(?:МИД\w*|министерств\w*|правительств\w*|посольств\w*|дипломат\w*|"
              r"СМИ|агентств\w*|источник\w*)|(?:Министерств\w+\s+иностранных\s+дел|министерств\w+\s+иностранных"
              r"\s+дел|Правительств\w+|правительств\w+|Посольств\w+|посольств\w+)\s+Японии|Киодо"),
    "russia": (r"(?:Russia[’']s|Russian)\s+(?:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|"
               r"foreign\s+ministry|ministry|[Gg]overnment|[Ee]mbassy|diplomatic\s+mission|officials?|"
               r"diplomatic\s+sources?|sources?|media|press|news\s+agency)|"
               r"(?:Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|Government|government|Embassy|embassy)"
               r"\s+of\s+(?:Russia|the\s+Russian\s+Federation)|Kremlin\s+press\s+service|TASS\b|Interfax\b|"
               r"RIA\s+Novosti\b|"
               r"МИД\w*\s+(?:России|РФ)|российск\w+\s+(?:МИД\w*|министерств\w*|правительств\w*|посольств\w*|"
               r"дипломат\w*|СМИ|источник\w*)|(?:Министерств\w+\s+иностранных\s+дел|министерств\w+\s+иностранных"
               r"\s+дел|Правительств\w+|правительств\w+|Посольств\w+|посольств\w+)\s+(?:России|Российской\s+"
               r"Федерации)|пресс-служб\w+\s+Кремля|ТАСС|РИА\s+Новости|Интерфакс"),
}
# "the ministry said" names no side: it is the ministry the account last named. Not the start of
# one that names its side ("the Ministry of Foreign Affairs of Japan").
_THE_MINISTRY = (r"(?:[Tt]he\s+)?(?:[Ff]oreign\s+)?[Mm]inistry\b"
                 r"(?!\s+of\s+(?:Foreign\s+Affairs\s+of\s+)?(?:Japan|Russia|the\s+Russian))|"
                 r"[Вв]едомств\w*|МИД(?:а|е|ом)?\b(?!\s+(?:Японии|России|РФ))")
_SAYS_EN = (r"(?:has\s+|had\s+|also\s+|earlier\s+|previously\s+)?(?:said|says|stated|reported|reports|"
            r"announced|noted|told|added|wrote|explained|emphasi[sz]ed|stressed|confirmed|informed|claimed)\b")
_SAYS_RU = r"(?:также\s+|ранее\s+)?(?:заявил\w*|сообщил\w*|сообщает|заявляет|отметил\w*|подчеркнул\w*|указал\w*)"
_SAID_AFTER = re.compile(rf"\s*,?\s+(?:{_SAYS_EN}|{_SAYS_RU})")
"""Words after a source that attribute what went before or comes next to it: "…, the ministry said"."""
_SAID_BEFORE = re.compile(
    r"(?:[Aa]ccording\s+to\s+(?:a\s+|the\s+)?(?:(?:statement|report|readout|press\s+release|communiqu[ée])\s+"
    r"(?:issued\s+|published\s+|released\s+)?(?:by|from|of)\s+(?:the\s+)?)?|"
    r"\b(?:said|stated|reported|announced|noted|added|told\s+\w+)\s+(?:the\s+)?|"
    rf"(?:[Пп]о\s+данным|[Пп]о\s+словам|[Пп]о\s+информации|[Сс]огласно\s+заявлению|[Кк]ак\s+(?:сообщил\w*|"
    rf"заявил\w*|сообщает|отметил\w*|подчеркнул\w*)|{_SAYS_RU})\s+(?:в\s+)?)$")
"""Words before a source that attribute what follows to it: "according to …", "по данным …"."""
_SOURCE_WORDS = ("ministr", "government", "cabinet", "embass", " mission", " official", " source", " media", " press",
                 "agency", "mofa", "kyodo", "nhk", "tass", "interfax", " ria ", "kremlin", "мид", "министерств",
                 "правительств", "посольств", "дипломат", " сми", "агентств", "источник", "кремл", "тасс",
                 "интерфакс", " риа ", "киодо", "ведомств")
"""Words every source holds (_SOURCES, _THE_MINISTRY), lower-cased; a space before those that end
other words ("expressed", "immediately", "resources")."""
_REPORTING_WORDS = ("said", "says", "stated", "report", "announced", "noted", "told", "added", "wrote",
                    "explained", "emphasi", "stressed", "confirmed", "informed", "claimed", "according",
                    "заяв", "сообщ", "отметил", "подчеркнул", "указал", "по данным", "по словам", "по информации",
                    "согласно")
"""Words every attribution holds (_SAID_AFTER, _SAID_BEFORE), lower-cased."""
_LOOK_BEFORE = 80
"""How far before a source _SAID_BEFORE looks: the longest "according to a statement issued by the "."""


@dataclass(frozen=True, slots=True)
class VoiceRules:
    """The patterns that find each side's sources and people, compiled once per build."""

    sources: re.Pattern[str]
    """Any side's ministries, government or press, or "the ministry": the group that matched
    (japan, russia, ministry) says whose."""
    people: re.Pattern[str] | None
    """The people of each side in people.yaml, by family name (group japan or russia); read in
    news items only, since a ministry's readout reporting what the other minister said is its own
    account of the meeting."""
    names: re.Pattern[str] | None
    """Any of those names, lower-cased (Russian ones without their ending), anywhere in a
    lower-cased text: a paragraph holding none is not searched for people. One pattern, the
    names sharing their first letters (_any_of): trying each of 333 names in turn was a
    fifth of the time voices took."""
    news: bool = True
    """Whether these rules read news items: without, `people` and `names` are not made."""

    @classmethod
    def build(cls, people: Iterable[Person], *, news: bool = True, texts: Iterable[str] | None = None) -> VoiceRules:
        """The rules for `people`; `news`: whether a news item is among the readouts to read.
        The people patterns only a news item reads took 0.04 s to compile at 333 names, and a
        build whose new readouts are a ministry's need not compile them. `texts`: every text
        these rules will read, when known (an add reads one readout's paragraphs): the people
        patterns then hold only the names those texts may match (_literal_start), and find what
        the whole would, in the same order; compiling all of them was 0.03 s of an add at 10,000."""
        sources = re.compile(r"\b(?:" + "|".join(f"(?P<{side}>{entity})" for side, entity in _SOURCES.items())
                             + f"|(?P<ministry>{_THE_MINISTRY}))")
        if not news:
            return cls(sources, None, None, news=False)
        people = tuple(people)
        forms = dict(name_forms(people))
        read = None if texts is None else "\n".join(texts)
        groups = []
        words: set[str] = set()
        for side in _SOURCES:
            names = {form for person in people if person.country == side
                     for form in forms[person.id] if len(form.split()) == 1}
            patterns = [pattern for pattern in sorted({name_pattern(name) for name in names}, key=len, reverse=True)
                        if read is None or _literal_start(pattern) in read]
            if patterns:
                groups.append(f"(?P<{side}>" + "|".join(patterns) + ")")
            words.update(name.lower()[:-1] if not name.isascii() else name.lower() for name in names)
        if read is not None:
            lowered = read.lower()
            words = {word for word in words if word in lowered}
        found = re.compile(r"\b(?:" + "|".join(groups) + r")(?![\w-])") if groups else None
        return cls(sources, found, re.compile(_any_of(words)) if words else None)


_REGEX_SPECIAL = frozenset(".^$*+?{}[]|()")
_QUANTIFIERS = frozenset("*+?{")


def _literal_start(pattern: str) -> str:
    """The text every match of regex source `pattern` starts with, letter for letter: its
    characters up to the first that is not literal, a quantified one excluded ("Lavrov", "Лавро"
    of "Лавро(?:а|у|…)?"); "" when it is not one sequence (a "|" outside any group). A text
    without it holds no match (patterns compiled without IGNORECASE), so an alternative whose
    start is in no text read may be left out of a whole pattern: at every place the others are
    tried in the same order, and the one left out would never have matched."""
    if _alternation_at_top(pattern):
        return ""
    literal = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        width = 1
        if char == "\\":
            char = pattern[index + 1:index + 2]
            width = 2
            if not char or char.isalnum() or char == "_":  # \s, \b, \1, …: a class or an assertion
                break
        elif char in _REGEX_SPECIAL:
            break
        if pattern[index + width:index + width + 1] in _QUANTIFIERS:
            break  # "ab?": the b may be absent
        literal.append(char)
        index += width
    return "".join(literal)


def _alternation_at_top(pattern: str) -> bool:
    """Whether regex source `pattern` holds a "|" outside every group and character class."""
    depth = 0
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1:index + 2] == "]":  # "[]…]": a first "]" is literal
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def _any_of(words: Iterable[str]) -> str:
    """Regex source matching any of `words` where it occurs, as `word in text` finds it: the
    words as a tree of their letters, so that the engine tries each letter once at a place,
    not each word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here

    def source(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + source(rest) for letter, rest in sorted(node.items()) if letter]
        if not branches:
            return ""
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return source(tree)


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
    if account.news and not rules.news:
        raise ValueError("a news item read with rules made without its people patterns")
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
    # Word searches first, each a hundred times quicker than a pattern: most paragraphs name no
    # ministry or outlet, and most attribute nothing to anyone (people count in news items only).
    lowered = " " + text.lower()
    named: list[tuple[int, int, str, bool]] = []
    """(start, end, side or "ministry", whether a ministry or outlet rather than a person)"""
    if any(word in lowered for word in _SOURCE_WORDS):
        named.extend((m.start(), m.end(), m.lastgroup or "", True) for m in rules.sources.finditer(text))
    if (account.news and rules.people is not None and any(word in lowered for word in _REPORTING_WORDS)
            and rules.names is not None and rules.names.search(lowered)):
        named.extend((m.start(), m.end(), m.lastgroup or "", False) for m in rules.people.finditer(text))
    sides: set[str] = set()
    for start, end, side, source in sorted(named):
        if side == "ministry":
            side = last_source
        attributed = bool(_SAID_AFTER.match(text, end)
                          or _SAID_BEFORE.search(text, max(0, start - _LOOK_BEFORE), start))
        if side and attributed:
            sides.add(side)
        if side and source:
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
    lowered = text.lower()
    # Every sign of an earlier time needs a digit or one of these words, and most paragraphs show
    # none anywhere: only the others are split into sentences and each searched.
    if not (any(word in lowered for word in _EARLIER_WORDS) or (day is not None and _DIGIT.search(text))):
        return False
    if not _tells_earlier(text, day, in_reported_speech=True):
        return False
    sentences = _sentences(text)
    marked = sum(_tells_earlier(sentence, day) for sentence in sentences)
    return bool(sentences) and marked * 2 > len(sentences)


def _tells_earlier(text: str, day: dt.date | None, in_reported_speech: bool = False) -> bool:
    """Whether a sentence tells of a time before the meeting; with `in_reported_speech` the past
    perfect counts even beside a reporting verb (to tell whether any sentence of a paragraph may)."""
    if _EARLIER.search(text):
        return True
    if _PAST_PERFECT.search(text) and (in_reported_speech or not _REPORTING.search(text)):
        return True
    if day is None:
        return False
    years = [int(m.group(1)) for m in (*_YEAR_EN.finditer(text), *_YEAR_RU.finditer(text))]
    if any(year < day.year for year in years):
        return True
    return any(_earlier_day(month, number, day) for month, number in _days(text))


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
