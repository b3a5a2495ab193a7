"""content/sources/* → content/readouts/*.md: import what is new or changed, never a person's edit.

A readout is re-imported only when its source, the importer or the registries it reads
(people.yaml, topics.yaml) changed since it was written, and only while its file is exactly as
import wrote it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readouts import __version__
from readouts.atomic import write_atomic
from readouts.cache import FileMemo, sha256_hex
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.importer.write import new_id, render_markdown
from readouts.link.topics import TopicRules
from readouts.names import NameIndex
from readouts.paths import check_link, listed_file
from readouts.provenance import Provenance
from readouts.readout_file import split_front_matter
from readouts.registries import load_people, load_topics
from readouts.yamlio import Lines, load_yaml

if TYPE_CHECKING:
    from readouts.importer.common import Context, ImportedReadout

SOURCE_SUFFIXES = (".txt", ".text")


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[tuple[str, str]] = field(default_factory=list)
    """(readout id, source file) whose source changed but whose Markdown a person edited."""
    failed: list[ReadoutsError] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)
    """(readout id, source file) whose Markdown a person deleted, found so by this import."""
    renamed: list[tuple[str, str]] = field(default_factory=list)
    """(old id, new id) of readouts whose Markdown a person renamed: the record went along."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(readout id, what a person should check) for dates left empty and unknown names."""


def source_files(root: Path) -> list[Path]:
    folder = root / "content" / "sources"
    check_link(root, folder)
    if not folder.is_dir():
        return []
    # Names sorted as text, not as Paths: comparing Paths was half the time of checking 2,000
    # imported readouts for changes (0.13 s, 0.066 s without).
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries
                       if not entry.name.startswith(".") and os.path.splitext(entry.name)[1].lower() in SOURCE_SUFFIXES
                       and listed_file(root, entry))
    return [folder / name for name in names]


IMPORTER_CODE = ("importer/*.py", "names.py", "provenance.py", "publishers.py", "link/topics.py", "link/keys.py",
                 "readout_file.py", "registries.py", "yamlio.py")
"""The code that decides what import writes, relative to the package: the adapters and their
rules, the name index, the import record's format, the publisher table, the topic rules that
fill `topics:`, and the readers of the registries. tests/importer/test_run.py holds it to what
an import runs."""


def importer_code_files() -> list[Path]:
    package = Path(__file__).parent.parent
    return [path for pattern in IMPORTER_CODE for path in sorted(package.glob(pattern))]


