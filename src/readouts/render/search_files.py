"""The search index's files (search.py says what each holds) as `OutputFile`s: a year's
readouts cut into shards, each shard's files made from its readouts alone, and kept whole from
the previous build while those readouts are unchanged.

Why shards, and why these. A year's weights are measured against the year's average length and
its readouts are numbered in its order, so a new or edited readout changes every file of its
year: at a thousand readouts a year, making them again was most of a rebuild. A year is
therefore cut into shards, each indexed on its own, and a change rewrites one shard.

How a year is cut must depend on the content alone — an incremental build writes the same
bytes as a clean one — and should seldom change as readouts are added. A year of up to
READOUTS_PER_SHARD readouts is one shard; a larger one is cut into 2, 4, 8, … stretches of equal
length of its days (the next power of two of its readouts over READOUTS_PER_SHARD), and each
readout goes to the stretch its date falls in. A year is cut again only when its size crosses
a power of two; between, a new readout changes its own stretch alone.

Stretches of days rather than buckets of a hash of the ids, although a hash would share a
year's readouts out more evenly: a shard is then a run of the chronological order, so the shards
in index.js's order and the readouts in each shard's order are the site's chronology, which
search.js browses newest first and breaks ties by, with nothing more to load. Busy weeks make
some shards larger than others; a shard's weights only need enough readouts for its average
length to mean something. Undated readouts are one shard, whatever their number: they have no
day to be cut by, and a site has few.

The cost is at query time: a word loads its term file from each shard of the years searched,
smaller files but more of them, and each holds more of the word's neighbours (a file is split by
the next letter only above search.SPLIT_ABOVE bytes). Measured at 10,000 generated readouts,
15 years of 627–711 cut into four shards each (`benchmarks/search_size.py --count 10000`): a new
readout's shard is about 450 files and 0.76 MB, where its year was 900 files and 2.87 MB; a
query loads 2–3 times the files it did (161–221 instead of 71–101, a quoted phrase 341 instead
of 115) and 0.1–0.55 MB more (0.62–0.77 MB in all, a phrase 1.40 MB); index.js grew from 54 to
86 KB. With the watch loop (`benchmarks/watch.py`), the build's CPU time after adding one
readout fell by about half a second (docs/performance.md, "The watch loop").
"""

from __future__ import annotations

import calendar
import datetime as dt
import marshal
import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial

from readouts import parallel
from readouts.cache_parts import PartedEntries
from readouts.model import SiteGraph
from readouts.parallel import map_in_workers
from readouts.render import urls
from readouts.render.depends import digest, made_from_readout
from readouts.render.output import OutputFile
from readouts.render.search import (
    DOCS_PER_FILE,
    STOP_WORDS,
    CountsKey,
    ReadoutTerms,
    SearchCounts,
    compact_json,
    count_words,
    counts_key,
    search_years,
    shard_places,
    shard_postings,
    shown,
    snippet_text,
    term_file_name,
    term_file_name_to_key,
    term_files,
    text_frequencies,
)
from readouts.render.search_facets import FacetRows, facets_index, name_groups

READOUTS_PER_SHARD = 256
"""A year with more readouts than this is cut into shards of about this many or fewer: a new
readout then makes one shard's files again, and a one-word query loads a term file per shard
of the years it searches. Smaller shards make less again and load more files."""

MOST_SHARDS = 256
"""A year is cut into at most this many stretches: about a day and a half each."""

UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class SearchShard:
    """Readouts indexed together: numbered in this order, weighed against their own average."""

    name: str
    """Its folder under search/: the year, or the year's shard's first day ("2019-07-02")."""
    year: str
    """The year the search page's filters know it by ("2019", "undated")."""
    readout_ids: tuple[str, ...]
    """In chronological order: a run of the site's chronology."""


