"""One content/readouts/<id>.md and its import record → Readout, validated.

load.py reads every readout with this; import reads the front matter with split_front_matter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from readouts.blocks import parse_blocks
from readouts.errors import ReadoutsError
from readouts.model import (
    KINDS,
    MEETING_FORMATS,
    Blocks,
    Change,
    ImportRecord,
    MeetingFacts,
    Readout,
    SourceFile,
    SourceRef,
)
from readouts.provenance import Provenance
from readouts.publishers import PUBLISHERS
from readouts.registries import ID, text_field, why_not_id
from readouts.yamlio import Lines, decode_utf8, load_yaml, parse_date

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)

READOUT_KEYS = ("id", "title", "publisher", "outlet", "kind", "published", "meeting", "participants",
                "mentioned", "topics", "source", "aliases")
MEETING_KEYS = ("date", "place", "format", "occasion", "duration_minutes", "id", "date_supplied", "supplied_from")


def split_front_matter(text: str, path: str) -> tuple[str, str, int]:
    """(front matter YAML, body, the body's first line number)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ReadoutsError("expected the file to start with front matter between `---` lines", path, 1,
                            hint="see content/readouts/ for an example of a readout file")
    body_line = text[: match.end()].count("\n") + 1
    return match.group(1), text[match.end():], body_line


def readout_digest(raw: bytes, record: bytes | None) -> str:
    """What a loaded readout depends on: its Markdown and its import record, byte for byte."""
    digest = hashlib.blake2b(raw, digest_size=16)
    digest.update(b"\x00" + (record or b""))
    return digest.hexdigest()


def record_file(md_file: str) -> str:
    """content/readouts/<id>.md → content/provenance/<id>.json, as plain strings (per readout)."""
    folder, name = os.path.split(md_file)
    return os.path.join(os.path.dirname(folder), "provenance", os.path.splitext(name)[0] + ".json")


def _record_path(md_path: Path) -> Path:
    return Path(record_file(os.fspath(md_path)))


def load_readout(path: Path, raw: bytes | None = None, record: bytes | None = None) -> Readout:
    """One content/readouts/<id>.md → Readout; `raw` and `record` are the file's and its
    import record's bytes when the caller has read them already."""
    name = str(path)
    if raw is None:
        raw = path.read_bytes()
        record_path = _record_path(path)
        record = record_path.read_bytes() if record_path.exists() else None
    text = _readout_text(raw, name)
    yaml_text, body, body_line = split_front_matter(text, name)
    data = _front_matter(yaml_text, name)
    # Checked in the order a person reads the front matter; the first problem is the one shown.
    readout_id = _readout_id(data, path)
    aliases = _aliases(data, readout_id, name)
    title = text_field(data, "title", path, required=True)
    publisher = _choice(data, "publisher", tuple(PUBLISHERS), "other", name)
    kind = _choice(data, "kind", KINDS, "readout", name)
    meeting, facts = _meeting(data, name)
    source = _source_file(data, name)
    return Readout(
        id=readout_id, title=title, publisher=publisher, kind=kind,  # type: ignore[arg-type]
        published=parse_date(data.get("published"), name, data.line_of("published")),
        meeting=MeetingFacts(
            **facts, place=text_field(meeting, "place", path) or None,
            occasion=text_field(meeting, "occasion", path) or None,
            format=_optional_choice(meeting, "format", MEETING_FORMATS, name)),  # type: ignore[arg-type]
        participants=_ids(data, "participants", name), mentioned=_ids(data, "mentioned", name),
        topics=_ids(data, "topics", name), source=source,
        imported=load_import_record(_record_path(path), record, text),
        blocks=Blocks(parse_blocks(body, body_line)), path=SourceRef(name, 1),
        digest=readout_digest(raw, record), outlet=text_field(data, "outlet", path) or None,
        aliases=aliases)


def _aliases(data: Lines, readout_id: str, name: str) -> tuple[str, ...]:
    """The ids the readout had before (`aliases:`), each an id, none its own id now."""
    aliases = _ids(data, "aliases", name, example="undated-tass-talks-in-moscow")
    for alias in aliases:
        if alias == readout_id:
            raise ReadoutsError(f"the alias {alias!r} is the readout's own id", name, data.line_of("aliases"),
                                hint="aliases lists the ids it had before; remove this one")
        if aliases.count(alias) > 1:
            raise ReadoutsError(f"the alias {alias!r} is listed twice", name, data.line_of("aliases"))
    return aliases


