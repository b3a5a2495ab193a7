"""content/sources/* → content/readouts/*.md: import what is new or changed, never a person's edit.

A readout is re-imported only when its source, the importer or the registries it reads
(people.yaml, topics.yaml) changed since it was written, and only while its file is exactly as
import wrote it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readouts import __version__
from readouts.atomic import write_atomic
from readouts.cache import sha256_hex
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.file_memo import FileMemo
from readouts.importer.write import finish_interrupted, new_id, render_markdown, write_readout
from readouts.link.topics import TopicRules
from readouts.names import NameIndex
from readouts.paths import check_link, listed_file
from readouts.provenance import Provenance
from readouts.readout_file import aliases_in_files, split_front_matter
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
        # Plain strings, not Paths: this runs for every imported readout on every build.
        for name in names:
            try:
                record = files.get("provenance", f"{folder}{os.sep}{name}",
                                   lambda data: Provenance.from_json(data.decode("utf-8")))
            except (OSError, UnicodeDecodeError):
                record = None
            if record is not None:
                by_source[record.source] = (name[:-len(".json")], record)
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
    report = ImportReport()
    known = load_provenance(root, files)
    _check_forced(root, force, known)
    sources = only if only is not None else source_files(root)
    for path in only or ():
        check_link(root, path)  # as source_files checks those it lists
    if not sources:
        return report
    run = _ImportRun(root=root, force=force, keep_going=keep_going, files=files, urls=urls or {}, known=known,
                     report=report, inputs=_inputs_digest(root), now=entry_instant())
    for path in sources:
        _import_source(run, path)
    return report


@dataclass
class _ImportRun:
    """What the steps of one import share: its settings, what it knows and what it reported."""

    root: Path
    force: frozenset[str]
    keep_going: bool
    files: FileMemo
    urls: Mapping[str, str]
    known: dict[str, tuple[str, Provenance]]
    report: ImportReport
    inputs: str
    now: str
    """One instant for everything this import brings in."""
    context: Context | None = None
    """The adapters and the registries' rules, loaded only when a source needs importing: most
    builds import nothing."""
    taken: set[str] | None = None
    """The ids in use, listed when a new source needs one."""

    @property
    def readouts_dir(self) -> Path:
        return self.root / "content" / "readouts"

    @functools.cached_property
    def readouts_folder(self) -> str:
        return os.fspath(self.readouts_dir)

    @functools.cached_property
    def sources_dir(self) -> Path:
        return self.root / "content" / "sources"


def _import_source(run: _ImportRun, path: Path) -> None:
    """Import one source when it is new or changed and its readout is as import wrote it."""
    relative = (f"sources/{path.name}" if path.parent == run.sources_dir
                else path.relative_to(run.root / "content").as_posix())
    existing = run.known.get(relative)
    given_url = run.urls.get(relative)
    if existing and not _wants_import(run, existing[0], existing[1], run.files.sha256(path), given_url):
        return
    url = given_url or (existing[1].url if existing else None)
    data = path.read_bytes()
    sha = sha256_hex(data)  # of the very bytes imported, should the file have changed since
    imported = _read(run, data, sha, path, relative, existing, url)
    if imported is None:
        return
    readout_id = existing[0] if existing else _new_readout_id(run, imported)
    _write_import(run, readout_id, imported, relative, sha, url, existing[1] if existing else None)


def _wants_import(run: _ImportRun, readout_id: str, record: Provenance, sha: str, given_url: str | None) -> bool:
    """Whether a source imported before is to be imported again: it, the importer or its address
    changed, or --force names it; never over a readout a person edited or deleted (reported)."""
    md_path = f"{run.readouts_folder}{os.sep}{readout_id}.md"  # a string: this runs for every source
    try:
        current: str | None = run.files.sha256(md_path)
    except FileNotFoundError:
        current = None
    if current != record.written_sha256 and finish_interrupted(Path(md_path), record):
        current = record.written_sha256
    forced = readout_id in run.force
    if current is None and not forced:
        # A person deleted the Markdown, or renamed it: the source stays, and does not
        # bring the readout back (nor a second copy of a renamed one).
        if not record.deleted:
            _deleted_or_renamed(run.root, readout_id, record, run.report)
        return False
    edited = current is not None and current != record.written_sha256
    up_to_date = (record.source_sha256 == sha and record.inputs == run.inputs and current is not None
                  and given_url in (None, record.url))
    if up_to_date and not (forced and edited):
        run.report.unchanged.append(readout_id)
        return False
    if edited and not forced:
        if record.source_sha256 != sha:
            run.report.kept_edited.append((readout_id, record.source))
        else:
            run.report.unchanged.append(readout_id)
        return False
    return True


def _read(run: _ImportRun, data: bytes, sha: str, path: Path, relative: str,
          existing: tuple[str, Provenance] | None, url: str | None) -> ImportedReadout | None:
    """The source read by its adapter; None when it cannot be and the import keeps going."""
    from readouts.importer import read_source

    run.context = run.context or make_context(run.root)
    try:
        imported = read_source(data, str(path), run.context, url)
        if existing and existing[1].source_sha256 != sha and existing[0] not in run.force:
            refuse_another_document(existing[0], imported, relative, str(path))
    except ReadoutsError as error:
        if not run.keep_going:
            raise
        run.report.failed.append(error)
        return None
    return imported


def _new_readout_id(run: _ImportRun, imported: ImportedReadout) -> str:
    """An id for a source imported for the first time, unlike every id in use."""
    if run.taken is None:
        # A record without its Markdown (a readout a person deleted, an import stopped
        # before its Markdown went in) holds its id as much as a file does.
        readouts_dir = run.readouts_dir
        in_files = {p.stem for p in readouts_dir.glob("*.md")} if readouts_dir.is_dir() else set()
        recorded = {readout_id for readout_id, _ in run.known.values()}
        # and so does an id a readout was renamed from: its address leads to that readout. An
        # imported readout's old ids are in its record; one written by hand keeps them in its
        # front matter only, so only those files are read.
        run.taken = in_files | recorded
        run.taken.update(alias for _, known_record in run.known.values() for alias in known_record.aliases)
        run.taken.update(aliases_in_files(readouts_dir, among=in_files - recorded))
    readout_id = new_id(imported, run.taken)
    run.taken.add(readout_id)
    return readout_id


def _write_import(run: _ImportRun, readout_id: str, imported: ImportedReadout, relative: str, sha: str,
                  url: str | None, earlier: Provenance | None) -> None:
    """Write the readout and its import record, and report it with what a person should check."""
    aliases = earlier.aliases if earlier else ()
    text = render_markdown(readout_id, imported, relative, sha, url, aliases)
    record = Provenance(
        source=relative, source_sha256=sha, written_sha256=sha256_hex(text.encode("utf-8")),
        inputs=run.inputs, adapter=imported.publisher,
        changes=tuple({"line": c.line, "action": c.action, "what": c.what, "why": c.why}
                      for c in imported.changes),
        block_lines=imported.body.lines, notes=imported.notes, unresolved=imported.unresolved,
        printed_day=imported.printed_day, printed_meeting_day=imported.printed_meeting_day,
        printed_weekday=imported.printed_weekday,
        announces=imported.announces, url=url, aliases=aliases,
        # A readout enters the archive once: a re-import keeps the instant of the first.
        # Records written before the field existed get the instant of their next import.
        entered=(earlier.entered if earlier else None) or run.now)
    write_readout(run.readouts_dir / f"{readout_id}.md", text, run.root / "content" / "provenance" /
                   f"{readout_id}.json", record)
    run.report.imported.append(readout_id)
    for note in imported.notes:
        run.report.notes.append((readout_id, note))
    for name in imported.unresolved:
        run.report.notes.append((readout_id, f"{name!r} is not in content/people.yaml"))
