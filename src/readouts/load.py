"""content/ → Corpus: every readout's front matter and body, and the YAML registries, validated.

Errors are collected across all files before stopping, so the user fixes them all in one pass.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from pathlib import Path
from typing import Any

from readouts.blocks import parse_blocks
from readouts.cache import settled_signature
from readouts.config import load_config
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.model import (
    KINDS,
    MEETING_FORMATS,
    Blocks,
    Change,
    Corpus,
    ImportRecord,
    MeetingFacts,
    Person,
    Readout,
    Role,
    SourceFile,
    SourceRef,
    Term,
    Topic,
)
from readouts.parallel import map_in_workers
from readouts.paths import check_link, listed_file
from readouts.provenance import Provenance
from readouts.publishers import PUBLISHERS
from readouts.yamlio import Lines, decode_utf8, load_yaml, parse_date, read_yaml_file

ID = re.compile(r"(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:-|$)|index$)[a-z0-9][a-z0-9-]{0,120}")
"""An id: it names files, so it is lower-case letters, digits and hyphens, never a name Windows
reserves for devices ("con", "nul"), and never "index", the name of each folder's list page."""
def _why(value: object) -> str:
    return " (a folder's list page is called index)" if value == "index" else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)

READOUT_KEYS = ("id", "title", "publisher", "outlet", "kind", "published", "meeting", "participants",
                "mentioned", "topics", "source")
MEETING_KEYS = ("date", "place", "format", "occasion", "duration_minutes", "id", "date_supplied", "supplied_from")


CachedReadout = tuple[str, Readout, "tuple[object, ...] | None"]
"""(digest, Readout, the signature of its files when they were last looked at), by file."""


def load_corpus(root: Path, cache: dict[str, CachedReadout] | None = None) -> Corpus:
    """Load the whole site's content; raises ReadoutsErrors listing every problem found.

    `cache` maps a readout file to (digest, Readout, signature) from an earlier build: a file
    whose bytes (and import record's) are unchanged is not parsed again, and one whose size and
    times are unchanged is not even read. It is updated in place.
    """
    config = load_config(root)
    content = root / "content"
    errors: list[ReadoutsError] = []

    def attempt(fn, *args):  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        except ReadoutsErrors as many:
            errors.extend(many.errors)
        except ReadoutsError as error:
            errors.append(error)
        return None

    topics = attempt(load_topics, content / "topics.yaml") or ()
    people = attempt(load_people, content / "people.yaml") or ()
    terms = attempt(load_terms, content / "glossary.yaml") or ()
    readouts: list[Readout] = []
    seen: set[str] = set()
    to_parse: list[tuple[Path, bytes, bytes | None]] = []
    looked_at = time.time_ns()
    signatures: dict[str, tuple[object, ...] | None] = {}
    # Plain strings, not Paths: this runs for every readout on every build.
    folder = os.fspath(content / "readouts")
    for name in _markdown_names(root, folder):
        key = os.path.join(folder, name)
        seen.add(key)
        record_key = _record_file(key)
        signature = signatures[key] = _signature(key, record_key, looked_at)
        known = cache.get(key) if cache is not None else None
        if known is not None and signature is not None and known[2] == signature:
            readouts.append(known[1])  # not read: neither file changed since it was cached
            continue
        path, record_path = Path(key), Path(record_key)
        raw = path.read_bytes()
        record = record_path.read_bytes() if record_path.exists() else None
        if known is not None and known[0] == readout_digest(raw, record):
            readouts.append(known[1])
            assert cache is not None
            cache[key] = (known[0], known[1], signature)
        else:
            to_parse.append((path, raw, record))
    for parsed in map_in_workers(_parse_readout, to_parse):
        if isinstance(parsed, Readout):
            readouts.append(parsed)
            if cache is not None:
                cache[parsed.path.path] = (parsed.digest, parsed, signatures.get(parsed.path.path))
        else:
            errors.extend(parsed.errors if isinstance(parsed, ReadoutsErrors) else [parsed])
    if cache is not None:
        for gone in set(cache) - seen:
            del cache[gone]
    errors.extend(_check_ids(readouts, topics, config.main_topics, root))
    if errors:
        raise ReadoutsErrors(errors)
    return Corpus(config=config, readouts=tuple(sorted(readouts, key=lambda r: r.id)),
                  topics=tuple(topics), people=tuple(people), terms=tuple(terms))


