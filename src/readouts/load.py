"""content/ → Corpus: every readout's front matter and body, and the YAML registries, validated.

Errors are collected across all files before stopping, so the user fixes them all in one pass.
A readout's file is read by readout_file.py, the registries by registries.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from readouts.addresses import ADDRESSES, load_addresses
from readouts.cache import CacheTable, settled, settled_signature
from readouts.config import load_config
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.file_memo import FileMemo
from readouts.model import Corpus, Readout, Topic
from readouts.parallel import map_in_workers
from readouts.paths import check_link, listed_file
from readouts.readout_file import load_readout, readout_digest, record_file, split_front_matter
from readouts.registries import ID, load_people, load_terms, load_topics, registry_kind

__all__ = ["ID", "load_corpus", "load_people", "load_readout", "load_terms", "load_topics", "split_front_matter"]


CachedReadout = tuple[str, Readout, "tuple[object, ...] | None"]
"""(digest, Readout, the signature of its files when they were last looked at), by file."""


def _readout_versions(part: Mapping[str, CachedReadout]) -> frozenset[object]:
    """A file's entry changes with its digest and the signature it was seen with (not with the
    Readout, which follows from the digest)."""
    return frozenset((file, entry[0], entry[2]) for file, entry in part.items())


PARSED_READOUTS: CacheTable[str, CachedReadout] = CacheTable("readouts", _readout_versions)
"""Readout file → what load_corpus parsed from it, for the next build."""


def load_corpus(root: Path, cache: dict[str, CachedReadout] | None = None, files: FileMemo | None = None) -> Corpus:
    """Load the whole site's content; raises ReadoutsErrors listing every problem found.

    `cache` maps a readout file to (digest, Readout, signature) from an earlier build: a file
    whose bytes (and import record's) are unchanged is not parsed again, and one whose size and
    times are unchanged is not even read. It is updated in place. Each file's signature is
    taken from the build's look at its inputs while `files` holds it (FileMemo.take_scan),
    rather than looked at a second time (20,000 files at 10,000 readouts).
    """
    config = load_config(root)
    content = root / "content"
    errors: list[ReadoutsError] = []
    attempt = _collecting(errors)
    files = files or FileMemo()
    topics = attempt(registry, files, load_topics, content / "topics.yaml") or ()
    people = attempt(registry, files, load_people, content / "people.yaml") or ()
    terms = attempt(registry, files, load_terms, content / "glossary.yaml") or ()
    published_meetings = attempt(registry, files, load_addresses, root / ADDRESSES) or {}
    readouts = _load_readouts(root, cache, errors, files)
    errors.extend(_check_ids(readouts, topics, config.main_topics, root))
    errors.extend(_check_aliases(readouts))
    if errors:
        raise ReadoutsErrors(errors)
    return Corpus(config=config, readouts=tuple(sorted(readouts, key=lambda r: r.id)),
                  topics=tuple(topics), people=tuple(people), terms=tuple(terms),
                  published_meetings=published_meetings)


def registry(files: FileMemo, load: Callable[[Path], Any], path: Path) -> Any:
    """What `load` makes of a registry file, from `files` while the file is unchanged: a build
    that changed one readout need not parse topics.yaml, people.yaml, glossary.yaml and
    addresses.yaml again (0.2 s of YAML for the addresses of 10,000 readouts). What the loaders
    make is frozen, so one result serves every build."""
    if not path.exists():
        return load(path)  # the loader says what a missing file (or a link that leads nowhere) means
    return files.get(registry_kind(load), path, lambda _: load(path))


def _collecting(errors: list[ReadoutsError]) -> Callable[..., Any]:
    """A caller of a loader that adds the loader's errors to `errors` and gives None for them."""
    def attempt(fn, *args):  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        except ReadoutsErrors as many:
            errors.extend(many.errors)
        except ReadoutsError as error:
            errors.append(error)
        return None

    return attempt


def _load_readouts(root: Path, cache: dict[str, CachedReadout] | None,
                   errors: list[ReadoutsError], files: FileMemo) -> list[Readout]:
    """Every readout in content/readouts/: from `cache` when its files did not change, else
    parsed (on every core when many are); their problems go into `errors`."""
    readouts: list[Readout] = []
    seen: set[str] = set()
    to_parse: list[tuple[Path, bytes, bytes | None]] = []
    signatures: dict[str, tuple[object, ...] | None] = {}
    # Plain strings, not Paths: this runs for every readout on every build.
    folder = os.fspath(root / "content" / "readouts")
    signature_of_files = _scanned_signature(files) if files.scan is not None else _looked_at_signature(time.time_ns())
    for name in _markdown_names(root, folder):
        key = f"{folder}{os.sep}{name}"
        seen.add(key)
        signature = signatures[key] = signature_of_files(key, name)
        known = cache.get(key) if cache is not None else None
        if known is not None and signature is not None and known[2] == signature:
            readouts.append(known[1])  # not read: neither file changed since it was cached
            continue
        path, record_path = Path(key), Path(record_file(key))
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
    return readouts


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


FileSignature = Callable[[str, str], "tuple[object, ...] | None"]
"""(readout file, its name) → the signature of it and its import record."""


def _looked_at_signature(looked_at: int) -> FileSignature:
    """What the file system says of a readout file and its import record — size, modification
    and change time, inode — to tell an unchanged file without reading it; None when either
    changed too recently to tell."""
    def signature(path: str, name: str) -> tuple[object, ...] | None:
        found: list[object] = []
        for file in (path, record_file(path)):
            try:
                stat = os.stat(file)
            except FileNotFoundError:
                found.append(None)
                continue
            settled = settled_signature(stat, looked_at)
            if settled is None:
                return None
            found.append(settled)
        return tuple(found)

    return signature


def _scanned_signature(files: FileMemo) -> FileSignature:
    """The same signature, as the build's look at its inputs found the two files; a readout file
    it did not find settled is looked at again. Looked up by their names under the site, as the
    look has them: this runs for every readout on every build (loading took 47 ms at a generated
    10,000 through FileMemo.scanned's paths, 40 ms so)."""
    look_again = _looked_at_signature(time.time_ns())
    assert files.scan is not None
    _, inputs, looked_at = files.scan

    def signature(path: str, name: str) -> tuple[object, ...] | None:
        found = inputs.get(f"content/readouts/{name}")
        if found is None or found[0] < 0 or not settled(found, looked_at):
            return look_again(path, name)
        record = inputs.get(f"content/provenance/{name[:-3]}.json")
        if record is None:
            return (tuple(found), None)  # no import record: a readout written by hand
        return None if record[0] < 0 or not settled(record, looked_at) else (tuple(found), tuple(record))

    return signature


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


def _check_aliases(readouts: list[Readout]) -> list[ReadoutsError]:
    """An old id leads to one readout: an alias that is another readout's id now, or that two
    readouts claim, would give one address two pages."""
    errors = []
    files = {r.id: r.path.path for r in readouts}
    claimed: dict[str, Readout] = {}
    for readout in sorted(readouts, key=lambda r: r.id):
        for alias in readout.aliases:
            if alias in files:
                errors.append(ReadoutsError(
                    f"the alias {alias!r} is the id of {files[alias]}, whose page is at that address",
                    readout.path.path, readout.path.line,
                    hint=f"remove {alias!r} from aliases: here, or rename the other readout"))
            elif alias in claimed:
                errors.append(ReadoutsError(
                    f"the alias {alias!r} is an alias of {claimed[alias].path.path} too",
                    readout.path.path, readout.path.line,
                    hint="an old address leads to one readout: keep the alias in one of them"))
            else:
                claimed[alias] = readout
    return errors

