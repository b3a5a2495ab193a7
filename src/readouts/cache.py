"""What one build leaves for the next: parsed readouts, per-readout link results and the
fingerprint of every file written, in .readouts-cache/ beside the content.

The cache is an optimisation only: a missing, damaged or outdated cache (another version of
readouts wrote it) is ignored, and the build does the work again. It is keyed by the digest of
readouts' own code, so no object of an older shape is ever read back.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_DIR = ".readouts-cache"
_FILE = "build.pickle"


def code_digest() -> str:
    """The digest of this package's code: a cache written by other code is not read."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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

    def state(self) -> tuple[object, ...]:
        """What would be written: equal states need no save (a no-op rebuild writes nothing)."""
        return (tuple((k, v[0]) for k, v in self.readouts.items()), tuple(self.links), tuple(self.pages.items()),
                tuple(self.fragments))

    @classmethod
    def load(cls, root: Path) -> BuildCache:
        code = code_digest()
        path = root / CACHE_DIR / _FILE
        try:
            with open(path, "rb") as stream:
                cache = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return cls(code)
        if not isinstance(cache, cls) or cache.code != code:
            return cls(code)
        return cache

    def save(self, root: Path) -> None:
        """Write atomically; a build killed while saving leaves the previous cache."""
        folder = root / CACHE_DIR
        folder.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".build.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / _FILE)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
