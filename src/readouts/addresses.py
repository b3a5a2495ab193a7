"""content/addresses.yaml: the meeting pages a build published, and the readouts each held.

A meeting's id is made from its day and participants (link/meetings.py), so correcting a
participant moves its page. The build keeps this record in content/, beside what it is made
from, so that every build (a clean one too) can send the old address to the meeting that now
holds most of those readouts (link/addresses.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from readouts.atomic import write_atomic
from readouts.errors import ReadoutsError
from readouts.file_memo import FileMemo
from readouts.model import SiteGraph
from readouts.paths import check_link
from readouts.registries import ID, registry_kind, why_not_id
from readouts.yamlio import Lines, read_yaml_file

ADDRESSES = Path("content") / "addresses.yaml"

_HEADER = """\
# The meeting pages this site has published, each with the readouts it held when last built.
# `readouts build` keeps this file: when a meeting's id changes (a participant corrected, a
# date supplied), its old address leads to the meeting that now holds most of those readouts.
# Commit it with the content. Delete an entry to let its old address go (it then finds the
# site's 404 page).
"""


def load_addresses(path: Path) -> dict[str, tuple[str, ...]]:
    """Meeting id → the readout ids its page held; empty when there is no record yet."""
    if not path.exists():
        check_link(None, path)  # a link that loops is refused, not taken for a missing record
        return {}
    data = read_yaml_file(path)
    if data is None:
        return {}
    where = str(path)
    meetings = data.get("meetings") if isinstance(data, Lines) else None
    if not isinstance(data, Lines) or set(data) - {"meetings"} or not isinstance(meetings, (Lines, type(None))):
        raise ReadoutsError("expected `meetings:` mapping each meeting id to the readout ids its page held", where,
                            1, hint="readouts build writes this file; delete it to start the record again")
    record: dict[str, tuple[str, ...]] = {}
    meetings = meetings or Lines()
    for meeting_id, readout_ids in meetings.items():
        line = meetings.line_of(meeting_id)
        if not isinstance(meeting_id, str) or not ID.fullmatch(meeting_id):
            raise ReadoutsError("expected a meeting id of lower-case letters, digits and hyphens, "
                                f"got {meeting_id!r}{why_not_id(meeting_id)}", where, line)
        if not isinstance(readout_ids, list) or not all(isinstance(r, str) and ID.fullmatch(r) for r in readout_ids):
            raise ReadoutsError(f"expected the readouts of {meeting_id} as a list of readout ids, "
                                f"got {readout_ids!r}", where, line)
        record[meeting_id] = tuple(readout_ids)
    return record


def addresses_after(graph: SiteGraph) -> dict[str, tuple[str, ...]]:
    """The record once this build is published: every meeting page it makes with its readouts,
    and every address published before and gone now as it was (so it keeps leading on)."""
    record = {meeting_id: held for meeting_id, held in graph.corpus.published_meetings.items()
              if meeting_id not in graph.meetings}
    record.update((meeting.id, tuple(sorted(meeting.readout_ids))) for meeting in graph.meetings.values())
    return dict(sorted(record.items()))


def addresses_text(record: Mapping[str, tuple[str, ...]]) -> str:
    """The file's text: sorted, one readout a line, the same bytes for the same record."""
    if not record:
        return _HEADER + "meetings: {}\n"
    lines = [_HEADER, "meetings:\n"]
    for meeting_id, held in record.items():
        lines.append(f"  {_scalar(meeting_id)}:{' []' if not held else ''}\n")
        lines.extend(f"  - {_scalar(readout_id)}\n" for readout_id in held)
    return "".join(lines)


_RESOLVER = yaml.resolver.Resolver()

_HYPHENATED = re.compile(r"[a-z0-9]+-[a-z0-9-]*")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _scalar(value: str) -> str:
    """An id as YAML: plain, or in quotes where YAML would read it as something else ("2019", "no").
    An id with a hyphen after its first character is text unless it is a day: no number,
    boolean or null YAML reads has one. Most ids are so, and asking the resolver took most of
    the time of writing the file (15,000 ids at 10,000 readouts)."""
    if ((_HYPHENATED.fullmatch(value) and not _DAY.fullmatch(value))
            or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"):
        return value
    return json.dumps(value)


def write_addresses(root: Path, graph: SiteGraph, files: FileMemo | None = None) -> bool:
    """Bring content/addresses.yaml up to date with the site being published; True when it
    changed. A site that never had a meeting gets no file."""
    record = addresses_after(graph)
    path = root / ADDRESSES
    if record == graph.corpus.published_meetings and (record or not path.exists()):
        return False  # as loaded: not even formatted
    text = addresses_text(record)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    if files is not None:
        files.wrote(registry_kind(load_addresses), path, record)  # the next build need not parse it
    return True
