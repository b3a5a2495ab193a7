"""People's names as the texts print them → ids in people.yaml, and the names no entry explains.

Every way of writing a name contains the family name ("Lavrov, Sergey Viktorovich", "MOTEGI
Toshimitsu", "Minister Lavrov", "Сергеем Лавровым"), so a person is found by family name, and
by full name only where two people share one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from readouts.model import Person

# Titles that come before a name in readouts of either side.
_TITLES = (
    r"(?:Mr|Ms|Mrs|Dr|Messrs)\.?|H\.\s?E\.|His Holiness|His Excellency|Her Excellency|"
    r"(?:Prime|Foreign|Defen[cs]e|Deputy|Vice|First Deputy|Chief Cabinet)?\s?Minister(?: of [A-Z][a-z]+)?|"
    r"President|Premier|Chancellor|Ambassador|Secretary(?:-General)?|Chairman|Governor|Patriarch|"
    r"Senator|Speaker|Director(?:-General)?|Spokes(?:wo)?man|Counterpart"
)
_CANDIDATE = re.compile(
    rf"\b(?:{_TITLES})\s+((?:[A-Z][a-z’'-]+|[A-Z]{{2,}})(?:,?\s+(?:[A-Z][a-z’'-]+|[A-Z]{{2,}})){{0,3}})"
)
_NOT_NAMES = {
    "Japan", "Russia", "Russian", "Japanese", "The", "Affairs", "Foreign", "Federation", "Of",
    "For", "And", "Minister", "President", "Prime", "In", "On", "At", "To", "State", "United",
    "Nations", "Defense", "Defence", "Economic", "Development", "Trade", "Industry", "Kingdom",
    "States", "America", "China", "Korea", "Republic", "People", "Council", "Security",
}


def _word_pattern(word: str) -> str:
    escaped = re.escape(word)
    if re.search(r"[\u0400-\u04FF]", word):
        # Russian declines names: "Лавров", "Лаврова", "Лавровым".
        return escaped + r"[а-яё]{0,3}"
    return escaped


def name_pattern(name: str) -> str:
    """A way of writing a name → regex source: any spacing, Russian declension endings."""
    return r"\s+".join(_word_pattern(w) for w in name.replace(",", " ").split())


def name_forms(people: tuple[Person, ...]) -> list[tuple[str, list[str]]]:
    """(person id, the literal forms that name them): full names, spellings, and the family name
    alone (also in capitals, "MOTEGI") unless two people share it."""
    family_counts = Counter(_family(p.name) for p in people)
    result = []
    for person in people:
        forms: list[str] = []
        for name in (person.name, *person.spellings):
            forms.append(name)
            family = _family(name)
            if family_counts.get(family, 0) <= 1 and len(family) > 2:
                forms.append(family)
                if family.isascii():
                    forms.append(family.upper())
        result.append((person.id, list(dict.fromkeys(forms))))
    return result


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Finds people.yaml's people in text."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def build(cls, people: tuple[Person, ...]) -> NameIndex:
        patterns = []
        for person_id, forms in name_forms(people):
            alternatives = sorted({name_pattern(form) for form in forms}, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")
            patterns.append((person_id, pattern))
        return cls(tuple(patterns))

    def find(self, text: str) -> list[tuple[int, str]]:
        """(position of first mention, person id) for each person named, in text order."""
        found = []
        for person_id, pattern in self.patterns:
            match = pattern.search(text)
            if match:
                found.append((match.start(), person_id))
        return sorted(found)

    def ids_in(self, text: str) -> list[str]:
        return [person_id for _, person_id in self.find(text)]

    def unresolved(self, text: str) -> list[str]:
        """Names after a title ("Mr. Igor Shuvalov") that match nobody in people.yaml."""
        names = []
        for match in _CANDIDATE.finditer(text):
            candidate = match.group(1)
            tokens = [t for t in re.split(r"[\s,]+", candidate) if t]
            while tokens and tokens[-1] in _NOT_NAMES:
                tokens.pop()
            if not tokens or any(t in _NOT_NAMES for t in tokens):
                continue
            name = " ".join(tokens)
            if not self.ids_in(name) and name not in names:
                names.append(name)
        return names


def _family(name: str) -> str:
    """The family name: "Lavrov, Sergey" → "Lavrov"; "Sergey Lavrov" → "Lavrov"."""
    if "," in name:
        return name.split(",")[0].strip()
    return name.split()[-1]
