"""meetings.ics: each dated meeting as an all-day event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial

from readouts.model import Meeting, SiteGraph
from readouts.render import urls
from readouts.render.context import FORMAT_KICKERS, credited_to
from readouts.render.depends import digest
from readouts.render.exports.common import PRODID, Fragments
from readouts.render.exports.feeds import _EPOCH, entry_instants
from readouts.render.output import OutputFile

CalendarEvent = tuple[Meeting, str, list[str], str | None, dt.datetime]
"""What a meeting's event is made from: the meeting, its summary ("Lavrov – Kono: telephone talk"),
its accounts as "title (publisher)", its page's address (None without base_url) and its DTSTAMP."""


def meetings_calendar_file(graph: SiteGraph, fragments: Fragments,
                           entered: Mapping[str, dt.datetime | None] | None = None) -> OutputFile:
    """meetings.ics, made from the site's title and each dated meeting's event. `entered`: each
    readout's entry instant, when worked out already (feeds.entry_instants)."""
    events = _calendar_events(graph, entry_instants(graph) if entered is None else entered)
    # Keyed by what _event shows, not the Meeting itself: its repr is made in Python, field by
    # field, and 10,000 of them took most of the time of this file.
    # The day and the stamp as their reprs: text and numbers alone are digested quicker (Fragments.key).
    keys = [fragments.key(("ics", meeting.id, repr(meeting.date), meeting.place, summary, accounts, url,
                           repr(stamp))) for meeting, summary, accounts, url, stamp in events]
    title = graph.corpus.config.title
    return OutputFile(urls.MEETINGS_ICS, digest((title, keys)),
                      partial(meetings_calendar, title, events, keys, fragments))


def _calendar_events(graph: SiteGraph, entered: Mapping[str, dt.datetime | None]) -> list[CalendarEvent]:
    """Every dated meeting, oldest first, with what its event shows."""
    dated = sorted((m for m in graph.meetings.values() if m.date), key=lambda m: (m.date, m.id))
    base_url = graph.corpus.config.base_url
    events = []
    for meeting in dated:
        accounts = [f"{graph.readouts[r].title} ({credited_to(graph, graph.readouts[r])})"
                    for r in meeting.readout_ids]
        # A calendar is read away from the site, where a relative address leads nowhere.
        url = f"{base_url}{urls.meeting_path(meeting.id)}" if base_url else None
        stamp = max((d for r in meeting.readout_ids if (d := entered[r])), default=_EPOCH)
        events.append((meeting, _calendar_summary(graph, meeting), accounts, url, stamp))
    return events


def _calendar_summary(graph: SiteGraph, meeting: Meeting) -> str:
    """"Lavrov – Kono: telephone talk": who met, by family name (people.yaml gives the given name
    first), and how, as a calendar's one line shows it."""
    names = " – ".join(graph.person_name(p).split()[-1] for p in meeting.participants)
    kind = FORMAT_KICKERS.get(meeting.format or "", "Meeting")
    kind = kind[0].lower() + kind[1:]
    return f"{names}: {kind}" if names else kind[0].upper() + kind[1:]


def meetings_calendar(title: str, events: list[CalendarEvent], keys: list[str], fragments: Fragments) -> bytes:
    """meetings.ics: one all-day event per dated meeting, oldest first.

    The calendar's own lines, then each event's text (unchanged events from `fragments`)."""
    import icalendar  # here, not above: most builds do not write the calendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _ical_text(title))
    head, end = bytes(calendar.to_ical()).rsplit(b"END:VCALENDAR", 1)
    pieces = [fragments.get(key, partial(_event, *event)) for event, key in zip(events, keys, strict=True)]
    return head + b"".join(pieces) + b"END:VCALENDAR" + end


_ICAL_CONTROLS = dict.fromkeys([*range(9), *range(11, 32), 0x7f, *range(0x80, 0xa0)], None)
"""What an iCalendar text may not hold (RFC 5545, 3.3.11): control characters but the tab; a line
break is written as \\n. A title in front matter can hold them ("\\e[31m", "\\r" in quotes), and a
raw carriage return would end the line early."""


def _ical_text(text: str) -> str:
    return text.translate(_ICAL_CONTROLS)


def _event(meeting: Meeting, summary: str, accounts: list[str], url: str | None, stamp: dt.datetime) -> bytes:
    assert meeting.date is not None
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@readouts")
    # When the event last changed as far as the archive knows: the instant its newest account
    # entered (import records keep it; SOURCE_DATE_EPOCH stands for the clock), never the build's
    # time, so two builds write the same bytes and a new account updates the event.
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.date)
    event.add("dtend", meeting.date + dt.timedelta(days=1))
    event.add("summary", _ical_text(summary))
    if meeting.place:
        event.add("location", _ical_text(meeting.place))
    event.add("description", _ical_text("Accounts:\n" + "\n".join(f"- {a}" for a in accounts)))
    if url:
        event.add("url", url)
    return bytes(event.to_ical())
