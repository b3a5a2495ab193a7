"""Russian word forms by morphology (pymorphy3 and its OpenCorpora dictionary), for the rules
whose Russian wording a list of endings reads badly: whether a word is a finite verb, the value
of a numeral in any case ("более трех часов"), and a name in the genitive put back in the
nominative ("Сообщение Тихоокеанского информационного агентства" → its outlet's name).

The analyser takes about 0.1 s to load and is loaded only when a rule first asks about a
Russian word, so texts in English never pay for it.
"""

from __future__ import annotations

import re
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


_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ко|ук|юк|ых|их|ва|на|ая)$")
"""How Russian family names end, in the nominative: "Кожемяко" and "Лобкин" are, "Трамп" is not."""


def is_common_word(word: str, places_are_names: bool = False) -> bool:
    """Whether the dictionary knows a word as other than a name: "Минобороны", "России" are,
    "Ямада" and "Сигэо" are not; with `places_are_names`, nor is a foreign place's name that does
    not decline, as many Japanese family names are ("Касаи", "Кавасаки", "Мацумото"; "Японии"
    declines, and stays a country)."""
    best = _analyzer().parse(word)[0]
    if places_are_names and {"Geox", "Fixd"} <= best.tag.grammemes:
        return False
    return bool(best.is_known and not {"Name", "Surn", "Patr"} & best.tag.grammemes)


def russian_person(given: str, family: str, known_given: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """A Russian's given and family name as a text declines them, put in the nominative:
    "Олегом Кожемяко" → ("Олег", "Кожемяко"), "Валерия Розова" → ("Валерий", "Розов"); None
    where the first word is no given name the dictionary knows or the second no Russian family
    name ("Дональд Трамп"). A family name that is a common noun too is taken only after one of
    `known_given`, the given names people.yaml's Russians bear (case-folded, nominative)."""
    names = [p for p in _analyzer().parse(given) if "Name" in p.tag and p.is_known]
    for name in names:
        case, gender = name.tag.case, name.tag.gender
        surname = next((p for p in _analyzer().parse(family) if "Surn" in p.tag and p.tag.case == case
                        and p.tag.gender in (gender, None)), None)
        nominative = surname.inflect({"nomn", gender} if gender else {"nomn"}) if surname else None
        given_name = name.inflect({"nomn"})
        if nominative and given_name and _SURNAME.search(nominative.word):
            return _as_written(given_name.word, given), _as_written(nominative.word, family)
    # a family name the dictionary does not know, in the declension of "-ов", "-ин" and "-ский"
    # names ("Валерием Розовым", "Юрия Трутнева")
    for name in names:
        given_name = name.inflect({"nomn"})
        stem = _MASCULINE_CASES.sub(_nominative_ending, family)
        if given_name and name.tag.gender == "masc" and stem != family:
            return _as_written(given_name.word, given), stem
    # a family name that does not decline ("Олегом Кожемяко"), or one the dictionary does not know
    # after a given name in the nominative
    for name in names:
        given_name = name.inflect({"nomn"})
        if given_name and _SURNAME.search(family.casefold()) and (
                name.tag.case == "nomn" or _INDECLINABLE.search(family.casefold())):
            return _as_written(given_name.word, given), family
    # a family name that is a common noun too, one the dictionary knows, declined as the noun is
    # ("Александром Роликом" → Ролик): capitalised after a Russian given name in the same case
    for name in names:
        given_name = name.inflect({"nomn"})
        if not given_name or given_name.word not in known_given:
            continue
        noun = next((p for p in _analyzer().parse(family)
                     if "NOUN" in p.tag and p.is_known and p.tag.case == name.tag.case), None)
        if noun and (nominative := noun.inflect({"nomn"})):
            return _as_written(given_name.word, given), _as_written(nominative.word, family)
    return None


_MASCULINE_CASES = re.compile(r"((?:[оеё]в|[иы]н))(?:ым|а|у|е)$|(ск|цк)(?:ого|ому|им|ом)$")


def _nominative_ending(declined: re.Match[str]) -> str:
    return declined.group(1) or declined.group(2) + "ий"


_INDECLINABLE = re.compile(r"(?:ко|ых|их|аго|яго|[оиуеэ])$")


def _as_written(word: str, like: str) -> str:
    """The dictionary's form with the text's capital and its "е" for the dictionary's "ё"
    ("Пушкарев", as the text prints it, not "Пушкарёв")."""
    if "ё" not in like.casefold():
        word = word.replace("ё", "е")
    return _cased(word, like)