def _markdown_names(root: Path, folder: str) -> list[str]:
    """The names of the Markdown files in a folder, sorted; hidden ones (an editor's lock or
    backup copy) are not readouts. A link leading outside the site, or looping, is refused."""
    check_link(root, folder)
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.name.endswith(".md") and not e.name.startswith(".")
                          and listed_file(root, e))
    except FileNotFoundError:
        return []


def _signature(path: str, record_path: str, looked_at: int) -> tuple[object, ...] | None:
    """What the file system says of a readout file and its import record — size, modification
    and change time, inode — to tell an unchanged file without reading it; None when either
    changed too recently to tell."""
    signature: list[object] = []
    for file in (path, record_path):
        try:
            stat = os.stat(file)
        except FileNotFoundError:
            signature.append(None)
            continue
        settled = settled_signature(stat, looked_at)
        if settled is None:
            return None
        signature.append(settled)
    return tuple(signature)


def _parse_readout(item: tuple[Path, bytes, bytes | None]) -> Readout | ReadoutsError:
    """load_readout for one file, its error returned rather than raised (it may run in a worker)."""
    try:
        return load_readout(*item)
    except ReadoutsError as error:
        return error


def _check_ids(readouts: list[Readout], topics: tuple[Topic, ...], main_topics: tuple[str, ...],
               root: Path) -> list[ReadoutsError]:
    errors = []
    seen: dict[str, Readout] = {}
    topic_ids = {t.id for t in topics}
    for readout in readouts:
        if readout.id in seen:
            errors.append(ReadoutsError(
                f"the id {readout.id!r} is already used by {seen[readout.id].path.path}",
                readout.path.path, readout.path.line, hint="give one of them another id"))
        seen[readout.id] = readout
        for topic in readout.topics:
            if topic not in topic_ids:
                errors.append(ReadoutsError(f"unknown topic {topic!r}", readout.path.path, readout.path.line,
                                            hint=f"add {topic!r} to content/topics.yaml or remove it here"))
    for topic in main_topics:
        if topic not in topic_ids:
            errors.append(ReadoutsError(f"main topic {topic!r} is not in content/topics.yaml",
                                        str(root / "site.yaml")))
    return errors


def _expect_list(data: Any, path: Path, what: str) -> list[Lines]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReadoutsError(f"expected a list of {what}, each starting with `- id:`", str(path), 1)
    for item in data:
        if not isinstance(item, Lines):
            raise ReadoutsError(f"expected each entry to be a {what[:-1]} with `id:` and more keys, got {item!r}",
                                str(path))
    return data


def _id(entry: Lines, path: Path) -> str:
    value = entry.get("id")
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise ReadoutsError(f"expected an id of lower-case letters, digits and hyphens, got {value!r}{_why(value)}",
                            str(path), entry.line_of("id"))
    return value


def _strings(entry: Lines, key: str, path: Path) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ReadoutsError(f"{key} must be a list of text, got {value!r}", str(path), entry.line_of(key))
    return tuple(str(v) for v in value)


def _phrases(entry: Lines, key: str, path: Path) -> tuple[str, ...]:
    """A topic's phrases (or exceptions): text, each with a word, in a shape whose regex stays
    quick (link.topics.phrase_problem)."""
    from readouts.link.topics import phrase_problem

    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    line = entry.line_of(key)
    if not isinstance(value, list):
        raise ReadoutsError(f"{key} must be a list of phrases, like [peace treaty], got {value!r}", str(path), line)
    for phrase in value:
        # `true` and `12345` are YAML's booleans and numbers: quoted, they are text
        if not isinstance(phrase, str):
            raise ReadoutsError(f"expected each of {key} as text, got {phrase!r}", str(path), line,
                                hint=_quoted(phrase))
        problem = phrase_problem(phrase)
        if problem:
            raise ReadoutsError(f"the phrase {phrase!r} cannot be used: {problem}", str(path), line)
    return tuple(value)


def _quoted(value: object) -> str | None:
    """How to write a YAML boolean or number as the text it was meant to be."""
    if isinstance(value, bool):
        return f'put it in quotes: "{str(value).lower()}"'
    if isinstance(value, (int, float)):
        return f'put it in quotes: "{value}"'
    return None


