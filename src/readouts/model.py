"""The plain, frozen data that passes between stages: load makes a Corpus, link makes a SiteGraph.

Records point at each other by id, never by object reference, so every stage can be
tested alone and the graph can be cached and compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from readouts.packed import Blocks, pickle_by_fields
from readouts.publishers import Publisher

Kind = Literal["readout", "statement", "press-conference", "news"]
KINDS: tuple[str, ...] = get_args(Kind)
MeetingFormat = Literal["in-person", "telephone", "video", "2+2"]
"""How the sides met: at one table, by telephone, by video link, or as foreign and defence
ministers together ("2+2", held in person)."""
MEETING_FORMATS: tuple[str, ...] = get_args(MeetingFormat)

BlockKind = Literal["heading", "paragraph", "item", "quote", "other"]
Voice = Literal["own", "background", "quotes-japan", "quotes-russia"]
"""Whose words a paragraph of an account gives: the side's own account of the meeting,
background (history, earlier events), or the Japanese or Russian side's account relayed."""


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record came from, so later stages can blame the right line."""

    path: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What a readout says about the meeting it reports; every field may be unknown."""

    date: dt.date | None
    """The meeting's own date, which may differ from the published date."""
    place: str | None
    """City as the text gives it; None for telephone talks or when unstated."""
    occasion: str | None
    """The event it was held on the margins of ("United Nations General Assembly")."""
    duration_minutes: int | None
    """Taken from the text ("approximately 1 hour and 40 minutes" → 100)."""
    meeting_id: str | None = None
    """Set by a person to group this readout with others the automatic grouping missed."""
    format: MeetingFormat | None = None
    """In person, by telephone or video, or a "2+2"; None when the text does not say."""
    date_supplied: dt.date | None = None
    """A date a person knows from elsewhere for a text that prints none (`date_supplied:`); shown
    in square brackets as the editor's, never as printed, and never used to file the readout."""
    supplied_from: str | None = None
    """Where that date comes from, in the person's words ("the Japanese ministry's readout")."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """The raw text a readout was imported from, relative to content/."""

    file: str
    sha256: str
    url: str | None = None
    """Where the publisher published it, when the person who added it said."""


@dataclass(frozen=True, slots=True)
class Change:
    """Something the importer removed or normalised, shown on the site beside the raw source."""

    line: int
    """1-based line in the raw source."""
    action: str
    """"removed" or "normalised"."""
    what: str
    """The text as it was in the source (shortened when long)."""
    why: str


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """What import did to make a readout (content/provenance/<id>.json)."""

    adapter: str
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    """What a person should check: dates left empty and why."""
    unresolved: tuple[str, ...]
    """Names printed in the source that people.yaml does not know."""
    block_lines: tuple[int, ...]
    """Source line of each body block, in order, as imported."""
    edited: bool
    """The Markdown has been edited by a person since import wrote it."""
    printed_day: tuple[int, int] | None = None
    """(month, day) the source's dateline prints without a year ("TOKYO, August 31. /TASS/.")."""
    printed_meeting_day: tuple[int, int] | None = None
    """(month, day) of the meeting, printed without a year ("summit on Nov. 10")."""
    printed_weekday: int | None = None
    """Weekday (Monday = 0) of the meeting, printed without a date ("on Monday")."""
    announces: bool = False
    """The text speaks of its meeting as still to come (a preview, an arrival report): a day it
    prints without a year is on or before the meeting's, never after it."""
    entered: dt.datetime | None = None
    """When the readout entered the archive (UTC): what the feed dates it by. None in a record
    written before import kept it."""

    @property
    def day_without_year(self) -> tuple[int, int] | None:
        """The day the text prints without a year that places its meeting: the meeting's own,
        else its dateline's."""
        return self.printed_meeting_day or self.printed_day


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or list item of a readout's body, the unit topics attach to."""

    anchor: str
    """Stable id within the readout: derived from the block's own text, so edits
    elsewhere in the readout never move it."""
    kind: BlockKind
    level: int
    """Heading level for headings, list depth (1 = top) for items, 0 otherwise."""
    number: int | None
    """The printed number of an ordered list item; None for bullets and other blocks."""
    text: str
    """Markdown source of the block (inline Markdown for all kinds but "other")."""
    line: int
    """1-based line of the block in the Markdown file."""
    lang: str | None
    """"ru" when the block is written in Cyrillic; None for the site's language."""


@dataclass(frozen=True, slots=True)
class ReadoutFacts:
    """What an account states of itself and of the meeting it reports, as its front matter
    holds it: the importer reads these from a source (importer.reading.ImportedReadout) and load
    reads them back from the Markdown (Readout), so both are made of this one record."""

    publisher: Publisher
    kind: Kind
    published: dt.date | None
    meeting: MeetingFacts
    participants: tuple[str, ...]
    mentioned: tuple[str, ...]
    topics: tuple[str, ...]
    """As in the front matter: filled by import, and a person's edit wins."""


