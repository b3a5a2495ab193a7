"""The site's own search index: one document per readout, shipped as a script file.

A script file loads from file:// where fetch() cannot, so search works opened from disk too.
Each document carries every spelling of the people it names and every side's name for the
glossary terms it uses, so "Sergei Lavrov" and "southern Kurils" find readouts that print
"Lavrov, Sergey Viktorovich" or "Four Northern Islands".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import KIND_LABELS, format_date, publisher_name

_ESCAPES = re.compile(r"\\([\\`*_\[\]<>&#+\-.!()])")


def plain_text(markdown: str) -> str:
    """Markdown as a reader sees it: backslash escapes and markers removed."""
    return _ESCAPES.sub(r"\1", re.sub(r"[*_`]+", "", markdown))


def search_shards(graph: SiteGraph) -> dict[str, list[str]]:
    """Shard path → the readout ids it holds, by year of the readout, in chronological order."""
    shards: dict[str, list[str]] = {}
    for readout_id in graph.chronology:
        day = graph.readouts[readout_id].date
        shards.setdefault(urls.search_shard_path(day.year if day else None), []).append(readout_id)
    return shards


def search_documents(graph: SiteGraph, readout_ids: list[str]) -> list[dict[str, Any]]:
    """One search document per readout."""
    terms = {term.id: term for term in graph.corpus.terms}
    documents = []
    for readout_id in readout_ids:
        readout = graph.readouts[readout_id]
        names: list[str] = []
        for person_id in readout.participants + readout.mentioned:
            person = graph.people.get(person_id)
            names += [person.name, *person.spellings] if person else [person_id.replace("-", " ")]
        term_names = [name for term_id in graph.terms_by_readout.get(readout_id, ())
                      for side in terms[term_id].names.values() for name in side]
        text = " · ".join(plain_text(block.text) for block in readout.blocks)
        documents.append({
            "id": readout.id,
            "title": readout.title,
            "url": urls.readout_path(readout.id),
            "date": format_date(readout.date) or "Undated",
            "publisher": publisher_name(graph, readout.publisher),
            "kind": KIND_LABELS[readout.kind],
            "names": " ".join(names),
            "terms": " ".join(term_names),
            "topics": " ".join(graph.topics[t].title for t in readout.topics if t in graph.topics),
            "text": text,
        })
    return documents


def write_search_shard(graph: SiteGraph, out: Path, path: str, readout_ids: list[str]) -> None:
    """Write one shard of the search index: a script that adds its documents to the others'."""
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(search_documents(graph, readout_ids), ensure_ascii=False, separators=(",", ":"))
    target.write_text("window.READOUTS_SEARCH_DOCUMENTS = (window.READOUTS_SEARCH_DOCUMENTS || [])"
                      f".concat({payload});\n", encoding="utf-8")
