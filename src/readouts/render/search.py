"""The site's own search index: an inverted index cut into small script files, so that a query
loads only the files its words need instead of every readout's text.

The readouts are indexed in shards: a year's readouts, or when a year holds many, those of a
stretch of its days (search_files.py says how a year is cut, why, and what it was measured to
save and cost). Files, under search/:

    index.js                 the shards in chronological order, each with its year, how many
                             readouts it holds and the keys of its term files; the stop words;
                             the filters' values; the names that stand for one thing
                             (search_facets.py). It loads with the search page
    <shard>/terms/<key>.js   the shard's terms that begin with <key> ("p": peace, people, …, or
                             "pe" and "pr" where "p" grew large), each with a (readout
                             number, weight) pair per readout that has it
    <shard>/pos/<key>.js     the same terms' places in each of those readouts, for phrases
                             ("peace treaty"): loaded only by a query that quotes one
    <shard>/docs/<n>.js      title, date, publisher and kind of DOCS_PER_FILE of the shard's
                             readouts: what a result shows
    <shard>/facets.js        each readout's side, publisher, kind, language, topics and people,
                             for the filters and their counts
    text/<id>.js             a readout's paragraphs with their anchors, for the snippet under
                             its result and the link to the paragraph that matched

A shard is named by its year ("2019", "undated"), or by its year and first day ("2019-07-02")
when its year is cut.

Every file is a script that stores its data on a global (`READOUTS_SEARCH_FILES`) for the
theme's search.js, because fetch() is refused on file:// and the site must work opened from
disk; search.js adds the scripts a query needs to the page.

A shard's terms and docs are made from that shard's readouts alone (readouts are numbered within
their shard; lengths are weighed against the shard's average), so a new or edited readout
rewrites only its shard's files, its own text and index.js. What needs every shard — how rare a
term is across the corpus — search.js adds up from the term files a query loads anyway: each
readout is in exactly one shard, so the counts of the shards searched add up to the corpus's.

A readout is indexed with the words it prints, its title and its text, and nothing else: a
query finds the spelling it gives. The other spellings of a person and the other side's names
for a glossary term are offered beside the results as searches of their own, never merged into
one ("Habomai" finds the readouts that print it, and offers "Northern Territories"). Words are
compared lower-cased and without diacritics, Latin and Cyrillic alike ("Lavrov" = "LAVROV",
"ё" = "е"); search.js normalises queries the same way (`normalise` there and here must agree).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from readouts.cache import CacheTable, unchanged_under_keys
from readouts.model import Readout, SiteGraph
from readouts.render.context import KIND_LABELS, credited_to, format_date
from readouts.render.listings import timeline_listing

FIELD_BOOSTS = {"title": 3.0, "text": 1.0}
"""How much a word counts in each part of a readout: a word in the title says more about the
readout than one in its running text."""

K1 = 1.2
B = 0.75
"""BM25's constants: how fast repeats of a word stop adding weight (K1), and how much a long
field's words count for less (B)."""

WEIGHT_SCALE = 10
"""Weights are stored as integers, tenths of a point, which keeps the term files small."""

SPLIT_ABOVE = 8_000
"""Terms are filed by their first letter, and a file larger than this (in bytes) is split by the
next letter, and so on: a shard with few readouts has a few files, and a word with a common
beginning ("co": cooperation, confirmed, countries, …) does not load all its neighbours."""

PLACES_SPLIT_ABOVE = 8_000
"""A term's places take about three times its postings' room, and a phrase loads the places files
of its words: a letter's file is split when either file is large, so a phrase's places files are
about as small as the term files, and term files a little smaller than they need be."""

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
_MARKERS = str.maketrans("", "", "*_`")


