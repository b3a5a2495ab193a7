"""Russian word forms by morphology (pymorphy3 and its OpenCorpora dictionary), for the rules
whose Russian wording a list of endings reads badly: whether a word is a finite verb, the value
of a numeral in any case ("более трех часов"), and a name in the genitive put back in the
nominative ("Сообщение Тихоокеанского информационного агентства" → its outlet's name).

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


def nominative(phrase: str) -> str:
    """A noun phrase in the genitive, its adjectives before its noun, put in the nominative:
    "Тихоокеанского информационного агентства" → "Тихоокеанское информационное агентство" (the
    adjectives in the noun's gender); the phrase as it is where its last word is no genitive noun."""
    words = phrase.split()
    if not words:
        return phrase
    noun = next((p for p in _analyzer().parse(words[-1].lower()) if p.tag.POS == "NOUN" and "gent" in p.tag), None)
    if noun is None:
        return phrase
    agreeing = {"nomn", "plur"} if noun.tag.number == "plur" else {"nomn", noun.tag.gender or "masc"}
    put = []
    for word in words[:-1]:
        adjective = next((p for p in _analyzer().parse(word.lower()) if p.tag.POS == "ADJF" and "gent" in p.tag), None)
        form = adjective.inflect(agreeing) if adjective else None
        put.append(_cased(form.word, word) if form else word)
    form = noun.inflect({"nomn"})
    put.append(_cased(form.word, words[-1]) if form else words[-1])
    return " ".join(put)


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
