"""meetings.ics: each dated meeting as an all-day event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from operator import attrgetter

from readouts.link.changes import GraphChanges
from readouts.model import Meeting, SiteGraph
from readouts.render import urls
from readouts.render.context import FORMAT_KICKERS, credited_to
from readouts.render.depends import digest, digest_of_fields
from readouts.render.exports.common import PRODID, Fragments, _made_from, keys_digest
from readouts.render.exports.feeds import _EPOCH, entry_instants
from readouts.render.exports.ical_lines import content_lines, escaped_text
from readouts.render.output import OutputFile

EVENT_KEYS = "ics-keys"
"""The calendar's event keys are kept among the pieces, one a line in its order, under this and
the calendar's fingerprint (which is a digest of them), for the next build (_kept_event_keys): a
piece's key names what it holds, so the cache writes a part again when its keys change."""


def meetings_calendar_file(graph: SiteGraph, fragments: Fragments,
                           entered: Mapping[str, dt.datetime | None] | None = None,
                           changes: GraphChanges | None = None, manifest: Mapping[str, str] | None = None
                           ) -> OutputFile:
    """meetings.ics, made from the site's title and each dated meeting's event. `entered`: each
    readout's entry instant, when worked out already (feeds.entry_instants); `changes`: what link
    says changed since the build whose fingerprints `manifest` holds (only the events of the
    meetings it names are keyed again)."""
    # By day, then id: sorted by id, then stably by day (a key of two attributes was a tuple per meeting).
    dated = sorted((m for m in graph.meetings.values() if m.date), key=attrgetter("id"))
    dated.sort(key=attrgetter("date"))
    title = graph.corpus.config.title
    settings = digest((graph.corpus.config, graph.corpus.people))
    keys = _kept_event_keys(graph, dated, settings, fragments, changes, manifest)
    if keys is None:
        keys = [_event_key(graph, settings, m) for m in dated]
    fragments.use(keys)
    fingerprint = keys_digest("ics", title, keys=keys)
    fragments.get(f"{EVENT_KEYS} {fingerprint}", lambda: "\n".join(keys).encode("utf-8"))
    return OutputFile(urls.MEETINGS_ICS, fingerprint,
                      partial(meetings_calendar, graph, title, dated, keys, fragments, entered))


def _kept_event_keys(graph: SiteGraph, dated: list[Meeting], settings: str, fragments: Fragments,
                     changes: GraphChanges | None, manifest: Mapping[str, str] | None) -> list[str] | None:
    """The events' keys, those of the meetings `changes` does not name taken from the keys of the
    calendar `manifest` fingerprints (the last build's, which `changes` are measured from) when
    that calendar was keyed under the same settings. Else None: key every event. Keying every
    dated meeting took 0.012 s of adding one readout at 10,000, which changes one or two."""
    if changes is None or manifest is None or urls.MEETINGS_ICS not in manifest:
        return None
    kept = fragments.store.get(f"{EVENT_KEYS} {manifest[urls.MEETINGS_ICS]}")
    if not kept:
        return None
    lines = kept.decode("utf-8").split("\n")
    prefix = f"ics:{settings} "
    if not all(line.startswith(prefix) for line in lines):
        return None
    before = {line.split(" ", 2)[1]: line for line in lines}
    named = changes.meetings
    return [_event_key(graph, settings, m) if m.id in named or m.id not in before else before[m.id] for m in dated]


def _event_key(graph: SiteGraph, settings: str, m: Meeting) -> str:
    """What a meeting's event follows from: the meeting's own fields and its accounts' bytes
    (their titles, publishers and the instants they entered the archive follow from these), with
    the settings and people.yaml (the address, the publishers' and people's names: `settings`).
    Keyed so, not by what the event shows: working out every event's summary and accounts took
    most of the time of this file (0.04 s at 10,000), though a new readout changes one event. The
    key is those words themselves (ids of letters, digits and dashes, hex digests, the day's
    ordinal, then the place and format quoted), not a digest of them: digesting each meeting's
    tuple took 0.03 s at 10,000."""
    assert m.date is not None
    readouts = graph.readouts
    ids = m.readout_ids
    if len(ids) == 1:  # most meetings: no list to make
        made_from = readouts[ids[0]].digest
        known = bool(made_from)
    else:
        digests = [readouts[r].digest for r in ids]
        made_from, known = ",".join(digests), all(digests)
    if known:
        return (f"ics:{settings} {m.id} {m.date.toordinal()} {','.join(m.participants)} "
                f"{','.join(ids)} {made_from} {m.place!r} {m.format!r}")
    # an account made in memory stands for itself
    return "ics* " + digest_of_fields((settings, m.id, m.date.toordinal(), m.place, m.format, m.participants,
                                       m.readout_ids, tuple([_made_from(readouts[r]) for r in m.readout_ids])))


