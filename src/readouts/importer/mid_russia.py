"""Russia's Ministry of Foreign Affairs (mid.ru): statements, transcripts and press releases.

Their pages open with the date and time glued together ("31 May 201911:01"), then the headline,
then a language switcher ("en-GB1 ru-RU1"), and end with search-page furniture.
"""

from __future__ import annotations

import re

from readouts.importer.common import Context, Header, ImportedReadout, first_headline, parse_document
from readouts.importer.document import Document
from readouts.publishers import Publisher

NAME: Publisher = "mid-russia"
DOMAINS = ("mid.ru",)
"""The site the publisher publishes on: an address there settles who published a text."""

_SIGNS = (
    # the time glued to the year: "31 May 201911:01"
    (re.compile(r"^\s*\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d[0-2]?\d:\d\d\s*$", re.M), 4),
    (re.compile(r"\ben-GB\d*\s+ru-RU\d*"), 4),
    (re.compile(r"^Showing \d+ results?\.?\s*$|^Advanced settings\s*$", re.M), 2),
    (re.compile(r"^Speeches by Minister$|^Translation \(original\)$", re.M), 2),
    (re.compile(r"Foreign Minister Sergey Lavrov[’']s (?:remarks|statement|interview)"), 1),
    # the ministry's headline for its transcripts, in either language: "…'s remarks and answers to
    # media questions at a news conference…", "Выступление и ответы на вопросы СМИ Министра
    # иностранных дел России С.В.Лаврова…"; other sites that repost one keep it, and are
    # credited to the ministry too unless they name themselves
    (re.compile(r"\b(?:remarks|statement|speech) and (?:answers|replies) to (?:media )?questions\b"), 4),
    (re.compile(r"\bответ\w* на вопросы (?:СМИ|средств массовой информации)\b"), 4),
    # its spokesperson's answers, so headed: "Foreign Ministry Spokesperson Maria Zakharova's answer
    # to a media question about …"
    (re.compile(r"\bForeign Ministry Spokesperson [A-Z][a-z]+ [A-Z][a-z]+[’']s (?:answer|comment|reply)\b|"
                r"\bОтвет официального представителя МИД России\b"), 4),
    (re.compile(r"Министр\w* иностранных дел (?:России|Российской Федерации) [А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ]"), 2),
    # the ministry closes a transcript's headline with the place and the date: "…в ходе переговоров
    # с Министром иностранных дел Японии Т.Коно, Москва, 14 января 2019 года"
    (re.compile(r"^.{20,400}, [А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+)?, \d{1,2} [а-я]+ (?:19|20)\d\d года\s*$", re.M), 2),
    # its Russian pages' stamp: the date with a two-digit year and the time glued on, "12.01.1613:43"
    (re.compile(r"^\s*\d\d\.\d\d\.\d\d[0-2]\d:[0-5]\d\s*$", re.M), 4),
)


def detect(doc: Document) -> int:
    return sum(weight for sign, weight in _SIGNS if sign.search(doc.raw))


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The first headline after the date line; section labels sit above the date."""
    lines = list(header.lines)
    split = header.date_index if header.date_index is not None else -1
    line = first_headline(lines[split + 1:]) or first_headline(lines)
    return (line.text, (line.number,)) if line else (None, ())


def parse(doc: Document, context: Context) -> ImportedReadout:
    return parse_document(doc, context, publisher=NAME, default_kind="statement",
                          choose_title=choose_title)
