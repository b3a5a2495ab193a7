"""What each output file is made from, as a fingerprint: equal fingerprints, equal files.

An incremental build renders only the files whose fingerprint changed since the last build and
links the others from the previous site. A fingerprint must therefore name everything the
file's context reads; `tests/test_incremental.py` holds this by comparing incremental builds
with clean ones byte for byte through a series of changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from readouts.model import SiteGraph
from readouts.render.env import THEME


def digest(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def _files_digest(folders: list[Path]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    # Relative names: a fingerprint must not depend on where the site lives.
                    hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


class Dependencies:
    """Fingerprints of the pages of one site graph."""

    def __init__(self, graph: SiteGraph, root: Path) -> None:
        self.graph = graph
        corpus = graph.corpus
        # What every page reads: settings, templates, and the registries people and terms are
        # linked by (every readout page links names).
        self.common = digest((corpus.config, corpus.topics, corpus.people, corpus.terms,
                              _files_digest([THEME / "templates", root / "templates"])))
        self.static = _files_digest([THEME / "static", root / "static"])
        # What the listing pages read: every readout's facts.
        self.everything = digest((self.common, tuple((r.id, r.digest) for r in corpus.readouts)))
        # Topic and person pages show meetings, with every account's side and topics ("not
        # reported" against "no account"), and a meeting's id moves when an earlier account joins.
        self.meetings = digest(tuple(
            (m, tuple((r, graph.readouts[r].publisher, graph.readouts[r].topics) for r in m.readout_ids))
            for _, m in sorted(graph.meetings.items())))

    def _link(self, readout_id: str | None) -> Any:
        if readout_id is None:
            return None
        r = self.graph.readouts[readout_id]
        return (r.id, r.title, r.date, r.published, r.publisher, r.kind)

    def readout(self, readout_id: str) -> str:
        graph = self.graph
        r = graph.readouts[readout_id]
        meeting_id = graph.meeting_of.get(readout_id)
        others = graph.meetings[meeting_id].readout_ids if meeting_id else ()
        return digest((self.common, r.digest, tuple(sorted(graph.block_topics.get(readout_id, {}).items())),
                       [self._link(n) for n in graph.neighbours[readout_id]],
                       [self._link(o) for o in graph.related.get(readout_id, ())],
                       meeting_id, [self._link(o) for o in others]))

    def _readouts(self, ids: tuple[str, ...]) -> Any:
        return [(self._link(r), self.graph.readouts[r].digest) for r in ids]

    def topic(self, topic_id: str) -> str:
        return digest((self.common, self.meetings, topic_id,
                       self._readouts(self.graph.readouts_by_topic.get(topic_id, ()))))

    def person(self, person_id: str) -> str:
        return digest((self.common, self.meetings, person_id,
                       self._readouts(self.graph.readouts_by_person.get(person_id, ()))))

    def meeting(self, meeting_id: str) -> str:
        meeting = self.graph.meetings[meeting_id]
        return digest((self.common, meeting, self._readouts(meeting.readout_ids)))

    def listing(self, path: str) -> str:
        return digest((self.everything, path))