def _calendar_summary(graph: SiteGraph, meeting: Meeting) -> str:
    """"Lavrov – Kono: telephone talk": who met, by family name (people.yaml gives the given name
    first), and how, as a calendar's one line shows it."""
    names = " – ".join(graph.person_name(p).split()[-1] for p in meeting.participants)
    kind = FORMAT_KICKERS.get(meeting.format or "", "Meeting")
    kind = kind[0].lower() + kind[1:]
    return f"{names}: {kind}" if names else kind[0].upper() + kind[1:]


def meetings_calendar(graph: SiteGraph, title: str, dated: list[Meeting], keys: list[str], fragments: Fragments,
                      entered: Mapping[str, dt.datetime | None] | None = None) -> bytes:
    """meetings.ics: one all-day event per dated meeting, oldest first.

    The calendar's own lines (kept by the title), then each event's text (unchanged events from
    `fragments`)."""
    head = fragments.get(fragments.key(("ics-head", PRODID, title)), partial(_calendar_head, title))
    known = entry_instants(graph) if entered is None else entered
    assert len(keys) == len(dated)
    events = fragments.joined(keys, lambda index: _event_of(graph, dated[index], known))
    return head + events + b"END:VCALENDAR\r\n"


def _calendar_head(title: str) -> bytes:
    """The calendar's lines before its events, as icalendar writes them (the end is one line)."""
    import icalendar  # here, not above: most builds keep the head and write no new event with it

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _ical_text(title))
    head, end = bytes(calendar.to_ical()).rsplit(b"END:VCALENDAR", 1)
    assert end == b"\r\n"
    return head


def _event_of(graph: SiteGraph, meeting: Meeting, entered: Mapping[str, dt.datetime | None]) -> bytes:
    """A meeting's event: its summary, its accounts as "title (publisher)", its page's address
    (none without base_url) and its DTSTAMP, the instant its newest account entered."""
    accounts = [f"{graph.readouts[r].title} ({credited_to(graph, graph.readouts[r])})" for r in meeting.readout_ids]
    # A calendar is read away from the site, where a relative address leads nowhere.
    base_url = graph.corpus.config.base_url
    url = f"{base_url}{urls.meeting_path(meeting.id)}" if base_url else None
    stamp = max((d for r in meeting.readout_ids if (d := entered[r])), default=_EPOCH)
    return _event(meeting, _calendar_summary(graph, meeting), accounts, url, stamp)


_ICAL_CONTROLS = dict.fromkeys([*range(9), *range(11, 32), 0x7f, *range(0x80, 0xa0)], None)
"""What an iCalendar text may not hold (RFC 5545, 3.3.11): control characters but the tab; a line
break is written as \\n. A title in front matter can hold them ("\\e[31m", "\\r" in quotes), and a
raw carriage return would end the line early."""


def _ical_text(text: str) -> str:
    return text.translate(_ICAL_CONTROLS)


def _event(meeting: Meeting, summary: str, accounts: list[str], url: str | None, stamp: dt.datetime) -> bytes:
    """A meeting's event as icalendar writes it: its properties in icalendar's order (summary,
    start, end, stamp and uid, then the others by name), text escaped and lines folded as it
    does (ical_lines.py). Written here rather than by icalendar, whose import took 0.03–0.05 s
    of a new readout's build at 10,000, as much as the rest of the calendar;
    tests/render/test_exports.py compares the two byte for byte. A stamp not in UTC, a day
    that is a datetime or an address with a line break is left to icalendar."""
    day = meeting.date
    assert day is not None
    if type(day) is not dt.date or stamp.tzinfo is not dt.timezone.utc or (url and not url.isprintable()):
        return _event_by_icalendar(meeting, summary, accounts, url, stamp)
    end = day + dt.timedelta(days=1)
    # When the event last changed as far as the archive knows: the instant its newest account
    # entered (import records keep it; SOURCE_DATE_EPOCH stands for the clock), never the build's
    # time, so two builds write the same bytes and a new account updates the event.
    lines = [
        "BEGIN:VEVENT",
        "SUMMARY:" + escaped_text(_ical_text(summary)),
        f"DTSTART;VALUE=DATE:{day.year:04}{day.month:02}{day.day:02}",
        f"DTEND;VALUE=DATE:{end.year:04}{end.month:02}{end.day:02}",
        f"DTSTAMP:{stamp.year:04}{stamp.month:02}{stamp.day:02}T{stamp.hour:02}{stamp.minute:02}{stamp.second:02}Z",
        "UID:" + escaped_text(f"{meeting.id}@readouts"),
        "DESCRIPTION:" + escaped_text(_ical_text("Accounts:\n" + "\n".join(f"- {a}" for a in accounts))),
    ]
    if meeting.place:
        lines.append("LOCATION:" + escaped_text(_ical_text(meeting.place)))
    if url:
        lines.append("URL:" + url)
    lines.append("END:VEVENT")
    return content_lines(lines)


def _event_by_icalendar(meeting: Meeting, summary: str, accounts: list[str], url: str | None,
                        stamp: dt.datetime) -> bytes:
    assert meeting.date is not None
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@readouts")
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