def _inputs_digest(root: Path) -> str:
    """What besides the source decides the output: the importer's code and the registries it reads.

    The code counts, so an upgrade that reads sources better refreshes every readout nobody has
    edited.
    """
    digest = hashlib.sha256(__version__.encode())
    for module in importer_code_files():
        digest.update(module.read_bytes())
    for name in ("people.yaml", "topics.yaml"):
        path = root / "content" / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def entry_instant() -> str:
    """This moment in UTC to the second, as an import record keeps it; SOURCE_DATE_EPOCH, when
    set, stands for the clock (the reproducible-builds convention), so an archive can be imported
    again from scratch with the same records."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit()
              else dt.datetime.now(dt.timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def load_provenance(root: Path, files: FileMemo | None = None) -> dict[str, tuple[str, Provenance]]:
    """Source file (relative to content/) → (readout id, provenance) for every imported readout."""
    files = files or FileMemo()
    by_source: dict[str, tuple[str, Provenance]] = {}
    folder = root / "content" / "provenance"
    if folder.is_dir():
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".json"))
        for path in (folder / name for name in names):
            try:
                record = files.get("provenance", path, lambda data: Provenance.from_json(data.decode("utf-8")))
            except (OSError, UnicodeDecodeError):
                record = None
            if record is not None:
                by_source[record.source] = (path.stem, record)
    return by_source


def refuse_another_document(readout_id: str, imported: ImportedReadout, source: str, path: str) -> None:
    """Refuse a text under the name of a source imported before, as `readout_id`, when it reads
    as another document: another publisher, or both another day and another title than the id
    records. The rule of `readouts add` and of every import, so that a new text saved under a
    used name never silently takes the place of a readout.

    A corrected copy of the same page (a paragraph added, a typo fixed, a date filled in) passes,
    and is imported again over a readout nobody edited."""
    fresh = new_id(imported, set())
    old_day, old_publisher, old_slug = _id_parts(readout_id)
    day, publisher, slug = _id_parts(fresh)
    same_slug = old_slug == slug or re.fullmatch(re.escape(slug) + r"-\d+", old_slug) is not None
    if publisher == old_publisher and (day == old_day or same_slug):
        return
    raise ReadoutsError(f"a source named {source.removeprefix('sources/')} was imported before, as {readout_id}, "
                        f"and this text reads as another readout ({fresh})", path,
                        hint=f"give the new text a name of its own, so both readouts are kept; or, to replace "
                             f"{readout_id} with it, run `readouts import --force {readout_id}`")


def check_added_text(root: Path, name: str, data: bytes, path: str) -> None:
    """Before `readouts add` copies `data` into content/sources/<name>: refuse it when that name
    was imported before and the text reads as another document (refuse_another_document)."""
    earlier = load_provenance(root).get(f"sources/{name}")
    if earlier is None or earlier[1].source_sha256 == sha256_hex(data):
        return
    from readouts.importer import read_source

    refuse_another_document(earlier[0], read_source(data, path, make_context(root)), f"sources/{name}", path)


def _check_forced(root: Path, force: frozenset[str], known: dict[str, tuple[str, Provenance]]) -> None:
    """Every id given to --force names a readout imported from a source; a typo is an error,
    not "nothing to import"."""
    imported = {readout_id for readout_id, _ in known.values()}
    errors = []
    for readout_id in sorted(force - imported):
        md_path = root / "content" / "readouts" / f"{readout_id}.md"
        if md_path.exists():
            errors.append(ReadoutsError(f"{readout_id} was written by hand, not imported: there is no source to "
                                        "import it from again", str(md_path)))
        else:
            errors.append(ReadoutsError(f"no readout with the id {readout_id!r} was imported from a source",
                                        hint="ids are the file names in content/readouts/ without .md"))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ReadoutsErrors(errors)


def _deleted_or_renamed(root: Path, readout_id: str, record: Provenance, report: ImportReport) -> None:
    """The Markdown of an imported readout is gone. Renamed (a readout without an import record
    names the same source), its record goes along; otherwise the deletion is recorded, so the
    source is not imported again and the next import has nothing to say about it."""
    content = root / "content"
    renamed = _renamed_to(content, record.source)
    if renamed is not None:
        write_atomic(content / "provenance" / f"{renamed}.json", record.to_json())
        (content / "provenance" / f"{readout_id}.json").unlink(missing_ok=True)
        report.renamed.append((readout_id, renamed))
        return
    write_atomic(content / "provenance" / f"{readout_id}.json", dataclasses.replace(record, deleted=True).to_json())
    report.deleted.append((readout_id, record.source))


def _renamed_to(content: Path, source: str) -> str | None:
    """The id of a readout without an import record whose front matter names `source`."""
    for md_path in sorted((content / "readouts").glob("*.md")):
        if md_path.name.startswith(".") or (content / "provenance" / f"{md_path.stem}.json").exists():
            continue
        try:
            front, _, _ = split_front_matter(md_path.read_text(encoding="utf-8"), str(md_path))
            data = load_yaml(front, str(md_path))
        except (ReadoutsError, OSError, UnicodeDecodeError):
            continue  # the build reports what is wrong with it
        named = data.get("source") if isinstance(data, Lines) else None
        if isinstance(named, Lines) and named.get("file") == source:
            return md_path.stem
    return None


def _id_parts(readout_id: str) -> tuple[str, str, str]:
    """"2019-09-25-mofa-japan-russia-talks" → ("2019-09-25", "mofa", "japan-russia-talks")."""
    day = "undated" if readout_id.startswith("undated-") else readout_id[:10]
    publisher, _, slug = readout_id[len(day) + 1:].partition("-")
    return day, publisher, slug


def make_context(root: Path) -> Context:
    """What the importer reads from a site's registries: people.yaml and topics.yaml."""
    from readouts.importer.common import Context

    content = root / "content"
    rules = TopicRules.build(load_topics(content / "topics.yaml"))
    return Context(names=NameIndex.build(load_people(content / "people.yaml")), topics_of=rules.topics_of)


