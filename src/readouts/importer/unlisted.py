"""People who met whom people.yaml does not list: governors, consuls, delegation heads and
negotiators, whom no registry holds all of. Each is named by the id an entry would give them
("pavel-sorokin"); the site shows such an id as the name, without a link, `readouts check` asks
for the entry, and once it is added every readout that names them links to their page.

English prints a person's full name right after a title ("Mr. Pavel Sorokin", "Governor Naomi
Kitaura"); Russian prints given name and family name together, declined, and a Japanese name in
Polivanov's letters ("с губернатором Олегом Кожемяко", "генконсул Тэцуро Яно"), written here in
the site's Latin letters (romanize.py).
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from readouts.importer.romanize import japanese, russian
from readouts.importer.russian import is_common_word, russian_person
from readouts.names import NameIndex, id_for


def people_in(index: NameIndex, text: str) -> list[str]:
    """Who a piece of a meeting's sentence names: people.yaml's people, then each full name it
    does not know, by the id an entry would give them. Not a third country's leader ("U.S.
    President Barack Obama", "Mr. Hu Jintao, the President of the People's Republic of China"):
    English names a country's people by a word ending -an, -ese, -ish or -ch (not a republic's
    "Tatarstan"), and the archive is of Japan's and Russia's talks."""
    found = index.ids_in(text)
    names = [name for name, start, end in index.unresolved_at(text, frozenset(found))
             if not (_THIRD_COUNTRY_BEFORE.search(text, 0, start) or _THIRD_COUNTRY_AFTER.match(text, end)
                     or text[end:end + 1].isalpha())]  # nor one cut at a letter a title's name lacks: "Peña"
    if _CYRILLIC.search(text):
        # not one the registry found here: "Коити Хирано", as "Mr. Koichi Hirano" above, is not
        # Hirofumi Hirano, whom a family name alone would find
        names += [name for words in _cyrillic_names(text) if not set(index.ids_in(words)) & set(found)
                  if (name := _in_latin(words, index))]
    for name in names:
        person_id = spelled_like(index, name) or id_for(name)
        if person_id is not None and person_id not in found:
            found.append(person_id)
    return found


def spelled_like(index: NameIndex, name: str) -> str | None:
    """The one person people.yaml lists whose given and family names are both spelled much as
    `name`'s, in either order: "Mr. Prikhodjko Sergey" is Sergey Prikhodko, as texts
    transliterate a Russian's name in more ways than people.yaml lists. "Kunio Hatoyama" is not
    Yukio Hatoyama: a given name must be close too."""
    tokens = name.casefold().split()
    if len(tokens) != 2:
        return None
    close = {person.id for person in index.people for spelling in (person.name, *person.spellings)
             if len(parts := spelling.casefold().replace(",", "").split()) == 2
             for given, family in ((tokens[0], tokens[1]), (tokens[1], tokens[0]))
             if _similar(family, parts[-1], 0.85) and _similar(given, parts[0], 0.75)}
    return close.pop() if len(close) == 1 else None


def _similar(a: str, b: str, at_least: float) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= at_least


_THIRD_COUNTRY_BEFORE = re.compile(
    r"(?:\bU\.S\.|\bUS|\bUN|\b(?!Japan(?:ese)?\b|Russian\b|[A-Z][a-z]+stan\b)[A-Z][a-z]+(?:an|ese|ish|ch))"
    r"(?:'s)?\s+(?:[A-Z][a-z]*\.?\s+){0,3}$")
"""A third country's word right before a title ("U.S. President", "Australian Prime Minister")."""
_THIRD_COUNTRY_AFTER = re.compile(
    r",?\s+(?:the\s+)?(?:President|Prime Minister|Premier|Chancellor|King|Emir|Sultan)\s+of\s+"
    r"(?![^,;.]*\b(?:Japan|Russia))")
"""A third country's leader named before the office, as lists of a summit's meetings do: "Mr. Hu
Jintao, the President of the People's Republic of China"."""

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_CAPITALISED_RUN = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[^\S\n][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)+")


def _cyrillic_names(text: str) -> list[str]:
    """The last two of each run of capitalised words ("Губернатор Приморья Олег Кожемяко" → "Олег
    Кожемяко"), a patronymic between them left out, where an office is named within seven words
    before them or right after a comma: as in English, a person who met is named with their post
    ("с генеральным консулом Японии … Кэнсукэ Мацудой", "глава департамента по европейским делам МИД
    Японии Хадзимэ Хаяси"), while a reporter's byline, an agency's
    name ("Киодо Цусин") or someone handed a prize is not. So is one received or met by name
    alone ("принял Сюсукэ Ватанабе, который завершает работу в качестве консула"), and each of two
    named as one subject of the talks' verb ("Олег Кожемяко и Коитиро Накамура обсудили …")."""
    together = [span for pair in _TWO_AS_ONE_SUBJECT.finditer(text) for span in (pair.span("a"), pair.span("b"))]
    pairs = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        if len(words) >= 3 and re.search(r"(?:вич|вна|ична)\w{0,3}$", words[-2]):
            del words[-2]  # "Олег Николаевич Кожемяко"
        before = " ".join([*text[:run.start()].split()[-7:], *words[:-2]])
        if (_OFFICE.search(before) or _OFFICE.match(text, run.end()) or _MET_BY_NAME.search(text, 0, run.start())
                or any(start <= run.end() - 1 < end for start, end in together)):
            pairs.append(" ".join(words[-2:]))
    return pairs


