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


def search_documents(graph: SiteGraph) -> list[dict[str, Any]]:
    """One search document per readout, in chronological order."""
    terms = {term.id: term for term in graph.corpus.terms}
    documents = []
    for readout_id in graph.chronology:
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


def write_search_index(graph: SiteGraph, out: Path) -> int:
    """Write search/index.js; returns the number of files written."""
    target = out / urls.SEARCH_INDEX_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(search_documents(graph), ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"window.READOUTS_SEARCH_DOCUMENTS = {payload};\n", encoding="utf-8")
    return 1
