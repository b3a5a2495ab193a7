"""The site's own search index: an inverted index cut into small script files, so that a query
loads only the files its words need instead of every readout's text.

Files, under search/:

    index.js                the years, how many readouts each holds and the keys of its term
                            files, and the stop words; it loads with the search page
    <year>/terms/<key>.js   the year's terms that begin with <key> ("p": peace, people, …, or
                            "pe" and "pr" where "p" grew large), each with a (readout
                            number, weight) pair per readout that has it
    <year>/docs/<n>.js      title, date, publisher and kind of DOCS_PER_FILE of the year's
                            readouts: what a result shows
    text/<id>.js            a readout's paragraphs, for the snippet under its result

Every file is a script that stores its data on a global (`READOUTS_SEARCH_FILES`) for the
theme's search.js, because fetch() is refused on file:// and the site must work opened from
disk; search.js adds the scripts a query needs to the page.

A year's terms and docs are made from that year's readouts alone (readouts are numbered within
their year; lengths are weighed against the year's average), so a new or edited readout rewrites
only its year's files, its own text and index.js. What needs every year — how rare a term is
across the corpus — search.js adds up from the term files a query loads anyway.

Each readout is indexed with every spelling of the people it names and every side's name for
the glossary terms it uses, so "Sergei Lavrov" and "southern Kurils" find readouts that print
"Lavrov, Sergey Viktorovich" or "Four Northern Islands". Words are compared lower-cased and
without diacritics, Latin and Cyrillic alike ("Lavrov" = "LAVROV", "ё" = "е"); search.js
normalises queries the same way (`normalise` there and here must agree).
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readouts.errors import naming
from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import KIND_LABELS, credited_to, format_date

FIELD_BOOSTS = {"title": 3.0, "names": 2.0, "terms": 2.0, "topics": 2.0, "text": 1.0}
"""How much a word counts in each part of a readout: a word in the title, a person's name, a
glossary term or a topic says more about the readout than one in its running text."""

K1 = 1.2
B = 0.75
"""BM25's constants: how fast repeats of a word stop adding weight (K1), and how much a long
field's words count for less (B)."""

WEIGHT_SCALE = 10
"""Weights are stored as integers, tenths of a point, which keeps the term files small."""

SPLIT_ABOVE = 8_000
"""Terms are filed by their first letter, and a file larger than this (in bytes) is split by the
next letter, and so on: a year with few readouts has a few files, and a word with a common
beginning ("co": cooperation, confirmed, countries, …) does not load all its neighbours."""

MAX_KEY_LENGTH = 6
"""Splitting stops at keys this long: by then a large file is one common term's postings."""

DOCS_PER_FILE = 8
"""Results show 20 at a time, usually from as many files: small files keep that to about a KB each."""

STOP_WORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "that", "the", "their",
    "them", "they", "this", "to", "was", "we", "were", "which", "will", "with",
    "а", "в", "во", "для", "же", "за", "и", "из", "к", "как", "на", "не", "о", "об", "от", "по", "с", "со",
    "у", "что",
])
"""Words almost every readout has: indexing them would make the largest term files and find
everything. Queries drop them too."""

_WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits (search.js: /[\\p{L}\\p{N}]+/gu)."""

_MARKS: dict[str, bool] = {}
"""Character → whether it is a combining mark (Unicode category M*), filled as characters are met."""


def normalise(text: str) -> str:
    """Lower case, decomposed (NFKD) and without combining marks: "Éé" → "ee", "Ё" → "е".

    search.js does the same: toLowerCase, normalize("NFKD"), remove /\\p{M}/, toLowerCase.
    """
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    for char in set(text):
        if char not in _MARKS:
            _MARKS[char] = unicodedata.category(char).startswith("M")
    return text.translate({ord(char): None for char in set(text) if _MARKS[char]}).lower()


def words(text: str) -> list[str]:
    """The indexed words of a text, normalised, in order, without stop words."""
    return [word for word in _WORD.findall(normalise(text)) if word not in STOP_WORDS]


_ESCAPES = re.compile(r"\\([\\`*_\[\]<>&#+\-.!()])")


def snippet_text(markdown: str) -> str:
    """Markdown as a reader sees it in a result's snippet: backslash escapes and emphasis markers
    removed. Not exports.unescaped_text, which keeps the markers: the feeds give the text as
    written, while a snippet and the words counted for search want what the page shows."""
    return _ESCAPES.sub(r"\1", re.sub(r"[*_`]+", "", markdown))


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One readout as search sees it: the text of each field its words are counted in."""

    id: str
    title: str
    names: str
    """Every spelling of every person the readout names."""
    terms: str
    """Every side's names for the glossary terms the readout uses."""
    topics: str
    paragraphs: tuple[str, ...]

    def fields(self) -> dict[str, str]:
        return {"title": self.title, "names": self.names, "terms": self.terms, "topics": self.topics,
                "text": " ".join(self.paragraphs)}