def shards_in_year(count: int) -> int:
    """How many stretches a year of `count` readouts is cut into: 1 up to READOUTS_PER_SHARD
    readouts, else the next power of two of count / READOUTS_PER_SHARD."""
    wanted = -(-count // READOUTS_PER_SHARD)
    return min(MOST_SHARDS, 1 << max(0, wanted - 1).bit_length())


def search_shards(graph: SiteGraph) -> list[SearchShard]:
    """The shards of every year, in chronological order; a stretch without readouts is no shard."""
    shards: list[SearchShard] = []
    for year, readout_ids in search_years(graph).items():
        stretches = 1 if year == UNDATED else shards_in_year(len(readout_ids))
        if stretches == 1:
            shards.append(SearchShard(year, year, readout_ids))
            continue
        days = 366 if calendar.isleap(int(year)) else 365
        # A day's place in the year by ordinals: timetuple() built a struct per readout, 10,000 a build.
        new_year = dt.date(int(year), 1, 1).toordinal()
        runs: dict[int, list[str]] = {}
        for readout_id in readout_ids:
            date = graph.readouts[readout_id].date
            assert date is not None, readout_id
            runs.setdefault((date.toordinal() - new_year) * stretches // days, []).append(readout_id)
        for stretch, run in runs.items():
            # The stretch's first day: the first whose place in the year puts it in the stretch.
            first = dt.date(int(year), 1, 1) + dt.timedelta(days=-(-stretch * days // stretches))
            shards.append(SearchShard(first.isoformat(), year, tuple(run)))
    return shards


def shard_files(graph: SiteGraph, shard: SearchShard, counts_of: Callable[[str], ReadoutTerms],
                pause: Callable[[], None] = lambda: None) -> dict[str, bytes]:
    """Path → content of each of a shard's term, place, docs and facets files. `counts_of`
    (readout id → its word counts) answers from an earlier build's counts where it can;
    `pause` is called between the steps (a shard takes a tenth of a second at 10,000 readouts,
    and a build a newer change stops is asked there)."""
    counts = [counts_of(r) for r in shard.readout_ids]
    pause()
    places = shard_places(counts)
    pause()
    postings = shard_postings(counts)
    pause()
    files: dict[str, bytes] = {}
    for key, term_file in term_files(postings, places).items():
        name = term_file_name(key)
        files[urls.search_terms_path(shard.name, name)] = script_of_json(f"{shard.name}/terms/{key}",
                                                                         term_file.postings_json)
        # A term's places are filed under its term file's key, so a phrase finds them by the
        # same rule as the term.
        files[urls.search_places_path(shard.name, name)] = script_of_json(f"{shard.name}/pos/{key}",
                                                                          term_file.places_json)
    for start in range(0, len(shard.readout_ids), DOCS_PER_FILE):
        number = start // DOCS_PER_FILE
        files[urls.search_docs_path(shard.name, number)] = script(
            f"{shard.name}/docs/{number}", [shown(graph, r) for r in shard.readout_ids[start:start + DOCS_PER_FILE]])
    rows = FacetRows(graph)
    files[urls.search_facets_path(shard.name)] = script(
        f"{shard.name}/facets",
        [rows.row(r, text_frequencies(terms)) for r, terms in zip(shard.readout_ids, counts, strict=True)])
    return files


def search_outputs(graph: SiteGraph, common: str, previous_manifest: Mapping[str, str],
                   reusable: Callable[[str, str], bool],
                   counts_of: Callable[[str], ReadoutTerms],
                   pause: Callable[[], None] = lambda: None,
                   keep_all: Callable[[Mapping[str, str]], bool] = lambda files: False) -> Iterator[OutputFile]:
    """Every file of the search index. A shard's files are named by what they hold, so they are
    kept whole (the previous build's, when every one of them is still there) or made whole; a
    readout's text is made from itself; index.js lists the shards and their files' keys.
    `pause` is called between the steps of making a shard's files. A kept shard's files and
    its readouts' texts (path → fingerprint) go to `keep_all` first (Outputs.keep_all), and are
    given one by one only when it does not keep them."""
    previous = previous_search_files(previous_manifest)
    shard_paths: dict[str, list[str]] = {}
    shards = search_shards(graph)
    for shard in shards:
        made_from = digest((common, shard.name, [(r, graph.readouts[r].digest) for r in shard.readout_ids]))
        made = cache(partial(_shard_files, graph, shard, counts_of, pause))
        paths = [path for path in previous.get(shard.name, ()) if previous_manifest[path] == made_from]
        if not paths or not all(reusable(path, made_from) for path in paths):
            paths = list(made())
        shard_paths[shard.name] = sorted(paths)
        texts = {path: made_from_readout(path, graph.readouts[r])
                 for r in shard.readout_ids for path in (urls.search_text_path(r),)}
        if not made.cache_info().currsize and keep_all({**dict.fromkeys(paths, made_from), **texts}):
            continue
        for path in shard_paths[shard.name]:
            yield OutputFile(path, made_from, partial(_file_of, made, path))
        for readout_id, (path, fingerprint) in zip(shard.readout_ids, texts.items(), strict=True):
            yield OutputFile(path, fingerprint, partial(text_script, graph, readout_id))
    # index.js holds the filters' values and the glossary's and people's names too: the registries.
    yield OutputFile(urls.SEARCH_INDEX,
                     digest([common] + [(p.name, p.year, len(p.readout_ids), shard_paths[p.name]) for p in shards]),
                     partial(index_script, graph, shards, shard_paths))


def _shard_files(graph: SiteGraph, shard: SearchShard, counts_of: Callable[[str], ReadoutTerms],
                 pause: Callable[[], None]) -> dict[str, bytes]:
    """The shard's files: those made where its readouts were counted (ReadoutCounts.made, given
    once), else made here."""
    made = counts_of.made.pop(shard.name, None) if isinstance(counts_of, ReadoutCounts) else None
    return made if made is not None else shard_files(graph, shard, counts_of, pause)


def _file_of(made: Callable[[], dict[str, bytes]], path: str) -> bytes:
    return made()[path]


def text_script(graph: SiteGraph, readout_id: str) -> bytes:
    """A readout's paragraphs as text with their anchors, for the snippet under its result and
    the link to the paragraph it was found in."""
    paragraphs = [[block.anchor, snippet_text(block.text)] for block in graph.readouts[readout_id].blocks]
    return script(f"text/{readout_id}", paragraphs)


def index_script(graph: SiteGraph, shards: list[SearchShard], shard_paths: dict[str, list[str]]) -> bytes:
    """index.js: each shard, in chronological order, with its year, readout count and term file
    keys; the filters and their values; the names that stand for one thing."""
    return script("index", {
        "readout_url": urls.readout_path("{id}"),
        "docs_per_file": DOCS_PER_FILE,
        "stop_words": sorted(STOP_WORDS),
        "shards": [{"name": shard.name, "year": shard.year, "readouts": len(shard.readout_ids),
                   "keys": shard_keys(shard.name, shard_paths[shard.name])} for shard in shards],
        "facets": facets_index(graph),
        "names": name_groups(graph),
    })


def shard_keys(name: str, paths: list[str]) -> list[str]:
    """The keys of a shard's term files, from the files' paths (which a build may have kept
    from the previous site without reading them)."""
    folder = posixpath.dirname(urls.search_terms_path(name, "key")) + "/"
    return sorted(term_file_name_to_key(posixpath.basename(path)[:-len(".js")])
                  for path in paths if path.startswith(folder))


def previous_search_files(manifest: Mapping[str, str]) -> dict[str, list[str]]:
    """Shard → the paths of its term, place, docs and facets files in a previous build's manifest."""
    found: dict[str, list[str]] = {}
    for path in manifest:
        # Tested first by their starts: the manifest names some 70,000 files at 10,000 readouts,
        # and splitting each took 0.026 s of every build.
        if not path.startswith("search/") or path.startswith("search/text/"):
            continue
        steps = path.split("/")
        if len(steps) < 3:
            continue
        if (len(steps) == 4 and steps[2] in ("terms", "pos", "docs")) or path == urls.search_facets_path(steps[1]):
            found.setdefault(steps[1], []).append(path)
    return found


def script(name: str, data: object) -> bytes:
    """A script that stores `data` under `name` on the page's READOUTS_SEARCH_FILES."""
    return script_of_json(name, compact_json(data))


def script_of_json(name: str, data_json: str) -> bytes:
    """A script that stores what `data_json` (compact_json) holds under `name`."""
    return ("window.READOUTS_SEARCH_FILES = window.READOUTS_SEARCH_FILES || {};\n"
            f"window.READOUTS_SEARCH_FILES[{compact_json(name)}] = {data_json};\n").encode()


def own_counts(kept: Mapping[CountsKey, bytes]) -> SearchCounts:
    """The last build's word counts, to change without changing them: a table kept in parts is
    copied without reading its parts."""
    return kept.copy() if isinstance(kept, PartedEntries) else dict(kept)


def kept_counts(graph: SiteGraph, common: str, kept: SearchCounts) -> ReadoutCounts:
    """Readout id → its word counts for the search index, from `kept` (by readout and settings)
    where an earlier build made them, else counted now — on every core when many are new (a cold
    build). Kept marshalled: only the years being written are ever unpacked. Counts of readouts
    gone from the site are dropped.

    When many are new, a shard all of whose readouts are new has its files made in the worker
    that counts them (`ReadoutCounts.made`): made later, they were a quarter of what this
    process did while the pages rendered, and it finished after the rendering workers."""
    key_of = {r.id: counts_key(common, r) for r in graph.readouts.values() if r.digest}
    live = set(key_of.values())
    for key in [key for key in kept if key not in live]:
        del kept[key]
    new = [r for r in graph.chronology if r in key_of and key_of[r] not in kept]
    made: dict[str, dict[str, bytes]] = {}
    if len(new) >= parallel.PARALLEL_FROM and parallel.can_fork():
        fresh = set(new)
        shards = [shard for shard in search_shards(graph) if fresh.issuperset(shard.readout_ids)]
        for shard, (packed_counts, files) in zip(shards, map_in_workers(partial(_counted_shard, graph), shards, 2),
                                                 strict=True):
            kept.update(zip((key_of[r] for r in shard.readout_ids), packed_counts, strict=True))
            made[shard.name] = files
        new = [r for r in new if key_of[r] not in kept]
    packed = map_in_workers(lambda readout_id: marshal.dumps(count_words(graph, readout_id)), new)
    for readout_id, counts in zip(new, packed, strict=True):
        kept[key_of[readout_id]] = counts
    return ReadoutCounts(graph, key_of, kept, made)


def _counted_shard(graph: SiteGraph, shard: SearchShard) -> tuple[list[bytes], dict[str, bytes]]:
    """In a worker: each of a shard's readouts' word counts, marshalled, and the shard's files."""
    counts = {r: count_words(graph, r) for r in shard.readout_ids}
    return [marshal.dumps(counts[r]) for r in shard.readout_ids], shard_files(graph, shard, counts.__getitem__)


class ReadoutCounts:
    """Readout id → its word counts (a readout made in memory, or one whose part's file no longer
    holds it, is counted when asked), and the files of the shards already made from them."""

    def __init__(self, graph: SiteGraph, key_of: Mapping[str, CountsKey], kept: SearchCounts,
                 made: dict[str, dict[str, bytes]]) -> None:
        self._graph = graph
        self._key_of = key_of
        self._kept = kept
        self.made = made
        """Shard name → path → content of the shard's files, made where its readouts were counted."""

    def __call__(self, readout_id: str) -> ReadoutTerms:
        key = self._key_of.get(readout_id)
        found = self._kept.get(key) if key is not None else None
        if found is None:
            counts = count_words(self._graph, readout_id)
            if key is not None:
                self._kept[key] = marshal.dumps(counts)
            return counts
        counts_kept: ReadoutTerms = marshal.loads(found)
        return counts_kept
