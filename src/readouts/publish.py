"""Putting a finished site in place, and keeping two builds of one site from overlapping.

The new site is written into a folder beside the output and exchanged with it in one atomic
step (Linux renameat2 RENAME_EXCHANGE), so at every instant the output folder holds either the
whole old site or the whole new one — even if the build is killed. Where the exchange is not
available, two renames leave a gap of microseconds, and the next build repairs it.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@functools.cache
def _renameat2() -> Any:
    """libc's renameat2, found when first needed: finding it runs ldconfig, which a build that
    publishes nothing should not pay for."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def exchange(new: Path, current: Path) -> bool:
    """Swap two folders atomically; False when the system cannot."""
    import ctypes

    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(current), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(current))


def staging_folder(output: Path) -> Path:
    return output.parent / f".{output.name}.new-{os.getpid()}"


def publish(staging: Path, output: Path) -> None:
    """Replace `output` with the complete site in `staging`."""
    if output.exists() and exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old site
        return
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)


def recover(output: Path) -> None:
    """Clean up after a build that was killed: stale staging folders go, and if the output
    folder went missing between two renames, the old site comes back."""
    leftovers = sorted(output.parent.glob(f".{output.name}.old-*"))
    if not output.exists() and leftovers:
        os.replace(leftovers[-1], output)
    for stale in [*output.parent.glob(f".{output.name}.new-*"), *output.parent.glob(f".{output.name}.old-*")]:
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def build_lock(root: Path, wait_seconds: float = 600.0, on_wait: object = None) -> Iterator[None]:
    """Hold the site's build lock. The kernel releases it when a process dies, so a lock left
    by a killed build never blocks the next one."""
    import fcntl

    path = root / ".readouts.lock"
    with open(path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and callable(on_wait):
                    on_wait()
                    told = True
                if time.monotonic() > deadline:
                    raise ReadoutsError("another build of this site has been running for too long", str(path),
                                        hint="wait for it to finish, or stop it") from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
