"""The Kremlin (kremlin.ru): the President's statements, transcripts and news of his talks.

Pages open with the site's tools and a breadcrumb, then the headline and a line that gives
the date and the place: "April 27, 2017, The Kremlin, Moscow".
"""

from __future__ import annotations

import re

from readouts.importer.common import Context, Header, ImportedReadout, first_headline, last_headline, parse_document
from readouts.importer.document import Document
from readouts.publishers import Publisher

NAME: Publisher = "kremlin"
DOMAINS = ("kremlin.ru",)
"""The site the publisher publishes on: an address there settles who published a text."""

_SIGNS = (
    (re.compile(r"Official (?:web)?site of the President of Russia", re.I), 6),
    # the Russian site's masthead and its display settings: "Президент России — официальный сайт",
    # "Настройки отображения / Размер шрифта: / Цвета сайта:"
    (re.compile(r"Президент России\s*[—–-]\s*официальный сайт|Официальный сайт Президента России", re.I), 6),
    (re.compile(r"Настройки отображения\s+Размер шрифта:", re.I), 4),
    # the site's footer: "Official Internet Resources of the President of Russia", "Presidential
    # Executive Office2025"
    (re.compile(r"Official Internet Resources\s+of the President of Russia|"
                r"^Presidential Executive Office\s*(?:\d{4})?\s*$", re.I | re.M), 6),
    (re.compile(r"\b(?:19|20)\d\d, The Kremlin, Moscow\b"), 6),
    (re.compile(r"\bkremlin\.ru\b", re.I), 4),
    # transcripts name each speaker by office first, a foreign one's words "(retranslated)", in
    # Russian "(как переведено)":
    # "President of Russia Vladimir Putin:", "Prime Minister of Japan Shinzo Abe (retranslated):"
    (re.compile(r"^President of Russia [A-Z]\w+ [A-Z]\w+:", re.M), 4),
    (re.compile(r"\((?:retranslated|как переведено)\):", re.M), 4),
    # the site's reading tool, in either language: "Character spacing (Kerning): Standard Medium
    # Large", "Интервал между буквами (Кернинг): Стандартный Средний Большой"
    (re.compile(r"Character spacing \(Kerning\)|Интервал между буквами \(Кернинг\)", re.I), 6),
    # its older Russian transcripts name each speaker by one initial: "В.Путин:", "Д.Коидзуми:"
    (re.compile(r"\A\s*[А-ЯЁC]\.[А-ЯЁ][а-яё-]+:", re.M), 4),
    # a transcript that opens with the President's words is the President's own site's: "Vladimir
    # Putin: I was delighted…", "В.Путин: Уважаемый господин Премьер-министр!" (the office's holders)
    (re.compile(r"\A\s*(?:President (?:of Russia )?)?(?:Vladimir Putin|Dmitry Medvedev|Boris Yeltsin)\s*:|"
                r"\A\s*(?:В\.\s?(?:Путин|Медведев)|(?:Президент России )?(?:Владимир Путин|Дмитрий Медведев))\s*:"), 4),
    # or with his guest's, the President answering under his full name within the first lines:
    # "Junichiro Koizumi: I was uneasy a bit today … / Vladimir Putin: Thank you very much, …"
    (re.compile(r"\A\s*(?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+:[^\n]*\n(?:[^\n]*\n){0,8}?"
                r"(?:President of Russia )?(?:Vladimir Putin|Dmitry Medvedev):"), 4),
)


def detect(doc: Document) -> int:
    """How strongly the text reads like a Kremlin page; a photo's credit names whose picture it is
    ("Фото: официальный сайт Президента России kremlin.ru" under another outlet's story), not who
    published the text, so its words count for nothing."""
    raw = _PHOTO_CREDIT.sub("", doc.raw)
    return sum(weight for sign, weight in _SIGNS if sign.search(raw))


_PHOTO_CREDIT = re.compile(r"(?:Фото|Photo)\s*(?:©|:)[^\n]*", re.IGNORECASE)


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The headline right above the date line, below the site's menus and footer; else the first."""
    lines = list(header.lines)
    above = last_headline(lines[:header.date_index]) if header.date_index else None
    line = above or first_headline(lines)
    return (line.text, (line.number,)) if line else (None, ())


def parse(doc: Document, context: Context) -> ImportedReadout:
    # The Kremlin's pages about a meeting are its account of it: the news of the talks and the
    # transcript of their opening words alike; statements, comments and press statements say so.
    return parse_document(doc, context, publisher=NAME, default_kind="readout",
                          choose_title=choose_title)
