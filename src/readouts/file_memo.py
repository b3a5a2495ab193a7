"""What was made from a file's bytes, kept by the file's size, times and inode between builds:
the importer's digests of sources and readouts, parsed import records and registries.

A build looks at every source, readout and import record to tell which need importing, and at
every source it copies into the site; with this memo, and the build's own look at its inputs
(stamp.scan_inputs), a build that changed one file reads one file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from readouts.cache import CacheTable, now_ns, settled, settled_signature, sha256_hex, signature_of
from readouts.errors import ReadoutsError

Made = TypeVar("Made")

_DAMAGED = {"provenance": ("the import record is damaged", "delete it: the readout then counts as written by hand")}
"""What FileMemo says of a file of each kind it could not make anything of."""


KeptFile = tuple[tuple[int, ...], Any, bool]
"""(the file's signature, what was made from its bytes, whether readouts wrote the file itself)."""


class FileMemo:
    """What was made from a file's bytes (a digest, a parsed record), kept by the file's size,
    times and inode, so that a build that finds them unchanged does not read the file again.

    The importer looks at every source, readout and import record on every build to tell which
    need importing, and the build fingerprints every source it copies into the site: three
    files read and hashed per imported readout, however few changed. A file changed moments ago
    (its clock tick may not be over) is read whatever its times say, as in load.py."""

    def __init__(self, store: dict[tuple[str, str], KeptFile] | None = None) -> None:
        self.store = store if store is not None else {}
        self.looked_at = now_ns()
        self.used: set[tuple[str, str]] = set()
        self.scan: tuple[str, Mapping[str, list[int]], int] | None = None

    def take_scan(self, root: Path, inputs: Mapping[str, list[int]], looked_at_ns: int) -> None:
        """Take files' signatures from the build's look at its inputs (stamp.scan_inputs: path
        relative to `root` → signature, looked at from `looked_at_ns`) rather than look at them
        again: 30,000 files at 10,000 imported readouts. Only until the build writes into its
        inputs (forget_scan)."""
        self.scan = (os.fspath(root) + os.sep, inputs, looked_at_ns)

    def forget_scan(self) -> None:
        self.scan = None

    def scanned(self, path: str) -> tuple[int, ...] | None:
        """The file's signature as the build's look found it, if it found it settled."""
        seen = self._seen(path)
        return tuple(seen) if seen is not None and seen[0] >= 0 and settled(seen, self.scan[2]) else None  # type: ignore[index]

    def _seen(self, path: str) -> list[int] | None:
        if self.scan is None or not path.startswith(self.scan[0]):
            return None
        return self.scan[1].get(path[len(self.scan[0]):].replace(os.sep, "/"))

    def get(self, kind: str, path: Path | str, make: Callable[[bytes], Made]) -> Made:
        """make(the file's bytes), from the memo while the file is as it was; raises OSError
        as reading the file would."""
        key = (kind, os.fspath(path))
        self.used.add(key)
        kept = self.store.get(key)
        signature: tuple[int, ...] | None = self.scanned(key[1])
        if signature is not None:
            now = signature
        else:
            stat = os.stat(path)
            signature, now = settled_signature(stat, self.looked_at), tuple(signature_of(stat))
        # A file readouts wrote itself (wrote()) is known by its signature however recent.
        if kept is not None and kept[0] == now and (signature is not None or kept[2]):
            value: Made = kept[1]
            return value
        with open(path, "rb") as stream:
            data = stream.read()
        try:
            value = make(data)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # What `make` reads is a file a person can edit or damage (an import record that
            # holds a list): its name and what was wrong, not a traceback.
            what, hint = _DAMAGED.get(kind, ("the file is damaged", None))
            raise ReadoutsError(f"{what} ({exc.__class__.__name__}: {exc})", str(path), hint=hint) from None
        if signature is not None:
            self.store[key] = (signature, value, False)
        else:
            self.store.pop(key, None)
        return value

    def wrote(self, kind: str, path: Path, value: Any) -> None:
        """Record that readouts just wrote `path` and what `kind` makes of it: the next get()
        takes it as it is, without reading it, though it changed moments ago (a file written
        atomically gets a new inode each time, so no other file can have its signature)."""
        key = (kind, os.fspath(path))
        self.used.add(key)
        with contextlib.suppress(OSError):
            self.store[key] = (tuple(signature_of(os.stat(path))), value, True)

    def sha256(self, path: Path | str) -> str:
        """The SHA-256 of the file's bytes, in hex."""
        return self.get("sha256", path, sha256_hex)

    def forget_unused(self) -> None:
        """Drop what no file looked at in this build was made into (files gone or renamed)."""
        for key in set(self.store) - self.used:
            del self.store[key]


def _file_signatures(part: Mapping[tuple[str, str], KeptFile]) -> frozenset[Any]:
    """What was made from a file follows from the file's signature."""
    return frozenset((k, v[0]) for k, v in part.items())


FILE_MEMO: CacheTable[tuple[str, str], KeptFile] = CacheTable("files", _file_signatures)
"""(kind, file) → what FileMemo made of the file, by its signature."""