def import_sources(root: Path, *, force: frozenset[str] = frozenset(), keep_going: bool = False,
                   only: list[Path] | None = None, files: FileMemo | None = None,
                   urls: Mapping[str, str] | None = None) -> ImportReport:
    """Import new and changed sources. Raises the first ReadoutsError unless keep_going.

    `urls` gives where sources (by path relative to content/) were published; a source
    imported before keeps the address its record holds.

    `files` keeps the digests of sources and readouts and the parsed import records between
    builds, so that files whose size, times and inode did not change are not read again."""
    files = files or FileMemo()
    content = root / "content"
    report = ImportReport()
    known = load_provenance(root, files)
    _check_forced(root, force, known)
    sources = only if only is not None else source_files(root)
    for path in only or ():
        check_link(root, path)  # as source_files checks those it lists
    if not sources:
        return report
    # The adapters and the registries' rules are loaded only when a source needs importing:
    # most builds import nothing.
    context: Context | None = None
    inputs = _inputs_digest(root)
    readouts_dir = content / "readouts"
    taken: set[str] | None = None  # the ids in use, listed when a new source needs one
    now = entry_instant()  # one instant for everything this import brings in

    for path in sources:
        relative = path.relative_to(content).as_posix()
        sha = files.sha256(path)
        existing = known.get(relative)
        readout_id = existing[0] if existing else None
        given_url = (urls or {}).get(relative)
        if existing:
            record = existing[1]
            md_path = readouts_dir / f"{readout_id}.md"
            try:
                current: str | None = files.sha256(md_path)
            except FileNotFoundError:
                current = None
            if current != record.written_sha256 and _finish_interrupted(md_path, record):
                current = record.written_sha256
            if current is None and readout_id not in force:
                # A person deleted the Markdown, or renamed it: the source stays, and does not
                # bring the readout back (nor a second copy of a renamed one).
                if not record.deleted:
                    _deleted_or_renamed(root, readout_id, record, report)  # type: ignore[arg-type]
                continue
            edited = current is not None and current != record.written_sha256
            up_to_date = (record.source_sha256 == sha and record.inputs == inputs and current is not None
                          and given_url in (None, record.url))
            if up_to_date and not (readout_id in force and edited):
                report.unchanged.append(readout_id)  # type: ignore[arg-type]
                continue
            if edited and readout_id not in force:
                if record.source_sha256 != sha:
                    report.kept_edited.append((readout_id, relative))  # type: ignore[arg-type]
                else:
                    report.unchanged.append(readout_id)  # type: ignore[arg-type]
                continue
        url = given_url or (existing[1].url if existing else None)
        data = path.read_bytes()
        sha = sha256_hex(data)  # of the very bytes imported, should the file have changed since
        from readouts.importer import read_source

        context = context or make_context(root)
        try:
            imported = read_source(data, str(path), context, url)
            if existing and existing[1].source_sha256 != sha and readout_id not in force:
                refuse_another_document(readout_id, imported, relative, str(path))  # type: ignore[arg-type]
        except ReadoutsError as error:
            if not keep_going:
                raise
            report.failed.append(error)
            continue
        if readout_id is None:
            if taken is None:
                # A record without its Markdown (a readout a person deleted, an import stopped
                # before its Markdown went in) holds its id as much as a file does.
                taken = {p.stem for p in readouts_dir.glob("*.md")} if readouts_dir.is_dir() else set()
                taken.update(readout_id for readout_id, _ in known.values())
                # and so does an id a readout was renamed from: its address leads to that readout
                taken.update(alias for _, known_record in known.values() for alias in known_record.aliases)
            readout_id = new_id(imported, taken)
            taken.add(readout_id)
        aliases = existing[1].aliases if existing else ()
        text = render_markdown(readout_id, imported, relative, sha, url, aliases)
        record = Provenance(
            source=relative, source_sha256=sha, written_sha256=sha256_hex(text.encode("utf-8")),
            inputs=inputs, adapter=imported.publisher,
            changes=tuple({"line": c.line, "action": c.action, "what": c.what, "why": c.why}
                          for c in imported.changes),
            block_lines=imported.body.lines, notes=imported.notes, unresolved=imported.unresolved,
            printed_day=imported.printed_day, url=url, aliases=aliases,
            # A readout enters the archive once: a re-import keeps the instant of the first.
            # Records written before the field existed get the instant of their next import.
            entered=(existing[1].entered if existing else None) or now)
        write_readout(readouts_dir / f"{readout_id}.md", text, content / "provenance" / f"{readout_id}.json",
                       record)
        report.imported.append(readout_id)
        for note in imported.notes:
            report.notes.append((readout_id, note))
        for name in imported.unresolved:
            report.notes.append((readout_id, f"{name!r} is not in content/people.yaml"))
    return report


def _pending(md_path: Path) -> Path:
    """Where a readout's new Markdown waits until its import record is written (hidden, so
    nothing reads it as a readout)."""
    return md_path.with_name(f".{md_path.name}.pending")


def write_readout(md_path: Path, text: str, record_path: Path, record: Provenance) -> None:
    """Write a readout's Markdown and its import record so that an interruption anywhere (a
    kill, a full disk, a folder that cannot be written) leaves what the next import recognises.

    The record is the commit: it names the digest of the Markdown, which is written beside its
    place first and put there after the record. Killed before the record, the import did not
    happen (the next one makes it again, under the same id); killed after, the next import
    finds the Markdown the record names waiting and puts it in place (_finish_interrupted)."""
    pending = _pending(md_path)
    write_atomic(pending, text)
    try:
        write_atomic(record_path, record.to_json())
    except OSError:
        pending.unlink(missing_ok=True)  # not committed: nothing of this import stays
        raise
    os.replace(pending, md_path)


def _finish_interrupted(md_path: Path, record: Provenance) -> bool:
    """Put in place the Markdown an import committed to (its record names it) but was stopped
    before moving in; True when it did. Markdown left by an import stopped before its record
    was never committed, and goes."""
    pending = _pending(md_path)
    try:
        data = pending.read_bytes()
    except FileNotFoundError:
        return False
    if sha256_hex(data) != record.written_sha256:
        pending.unlink(missing_ok=True)
        return False
    os.replace(pending, md_path)
    return True