def _flag(entry: Lines, key: str, path: Path) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        # "no" in quotes is text, and any text counted as true
        raise ReadoutsError(f"{key} must be true or false, got {value!r}", str(path), entry.line_of(key),
                            hint=f"write `{key}: true` or `{key}: false`, without quotes")
    return value


def _text(entry: Lines, key: str, path: Path, required: bool = False) -> str:
    value = entry.get(key)
    if value is None or (required and isinstance(value, str) and not value.strip()):
        if required:
            raise ReadoutsError(f"missing {key!r}", str(path), entry.line_of(key) if key in entry else entry.line)
        return ""
    if not isinstance(value, (str, int, float)):
        raise ReadoutsError(f"{key} must be text, got {value!r}", str(path), entry.line_of(key))
    return str(value).strip()


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        check_link(None, path)  # a link that loops is refused, not taken for a missing registry
        return None
    return read_yaml_file(path)


def load_topics(path: Path) -> tuple[Topic, ...]:
    """content/topics.yaml → topics in file order."""
    topics = []
    for entry in _expect_list(_read_yaml(path), path, "topics"):
        topics.append(Topic(id=_id(entry, path), title=_text(entry, "title", path, required=True),
                            description=_text(entry, "description", path),
                            phrases=_phrases(entry, "phrases", path),
                            exceptions=_phrases(entry, "except", path),
                            main=_flag(entry, "main", path)))
    _no_duplicates(topics, path)
    return tuple(topics)


def load_people(path: Path) -> tuple[Person, ...]:
    """content/people.yaml → people in file order."""
    people = []
    for entry in _expect_list(_read_yaml(path), path, "people"):
        roles = []
        for role in entry.get("roles") or []:
            if not isinstance(role, Lines) or not isinstance(role.get("title"), str) or not role["title"].strip():
                raise ReadoutsError("expected each role as {title: …, start: YYYY-MM-DD, end: YYYY-MM-DD}",
                                    str(path), role.line if isinstance(role, Lines) else entry.line_of("roles"))
            roles.append(Role(title=role["title"].strip(),
                              start=parse_date(role.get("start"), str(path), role.line_of("start")),
                              end=parse_date(role.get("end"), str(path), role.line_of("end"))))
        people.append(Person(id=_id(entry, path), name=_text(entry, "name", path, required=True),
                             country=_text(entry, "country", path) or None,
                             spellings=_strings(entry, "spellings", path), roles=tuple(roles)))
    _no_duplicates(people, path)
    return tuple(people)


def load_terms(path: Path) -> tuple[Term, ...]:
    """content/glossary.yaml → glossary terms in file order."""
    terms = []
    for entry in _expect_list(_read_yaml(path), path, "terms"):
        names = entry.get("names") or Lines()
        if not isinstance(names, Lines):
            raise ReadoutsError("names must map a side to its names, like `japan: [Northern Territories]`",
                                str(path), entry.line_of("names"))
        terms.append(Term(id=_id(entry, path), title=_text(entry, "title", path, required=True),
                          names={side: _distinct_names(_strings(names, side, path)) for side in names},
                          definition=_text(entry, "definition", path)))
    _no_duplicates(terms, path)
    return tuple(terms)


