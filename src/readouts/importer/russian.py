"""Russian word forms by morphology (pymorphy3 and its OpenCorpora dictionary), for the rules
whose Russian wording a list of endings reads badly: whether a word is a finite verb.

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


def is_finite_verb(word: str) -> bool:
    """Whether the dictionary's likeliest reading of a word is a verb in a tense: "прибыл",
    "примет", "выслала" (not an infinitive, "Поделиться", nor a noun, "Политика")."""
    parses = _analyzer().parse(word)
    best = parses[0] if parses else None
    return bool(best and best.is_known and best.tag.POS == "VERB" and best.score >= 0.5)
