"""What the importer reads from one source (ImportedReadout), what it needs from the site
(Context), and the Reading that the fact rules (rules.py) fill in, one rule after another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from readouts.importer.datelines import Dateline
from readouts.importer.document import Change, Document, Line
from readouts.importer.header import Header, TitleChooser
from readouts.importer.structure import MarkdownBody
from readouts.model import Kind, MeetingFacts, Publisher, ReadoutFacts
from readouts.names import NameIndex


@dataclass(frozen=True, slots=True)
class ImportedReadout(ReadoutFacts):
    """What the importer read from one source: the facts the readout's front matter states, as
    load will read them back (ReadoutFacts), and what only the import knows; write.py turns it
    into a .md file and its import record."""

    source_path: str
    title: str | None
    """The document's own headline; None when it prints none (write.py supplies one)."""
    unresolved: tuple[str, ...]
    """Names printed after a title that no entry in people.yaml explains."""
    body: MarkdownBody
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    """What the reader of the import should know: dates left empty and why."""
    lede: str | None
    printed_day: tuple[int, int] | None = None
    """(month, day) the text's dateline prints without a year ("TOKYO, August 31. /TASS/."), kept
    so that another account of the same meeting can later propose the full date."""
    printed_meeting_day: tuple[int, int] | None = None
    printed_weekday: int | None = None
    """The weekday (Monday = 0) the meeting sentence names when the text pins no date ("on Monday")."""
    """(month, day) of the meeting, printed without a year ("Gist of Japan-Russia summit on Nov.
    10"): a day of the meeting, not of the text's publication."""
    outlet: str | None = None
    """The news outlet the text credits ("Interfax", "Jiji Press"), for a publisher of its own."""
    announces: bool = False
    """The text speaks of its meeting as still to come: kept with a day printed without a year,
    which is then on or before the meeting's day, never after it."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the importer needs from the site's registries."""

    names: NameIndex
    topics_of: Callable[[str], tuple[str, ...]]
    """Text → the topic ids it discusses (the link stage's rules)."""


@dataclass(slots=True)
class Reading:
    """One document being read: what the adapter gave, and each fact as a rule decides it.

    Like markdown-it's core state, it is filled in place by rules run in a fixed order
    (rules.RULES); a rule reads only what the rules before it decided."""

    doc: Document
    context: Context
    publisher: Publisher
    default_kind: Kind
    choose_title: TitleChooser
    changes: list[Change] = field(default_factory=list)
    """What was removed or normalised, for the import record."""
    notes: list[str] = field(default_factory=list)
    header: Header | None = None
    title: str | None = None
    deck: str | None = None
    """The deck (standfirst) under a news headline, removed from the text (captions.deck_under)."""
    used: set[int] = field(default_factory=set)
    """Numbers of the header lines the title and the date were taken from."""
    published: dt.date | None = None
    body_lines: list[Line] = field(default_factory=list)
    """The lines of the text proper, with the header lines that open it."""
    paragraphs: list[str] = field(default_factory=list)
    story: Dateline | None = None
    """A news story's dateline, at the start of its first paragraph."""
    story_day: dt.date | None = None
    """The day the dateline prints, near the published date (years.story_day)."""
    printed_day: tuple[int, int] | None = None
    printed_meeting_day: tuple[int, int] | None = None
    printed_weekday: int | None = None
    """The weekday (Monday = 0) the meeting sentence names when the text pins no date ("on Monday")."""
    prose: list[str] = field(default_factory=list)
    """The paragraphs of running text."""
    lede: str | None = None
    follow: str | None = None
    """The sentence after the lede (in its paragraph or the next)."""
    meeting_sentence: str | None = None
    strong_meeting: bool = False
    """Whether the meeting sentence says so with a strong word (met, talks) rather than "visit"."""
    announces: bool = False
    headline_of_outcome: bool = False
    """Whether the headline tells what a meeting held agreed on for later ("Путин и Абэ встретятся
    в мае" over the ministers' talks that announced it): it names neither who met nor where."""
    meeting_format: str | None = None
    is_phone: bool = False
    kind: Kind = "readout"
    meeting_date: dt.date | None = None
    participants: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    occasion: str | None = None
    occasion_city: str | None = None
    place: str | None = None
    duration: int | None = None
    body: MarkdownBody | None = None
    topics: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    outlet: str | None = None

    @property
    def counted_from(self) -> dt.date | None:
        """The day "on Saturday" and "yesterday" count from: the story's dateline's, else the page's."""
        return self.story_day or self.published

    @property
    def headline_and_deck(self) -> str | None:
        """The headline, and the deck under it when there is one: both name who met and where."""
        if self.headline_of_outcome:
            return None
        return " — ".join(filter(None, (self.title, self.deck))) or None

    @property
    def meeting_context(self) -> str:
        """The headline, the deck under it, the opening sentence and the meeting sentence: where
        the meeting's own occasion, place and duration are stated."""
        # the lede is often the meeting sentence itself: said once, a length is counted once
        return " ".join(dict.fromkeys(t for t in (self.headline_and_deck, self.lede, self.meeting_sentence) if t))

    def result(self) -> ImportedReadout:
        assert self.body is not None, "the body rule runs before the result is taken"
        return ImportedReadout(
            source_path=self.doc.path, title=self.title, publisher=self.publisher, kind=self.kind,
            published=self.published,
            meeting=MeetingFacts(self.meeting_date, self.place, self.occasion, self.duration,
                                 format=self.meeting_format),  # type: ignore[arg-type]
            participants=tuple(self.participants), mentioned=tuple(self.mentioned),
            unresolved=self.unresolved, topics=self.topics, body=self.body,
            changes=tuple(sorted(self.changes, key=lambda c: c.line)), notes=tuple(self.notes), lede=self.lede,
            # a day without a year is kept only while a date is missing that it could fill in
            printed_day=self.printed_day if self.published is None or self.meeting_date is None else None,
            printed_meeting_day=self.printed_meeting_day if self.meeting_date is None else None,
            printed_weekday=self.printed_weekday if self.meeting_date is None else None,
            outlet=self.outlet, announces=self.announces and self.meeting_date is None)
