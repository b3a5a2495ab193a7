"""ImportedReadout → content/readouts/<id>.md and its provenance record, written atomically.

The provenance record keeps the digest of the Markdown as written: when the file no longer
matches it, a person has edited it, and no import may overwrite it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readouts.atomic import write_atomic
from readouts.cache import sha256_hex
from readouts.provenance import Provenance
from readouts.publishers import PUBLISHERS
from readouts.yamlio import dump_yaml

if TYPE_CHECKING:
    from readouts.importer.common import ImportedReadout

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


def slugify(text: str, limit: int = 60) -> str:
    """"Japan-Russia Foreign Ministers’ Meeting" → "japan-russia-foreign-ministers-meeting"."""
    text = text.lower().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’]", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    if re.fullmatch(r"(?:con|prn|aux|nul|com[1-9]|lpt[1-9])", slug):
        slug += "-readout"  # names Windows reserves for devices cannot name a file
    return slug or "readout"


def supplied_title(imported: ImportedReadout) -> str:
    """A title in square brackets, the archivist's mark for a title the document does not print."""
    from readouts.importer.document import shorten  # only for a text that prints no title

    opening = imported.lede or "Untitled"
    return f"[{shorten(opening.rstrip('.'), 100)}]"


def new_id(imported: ImportedReadout, taken: set[str]) -> str:
    """date-publisher-slug, made unique; an id is never changed once written."""
    day = imported.meeting.date or imported.published
    prefix = day.isoformat() if day else "undated"
    slug = slugify(imported.title or imported.lede or Path(imported.source_path).stem)
    base = f"{prefix}-{PUBLISHERS[imported.publisher].short_id}-{slug}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def render_markdown(readout_id: str, imported: ImportedReadout, source_file: str, sha256: str,
                    url: str | None = None, aliases: tuple[str, ...] = ()) -> str:
    """The text of content/readouts/<id>.md; `aliases` are the ids it had before (readouts rename)."""
    meeting = imported.meeting
    front: dict[str, Any] = {
        "id": readout_id,
        **({"aliases": list(aliases)} if aliases else {}),
        "title": imported.title or supplied_title(imported),
        "publisher": imported.publisher,
        **({"outlet": imported.outlet} if imported.outlet else {}),
        "kind": imported.kind,
        "published": imported.published,
        "meeting": {
            "date": meeting.date, "place": meeting.place, "format": meeting.format, "occasion": meeting.occasion,
            "duration_minutes": meeting.duration_minutes,
        },
        "participants": list(imported.participants),
        "mentioned": list(imported.mentioned),
        "topics": list(imported.topics),
        "source": {"file": source_file, "sha256": sha256, **({"url": url} if url else {})},
    }
    return "---\n" + dump_yaml(front) + "---\n\n" + imported.body.text


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
    finds the Markdown the record names waiting and puts it in place (finish_interrupted)."""
    pending = _pending(md_path)
    write_atomic(pending, text)
    try:
        write_atomic(record_path, record.to_json())
    except OSError:
        pending.unlink(missing_ok=True)  # not committed: nothing of this import stays
        raise
    os.replace(pending, md_path)


def finish_interrupted(md_path: Path, record: Provenance) -> bool:
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