def snippet_text(markdown: str) -> str:
    """Markdown as a reader sees it in a result's snippet: backslash escapes and emphasis markers
    removed. Not exports.unescaped_text, which keeps the markers: the feeds give the text as
    written, while a snippet and the words counted for search want what the page shows.

    The markers are removed first, then the escapes, each only when the text has any: most
    paragraphs have neither, and the two regex substitutions were 1 % of a cold build's CPU
    (every paragraph is made a snippet twice, for its words and for its search text)."""
    if "*" in markdown or "_" in markdown or "`" in markdown:
        markdown = markdown.translate(_MARKERS)
    return _ESCAPES.sub(r"\1", markdown) if "\\" in markdown else markdown


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One readout as search sees it: the words it prints, its title's and its paragraphs'."""

    id: str
    title: str
    paragraphs: tuple[str, ...]


def shown(graph: SiteGraph, readout_id: str) -> list[str]:
    """What a result shows, in the order search.js reads it: id, title, date, publisher, kind."""
    readout = graph.readouts[readout_id]
    return [readout.id, readout.title, format_date(readout.date) or "Undated",
            credited_to(graph, readout), KIND_LABELS[readout.kind]]


def search_document(graph: SiteGraph, readout_id: str) -> SearchDocument:
    readout = graph.readouts[readout_id]
    return SearchDocument(id=readout.id, title=readout.title,
                          paragraphs=tuple(snippet_text(block.text) for block in readout.blocks))


def search_years(graph: SiteGraph) -> dict[str, tuple[str, ...]]:
    """Year ("2019", or "undated") → its readout ids in chronological order; years in order too.

    A shard of a year (search_files.py) is a run of this order.
    """
    return {str(year) if year is not None else "undated": ids for year, ids in timeline_listing(graph).years}


Postings = dict[str, list[tuple[int, int]]]
"""Term → (readout number within the shard, weight) for each readout that has the term."""


FieldCounts = dict[str, dict[str, list[int]]]
"""Field → word → the places the field has it: how often (their number) and where (for
phrases). A readout's share of its shard's term and place files."""


def field_counts(document: SearchDocument) -> FieldCounts:
    """Each word's places, counted over every word the readout prints, stop words too, so that a
    phrase's words ("issue of concluding") are as far apart in the index as in the text. The
    title comes first; the text's places follow it, with a place left out after the title and
    after each paragraph, so no phrase is found across the end of one."""
    counts: FieldCounts = {"title": {}, "text": {}}
    place = 0
    for field, texts in (("title", (document.title,)), ("text", document.paragraphs)):
        for text in texts:
            for word in _WORD.findall(normalise(text)):
                if word not in STOP_WORDS:
                    counts[field].setdefault(word, []).append(place)
                place += 1
            place += 1
    return counts


ReadoutTerms = tuple[dict[str, int], dict[str, list[int]]]
"""A readout's share of its shard's term and place files, as kept between builds: how often each
word is in its title, and each word's places in the whole readout, title and text, as steps
(encode_places). A word's places in the text are as many as it has in all less those in the title.
Kept in this shape rather than as FieldCounts, so that a shard made again after one readout
joined it only gathers what each readout holds, where merging, sorting and encoding every
readout's places took a third of making the shard (0.09 s of 0.3 s at 10,000 readouts)."""


def readout_terms(counts: FieldCounts) -> ReadoutTerms:
    """FieldCounts as a readout's share of its shard's files (ReadoutTerms)."""
    merged: dict[str, list[int]] = {}
    for found in counts.values():
        for term, term_places in found.items():
            merged.setdefault(term, []).extend(term_places)
    return ({term: len(found) for term, found in counts.get("title", {}).items()},
            {term: encode_places(sorted(term_places)) for term, term_places in merged.items()})


def text_frequencies(terms: ReadoutTerms) -> dict[str, int]:
    """How often each word is in a readout's text (not its title)."""
    title, places = terms
    return {term: count for term, steps in places.items() if (count := len(steps) - title.get(term, 0))}


def shard_postings(shard: list[ReadoutTerms]) -> Postings:
    """Each term's weight in each readout: BM25's term-frequency part, per field, boosted.

    The lengths are weighed against the shard's average, not the corpus's, so that the weights
    of one shard do not change when another shard gets a readout.
    """
    fields = [(title, text_frequencies((title, places))) for title, places in shard]
    lengths = [(sum(title.values()), sum(text.values())) for title, text in fields]
    average = [max(1.0, sum(length[index] for length in lengths) / max(1, len(shard))) for index in (0, 1)]
    boosts = (FIELD_BOOSTS["title"], FIELD_BOOSTS["text"])
    postings: Postings = {}
    for number, counted in enumerate(fields):
        weights: dict[str, float] = {}
        for index, found in enumerate(counted):
            boost, damping = boosts[index], K1 * (1 - B + B * lengths[number][index] / average[index])
            for term, frequency in found.items():
                weights[term] = weights.get(term, 0.0) + boost * frequency * (K1 + 1) / (frequency + damping)
        for term, weight in weights.items():
            postings.setdefault(term, []).append((number, max(1, round(weight * WEIGHT_SCALE))))
    return dict(sorted(postings.items()))


def shard_places(shard: list[ReadoutTerms]) -> dict[str, list[list[int]]]:
    """Term → its places in each readout that has it, in the order of its postings, each list
    as steps from the place before (encode_places)."""
    places: dict[str, list[list[int]]] = {}
    for _, found in shard:
        for term, steps in found.items():
            places.setdefault(term, []).append(steps)
    return places


def encode_places(places: list[int]) -> list[int]:
    """[4, 9, 30] → [4, 5, 21]."""
    return [place - previous for place, previous in zip(places, [0, *places], strict=False)]


def encode_postings(pairs: list[tuple[int, int]]) -> list[int]:
    """[(3, 12), (5, 40)] → [3, 12, 2, 40]: each readout number as the step from the one before,
    which keeps numbers short."""
    flat: list[int] = []
    previous = 0
    for number, weight in pairs:
        flat += [number - previous, weight]
        previous = number
    return flat