@dataclass(frozen=True, slots=True)
class Readout(ReadoutFacts):
    """One account of a meeting, as loaded from content/readouts/<id>.md."""

    id: str
    title: str
    source: SourceFile | None
    """None for a readout written by hand."""
    imported: ImportRecord | None
    """None for a readout written by hand."""
    blocks: Blocks
    """The body, block by block; the Markdown file itself is copied beside the page."""
    path: SourceRef
    digest: str = ""
    """Hash of the Markdown file and its import record: what cached work on it is keyed by."""
    outlet: str | None = None
    """For publisher "other": the news outlet the text credits ("Interfax"), shown in its place."""
    aliases: tuple[str, ...] = ()
    """Ids the readout was published under before (`aliases:`, written by `readouts rename`):
    each old address leads to this one."""

    @property
    def date(self) -> dt.date | None:
        """The date the readout is filed under: the meeting's, else the publication's."""
        return self.meeting.date or self.published


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    start: dt.date | None
    end: dt.date | None
    """None while the role is held."""

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str | None
    spellings: tuple[str, ...]
    """Every other way the texts write the name ("Lavrov, Sergey Viktorovich", "Лавров")."""
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> str | None:
        """The role held on `day`, or None when unknown."""
        if day is None:
            return None
        for role in self.roles:
            if role.held_on(day):
                return role.title
        return None


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str
    phrases: tuple[str, ...]
    """Wordings that signal the topic, matched case-insensitively on word boundaries;
    `*` stands for any word ending ("island*")."""
    exceptions: tuple[str, ...]
    """Wordings that contain a phrase but mean something else ("Security Council")."""
    main: bool


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    title: str
    names: Mapping[str, tuple[str, ...]]
    """Side ("japan", "russia", "neutral") → the names that side uses."""
    definition: str


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str
    description: str
    base_url: str | None
    language: str
    main_topics: tuple[str, ...]
    output_dir: str
    pagefind: bool = False
    """Also index the site with Pagefind, for large sites served over HTTP (opt-in: slow)."""
    publisher_names: Mapping[str, str] = field(default_factory=dict)
    """Publisher id → the name pages show ("Ministry of Foreign Affairs of Japan")."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything under content/, validated: the input of the link stage."""

    config: SiteConfig
    readouts: tuple[Readout, ...]
    """Sorted by id, so every later stage is independent of file-system order."""
    topics: tuple[Topic, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    published_meetings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Meeting id → the readouts its page held when it was last published (content/addresses.yaml):
    a meeting whose id changed leaves a redirect at its old address."""


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting, and the accounts of it from every publisher."""

    id: str
    date: dt.date | None
    place: str | None
    participants: tuple[str, ...]
    readout_ids: tuple[str, ...]
    format: MeetingFormat | None = None
    preview_ids: tuple[str, ...] = ()
    """Those of readout_ids published before the meeting's day (none when all are): previews and
    announcements, which tell what was planned, not what was said; its page shows them apart."""

    @property
    def account_ids(self) -> tuple[str, ...]:
        """The accounts of what was said: readout_ids but for the previews (read for each of
        20,000 readout and meeting pages a build plans; most meetings have none)."""
        if not self.preview_ids:
            return self.readout_ids
        return tuple(r for r in self.readout_ids if r not in self.preview_ids)


@dataclass(frozen=True, slots=True)
class SiteGraph:
    """The cross-link graph every page is rendered from."""

    corpus: Corpus
    readouts: Mapping[str, Readout]
    chronology: tuple[str, ...]
    """Readout ids, oldest first; undated readouts last, by id."""
    neighbours: Mapping[str, tuple[str | None, str | None]]
    """Readout id → (the dated readout before it, the one after it) in the chronology; (None, None)
    for an undated readout, which has no neighbours by date."""
    block_topics: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Readout id → block anchor → topic ids the block discusses."""
    block_voice: Mapping[str, Mapping[str, Voice]]
    """Readout id → block anchor → whose words the block gives (link/voice.py), for the blocks
    that are not the account's own voice: an anchor it does not list is "own"."""
    quoted: Mapping[str, tuple[tuple[str, str], ...]]
    """Readout id → (topic id, block anchor) for each block a topic page quotes, in body order:
    the blocks that discuss a topic, but not headings. Kept by readout, not by topic, so that a
    build makes no object per quoted block of the site (half a million at 10,000 readouts)."""
    readouts_by_topic: Mapping[str, tuple[str, ...]]
    readouts_by_person: Mapping[str, tuple[str, ...]]
    meetings: Mapping[str, Meeting]
    meeting_of: Mapping[str, str]
    """Readout id → meeting id."""
    related: Mapping[str, tuple[str, ...]]
    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    terms_by_readout: Mapping[str, tuple[str, ...]]
    """Readout id → the glossary terms it uses, under any side's name."""
    term_usage: Mapping[str, Mapping[str, Mapping[str, int]]]
    """Term id → name → publisher → readouts of that publisher that use the name."""
    moved_readouts: Mapping[str, str] = field(default_factory=dict)
    """A readout's old id (an alias) → its id now: the old address redirects to the new."""
    moved_meetings: Mapping[str, str] = field(default_factory=dict)
    """A meeting id published before and gone now → the meeting that holds most of its readouts."""

    def person_name(self, person_id: str) -> str:
        """The name a person is shown by; for an id people.yaml does not know, the id as words
        ("ivan-nobody" → "Ivan Nobody"), so a participant nobody has added still shows."""
        person = self.people.get(person_id)
        return person.name if person is not None else person_id.replace("-", " ").title()


for _cls in (SourceRef, MeetingFacts, SourceFile, Change, ImportRecord, Block, Readout, Role, Person, Topic,
             Term, Meeting):
    pickle_by_fields(_cls)
