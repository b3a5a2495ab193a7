"""What each output file is made from, as a fingerprint: equal fingerprints, equal files.

An incremental build renders only the files whose fingerprint changed since the last build and
links the others from the previous site. A fingerprint must therefore name everything the
file's context reads; `tests/test_incremental.py` holds this by comparing incremental builds
with clean ones byte for byte through a series of changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from readouts.cache import CacheTable, unchanged_under_keys
from readouts.model import Readout, SiteGraph
from readouts.render.env import THEME
from readouts.render.listings import Attendance

FINGERPRINTS_KEPT: CacheTable[Any, str] = CacheTable("fingerprints", unchanged_under_keys, in_memory_only=True)
"""What each page fingerprint of the last build was made of, and the fingerprint (Dependencies.fingerprint)."""

GROUP_KEY_MEMBERS = 1
"""Where a group key (Dependencies.group_key) holds the readouts it was made for."""


def digest(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def digest_of_fields(value: tuple[Any, ...]) -> str:
    """digest(value) for a value made of text, numbers, None and tuples, lists and dicts of them
    (a page's fingerprint: `Dependencies.fingerprint`), from marshal's bytes rather than repr's:
    repr escapes every string again, and a readout's page holds a dozen of its neighbours' and
    related readouts' links (half the time of fingerprinting 20,000 pages, measured). Format 2
    writes a value's contents alone, never whether two of its strings are one object. Any other
    value is digested as digest() does, apart from these by the byte in front."""
    try:
        data = marshal.dumps(value, 2)
    except ValueError:  # a date, or another object marshal does not write
        return digest(value)
    return hashlib.blake2b(b"\0" + data, digest_size=16).hexdigest()


def ordinal(day: dt.date | None) -> int | None:
    """A date in a fingerprint, as its ordinal: a fingerprint of text and numbers alone is
    digested from marshal's bytes (digest_of_fields)."""
    return day.toordinal() if day else None


def made_from_readout(path: str, readout: Readout) -> str:
    """The fingerprint of a file made from one readout alone (its Markdown's copy, its search
    text): the readout's digest, which names its bytes. Manifests are kept by path and the cache
    by the code that makes the files, so neither needs digesting again, 20,000 times a build at
    10,000 readouts. A readout made in memory has no digest and stands for itself."""
    return readout.digest or digest((path, readout))


def _files_digest(folders: list[Path]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    # Relative names: a fingerprint must not depend on where the site lives.
                    hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


class _Links(dict[str | None, str | None]):
    """Readout id → the readout as a link to it shows it (Dependencies.link), each made when
    first asked."""

    def __init__(self, graph: SiteGraph) -> None:
        super().__init__()
        self.graph = graph

    def __missing__(self, readout_id: str | None) -> str | None:
        if readout_id is None:
            return None
        r = self.graph.readouts[readout_id]
        # the day an undated text prints is shown in its place ("26 September, year not printed")
        printed = r.imported.day_without_year if r.imported else None
        found = self[readout_id] = repr((r.id, r.title, r.date, r.published, r.publisher, r.outlet, r.kind, printed))
        return found


class Dependencies:
    """What fingerprints are made of: the settings every page reads, and readouts, meetings and
    coverage as pages show them. Each page kind (render/pages/) makes its pages' fingerprints
    from these, beside the context builders they must match."""

    def __init__(self, graph: SiteGraph, root: Path, kept: Mapping[Any, str] | None = None) -> None:
        self.graph = graph
        self.kept: Mapping[Any, str] = kept if kept is not None else {}
        """The fingerprints the last build of this process made, by what each was made of."""
        self.made: dict[Any, str] = {}
        corpus = graph.corpus
        # What every page reads: settings, templates, and the registries people and terms are
        # linked by (every readout page links names).
        self.common = digest((corpus.config, corpus.topics, corpus.people, corpus.terms,
                              _files_digest([THEME / "templates", root / "templates"])))
        self.static = _files_digest([THEME / "static", root / "static"])
        self._links = _Links(graph)

    def fingerprint(self, value: tuple[Any, ...]) -> str:
        """digest_of_fields(value), taken from the last build of this process when made of the same text,
        dates and numbers (a serving process fingerprints 20,000 readout and meeting pages each
        build, most of them from what they were made of last time)."""
        try:
            found = self.made.get(value) or self.kept.get(value)
        except TypeError:  # a value holding a list or a dict is digested every time
            return digest_of_fields(value)
        if found is None:
            found = digest_of_fields(value)
        self.made[value] = found
        return found

    @cached_property
    def everything(self) -> str:
        """What the listing pages read: every readout's facts."""
        return digest((self.common, tuple((r.id, r.digest) for r in self.graph.corpus.readouts)))

    def group_key(self, readout_ids: tuple[str, ...]) -> tuple[Any, ...]:
        """Everything the pages of one topic or person are made from, as a value quick to make
        and compare: the settings, its readouts (by digest), the meetings they belong to and
        every account of those (a meeting's date and place come from all its accounts). Equal
        keys, equal pages: a build passes over the topics and people a change did not touch
        without listing them again (pages.grouped.GroupMemo)."""
        graph = self.graph
        readouts, meeting_of, meetings = graph.readouts, graph.meeting_of, graph.meetings
        meeting_ids = tuple(dict.fromkeys(meeting_of[r] for r in readout_ids if r in meeting_of))
        mates = tuple(x for m in meeting_ids for x in meetings[m].readout_ids)
        # A readout made in memory has no digest: it stands for itself.
        return (self.common, readout_ids, tuple(meeting_of.get(r) for r in readout_ids),
                tuple(readouts[r].digest or readouts[r] for r in readout_ids),
                meeting_ids, mates, tuple(readouts[x].digest or readouts[x] for x in mates))

    def link(self, readout_id: str | None) -> str | None:
        """A readout as a link to it shows it (None for None). Kept as text: every readout is
        linked from a dozen pages (its neighbours', related readouts', meetings', listings'), and a
        fingerprint is made of text anyway."""
        return self._links[readout_id]

    @property
    def link_of(self) -> Callable[[str | None], str | None]:
        """link, as the lookup itself: mapped over a page's dozen links, 90,000 a build at
        10,000 readouts, it makes no Python call for a link made already."""
        return self._links.__getitem__

    def forget_links(self) -> None:
        """Drop the links made so far (pages.audit records what each fingerprint reads)."""
        self._links.clear()

    def readouts(self, ids: tuple[str, ...]) -> Any:
        link, readouts = self.link_of, self.graph.readouts
        return tuple([(link(r), readouts[r].digest) for r in ids])

    def coverage(self, topic_id: str, meeting_ids: tuple[str, ...]) -> Any:
        """A topic's meeting-by-meeting rows: each meeting's id (it moves when an earlier account
        joins), date and place, and each account's side and whether it reports the topic ("not
        reported" against "no account"), with the text of those that do (where the link goes)."""
        readouts = self.graph.readouts
        return [(m, ordinal(self.graph.meetings[m].date), self.graph.meetings[m].place,
                 [(r, readouts[r].publisher, readouts[r].digest if topic_id in readouts[r].topics else None)
                  for r in self.graph.meetings[m].readout_ids])
                for m in meeting_ids]

    def attended(self, attendances: tuple[Attendance, ...]) -> Any:
        """Meetings as a person's pages show them: the accounts' facts and who took part."""
        return [((a.meeting_id, ordinal(a.day), a.place, a.readout_ids),
                 [(self.link(r), self.graph.readouts[r].participants) for r in a.readout_ids])
                for a in attendances]


    def publishers(self, ids: tuple[str, ...]) -> Any:
        return sorted(Counter(self.graph.readouts[r].publisher for r in ids).items())


    def meetings(self, meeting_ids: tuple[str, ...]) -> Any:
        """Meetings as a listing shows them: date, place, format, who took part, how many accounts
        and previews."""
        meetings = self.graph.meetings
        return [(m, ordinal(meetings[m].date), meetings[m].place, meetings[m].format, meetings[m].participants,
                 len(meetings[m].account_ids), len(meetings[m].preview_ids))
                for m in meeting_ids]


    def listing(self, path: str) -> str:
        return digest((self.everything, path))
