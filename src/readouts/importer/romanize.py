"""Names in Cyrillic written in the Latin letters the site is in: a Japanese name back from the
Polivanov system, which Russian texts write Japanese names in, to Hepburn's ("Тэцуро Яно" →
"Tetsuro Yano"), and a Russian name in the spelling English-language papers and agencies use
(a simplified BGN/PCGN: "Олег Кожемяко" → "Oleg Kozhemyako", "-ий" → "-y").

Polivanov writes each Japanese syllable one way, so a word that is not a run of its syllables is
no Japanese name: that is how a Russian word is told from one.
"""

from __future__ import annotations

import re

_VOWELS = {"а": "a", "и": "i", "у": "u", "э": "e", "о": "o", "е": "e"}
""""е" is not Polivanov's, but many outlets write "Такео" for "Такэо"."""
_IOTATED = {"я": "ya", "ю": "yu", "ё": "yo"}
_CONSONANTS = {"к": "k", "г": "g", "с": "s", "дз": "z", "т": "t", "д": "d", "н": "n", "х": "h", "б": "b",
               "п": "p", "м": "m", "р": "r"}
_SPECIAL = {"си": "shi", "ти": "chi", "цу": "tsu", "фу": "fu", "дзи": "ji", "ва": "wa", "ся": "sha",
            "сю": "shu", "сё": "sho", "тя": "cha", "тю": "chu", "тё": "cho", "дзя": "ja", "дзю": "ju",
            "дзё": "jo", "ду": "du", "ту": "tu",
            # not Polivanov's but the English-minded spelling many outlets use: "Джун", "Дзюнъитиро"
            "джа": "ja", "джи": "ji", "джу": "ju", "джо": "jo", "джэ": "je", "дже": "je"}


def _polivanov_syllables() -> dict[str, str]:
    syllables = {**_VOWELS, **_IOTATED, **_SPECIAL}
    for consonant, latin in _CONSONANTS.items():
        for vowel, sound in _VOWELS.items():
            syllables.setdefault(consonant + vowel, latin + sound)
        for vowel, sound in _IOTATED.items():
            syllables.setdefault(consonant + vowel, latin + sound)
    # "ду" and "ту" are no Japanese syllables (dzu and tsu are): kept out of names
    del syllables["ду"], syllables["ту"]
    return syllables


_SYLLABLES = _polivanov_syllables()
_SYLLABLE = re.compile("|".join(sorted(map(re.escape, _SYLLABLES), key=len, reverse=True)))


def japanese(word: str) -> str | None:
    """A Japanese name written by Polivanov's system, in Hepburn's: "Сюсукэ" → "Shusuke",
    "Кэйдзи" → "Keiji", "Гэмба" → "Gemba", "Еити" → "Yoichi"; None for a word that is not a run of
    its syllables."""
    text, out, at = word.casefold(), [], 0
    # Russian prints "ё" as "е" more often than not, and "е" is no Polivanov letter: at a word's
    # start or after a vowel it is "ё" ("Есиро" → Yoshiro, "Тоехиса" → Toyohisa), after a
    # consonant "э" ("Такео" → Takeo)
    text = re.sub(r"(?:^|(?<=[аиуэоеяюё]))е", "ё", text)
    while at < len(text):
        syllable = _SYLLABLE.match(text, at)
        if syllable:
            out.append(_SYLLABLES[syllable.group()])
            at = syllable.end()
        elif text[at] == "й" and out and out[-1][-1] in "aeiou":
            out.append("i")  # the second vowel of "эй", "ай": "Кэйдзи" → Keiji
            at += 1
        elif text[at] in "нм" and (at + 1 == len(text) or text[at + 1] not in "аиуэоеяюё"):
            out.append("n" if text[at] == "н" else "m")  # the syllabic n: "Дзюн", "Гэмба"
            at += 1
        elif text[at] in "кпст" and text[at + 1:at + 2] == text[at]:
            out.append(_CONSONANTS[text[at]])  # a doubled consonant: "Хаттори", "Иппэй"
            at += 1
        else:
            return None
    latin = "".join(out)
    return latin[:1].upper() + latin[1:] if latin else None


_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}


def russian(word: str) -> str:
    """A Russian name in Latin letters as English-language papers write it: "Кожемяко" →
    "Kozhemyako", "Валерий" → "Valery", "Зубрицкий" → "Zubritsky"."""
    latin = "".join(_RUSSIAN.get(letter, letter) for letter in word.casefold())
    latin = re.sub(r"iy$|yy$", "y", latin)  # "-ий", "-ый": a final y
    return latin[:1].upper() + latin[1:]