_MET_BY_NAME = re.compile(r"(?<![\w-])(?:принял[аи]?|(?:встретил|беседовал|созвонил)(?:ся|ась|ись|[аи])?\s+с|"
                          r"(?:переговоры|встречу|встреча|беседу)\s+с|возглавля(?:ет|л[аи]?)|во\s+главе\s+с)\s+$",
                          re.IGNORECASE)
"""The verb of a meeting right before the name of whom it was with: "принял", "встретился с"; or
of heading a delegation: "делегацией Ниигаты, которую возглавляет Ямагути Хидэки"."""
_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_TWO_AS_ONE_SUBJECT = re.compile(
    rf"(?P<a>{_NAME})\s+и\s+(?P<b>{_NAME})\s+(?:(?:также|затем|вчера|сегодня)\s+)?"
    r"(?:обсудил|провел|провёл|встретил|договорил|выразил|подписал|обменял|согласовал|подтвердил)[иа]?(?!\w{3})")
"""Two full names joined by "и" before the verb of talks in the plural: who did it together met."""


_OFFICE = re.compile(
    r"(?:^|(?<=\W)|,\s*)(?:посл|консул|генконсул|министр|зам(?:министр|глав|пред|руководител|директор|губернатор)|вице-|губернатор|премьер|президент|"
    r"председател|глав[аеуыо]|руководител|мэр|депутат|сенатор|спикер|советник|помощник|представител|"
    r"директор|заместител|секретар|господин|госпож|г-н|г-жа|атташе|начальник|командующ|делегаци)",
    re.IGNORECASE)
"""A post, in any case: "послом", "генерального консула", "губернатор", "г-н", "замглавы"."""


def _in_latin(words: str, index: NameIndex) -> str | None:
    """A Cyrillic given and family name in the site's letters: a Russian's by the given names
    people.yaml spells ("Александр" → Alexander) or else by the press's transliteration, a
    Japanese name back from Polivanov's letters; None for two words that are neither."""
    given, family = words.split()
    latin_given = _latin_given_names(index)
    if person := russian_person(given, family, frozenset(latin_given)):
        known = latin_given.get(person[0].casefold())
        return f"{known or russian(person[0])} {russian(person[1])}"
    if is_common_word(given, places_are_names=True) or is_common_word(family, places_are_names=True):
        # "главы Минобороны России": a ministry and a country, however they spell; but a family
        # name may be a place's too, after a given name ("Тацухико Касаи") or before it, printed
        # family name first ("Ямагути Хидэки")
        return None
    first, second = japanese(_japanese_nominative(given)), japanese(_japanese_nominative(family))
    if not (first and second):
        return None
    return f"{second} {first}" if _family_name_first(first, second) else f"{first} {second}"


def _family_name_first(first: str, second: str) -> bool:
    """Whether a Japanese name is printed family name first, as Russian texts often keep it
    ("консул Нацуи Сигэо", "Ямамото Хироюки"): the second word is a Japanese given name and the
    first is not. First by the endings: "-ro", "-shi", "-ji", "-nori", "-hiko", "-eo", "-uo" end
    given names, not family names ("Мотоки Тацунори" is Tatsunori Motoki); but "Hayashi",
    "Takahashi" end so too, and a given name before them stays first: "-me", "-ko", "-suke", "-zo",
    "-hei", "-ao" end no family name ("Хадзимэ Хаяси" is Hajime Hayashi, "Курао Ониси" Kurao
    Onishi). Then by a dictionary of given names by country (gender-guesser's, which knows 1,384
    Japanese ones: Shigeru, Hiroyuki, Jun; a few family names are given names too, Ito and Sato,
    so "Ito Hiroshi" is turned round by its ending alone)."""
    if _GIVEN_NAME_ENDING.search(first) or _ONLY_GIVEN_NAMES_END.search(first):
        return False
    return bool(_GIVEN_NAME_ENDING.search(second) and len(second) >= 5) or (
        _japanese_given_name(second) and not _japanese_given_name(first))


@cache
def _given_names() -> Any:
    import gender_guesser.detector  # loaded here: 0.14 s, and only for a Japanese name in Cyrillic

    return gender_guesser.detector.Detector(case_sensitive=False)


def _japanese_given_name(word: str) -> bool:
    return _given_names().get_gender(word, "japan") not in ("unknown", "andy")


_GIVEN_NAME_ENDING = re.compile(r"(?:ro|shi|ji|hiko|nori|eo|uo|io)$")
_ONLY_GIVEN_NAMES_END = re.compile(r"(?:me|ko|suke|zo|hei|ao)$")


def _japanese_nominative(word: str) -> str:
    """A Japanese name as Russian declines it, back in the nominative: "Ямадой", "Ямады",
    "Ямаду" → "Ямада" (a name ending -a declines as a Russian noun does), "Дзюном" → "Дзюн"."""
    if re.search(r"(?:ом|ем)$", word):
        return word[:-2]  # no Japanese name ends so
    if re.search(r"(?:ой|ою|ы)$", word):
        return re.sub(r"(?:ой|ою|ы)$", "а", word)
    if word.endswith("ду") or (word.endswith("у") and japanese(word) is None):
        return word[:-1] + "а"
    return word


def _latin_given_names(index: NameIndex) -> dict[str, str]:
    """A Russian given name in Cyrillic → its Latin spelling in people.yaml ("сергей" → Sergey)."""
    names: dict[str, str] = {}
    for person in index.people:
        latin = person.name.split()
        for spelling in person.spellings:
            cyrillic = spelling.split()
            if len(cyrillic) >= 2 and len(latin) == 2 and _CYRILLIC.search(cyrillic[0]):
                names.setdefault(cyrillic[0].casefold(), latin[0])
    return names
