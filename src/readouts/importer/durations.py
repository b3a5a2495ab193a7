"""How long a meeting lasted, as readouts say it: "for approximately one hour and 40 minutes",
"a 40-minute meeting", "a one-on-one meeting for approximately 30 minutes, a small group meeting
for approximately one hour", "около трех часов"; and the rule (`duration`) that finds where.
"""

from __future__ import annotations

import re

from readouts.importer import facts, russian
from readouts.importer.reading import Reading

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "an": 1, "a": 1,
}
_NUM = r"(\d{1,3}|" + "|".join(k for k in _NUMBER_WORDS if len(k) > 1) + r")"
DURATION = re.compile(
    rf"\b(?:approximately|approx\.|about|around|roughly|some|nearly|almost|for|lasted|lasting)\s+"
    rf"(?:approximately\s+|about\s+)?{_NUM}[\s-]+(hours?|minutes?|mins?)\b"
    rf"(?:\s+and\s+{_NUM}\s+minutes?)?"
    # "almost three hours later than scheduled", "two hours ago": a delay or a time, not a length
    rf"(?!\s+(?:later|earlier|late|ago|before|after|behind)\b)",
    re.IGNORECASE,
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# "In a 5-minute telephone conversation", "a 40-minute meeting": the duration as an adjective, its
# hyphen left out in some copy ("within the three hour meeting").
_DURATION_ADJECTIVE = re.compile(
    rf"\b(?:{_NUM}|(?P<half>half))[-\s](hour|minute)(?:-long)?\s+(?:[a-z\u201c\u201d\"]+\s+(?:and\s+)?){{0,3}}"
    rf"(?:talks?|meeting|conversation|call|summit|session|consultations?|exchange|dialogue|"
    rf"teleconference|videoconference|video conference)\b", re.IGNORECASE)


# "продлились около 40 минут", "заняли более трех часов", "около часа", "полтора часа", "Разговор
# продлился 20 мин." (the minutes shortened, as official texts write them), "продолжались пять
# часов": a Russian count of hours or minutes after a word that gives a length
_RUSSIAN_DURATION = re.compile(
    r"(?:продлил\w*|продолжал\w*|длил\w*|занял\w*|течение|около|более|почти|примерно|свыше|порядка)"
    r"(?:\s+(?:около|более|почти|примерно|свыше|порядка))?\s+(?:(\d{1,3}|[а-яё]+)\s+)?(час\w*|минут\w*|мин\.)"
    r"(?:\s+(\d{1,2})\s+(?:минут\w*|мин\.))?|"
    # "лидеры пять часов обсуждали мирный договор": the count before the verb of talking
    r"(?<![\w-])(\d{1,3}|[а-яё]+)\s+(час\w*|минут\w*)\s+(?:обсуждал|беседовал|говорил|разговаривал|совещал)\w*",
    re.IGNORECASE)


# "в ходе 50-минутного общения", "во время 40-минутных переговоров", "2-часовая встреча", "после
# двухчасовых переговоров": the length as an adjective before what lasted it
_COUNT_STEMS = {"одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6,
                "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "пятнадцати": 15, "двадцати": 20,
                "тридцати": 30, "сорока": 40, "пятидесяти": 50, "полутора": 1.5, "полу": 0.5}
"""A count as the first part of a compound adjective: "двухчасовых переговоров", "получасовая беседа"."""
_RUSSIAN_DURATION_ADJECTIVE = re.compile(
    r"(?<![\w-])(\d{1,3}-|" + "|".join(sorted(_COUNT_STEMS, key=len, reverse=True)) + r")"
    r"(минутн|часов)(?:ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми|ым)\s+"
    r"(?:[а-яё]+\s+)?(?:переговор|встреч|бесед|общени|разговор|консультаци|саммит)", re.IGNORECASE)


_BOUND_BEFORE = re.compile(r"\b(?:over|more than|upwards of|at least|in excess of)[\s-]+$", re.IGNORECASE)
_AT_LEAST = re.compile(r"(?<![\w-])(?:более|свыше)(?![\w-])", re.IGNORECASE)


def _russian_duration(text: str) -> int | None:
    if adjective := _RUSSIAN_DURATION_ADJECTIVE.search(text):
        stem = adjective.group(1).lower()
        per_unit = 60 if adjective.group(2).lower() == "часов" else 1
        amount = int((int(stem[:-1]) if stem.endswith("-") else _COUNT_STEMS[stem]) * per_unit)
        return amount if 0 < amount <= 24 * 60 else None
    for match in _RUSSIAN_DURATION.finditer(text):
        if _AT_LEAST.search(match.group()):
            return None  # "более трех часов", "свыше часа": a bound, not the length, as "more than" in English
        counted, unit = (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(5))
        count = russian.numeral_value(counted) if counted else 1
        if count is None:
            continue
        hours = unit.lower().startswith("час")
        amount = int(count * 60) + int(match.group(3) or 0) if hours else int(count)
        return amount if 0 < amount <= 24 * 60 else None
    return None


# "lasted one-and-a-half hours", "for an hour and a half", "half an hour"
_HALVES = re.compile(r"\b(?:lasted|lasting|for|about|approximately|around|some|nearly|almost)\s+"
                     r"(?:(?:one|an?)[- ]and[- ]a[- ]half[- ]hours?|an hour and a half|(?P<half>half an hour))\b",
                     re.IGNORECASE)


_CLOCK_SPAN = re.compile(r"(?<![\w-])(?:from|с)\s+(\d{1,2})[.:](\d\d)(?:\s*(?P<start_half>[ap])\.?m\b\.?)?\s+"
                         r"(?:to|until|till|до)\s+(\d{1,2})[.:](\d\d)(?!\d)(?:\s*(?P<end_half>[ap])\.?m\b)?",
                         re.IGNORECASE)
"""The clock times a meeting began and ended, as the ministries' readouts give them: "Встреча
продлилась с 18.30 до 19.40", "from 18:30 to 19:40", "from 11:25 am to 1:10 pm"."""


def _clock_span(text: str) -> int | None:
    span = _CLOCK_SPAN.search(text)
    if span is None:
        return None
    start = _minutes_of_day(int(span.group(1)), int(span.group(2)), span.group("start_half"))
    end = _minutes_of_day(int(span.group(4)), int(span.group(5)), span.group("end_half"))
    return end - start if 0 < end - start <= 8 * 60 else None


def _minutes_of_day(hour: int, minute: int, half: str | None) -> int:
    """Minutes since midnight of a clock time, on the 24-hour clock or with "am"/"pm"."""
    if half is not None:
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    return hour * 60 + minute


def duration_minutes(text: str) -> int | None:
    """"approximately one hour and 40 minutes" → 100, "около трех часов" → 180, "с 18.30 до 19.40"
    → 70; the first duration the text gives ("более трех часов", "more than three hours" give
    none: a bound is not the length)."""
    spanned = _CLOCK_SPAN.search(text)
    match = DURATION.search(text)
    if spanned and (match is None or spanned.start() < match.start()) and (minutes := _clock_span(text)):
        return minutes
    if not match and (half := _HALVES.search(text)):
        return 30 if half.group("half") else 90
    if not match and re.search(r"[а-яё]", text, re.IGNORECASE):
        return _russian_duration(text)
    if not match:
        adjective = _DURATION_ADJECTIVE.search(text)
        if adjective and _BOUND_BEFORE.search(text, 0, adjective.start()):
            return None  # "their over two-hour meeting": a bound, not the length
        if adjective:
            per_unit = 60 if adjective.group(3).lower() == "hour" else 1
            # "in the half-hour meeting"
            amount = per_unit // 2 if adjective.group("half") else _number(adjective.group(1)) * per_unit
            return amount if 0 < amount <= 24 * 60 else None
        return None
    if _PART.search(text[max(0, match.start() - 60): match.start()]):
        # "(a one-on-one meeting for approximately 30 minutes, a small group meeting for
        # approximately one hour, and …)": no total is given, so the parts make it
        parts = [m for m in DURATION.finditer(text) if _PART.search(text[max(0, m.start() - 60): m.start()])]
        amount = sum(_minutes(m) for m in parts)
    else:
        amount = _minutes(match)
    return amount if 0 < amount <= 24 * 60 else None


_PART = re.compile(r"\b(?:one-on-one|tête-à-tête|tete-a-tete|small[- ]group|restricted|expanded|extended|"
                   r"plenary|working (?:lunch|dinner|breakfast))\b[^,;()]{0,40}$", re.IGNORECASE)
"""A part of a meeting named just before its length."""


def _minutes(match: re.Match[str]) -> int:
    amount = _number(match.group(1))
    if match.group(2).lower().startswith("hour"):
        amount *= 60
        if match.group(3):
            amount += _number(match.group(3))
    return amount


def duration(reading: Reading) -> None:
    """How long the meeting lasted, from its own sentences, else the opening paragraphs, else a
    later sentence that gives the length of talks between people who met: news stories often
    tell it after what was said ("During their 10-minute talk Monday evening, Mori conveyed to
    Putin …", "… Hatoyama was quoted as telling Naryshkin in the half-hour meeting", "… Lavrov
    said, calling "intensive" his three-hour-long talks with the Japanese counterpart")."""
    reading.duration = (duration_minutes(reading.meeting_context)
                        or duration_minutes(" ".join(reading.prose[:3])))
    if reading.duration is not None or len(reading.participants) < 2:
        return
    # every paragraph, not only the running text: a line the page broke off before its end ("The
    # two leaders met for about 25 minutes on the fringes of the Nuclear Security" / "Summit in
    # Washington,") is no sentence, but tells the length all the same
    for paragraph in [p for p in reading.paragraphs[:10] if p not in reading.prose[:3]]:
        for sentence in facts.sentences(paragraph):
            named = set(reading.context.names.ids_in(sentence)) & set(reading.participants)
            between = (len(named) >= 2 or bool(named and _THEIR.search(sentence))
                       or bool(_THE_MEETING_ITSELF.match(sentence)) or _the_length_of_it(sentence))
            if (between and not facts.REMEMBERED.search(sentence)
                    and (found := duration_minutes(sentence)) is not None):
                reading.duration = found
                return


_THEIR = re.compile(r"\btheir\b|\bих\b|\b(?:his|her)\b(?=[^.]{0,40}\b(?:talks|meeting|conversation|call)\s+with\b)",
                    re.IGNORECASE)
_THE_MEETING_ITSELF = re.compile(r"^(?:the two (?:leaders|ministers|men|sides)\b|the (?:call|talks|meeting|"
                                 r"conversation|summit|telephone talks?) (?:lasted|took)\b|"
                                 r"(?:встреча|беседа|переговоры|разговор|телефонный разговор)\s+"
                                 r"(?:продолжал|продлил|длил|занял)\w*)", re.IGNORECASE)
"""A later sentence about the meeting, though it names no one: "The two leaders met for about 25
minutes", "The call lasted for about 25 minutes", "Встреча продолжалась около часа"."""


def _the_length_of_it(sentence: str) -> bool:
    """Whether a sentence gives the length of the meeting the story is about, with the definite
    article: "Hayashi was present for the 25-minute call", not "a two-hour meeting" of another day."""
    adjective = _DURATION_ADJECTIVE.search(sentence)
    return bool(adjective and re.search(r"\bthe\s+$", sentence[:adjective.start()], re.IGNORECASE))
