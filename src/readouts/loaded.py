"""What a file gave the last time this process read it, while the file is unchanged.

readouts serve loads the corpus on every change. Parsing the registries' YAML again each time was
a tenth of a rebuild at 1,000 readouts, and content/addresses.yaml, which the build itself
rewrites whenever a meeting is added, took 0.2 s at 10,000. A file is known by its size, times
and inode (cache.signature_of); what the loaders make is frozen, so one result serves every build.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readouts.cache import now_ns, settled_signature, signature_of

_KEPT: dict[tuple[str, str], tuple[tuple[int, ...], bool, Any]] = {}
"""(loader, path) → (the file's signature, whether this process wrote it, what the loader made)."""


def _key(load: Callable[[Path], Any], path: Path) -> tuple[str, str]:
    return (f"{load.__module__}.{load.__qualname__}", os.fspath(path))


def remembered(load: Callable[[Path], Any], path: Path) -> Any:
    """`load(path)`, or what it gave before while the file is as it was then. A file changed too
    recently to tell by its times is read again, unless this process wrote it (remember_written)."""
    try:
        stat = os.stat(path)
    except OSError:
        return load(path)  # the loader says what is wrong with it
    key = _key(load, path)
    known = _KEPT.get(key)
    exact = tuple(signature_of(stat))
    if known is not None and known[0] == exact and (known[1] or settled_signature(stat, now_ns()) is not None):
        return known[2]
    loaded = load(path)
    if settled_signature(stat, now_ns()) is not None:
        _KEPT[key] = (exact, False, loaded)
    return loaded


def remember_written(load: Callable[[Path], Any], path: Path, value: Any) -> None:
    """Record that this process just wrote `path` with what `load` would make of it: the next
    build takes it as it is, without reading it (a rename gives every write a new inode)."""
    with contextlib.suppress(OSError):
        _KEPT[_key(load, path)] = (tuple(signature_of(os.stat(path))), True, value)