def shown(graph: SiteGraph, readout_id: str) -> list[str]:
    """What a result shows, in the order search.js reads it: id, title, date, publisher, kind."""
    readout = graph.readouts[readout_id]
    return [readout.id, readout.title, format_date(readout.date) or "Undated",
            credited_to(graph, readout), KIND_LABELS[readout.kind]]


def search_document(graph: SiteGraph, readout_id: str) -> SearchDocument:
    readout = graph.readouts[readout_id]
    names: list[str] = []
    for person_id in readout.participants + readout.mentioned:
        person = graph.people.get(person_id)
        names += [person.name, *person.spellings] if person else [graph.person_name(person_id)]
    terms = {term.id: term for term in graph.corpus.terms}
    term_names = [name for term_id in graph.terms_by_readout.get(readout_id, ())
                  for side in terms[term_id].names.values() for name in side]
    return SearchDocument(
        id=readout.id,
        title=readout.title,
        names=" ".join(names),
        terms=" ".join(term_names),
        topics=" ".join(graph.topics[t].title for t in readout.topics if t in graph.topics),
        paragraphs=tuple(snippet_text(block.text) for block in readout.blocks),
    )


def search_years(graph: SiteGraph) -> dict[str, tuple[str, ...]]:
    """Year ("2019", or "undated") → its readout ids in chronological order; years in order too.

    A readout's number in its year's term files is its place in this order.
    """
    years: dict[str, list[str]] = {}
    for readout_id in graph.chronology:
        day = graph.readouts[readout_id].date
        years.setdefault(str(day.year) if day else "undated", []).append(readout_id)
    return {year: tuple(ids) for year, ids in years.items()}


Postings = dict[str, list[tuple[int, int]]]
"""Term → (readout number within the year, weight) for each readout that has the term."""


FieldCounts = dict[str, dict[str, int]]
"""Field → word → how often the field has it: a readout's share of its year's term files."""


def field_counts(document: SearchDocument) -> FieldCounts:
    return {field: dict(Counter(words(text))) for field, text in document.fields().items()}


def year_postings(counts: list[FieldCounts]) -> Postings:
    """Each term's weight in each readout: BM25's term-frequency part, per field, boosted.

    The lengths are weighed against the year's average, not the corpus's, so that the weights
    of one year do not change when another year gets a readout.
    """
    average = {field: max(1.0, sum(sum(c[field].values()) for c in counts) / max(1, len(counts)))
               for field in FIELD_BOOSTS}
    postings: Postings = {}
    for number, fields in enumerate(counts):
        weights: dict[str, float] = {}
        for field, counter in fields.items():
            damping = K1 * (1 - B + B * sum(counter.values()) / average[field])
            for term, frequency in counter.items():
                weight = FIELD_BOOSTS[field] * frequency * (K1 + 1) / (frequency + damping)
                weights[term] = weights.get(term, 0.0) + weight
        for term, weight in weights.items():
            postings.setdefault(term, []).append((number, max(1, round(weight * WEIGHT_SCALE))))
    return dict(sorted(postings.items()))


def encode_postings(pairs: list[tuple[int, int]]) -> list[int]:
    """[(3, 12), (5, 40)] → [3, 12, 2, 40]: each readout number as the step from the one before,
    which keeps numbers short."""
    flat: list[int] = []
    previous = 0
    for number, weight in pairs:
        flat += [number - previous, weight]
        previous = number
    return flat


def term_files(postings: Postings) -> dict[str, dict[str, list[int]]]:
    """Key → the terms filed under it, with their encoded postings.

    A term is filed under the longest key that begins it. Keys are first the terms' first
    letters; a file larger than SPLIT_ABOVE is split by the next letter (a term as long as the
    key itself stays under the key). search.js finds a word's files by the same rule.
    """
    encoded = {term: encode_postings(pairs) for term, pairs in postings.items()}
    groups: dict[str, dict[str, list[int]]] = {}
    for term, flat in encoded.items():
        groups.setdefault(term[:1], {})[term] = flat
    files: dict[str, dict[str, list[int]]] = {}
    while groups:
        key, terms = groups.popitem()
        longer = [term for term in terms if len(term) > len(key)]
        if len(key) < MAX_KEY_LENGTH and longer and _size(terms) > SPLIT_ABOVE:
            for term in longer:
                groups.setdefault(term[:len(key) + 1], {})[term] = terms.pop(term)
            if not terms:
                continue
        files[key] = terms
    return {key: dict(sorted(files[key].items())) for key in sorted(files)}