@dataclass(frozen=True, slots=True)
class TermFile:
    """One term file's terms and the same terms' places, as compact JSON objects (compact_json),
    the terms in order."""

    terms: list[str]
    postings_json: str
    places_json: str


def term_files(postings: Postings, places: dict[str, list[list[int]]]) -> dict[str, TermFile]:
    """Key → the term file filed under it.

    A term is filed under the longest key that begins it. Keys are first the terms' first
    letters; a file larger than SPLIT_ABOVE, or whose terms' places (filed under the same keys)
    are larger than PLACES_SPLIT_ABOVE, is split by the next letter (a term as long as the key
    itself stays under the key). search.js finds a word's files by the same rule.
    """
    encoded = _EncodedEntries({term: encode_postings(pairs) for term, pairs in postings.items()})
    place_entries = _EncodedEntries(places)
    groups: dict[str, list[str]] = {}
    for term in encoded.values:
        groups.setdefault(term[:1], []).append(term)
    files: dict[str, list[str]] = {}
    while groups:
        key, terms = groups.popitem()
        longer = [term for term in terms if len(term) > len(key)]
        large = encoded.size(terms) > SPLIT_ABOVE or place_entries.size(terms) > PLACES_SPLIT_ABOVE
        if len(key) < MAX_KEY_LENGTH and longer and large:
            for term in longer:
                groups.setdefault(term[:len(key) + 1], []).append(term)
            terms = [term for term in terms if len(term) <= len(key)]
            if not terms:
                continue
        files[key] = terms
    return {key: TermFile(terms, encoded.json(terms), place_entries.json(terms))
            for key in sorted(files) for terms in [sorted(files[key])]}


class _EncodedEntries:
    """Each term's entry in a JSON object of `values` ('"term":[…]'), encoded once: its size
    decides how a shard's terms are split into files, and the file is then joined from the
    same entries. Splitting measured each letter's file whole at every step down (a fifth of
    making a shard, at 10,000 readouts); encoding each file again once split was another
    tenth of a cold build's search index."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.entries: dict[str, str] = {}
        self.sizes: dict[str, int] = {}

    def _entry(self, term: str) -> str:
        entry = self.entries.get(term)
        if entry is None:
            entry = self.entries[term] = _ENCODE(term) + ":" + _ENCODE(self.values[term])
            self.sizes[term] = len(entry.encode("utf-8"))
        return entry

    def size(self, terms: list[str]) -> int:
        """The size in bytes of compact_json({term: values[term] for term in terms})."""
        sizes = self.sizes
        total = 0
        for term in terms:
            size = sizes.get(term)
            if size is None:
                self._entry(term)
                size = sizes[term]
            total += size
        return 2 + total + max(0, len(terms) - 1)

    def json(self, terms: list[str]) -> str:
        """compact_json({term: values[term] for term in terms}), from the entries."""
        return "{" + ",".join(self._entry(term) for term in terms) + "}"


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""compact_json's encoder, made once: json.dumps makes one per call when given settings."""


def term_file_name(key: str) -> str:
    """A key as a file name: ASCII letters and digits as they are, any other letter as its code
    point between underscores ("ла" → "_43b__430_"), for servers and archives that mangle
    other names. search.js names files the same way."""
    return "".join(char if char.isascii() and char.isalnum() else f"_{ord(char):x}_" for char in key)


def count_words(graph: SiteGraph, readout_id: str) -> ReadoutTerms:
    return readout_terms(field_counts(search_document(graph, readout_id)))


CountsKey = tuple[str, str, str]
"""Where a readout's word counts are kept: the month of its date ("2019-07", or "undated"), the
settings' digest and the readout's digest."""


def counts_key(common: str, readout: Readout) -> CountsKey:
    """The key of a readout's word counts (SEARCH_COUNTS). By month first: a search shard is a
    run of days, so the build that adds a readout reads the counts of the months its shard
    spans, not of every readout."""
    day = readout.date
    return (f"{day.year:04d}-{day.month:02d}" if day else "undated", common, readout.digest)


SearchCounts = MutableMapping[CountsKey, bytes]
"""counts_key → a readout's ReadoutTerms, marshalled: a dict, or the cache's table read by parts."""


def _month_of(key: CountsKey) -> str:
    return key[0]


SEARCH_COUNTS: CacheTable[CountsKey, bytes] = CacheTable("search_counts", unchanged_under_keys, part_by=_month_of)
"""counts_key → the readout's ReadoutTerms, marshalled: what counting a readout's words gave,
kept for the next build, a file per month (cache_parts.py: 66 MB at 10,000 readouts, of which
adding one reads its shard's few months)."""


def term_file_name_to_key(name: str) -> str:
    return re.sub(r"_([0-9a-f]+)_", lambda match: chr(int(match.group(1), 16)), name)


def compact_json(data: Any) -> str:
    """JSON as the search files hold it: no spaces, letters as they are."""
    return _ENCODE(data)