def _distinct_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A side's names, those differing only in case as one, the first listed kept: a name is found
    in any case ("Eight-Point Cooperation Plan" finds "Eight-point cooperation plan"), so two such
    spellings would count the same readouts twice. An acronym ("TOR") keeps its case: it is found
    only as written (link/glossary.name_pattern)."""
    kept: dict[str, str] = {}
    for name in names:
        kept.setdefault(name if name.isupper() else name.casefold(), name)
    return tuple(kept.values())


def _no_duplicates(items: list[Any], path: Path) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ReadoutsError(f"the id {item.id!r} appears twice", str(path))
        seen.add(item.id)


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


def _record_file(md_file: str) -> str:
    """content/readouts/<id>.md → content/provenance/<id>.json, as plain strings (per readout)."""
    folder, name = os.path.split(md_file)
    return os.path.join(os.path.dirname(folder), "provenance", os.path.splitext(name)[0] + ".json")


def _record_path(md_path: Path) -> Path:
    return Path(_record_file(os.fspath(md_path)))


def load_readout(path: Path, raw: bytes | None = None, record: bytes | None = None) -> Readout:
    """One content/readouts/<id>.md → Readout; `raw` and `record` are the file's and its
    import record's bytes when the caller has read them already."""
    name = str(path)
    if raw is None:
        raw = path.read_bytes()
        record_path = _record_path(path)
        record = record_path.read_bytes() if record_path.exists() else None
    # "utf-8-sig": editors on Windows start files with a byte-order mark.
    text = decode_utf8(raw, name).replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        # A NUL or an escape code is no part of a readout's text: it came from a binary file or a
        # terminal, and would go on into every page, feed and calendar made from it.
        raise ReadoutsError(f"the file holds a control character ({ord(control.group()):#04x})", name,
                            text.count("\n", 0, control.start()) + 1,
                            hint="delete it: text holds no control characters but tabs and line breaks")
    yaml_text, body, body_line = split_front_matter(text, name)
    data = load_yaml(yaml_text, name, first_line=2)
    if not isinstance(data, Lines):
        raise ReadoutsError("expected the front matter to be keys like `title: …`", name, 2)
    for key in data:
        if key not in READOUT_KEYS:
            raise ReadoutsError(f"unknown key {key!r}; expected one of: {', '.join(READOUT_KEYS)}",
                                name, data.line_of(key))
    readout_id = data.get("id", path.stem)
    if not isinstance(readout_id, str) or not ID.fullmatch(readout_id):
        raise ReadoutsError("expected an id of lower-case letters, digits and hyphens, "
                            f"got {readout_id!r}{_why(readout_id)}",
                            name, data.line_of("id"))
    if readout_id != path.stem:
        raise ReadoutsError(f"the id {readout_id!r} differs from the file name {path.stem!r}", name,
                            data.line_of("id"), hint=f"rename the file to {readout_id}.md")
    title = _text(data, "title", path, required=True)
    publisher = _choice(data, "publisher", tuple(PUBLISHERS), "other", name)
    kind = _choice(data, "kind", KINDS, "readout", name)
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
                            f"got {meeting_id!r}{_why(meeting_id)}",
                            name, meeting.line_of("id"))
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
    source = data.get("source")
    source_file = None
    if source is not None:
        if not isinstance(source, Lines) or not isinstance(source.get("file"), str):
            raise ReadoutsError("source must give file: and sha256:", name, data.line_of("source"))
        if not re.fullmatch(r"sources/[^/\\\x00]+", source["file"]) or ".." in source["file"]:
            raise ReadoutsError(f"expected source file as sources/<name>, got {source['file']!r}", name,
                                source.line_of("file"))
        url = source.get("url")
        if url is not None and not (isinstance(url, str) and re.fullmatch(r"https?://[^\s<>\"]+", url)):
            raise ReadoutsError(f"expected source url as an http:// or https:// address, got {url!r}", name,
                                source.line_of("url"))
        source_file = SourceFile(file=source["file"], sha256=str(source.get("sha256") or ""), url=url)
    return Readout(
        id=readout_id, title=title, publisher=publisher, kind=kind,  # type: ignore[arg-type]
        published=parse_date(data.get("published"), name, data.line_of("published")),
        meeting=MeetingFacts(
            date=printed_date, date_supplied=supplied,
            supplied_from=supplied_from.strip() if supplied_from else None,
            place=_text(meeting, "place", path) or None,
            occasion=_text(meeting, "occasion", path) or None,
            duration_minutes=duration, meeting_id=meeting_id,
            format=_optional_choice(meeting, "format", MEETING_FORMATS, name)),  # type: ignore[arg-type]
        participants=_ids(data, "participants", name), mentioned=_ids(data, "mentioned", name),
        topics=_ids(data, "topics", name), source=source_file,
        imported=load_import_record(_record_path(path), record, text),
        blocks=Blocks(parse_blocks(body, body_line)), path=SourceRef(name, 1),
        digest=readout_digest(raw, record), outlet=_text(data, "outlet", path) or None)


def _month_day(value: object) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    return None


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
            printed_day=_month_day(provenance.printed_day), entered=_instant(provenance.entered))
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


def _ids(data: Lines, key: str, name: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and ID.fullmatch(v) for v in value):
        raise ReadoutsError(f"expected {key} as a list of ids like [sergey-lavrov], got {value!r}", name,
                            data.line_of(key))
    return tuple(value)