def _size(terms: dict[str, list[int]]) -> int:
    return len(_json(terms).encode("utf-8"))


def term_file_name(key: str) -> str:
    """A key as a file name: ASCII letters and digits as they are, any other letter as its code
    point between underscores ("ла" → "_43b__430_"), for servers and archives that mangle
    other names. search.js names files the same way."""
    return "".join(char if char.isascii() and char.isalnum() else f"_{ord(char):x}_" for char in key)


def count_words(graph: SiteGraph, readout_id: str) -> FieldCounts:
    return field_counts(search_document(graph, readout_id))


def write_search_year(graph: SiteGraph, out: Path, year: str, readout_ids: tuple[str, ...],
                      counts_of: Callable[[str], FieldCounts] | None = None) -> list[str]:
    """Write one year's term and docs files; returns their paths. `counts_of` (readout id → its
    word counts) may answer from an earlier build's counts: a new readout then costs one
    readout's counting, not a year's."""
    counts = [counts_of(r) if counts_of else count_words(graph, r) for r in readout_ids]
    paths = []
    for key, terms in term_files(year_postings(counts)).items():
        path = urls.search_terms_path(year, term_file_name(key))
        _write_script(out, path, f"{year}/terms/{key}", terms)
        paths.append(path)
    for start in range(0, len(readout_ids), DOCS_PER_FILE):
        number = start // DOCS_PER_FILE
        path = urls.search_docs_path(year, number)
        _write_script(out, path, f"{year}/docs/{number}",
                      [shown(graph, r) for r in readout_ids[start:start + DOCS_PER_FILE]])
        paths.append(path)
    return paths


def write_search_text(graph: SiteGraph, out: Path, readout_id: str) -> None:
    """Write a readout's paragraphs as text, for the snippet under its result."""
    paragraphs = [snippet_text(block.text) for block in graph.readouts[readout_id].blocks]
    _write_script(out, urls.search_text_path(readout_id), f"text/{readout_id}", paragraphs)


def year_keys(year: str, paths: list[str]) -> list[str]:
    """The keys of a year's term files, from the files' paths (which a build may have kept
    from the previous site without reading them)."""
    folder = posixpath.dirname(urls.search_terms_path(year, "key")) + "/"
    return sorted(term_file_name_to_key(posixpath.basename(path)[:-len(".js")])
                  for path in paths if path.startswith(folder))


def term_file_name_to_key(name: str) -> str:
    return re.sub(r"_([0-9a-f]+)_", lambda match: chr(int(match.group(1), 16)), name)


def write_search_index(graph: SiteGraph, out: Path, year_files: dict[str, list[str]]) -> None:
    """Write index.js: per year, in chronological order, its readout count and term file keys."""
    years = search_years(graph)
    _write_script(out, urls.SEARCH_INDEX, "index", {
        "readout_url": urls.readout_path("{id}"),
        "docs_per_file": DOCS_PER_FILE,
        "stop_words": sorted(STOP_WORDS),
        "years": [{"year": year, "readouts": len(ids), "keys": year_keys(year, year_files[year])}
                  for year, ids in years.items()],
    })


def previous_search_files(manifest: dict[str, str]) -> dict[str, list[str]]:
    """Year → the paths of its term and docs files in a previous build's manifest."""
    found: dict[str, list[str]] = {}
    for path in manifest:
        parts = path.split("/")
        if len(parts) == 4 and parts[0] == "search" and parts[2] in ("terms", "docs"):
            found.setdefault(parts[1], []).append(path)
    return found


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write_script(out: Path, path: str, name: str, data: Any) -> None:
    """A script that stores `data` under `name` on the page's READOUTS_SEARCH_FILES."""
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with naming(target):
        target.write_text("window.READOUTS_SEARCH_FILES = window.READOUTS_SEARCH_FILES || {};\n"
                          f"window.READOUTS_SEARCH_FILES[{_json(name)}] = {_json(data)};\n", encoding="utf-8")