def _readout_text(raw: bytes, name: str) -> str:
    """The file's text with its line breaks made "\\n"; one holding a control character is refused."""
    # "utf-8-sig": editors on Windows start files with a byte-order mark.
    text = decode_utf8(raw, name).replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        # A NUL or an escape code is no part of a readout's text: it came from a binary file or a
        # terminal, and would go on into every page, feed and calendar made from it.
        raise ReadoutsError(f"the file holds a control character ({ord(control.group()):#04x})", name,
                            text.count("\n", 0, control.start()) + 1,
                            hint="delete it: text holds no control characters but tabs and line breaks")
    return text


def _front_matter(yaml_text: str, name: str) -> Lines:
    """The front matter's keys, each one known."""
    data = load_yaml(yaml_text, name, first_line=2)
    if not isinstance(data, Lines):
        raise ReadoutsError("expected the front matter to be keys like `title: …`", name, 2)
    for key in data:
        if key not in READOUT_KEYS:
            raise ReadoutsError(f"unknown key {key!r}; expected one of: {', '.join(READOUT_KEYS)}",
                                name, data.line_of(key))
    return data


def _readout_id(data: Lines, path: Path) -> str:
    """The id: the file's name, which `id:`, when given, must repeat."""
    name = str(path)
    readout_id = data.get("id", path.stem)
    if not isinstance(readout_id, str) or not ID.fullmatch(readout_id):
        raise ReadoutsError("expected an id of lower-case letters, digits and hyphens, "
                            f"got {readout_id!r}{why_not_id(readout_id)}",
                            name, data.line_of("id"))
    if readout_id != path.stem:
        raise ReadoutsError(f"the id {readout_id!r} differs from the file name {path.stem!r}", name,
                            data.line_of("id"), hint=f"rename the file to {readout_id}.md")
    return readout_id


def _meeting(data: Lines, name: str) -> tuple[Lines, dict[str, Any]]:
    """The `meeting:` mapping, and the facts of it whose checks come before the source's: its
    duration, id and dates."""
    meeting = data.get("meeting") or Lines()
    if not isinstance(meeting, Lines):
        raise ReadoutsError("meeting must hold date, place, format, occasion, duration_minutes, id, "
                            "date_supplied, supplied_from", name,
                            data.line_of("meeting"))
    for key in meeting:
        if key not in MEETING_KEYS:
            raise ReadoutsError(f"unknown meeting key {key!r}; expected one of: {', '.join(MEETING_KEYS)}",
                                name, meeting.line_of(key))
    duration = meeting.get("duration_minutes")
    if duration is not None and (not isinstance(duration, int) or isinstance(duration, bool) or duration <= 0):
        raise ReadoutsError(f"expected duration_minutes as a whole number of minutes, got {duration!r}",
                            name, meeting.line_of("duration_minutes"))
    meeting_id = meeting.get("id")
    if meeting_id is not None and (not isinstance(meeting_id, str) or not ID.fullmatch(meeting_id)):
        raise ReadoutsError("expected a meeting id of lower-case letters, digits and hyphens, "
                            f"got {meeting_id!r}{why_not_id(meeting_id)}",
                            name, meeting.line_of("id"))
    printed_date, supplied, supplied_from = _meeting_dates(meeting, name)
    return meeting, {"date": printed_date, "date_supplied": supplied, "supplied_from": supplied_from,
                     "duration_minutes": duration, "meeting_id": meeting_id}


