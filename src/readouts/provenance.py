"""The import record of a readout, content/provenance/<id>.json: what import wrote and from what.
Import writes and reads it (importer/run.py); load reads it for the page's provenance."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

PROVENANCE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Provenance:
    """What import knows about a readout it wrote; content/provenance/<id>.json."""

    source: str
    source_sha256: str
    written_sha256: str
    inputs: str
    """Digest of everything else the output depends on (importer version, people and topics)."""
    adapter: str
    changes: tuple[dict[str, Any], ...]
    block_lines: tuple[int, ...]
    notes: tuple[str, ...]
    unresolved: tuple[str, ...]
    printed_day: tuple[int, int] | None = None
    printed_meeting_day: tuple[int, int] | None = None
    printed_weekday: int | None = None
    announces: bool = False
    """The text speaks of its meeting as still to come (model.ImportRecord.announces)."""
    deleted: bool = False
    """A person deleted the readout's Markdown: its source is not imported again unless asked."""
    url: str | None = None
    """Where the source was published (`readouts add --url`), kept for every later import."""
    entered: str | None = None
    """When the readout entered the archive, in UTC ("2026-12-06T09:40:12Z"): set by its first
    import and kept by every later one, so the feed dates it the same in every build."""
    aliases: tuple[str, ...] = ()
    """The ids the readout had before (`readouts rename`): every later import writes them into
    its front matter again, so its old addresses keep leading to it."""

    def to_json(self) -> str:
        data = {"version": PROVENANCE_VERSION, **{k: getattr(self, k) for k in self.__slots__}}
        if not self.deleted:
            del data["deleted"]  # records of readouts still there read as they always did
        for optional in ("url", "entered", "aliases", "printed_meeting_day", "announces"):
            if not data[optional]:
                del data[optional]
        if data["printed_weekday"] is None:  # Monday is 0, and kept
            del data["printed_weekday"]
        return json.dumps(data, indent=1, ensure_ascii=False, default=list) + "\n"

    @classmethod
    def parse(cls, text: str) -> Provenance:
        """The record in a file's text; raises ValueError, TypeError or AttributeError when it is
        not one (not JSON, not an object, a field missing or unknown)."""
        fields: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v)
                                  for k, v in json.loads(text).items() if k != "version"}
        return cls(**fields)

    @classmethod
    def from_json(cls, text: str) -> Provenance | None:
        """The record, or None when the text is not one the importer can trust: it then treats
        the readout as written by hand. A record that is not a JSON object still raises."""
        try:
            return cls.parse(text)
        except (ValueError, TypeError):
            return None
