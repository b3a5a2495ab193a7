"""What one build leaves for the next: parsed readouts, per-readout link results and the
fingerprint of every file written, in .readouts-cache/ beside the content.

The cache is an optimisation only: a missing, damaged or outdated cache (another version of
readouts wrote it) is ignored, and the build does the work again. It is keyed by the digest of
readouts' own code, so no object of an older shape is ever read back.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import pickle
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_DIR = ".readouts-cache"
_FILE = "build.pickle"


def code_digest() -> str:
    """The digest of this package's code and theme: a cache written by other code is not read."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pickling makes objects by the million and frees none: the cyclic collector, which runs
    every few hundred allocations, would only slow it down (by half, measured)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class BuildCache:
    """The state carried from one build to the next."""

    code: str
    readouts: dict[str, Any] = field(default_factory=dict)
    """Readout file → (digest, Readout), for load."""
    links: dict[Any, Any] = field(default_factory=dict)
    """(readout digest, rules digest) → what link computed for that readout alone."""
    pages: dict[str, str] = field(default_factory=dict)
    """Output path → fingerprint of everything the file was made from, as last published."""
    fragments: dict[str, bytes] = field(default_factory=dict)
    """Digest of inputs → a piece of an export file (a readout's JSON record, a meeting's event)."""
    search_counts: dict[str, bytes] = field(default_factory=dict)
    """Settings digest and readout digest → the readout's word counts for the search index."""

    def state(self) -> tuple[object, ...]:
        """What would be written: equal states need no save (a no-op rebuild writes nothing)."""
        return (tuple((k, v[0]) for k, v in self.readouts.items()), tuple(self.links), tuple(self.pages.items()),
                tuple(self.fragments), tuple(self.search_counts))

    @classmethod
    def load(cls, root: Path) -> BuildCache:
        code = code_digest()
        path = root / CACHE_DIR / _FILE
        try:
            with open(path, "rb") as stream, _collector_paused():
                cache = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return cls(code)
        # The cache's million objects live as long as the build: the collector need not walk
        # them again and again while the stages allocate.
        gc.freeze()
        if not isinstance(cache, cls) or cache.code != code:
            return cls(code)
        return cache

    def save(self, root: Path) -> None:
        """Write atomically; a build killed while saving leaves the previous cache."""
        folder = root / CACHE_DIR
        folder.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".build.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream, _collector_paused():
                pickle.dump(self, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / _FILE)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


# ---------------------------------------------------------------- the no-op check

_STAMP = "stamp.json"
INPUT_FOLDERS = ("content", "templates", "static")
"""What a build reads besides site.yaml and readouts' own code (the output folder is not read)."""
_RACY_NS = 2_000_000_000
"""A file modified this close before the scan may change again within the same timestamp tick
without its size or time changing: it is never taken as unchanged."""


def scan_inputs(root: Path) -> dict[str, list[int]]:
    """Relative path → [size, modification time in ns] of every file a build reads.

    Stat only, no reading: this is what lets a build that has nothing to do finish at once."""
    found: dict[str, list[int]] = {}

    def walk(folder: str) -> None:
        try:
            entries = os.scandir(root / folder)
        except OSError:
            return
        with entries:
            for entry in entries:
                name = f"{folder}/{entry.name}"
                if entry.is_dir():
                    walk(name)
                elif entry.is_file():
                    stat = entry.stat()
                    found[name] = [stat.st_size, stat.st_mtime_ns]

    try:
        stat = (root / "site.yaml").stat()
        found["site.yaml"] = [stat.st_size, stat.st_mtime_ns]
    except OSError:
        pass
    for folder in INPUT_FOLDERS:
        walk(folder)
    return found


@dataclass(frozen=True)
class Stamp:
    """What the last complete build read and made: equal inputs, same site, nothing to do."""

    code: str
    inputs: dict[str, list[int]]
    marker: str
    """The manifest token of the site it published (build.MARKER)."""
    files: int
    readouts: int

    @classmethod
    def taken(cls, inputs: dict[str, list[int]], scanned_at_ns: int, marker: str, files: int,
              readouts: int) -> Stamp:
        """A stamp of `inputs` as scanned at `scanned_at_ns`; files modified just before the
        scan are recorded as unknown, so the next build looks at them again."""
        settled = {path: (value if scanned_at_ns - value[1] > _RACY_NS else [-1, -1])
                   for path, value in inputs.items()}
        return cls(code_digest(), settled, marker, files, readouts)

    @classmethod
    def load(cls, root: Path) -> Stamp | None:
        try:
            data = json.loads((root / CACHE_DIR / _STAMP).read_text(encoding="utf-8"))
            return cls(str(data["code"]), dict(data["inputs"]), str(data["marker"]), int(data["files"]),
                       int(data["readouts"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, root: Path) -> None:
        folder = root / CACHE_DIR
        folder.mkdir(exist_ok=True)
        text = json.dumps({"code": self.code, "marker": self.marker, "files": self.files,
                           "readouts": self.readouts, "inputs": self.inputs}, separators=(",", ":"))
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".stamp.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, folder / _STAMP)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def matches(self, inputs: dict[str, list[int]], marker: str | None) -> bool:
        return self.marker == marker and self.inputs == inputs and self.code == code_digest()


def now_ns() -> int:
    return time.time_ns()
