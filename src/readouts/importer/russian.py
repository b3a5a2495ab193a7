"""Russian word forms by morphology (pymorphy3 and its OpenCorpora dictionary), for the rules
whose Russian wording a list of endings reads badly: whether a word is a finite verb, and the
value of a numeral in any case ("более трех часов").

The analyser takes about 0.1 s to load and is loaded only when a rule first asks about a
Russian word, so texts in English never pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _analyzer() -> Any:
    import pymorphy3  # loaded here: 0.05 s to import, 0.1 s to read its dictionary

    return pymorphy3.MorphAnalyzer()


_NUMERALS = {
    "один": 1, "полтора": 1.5, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "пятнадцать": 15, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50,
}
"""A numeral's dictionary form → its value: the counts a meeting's length is given in."""


def numeral_value(word: str) -> float | None:
    """"трех", "трёх" → 3; "полутора" → 1.5; digits as they are; else None."""
    if word.isdigit():
        return int(word)
    return next((_NUMERALS[p.normal_form] for p in _analyzer().parse(word.lower())[:2]
                 if p.normal_form in _NUMERALS), None)


def is_finite_verb(word: str) -> bool:
    """Whether the dictionary's likeliest reading of a word is a verb in a tense: "прибыл",
    "примет", "выслала" (not an infinitive, "Поделиться", nor a noun, "Политика")."""
    parses = _analyzer().parse(word)
    best = parses[0] if parses else None
    return bool(best and best.is_known and best.tag.POS == "VERB" and best.score >= 0.5)
