"""Lines a page's copy ran together, set apart again: a site's rubrics glued to the headline
("ГлавноеСобытияЯпония потребовала …"), a headline glued to its date line ("Япония идет на
контакт27 апреля 2008, воскресенье, 14:24"), and a headline run into its story's first sentence.
A copied page loses the line breaks between the elements its template sets on lines of their
own; the headline and the date are read only once they are apart.
"""

from __future__ import annotations

import re

from readouts.importer.lines import Line, shorten, words
from readouts.model import Change


def unglued(lines: list[Line], changes: list[Change]) -> list[Line]:
    """The first lines with what was glued together set apart, and each cut recorded."""
    return _headline_unglued(_date_unglued(_rubric_unglued(lines, changes), changes), changes)


_GLUED_HEADLINE = re.compile(r"([A-Z][^.!?:;\"“”«»()]{15,140}?[a-z0-9’'])\s+(?=(?:The|A|An)\s+[A-Z])"
                             r"(?!The (?:Hague|Times|"
                             r"Japan Times|Moscow Times|Diplomat|Guardian|Economist|Washington|New York)\b)")
"""A headline the page's copy ran into its story's first sentence: "Putin discussed important issues
with the Prime Minister of Japan The President of Russia Vladimir Putin met with …". An article
is capitalised mid-sentence only in a name ("The Hague", "The Japan Times")."""


_GLUED_RUBRIC = re.compile(r"([А-ЯЁ][а-яё]{3,}|\d{1,2} (?i:min(?:ute)?s?\.? read))(?=[А-ЯЁA-Z][а-яёa-z])")
"""A site's rubric glued to the headline after it ("ПолитикаПутин и Абэ обсудили …"): no Russian
word has a capital inside it; or its reading time glued to the date ("1 MIN READSep 17, 2019")."""


def _rubric_unglued(lines: list[Line], changes: list[Change]) -> list[Line]:
    """The first lines' rubric set on a line of its own, apart from the headline it was glued to;
    each rubric of a breadcrumb so glued ("Главное" and "События" of "ГлавноеСобытияЯпония …")."""
    for at, line in enumerate(lines[:8]):
        if _GLUED_RUBRIC.match(line.text):
            while glued := _GLUED_RUBRIC.match(lines[at].text):
                lines = _set_apart(lines, at, glued, changes, "a rubric glued to the headline, set apart")
                at += 1
            return lines
    return lines


_GLUED_DATE = re.compile(
    r"((?:[^\W\d_]+[^\S\n]+){2,}[^\W\d_]*[a-zа-яё])(?=[0-3]?\d\s+(?:(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?,?\s+(?:19|20)\d\d\b)")
"""A headline of three words or more, then a day, a month's name and a year with no space between
them: a news page sets its date line under the headline, and a copy of it may lose the break
("Япония идет на контакт27 апреля 2008, воскресенье, 14:24 – БРЯНСК.RU")."""


def _date_unglued(lines: list[Line], changes: list[Change]) -> list[Line]:
    """The first lines' headline set apart from the date line glued to its end."""
    for at, line in enumerate(lines[:8]):
        if glued := _GLUED_DATE.match(line.text):
            return _set_apart(lines, at, glued, changes, "a date line glued to the headline, set apart")
    return lines


def _headline_unglued(lines: list[Line], changes: list[Change]) -> list[Line]:
    """The first lines' headline set apart from the sentence it was glued to, when what follows
    is a story of twenty words or more."""
    for at, line in enumerate(lines[:4]):
        glued = _GLUED_HEADLINE.match(line.text)
        if glued and len(words(glued.group(1))) <= 16 and len(words(line.text[glued.end():])) >= 20:
            return _set_apart(lines, at, glued, changes, "a headline run into the first sentence, set apart")
    return lines


def _set_apart(lines: list[Line], at: int, glued: re.Match[str], changes: list[Change], why: str) -> list[Line]:
    """Line `at` cut in two where `glued` ends, both parts under its number, and the cut recorded."""
    line = lines[at]
    changes.append(Change(line.number, "normalised", shorten(glued.group(1), 40), why))
    return [*lines[:at], Line(line.number, glued.group(1)), Line(line.number, line.text[glued.end():]),
            *lines[at + 1:]]
