"""`readouts rename OLD NEW`: give a readout another id, and keep its old address working.

The Markdown moves to content/readouts/NEW.md with OLD added to its `aliases:` (and `id:`, if it
has one, changed), and its import record goes along, holding the aliases too, so that every later
import writes them again. The build then makes a page at the old address that leads to the new.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from readouts.atomic import write_atomic
from readouts.cache import sha256_hex
from readouts.errors import ReadoutsError
from readouts.paths import check_link
from readouts.provenance import Provenance
from readouts.readout_file import aliases_in_files, split_front_matter
from readouts.registries import ID, why_not_id
from readouts.yamlio import Lines, decode_utf8, dump_yaml, load_yaml


@dataclass(frozen=True, slots=True)
class Renamed:
    """What `readouts rename` did, for the command to tell."""

    old: Path
    new: Path
    aliases: tuple[str, ...]
    record: Path | None
    """The import record as moved; None for a readout written by hand."""


def rename_readout(root: Path, old_id: str, new_id: str) -> Renamed:
    """Move content/readouts/OLD.md (and its import record) to NEW, OLD kept as an alias.

    Hold the build lock: a build or import between the steps would see a readout twice."""
    if not ID.fullmatch(old_id):
        raise ReadoutsError(f"expected the id of a readout, got {old_id!r}{why_not_id(old_id)}",
                            hint="ids are the file names in content/readouts/ without .md")
    readouts = root / "content" / "readouts"
    old_path, new_path = readouts / f"{old_id}.md", readouts / f"{new_id}.md"
    check_link(root, old_path)
    if not old_path.is_file():
        raise ReadoutsError(f"no readout with the id {old_id!r}", str(old_path),
                            hint="ids are the file names in content/readouts/ without .md")
    _check_new_id(root, old_id, new_id)
    raw = old_path.read_bytes()
    text = decode_utf8(raw, str(old_path)).replace("\r\n", "\n")
    data, yaml_text, _ = _front_matter(text, str(old_path))
    before = _aliases_of(data, str(old_path))
    # Renamed back to an id it had: that id is its own again, not an alias.
    aliases = tuple(a for a in before if a != new_id) + ((old_id,) if old_id not in before else ())
    new_text = _renamed_text(text, yaml_text, data, new_id, aliases)
    record_path = root / "content" / "provenance" / f"{old_id}.json"
    new_record_path = record_path.with_name(f"{new_id}.json")
    if record_path.is_file():
        from readouts.importer.write import write_readout

        record = Provenance.from_json(record_path.read_text(encoding="utf-8"))
        if record is None:
            raise ReadoutsError("the import record is damaged", str(record_path),
                                hint="delete it: the readout then counts as written by hand")
        # A readout nobody edited stays one: the record names the text written now, so the next
        # import may still refresh it. An edited one stays edited.
        unedited = sha256_hex(raw) == record.written_sha256
        written = sha256_hex(new_text.encode("utf-8")) if unedited else record.written_sha256
        # The new record is the commit (as import writes a readout); the old files go after it.
        write_readout(new_path, new_text, new_record_path,
                      dataclasses.replace(record, aliases=aliases, written_sha256=written))
        record_path.unlink()
        old_path.unlink()
        return Renamed(old_path, new_path, aliases, new_record_path)
    write_atomic(new_path, new_text)
    old_path.unlink()
    return Renamed(old_path, new_path, aliases, None)


def _check_new_id(root: Path, old_id: str, new_id: str) -> None:
    """The new id must be an id, and free: no readout, import record or other readout's alias holds it."""
    content = root / "content"
    if not ID.fullmatch(new_id):
        raise ReadoutsError(f"expected the new id as lower-case letters, digits and hyphens, got {new_id!r}"
                            f"{why_not_id(new_id)}", hint="for example 2019-09-25-tass-lavrov-and-motegi-meet")
    if new_id == old_id:
        raise ReadoutsError(f"the readout is called {old_id!r} already")
    for taken in (content / "readouts" / f"{new_id}.md", content / "provenance" / f"{new_id}.json"):
        if taken.exists():
            raise ReadoutsError(f"the id {new_id!r} is taken", str(taken), hint="choose another id")
    held = aliases_in_files(content / "readouts", skip=old_id).get(new_id)
    if held is not None:
        holder, line = held
        raise ReadoutsError(f"the id {new_id!r} is an old id of {holder.stem}: its address leads there",
                            str(holder), line, hint="choose another id")


def _front_matter(text: str, name: str) -> tuple[Lines, str, int]:
    yaml_text, _, body_line = split_front_matter(text, name)
    data = load_yaml(yaml_text, name, first_line=2)
    if not isinstance(data, Lines):
        raise ReadoutsError("expected the front matter to be keys like `title: …`", name, 2)
    return data, yaml_text, body_line


def _aliases_of(data: Lines, name: str) -> tuple[str, ...]:
    value = data.get("aliases") or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReadoutsError(f"expected aliases as a list of ids, got {value!r}", name, data.line_of("aliases"))
    return tuple(value)


def _renamed_text(text: str, yaml_text: str, data: Lines, new_id: str, aliases: tuple[str, ...]) -> str:
    """The file's text with `id:` changed and `aliases:` written after it (where import writes
    them), every other line as it was: a person's edits and comments stay."""
    lines = yaml_text.splitlines(keepends=True)
    # Front matter line n of the file is lines[n - 2]; each key runs to the next key at the margin.
    starts = sorted(data.key_lines[key] - 2 for key in data)
    spans = {key: (data.key_lines[key] - 2,
                   next((s for s in starts if s > data.key_lines[key] - 2), len(lines))) for key in data}
    aliases_line = dump_yaml({"aliases": list(aliases)})
    replaced: dict[int, str] = {}
    dropped: set[int] = set()
    for key in ("id", "aliases"):
        if key in spans:
            start, end = spans[key]
            # a comment line or a blank line before the next key belongs to neither
            end = start + 1 + len(list(_continued(lines[start + 1:end])))
            dropped.update(range(start, end))
    if "id" in spans:
        replaced[spans["id"][0]] = f"id: {new_id}\n" + aliases_line
    elif "aliases" in spans:
        replaced[spans["aliases"][0]] = aliases_line
    else:
        replaced[len(lines)] = aliases_line
    out = []
    for number in range(len(lines) + 1):
        if number in replaced:
            out.append(replaced[number])
        if number < len(lines) and number not in dropped:
            out.append(lines[number])
    # The front matter starts on the line after the opening `---`.
    start = text.index("\n") + 1
    return text[:start] + "".join(out) + text[start + len(yaml_text):]


def _continued(lines: list[str]) -> list[str]:
    """The lines that carry on a key's value: indented, or list items ("- x") at the margin."""
    carried = []
    for line in lines:
        if not re.match(r"[ \t]|-(\s|$)", line):
            break
        carried.append(line)
    return carried
