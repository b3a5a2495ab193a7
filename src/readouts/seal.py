"""Sealing the build cache's files with this user's key: unpickling runs code, and compiled
templates are code, so a file of `.readouts-cache/` is read only if this user's readouts wrote it.

The key lives outside every site (`$XDG_CACHE_HOME/readouts/cache-key`, else
`~/.cache/readouts/cache-key`), made 0600 on first use, so a site folder copied from someone else
never carries it.
"""

from __future__ import annotations

import errno
import functools
import hmac
import os
from pathlib import Path

_SEAL = b"readouts cache, sealed\n"
_KEY_FILE = "cache-key"


def key_path() -> Path:
    """The user's own secret for sealing caches: outside every site, so a site folder copied from
    someone else never carries it."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "readouts" / _KEY_FILE


@functools.cache
def _key() -> tuple[bytes, str | None]:
    """(the key, None), or (a key for this process alone, why) when none can be kept: then
    nothing a build saves can be read by another process, which costs work and nothing else."""
    path = key_path()
    try:
        key = _read_key(path)
        if key is None:
            key = _make_key(path)
        return key, None
    except OSError as error:
        return os.urandom(32), (f"no key to seal the build cache with ({path}: {error.strerror or error}): "
                                "every build makes the whole site")


def _read_key(path: Path) -> bytes | None:
    """The key in `path`, if it is one only this user could have written or read."""
    try:
        with open(path, "rb") as stream:
            stat = os.fstat(stream.fileno())
            key = stream.read(65)
    except FileNotFoundError:
        return None
    if stat.st_uid != os.getuid() or stat.st_mode & 0o077 or len(key) != 32:
        return None  # replaced: another user may know it
    return key


def _make_key(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{_KEY_FILE}.{os.getpid()}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(os.urandom(32))
        try:
            os.link(temporary, path)  # the first process to make one wins; the others read it
        except FileExistsError:
            if _read_key(path) is None:
                os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    key = _read_key(path)
    if key is None:
        raise PermissionError(errno.EACCES, "the key file is not this user's alone", os.fspath(path))
    return key


def key_problem() -> str | None:
    """Why caches cannot be kept between processes, or None when they can."""
    return _key()[1]


def seal(data: bytes) -> list[bytes]:
    """The pieces of a sealed file: a header, the HMAC-SHA256 of `data` under the user's key, `data`."""
    return [_SEAL, hmac.digest(_key()[0], data, "sha256"), data]


def unseal(blob: bytes) -> memoryview | None:
    """The data of a sealed file, or None when it was not sealed with this user's key."""
    start = len(_SEAL) + 32
    if len(blob) < start or not blob.startswith(_SEAL):
        return None
    data = memoryview(blob)[start:]
    if not hmac.compare_digest(blob[len(_SEAL):start], hmac.digest(_key()[0], data, "sha256")):
        return None
    return data
