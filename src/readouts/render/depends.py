"""What each output file is made from, as a fingerprint: equal fingerprints, equal files.

An incremental build renders only the files whose fingerprint changed since the last build and
links the others from the previous site. A fingerprint must therefore name everything the
file's context reads; `tests/test_incremental.py` holds this by comparing incremental builds
with clean ones byte for byte through a series of changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

from readouts.model import SiteGraph
from readouts.render.env import THEME
from readouts.render.listings import (
    Attendance,
    PersonListing,
    PersonYear,
    TopicListing,
    TopicYear,
    Year,
    YearListing,
)


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
        self._links: dict[str, str] = {}

    def group_key(self, readout_ids: tuple[str, ...]) -> tuple[Any, ...]:
        """Everything the pages of one topic or person are made from, as a value quick to make
        and compare: the settings, its readouts (by digest), the meetings they belong to and
        every account of those (a meeting's date and place come from all its accounts). Equal
        keys, equal pages: a build passes over the topics and people a change did not touch
        without listing them again (write.GroupMemo)."""
        graph = self.graph
        readouts, meeting_of, meetings = graph.readouts, graph.meeting_of, graph.meetings
        meeting_ids = tuple(dict.fromkeys(meeting_of[r] for r in readout_ids if r in meeting_of))
        mates = tuple(x for m in meeting_ids for x in meetings[m].readout_ids)
        # A readout made in memory has no digest: it stands for itself.
        return (self.common, readout_ids, tuple(meeting_of.get(r) for r in readout_ids),
                tuple(readouts[r].digest or readouts[r] for r in readout_ids),
                meeting_ids, mates, tuple(readouts[x].digest or readouts[x] for x in mates))

    def _link(self, readout_id: str | None) -> str | None:
        """A readout as a link to it shows it. Kept as text: every readout is linked from a dozen
        pages (its neighbours', related readouts', meetings', listings'), and a fingerprint is
        made of text anyway."""
        if readout_id is None:
            return None
        found = self._links.get(readout_id)
        if found is None:
            r = self.graph.readouts[readout_id]
            # the day an undated text prints is shown in its place ("26 September, year not printed")
            printed = r.imported.printed_day if r.imported else None
            found = self._links[readout_id] = repr((r.id, r.title, r.date, r.published, r.publisher, r.outlet, r.kind,
                                                    printed))
        return found

    def readout(self, readout_id: str) -> str:
        graph = self.graph
        r = graph.readouts[readout_id]
        meeting_id = graph.meeting_of.get(readout_id)
        others = graph.meetings[meeting_id].readout_ids if meeting_id else ()
        # The topic marks of its paragraphs are not listed: they follow from the readout's bytes
        # and topics.yaml, which `common` holds. The meeting's date is: a text that prints none
        # shows it as supplied, and it comes from the other accounts.
        return digest((self.common, r.digest, [self._link(n) for n in graph.neighbours[readout_id]],
                       [self._link(o) for o in graph.related.get(readout_id, ())],
                       meeting_id, graph.meetings[meeting_id].date if meeting_id else None,
                       [self._link(o) for o in others]))

    def _readouts(self, ids: tuple[str, ...]) -> Any:
        return [(self._link(r), self.graph.readouts[r].digest) for r in ids]

    def _coverage(self, topic_id: str, meeting_ids: tuple[str, ...]) -> Any:
        """A topic's meeting-by-meeting rows: each meeting's id (it moves when an earlier account
        joins), date and place, and each account's side and whether it reports the topic ("not
        reported" against "no account"), with the text of those that do (where the link goes)."""
        readouts = self.graph.readouts
        return [(m, self.graph.meetings[m].date, self.graph.meetings[m].place,
                 [(r, readouts[r].publisher, readouts[r].digest if topic_id in readouts[r].topics else None)
                  for r in self.graph.meetings[m].readout_ids])
                for m in meeting_ids]

    def topic(self, listing: TopicListing) -> str:
        """The overview: the counts by year and publisher, and the entries it lists."""
        readouts = self.graph.readouts
        counts = [(part.year, sorted(Counter(readouts[r].publisher for r in part.readout_ids).items()))
                  for part in listing.years]
        if listing.complete():
            shown = (self._readouts(listing.readout_ids), self._coverage(listing.topic_id, listing.meeting_ids))
        else:
            shown = (self._readouts(listing.latest()), None)
        return digest((self.common, listing.topic_id, counts, shown))

    def topic_year(self, listing: TopicListing, part: TopicYear) -> str:
        """One year's page: its readouts and meetings, and which other years have a page (the
        links between years), but nothing of the other years' entries."""
        return digest((self.common, listing.topic_id, part.year, [p.year for p in listing.years],
                       self._readouts(part.readout_ids), self._coverage(listing.topic_id, part.meeting_ids)))

    def _attended(self, attendances: tuple[Attendance, ...]) -> Any:
        """Meetings as a person's pages show them: the accounts' facts and who took part."""
        return [(a, [(self._link(r), self.graph.readouts[r].participants) for r in a.readout_ids])
                for a in attendances]

    def person(self, listing: PersonListing) -> str:
        """The overview: counts by year, counterparts, and the entries it lists."""
        counts = [(part.year, len(part.attended), len(part.mentioned)) for part in listing.years]
        if listing.complete():
            shown = (self._attended(listing.attended), [self._link(r) for r in listing.mentioned])
        else:
            shown = (self._attended(listing.latest_attended()), [self._link(r) for r in listing.latest_mentioned()])
        return digest((self.common, listing.person_id, counts, listing.counterparts, shown))

    def person_year(self, listing: PersonListing, part: PersonYear) -> str:
        return digest((self.common, listing.person_id, part.year, [p.year for p in listing.years],
                       self._attended(part.attended), [self._link(r) for r in part.mentioned]))

    def meeting(self, meeting_id: str) -> str:
        """Its accounts, paragraph by paragraph: their text, topic marks and voices follow from each
        account's bytes (its digest) and topics.yaml and people.yaml (`common`), but for the day a
        voice measures earlier years against, which is the meeting's date."""
        m = self.graph.meetings[meeting_id]
        # Its fields, not the Meeting: a dataclass's repr is made in Python, one per meeting.
        return digest((self.common, m.id, m.date, m.place, m.format, m.participants, m.readout_ids,
                       self._readouts(m.readout_ids)))

    def _publishers(self, ids: tuple[str, ...]) -> Any:
        return sorted(Counter(self.graph.readouts[r].publisher for r in ids).items())

    def timeline(self, listing: YearListing) -> str:
        """The overview: the chart's counts by year and publisher, and every readout's link while
        it lists them all."""
        counts = [(year, self._publishers(ids)) for year, ids in listing.years]
        shown = [self._link(r) for r in listing.ids] if listing.complete() else None
        return digest((self.common, counts, shown))

    def timeline_year(self, listing: YearListing, year: Year) -> str:
        """One year's readouts, and which years have a page (the links between years)."""
        return digest((self.common, year, [y for y, _ in listing.years], [self._link(r) for r in listing.of(year)]))

    def _meetings(self, meeting_ids: tuple[str, ...]) -> Any:
        """Meetings as a listing shows them: date, place, format, who took part, how many accounts."""
        meetings = self.graph.meetings
        return [(m, meetings[m].date, meetings[m].place, meetings[m].format, meetings[m].participants,
                 len(meetings[m].readout_ids))
                for m in meeting_ids]

    def meetings(self, listing: YearListing) -> str:
        return digest((self.common, listing.counts(), listing.complete(), self._meetings(listing.shown())))

    def meetings_year(self, listing: YearListing, year: Year) -> str:
        return digest((self.common, year, [y for y, _ in listing.years], self._meetings(listing.of(year))))

    def publishers(self, listings: dict[str, YearListing]) -> str:
        """Each publisher's counts by year and the readouts it lists."""
        return digest((self.common, [(publisher, listing.counts(), listing.complete(),
                                      [self._link(r) for r in listing.shown()])
                                     for publisher, listing in listings.items()]))

    def listing(self, path: str) -> str:
        return digest((self.everything, path))
