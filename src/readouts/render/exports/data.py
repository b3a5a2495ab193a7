"""The corpus as data: readouts.json with a file per year, and readouts.csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from readouts.link.changes import GraphChanges
from readouts.model import Readout, SiteGraph
from readouts.render import urls
from readouts.render.depends import digest
from readouts.render.exports.common import (
    CSV_COLUMNS,
    Fragments,
    _iso,
    keys_digest,
    readout_piece_keys,
    unescaped_text,
)
from readouts.render.exports.records import PublishedRecords
from readouts.render.listings import Year, timeline_listing
from readouts.render.output import OutputFile
from readouts.render.paragraphs import paragraph_numbers


def readout_record(graph: SiteGraph, readout: Readout) -> dict[str, Any]:
    """One readout as data (docs/readouts-json.md); keys in a fixed order."""
    marks = graph.block_topics.get(readout.id, {})
    numbers = paragraph_numbers(readout.blocks)
    meeting = readout.meeting
    return {
        "id": readout.id,
        "title": readout.title,
        "publisher": readout.publisher,
        "kind": readout.kind,
        "published": _iso(readout.published),
        "meeting": {"date": _iso(meeting.date), "place": meeting.place, "format": meeting.format,
                    "occasion": meeting.occasion,
                    "duration_minutes": meeting.duration_minutes},
        "meeting_id": graph.meeting_of.get(readout.id),
        "participants": list(readout.participants),
        "mentioned": list(readout.mentioned),
        "topics": list(readout.topics),
        "source": {"file": readout.source.file, "sha256": readout.source.sha256} if readout.source else None,
        "url": urls.readout_path(readout.id),
        "paragraphs": [{"anchor": b.anchor, "number": numbers.get(b.anchor), "kind": b.kind,
                        "text": unescaped_text(b.text), "topics": list(marks.get(b.anchor, ()))}
                       for b in readout.blocks],
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def readouts_data_files(graph: SiteGraph, fragments: Fragments, changes: GraphChanges | None = None,
                        manifest: Mapping[str, str] | None = None) -> list[OutputFile]:
    """readouts.json, which describes the site and lists the year files, and a file of records
    for each year (data/readouts-<year>.json) in chronological order.

    A year file is made from its readouts' records alone, each keyed by what it follows from:
    the readout's bytes, its meeting's id and the topic rules (which mark its paragraphs). A new
    or edited readout rewrites its year's file, with the other records cut from the last one
    (records.py), and the index's count. `changes`, what link says changed since the build whose
    fingerprints `manifest` holds: a year none of whose readouts it names keeps its last keys."""
    family = "json:" + digest(graph.corpus.topics)  # the rules are in every record's key
    files = []
    listed = []
    for year, ids in timeline_listing(graph).years:  # dated years ascending, then the undated
        path = urls.readouts_year_path(year)
        keys = _kept_year_keys(fragments, path, year, ids, family, changes, manifest)
        if keys is None:
            keys = readout_piece_keys(graph, family, ids)
        fragments.records.keep(path, keys)
        files.append(OutputFile(path, keys_digest("readouts", str(year), keys=keys),
                                partial(readouts_year, graph, year, ids, keys, fragments.records)))
        listed.append({"path": path, "year": year, "count": len(ids)})
    index = readouts_index(graph, listed)
    return [OutputFile(urls.READOUTS_JSON, digest(index), lambda: index), *files]


def _kept_year_keys(fragments: Fragments, path: str, year: Year, ids: tuple[str, ...], family: str,
                    changes: GraphChanges | None, manifest: Mapping[str, str] | None) -> list[str] | None:
    """The keys the last build's year file at `path` was made from, when they are this build's
    too: as many readouts, none of which link names as regrouped (new, changed, or its meeting
    changed: what a key holds), under the same topic rules, and the keys are those of the file
    `manifest` fingerprints (the build `changes` are measured from, not an older one). Else None:
    make them (readout_piece_keys). Making every year's keys took 10 ms of adding one readout
    at 10,000, which changes one year."""
    if changes is None or manifest is None:
        return None
    entry = fragments.records.before.get(path)
    if entry is None or len(entry[2]) != len(ids) or not ids or not entry[2][0].startswith(family + " "):
        return None
    keys = list(entry[2])
    if not changes.regrouped.isdisjoint(ids) or manifest.get(path) != keys_digest("readouts", str(year), keys=keys):
        return None
    return keys


def readouts_index(graph: SiteGraph, files: list[dict[str, Any]]) -> bytes:
    """readouts.json: the site's settings, how many readouts it has, and its year files."""
    config = graph.corpus.config
    return _json({"site": {"title": config.title, "description": config.description,
                           "language": config.language, "base_url": config.base_url},
                  "count": sum(f["count"] for f in files), "files": files}) + b"\n"


def readouts_year(graph: SiteGraph, year: Year, readout_ids: tuple[str, ...], keys: list[str],
                  published: PublishedRecords) -> bytes:
    """One year's file: {"year": …, "readouts": [record, …]}, joined from each record's own text
    so that unchanged records come from the last build's file (`published`)."""
    records = [published.record(key, partial(_record_json, graph, readout_id))
               for readout_id, key in zip(readout_ids, keys, strict=True)]
    head = _json({"year": year})[:-1] + b',"readouts":['
    data = head + b",".join(records) + b"]}\n"
    published.made(urls.readouts_year_path(year), head, keys, records, data)
    return data


def _record_json(graph: SiteGraph, readout_id: str) -> bytes:
    return _json(readout_record(graph, graph.readouts[readout_id]))


def corpus_csv_file(graph: SiteGraph, fragments: Fragments) -> OutputFile:
    """readouts.csv, joined from each readout's row, kept in `fragments` by what the row follows
    from: the readout's bytes and its meeting's id."""
    keys = fragments.use(readout_piece_keys(graph, "csv", graph.chronology))
    return OutputFile(urls.READOUTS_CSV, keys_digest("csv", keys=keys), partial(corpus_csv, graph, keys, fragments))


def corpus_csv(graph: SiteGraph, keys: list[str], fragments: Fragments) -> bytes:
    """readouts.csv: a header, then one row per readout, oldest first; list fields joined with ';'."""
    assert len(keys) == len(graph.chronology)
    return _csv_line(CSV_COLUMNS) + fragments.joined(keys, lambda index: _csv_row(graph, graph.chronology[index]))


def _csv_row(graph: SiteGraph, readout_id: str) -> bytes:
    readout = graph.readouts[readout_id]
    meeting = readout.meeting
    return _csv_line([
        readout.id, readout.title, readout.publisher, readout.kind, _iso(readout.published) or "",
        _iso(meeting.date) or "", meeting.place or "", meeting.occasion or "",
        "" if meeting.duration_minutes is None else meeting.duration_minutes,
        ";".join(readout.participants), ";".join(readout.mentioned), ";".join(readout.topics),
        graph.meeting_of.get(readout_id, ""), urls.readout_path(readout_id),
    ])


def _csv_line(values: Iterable[object]) -> bytes:
    """One line of RFC 4180 CSV, quoted where the values need it; text a spreadsheet would take
    for a formula is kept as text."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([_not_a_formula(v) if isinstance(v, str) else v for v in values])
    return buffer.getvalue().encode("utf-8")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _not_a_formula(value: str) -> str:
    """A title like `=HYPERLINK("http://…")` opened in a spreadsheet is a formula, run on
    opening: a leading quote keeps it text (OWASP's advice for CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