def _meeting_dates(meeting: Lines, name: str) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(the date the text prints, a date supplied from elsewhere, where that one comes from)."""
    printed_date = parse_date(meeting.get("date"), name, meeting.line_of("date"))
    supplied = parse_date(meeting.get("date_supplied"), name, meeting.line_of("date_supplied"))
    if supplied is not None and printed_date is not None:
        raise ReadoutsError("the meeting has a date: and a date_supplied:; a text that prints its date needs no "
                            "supplied one", name, meeting.line_of("date_supplied"),
                            hint="keep date: for a date the text prints, date_supplied: for one taken from "
                                 "elsewhere, and remove the other")
    supplied_from = meeting.get("supplied_from")
    if supplied_from is not None and not (isinstance(supplied_from, str) and supplied_from.strip()):
        raise ReadoutsError(f"expected supplied_from as text saying where the date comes from, got {supplied_from!r}",
                            name, meeting.line_of("supplied_from"))
    if supplied_from is not None and supplied is None:
        raise ReadoutsError("supplied_from: says where a supplied date comes from, but there is no date_supplied:",
                            name, meeting.line_of("supplied_from"),
                            hint="add date_supplied: 2019-09-25 (the date), or remove supplied_from:")
    return printed_date, supplied, supplied_from.strip() if supplied_from else None


def _source_file(data: Lines, name: str) -> SourceFile | None:
    """The `source:` mapping: the raw file the readout was imported from, and where it was published."""
    source = data.get("source")
    if source is None:
        return None
    if not isinstance(source, Lines) or not isinstance(source.get("file"), str):
        raise ReadoutsError("source must give file: and sha256:", name, data.line_of("source"))
    if not re.fullmatch(r"sources/[^/\\\x00]+", source["file"]) or ".." in source["file"]:
        raise ReadoutsError(f"expected source file as sources/<name>, got {source['file']!r}", name,
                            source.line_of("file"))
    url = source.get("url")
    if url is not None and not (isinstance(url, str) and re.fullmatch(r"https?://[^\s<>\"]+", url)):
        raise ReadoutsError(f"expected source url as an http:// or https:// address, got {url!r}", name,
                            source.line_of("url"))
    return SourceFile(file=source["file"], sha256=str(source.get("sha256") or ""), url=url)


def _month_day(value: object) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    return None


def _weekday(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6 else None


def _instant(value: object) -> dt.datetime | None:
    """"2026-12-06T09:40:12Z" → an aware datetime in UTC; a value that is not one raises ValueError."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected entered as a time like 2026-12-06T09:40:12Z, got {value!r}")
    # Python 3.10's fromisoformat does not read the "Z" the record writes
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"expected entered with its time zone, like 2026-12-06T09:40:12Z, got {value!r}")
    return moment.astimezone(dt.timezone.utc)


def load_import_record(path: Path, record: bytes | None, md_text: str) -> ImportRecord | None:
    """content/provenance/<id>.json, the import record of a readout, if import wrote one."""
    if record is None:
        return None
    try:
        # the importer's own reader, so that load and import agree on what a record is
        provenance = Provenance.parse(record.decode("utf-8"))
        changes = tuple(Change(int(c["line"]), str(c["action"]), str(c["what"]), str(c["why"]))
                        for c in provenance.changes)
        return ImportRecord(
            adapter=str(provenance.adapter), changes=changes,
            notes=tuple(map(str, provenance.notes)),
            unresolved=tuple(map(str, provenance.unresolved)),
            block_lines=tuple(int(n) for n in provenance.block_lines),
            edited=hashlib.sha256(md_text.encode("utf-8")).hexdigest() != provenance.written_sha256,
            printed_day=_month_day(provenance.printed_day),
            printed_meeting_day=_month_day(provenance.printed_meeting_day),
            printed_weekday=_weekday(provenance.printed_weekday), announces=provenance.announces is True,
            entered=_instant(provenance.entered))
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise ReadoutsError(f"the import record is damaged ({exc.__class__.__name__}: {exc})", str(path),
                            hint="delete it: the readout then counts as written by hand") from None


def _choice(data: Lines, key: str, allowed: tuple[str, ...], default: str, name: str) -> str:
    value = data.get(key, default)
    if value not in allowed:
        raise ReadoutsError(f"expected {key} to be one of: {', '.join(allowed)}; got {value!r}", name,
                            data.line_of(key))
    return str(value)


def _optional_choice(data: Lines, key: str, allowed: tuple[str, ...], name: str) -> str | None:
    """An empty value means the text does not say."""
    return None if data.get(key) is None else _choice(data, key, allowed, "", name)


def _ids(data: Lines, key: str, name: str, example: str = "sergey-lavrov") -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and ID.fullmatch(v) for v in value):
        raise ReadoutsError(f"expected {key} as a list of ids like [{example}], got {value!r}", name,
                            data.line_of(key))
    return tuple(value)


def aliases_in_files(folder: Path, skip: str | None = None,
                     among: set[str] | None = None) -> dict[str, tuple[Path, int | None]]:
    """Old id → (the readout file whose `aliases:` hold it, the line), for every readout in `folder` but
    `skip` (only those whose ids are `among`, when given): an id an address still leads to is not
    free for a new readout. Only files that mention aliases are parsed (most readouts were never
    renamed); a file that cannot be read is left to the build to report."""
    found: dict[str, tuple[Path, int | None]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        if path.stem == skip or path.name.startswith(".") or (among is not None and path.stem not in among):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            if "aliases" not in text:
                continue
            yaml_text, _, _ = split_front_matter(text.replace("\r\n", "\n"), str(path))
            value = load_yaml(yaml_text, str(path), first_line=2)
        except (OSError, ReadoutsError):
            continue
        aliases = value.get("aliases") if isinstance(value, Lines) else None
        if isinstance(aliases, list):
            line = value.line_of("aliases")
            found.update((alias, (path, line)) for alias in aliases if isinstance(alias, str))
    return found
