"""Putting a finished site in place, and keeping two builds of one site from overlapping.

Nothing is written into the output folder until the new site is complete beside it, so a build
that fails or is killed while rendering leaves the previous site exactly as it was. Then:

- A whole new site (the first build, or one that could not reuse the previous site) is
  exchanged with the old one in one atomic step (Linux renameat2 RENAME_EXCHANGE); where the
  exchange is not available, two renames leave a gap of microseconds, and the next build
  repairs it.
- A site that differs from the previous one in some files (every later build) is patched: a
  journal naming the new files and the removed ones is written first, in one atomic rename,
  then the files are moved into place. A build killed after the journal was written is finished
  by the next one (`recover`), so the site is the old one until the journal exists and the new
  one once it has been played; only the milliseconds of moving files show a mix. Moving a few
  hundred files instead of linking every file of the site into a new folder is what makes
  adding one readout to a site of 10,000 quick.

With `pagefind: true` in site.yaml, Pagefind indexes the finished site before it is put in place
(`index_with_pagefind`).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readouts.errors import ReadoutsError

if TYPE_CHECKING:
    from readouts.render.write import FirstPages

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


def journal_path(output: Path) -> Path:
    """Where a build that patches `output` commits the list of what it changes (patch)."""
    return output.parent / f".{output.name}.journal"


def patch(staging: Path, output: Path, removed: list[str], marker: str) -> None:
    """Move every file of `staging` into `output` and delete the `removed` paths, `marker` (the
    file naming the new site) after all the others; journaled, so a kill cannot leave it half
    done for longer than until the next build."""
    import json

    files = sorted(files_under(staging))
    if marker in files:
        files.remove(marker)
        files.append(marker)
    _check_writable(output, files + removed)
    journal = journal_path(output)
    temporary = journal.with_name(journal.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as stream:
        json.dump({"staging": staging.name, "marker": marker, "files": files, "removed": sorted(removed)}, stream)
        stream.flush()
        os.fsync(stream.fileno())  # a journal that loses its text in a power cut commits nothing
    os.replace(temporary, journal)  # the commit: from here on the new site is the one that counts
    try:
        _play(journal)
    except KeyboardInterrupt:
        _play(journal)  # Ctrl-C after the commit: finish the few moves left, then stop
        raise


def _check_writable(output: Path, paths: list[str]) -> None:
    """Fail before the commit when a folder of the site the journal would change cannot be
    changed (another user's, or on a read-only disk): after the commit such a folder would stop
    the journal halfway, leaving a site part old and part new until the next build."""
    checked: set[str] = set()
    for path in paths:
        folder = os.path.dirname(os.path.join(output, path))
        while not os.path.isdir(folder) and folder != os.fspath(output):
            folder = os.path.dirname(folder)  # made by the journal, in the nearest folder that exists
        if folder in checked:
            continue
        checked.add(folder)
        if not os.access(folder, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), folder)


def files_under(folder: Path) -> list[str]:
    """Paths of the files under `folder`, relative to it; none when it does not exist."""
    found: list[str] = []
    start = len(os.fspath(folder)) + 1
    for directory, _, names in os.walk(folder):
        found.extend(os.path.join(directory, name)[start:] for name in names)
    return found


def _play(journal: Path) -> None:
    """Carry out a journal: idempotent, so a journal played halfway before a kill can be played
    again from the start. A file that cannot be moved or removed (a full disk, permissions) stops
    it with a message, and the journal and the files still to move stay for the next build."""
    try:
        _play_entries(journal)
    except OSError as error:
        raise ReadoutsError(f"could not put the new site in place: {error.strerror or error}",
                            error.filename and os.fsdecode(error.filename),
                            hint="free some space or fix the folder's permissions, and build again") from None


UNFINISHED = "built by readouts; a build was cut short here, and the next one builds it whole\nmanifest unfinished\n"
"""The marker of a site whose journal could not be played to its end: it names no manifest, so
the next build trusts no file of it and makes the whole site anew."""


def _play_entries(journal: Path) -> None:
    import json

    output = journal.parent / journal.name[1:-len(".journal")]
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
        staging = journal.parent / entries["staging"]
        marker, files, removed = str(entries["marker"]), list(entries["files"]), list(entries["removed"])
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # not a journal this code wrote: nothing was committed by it
        return
    if not _journal_of(output, entries["staging"], [marker, *files, *removed]):
        # A journal that names a folder other than a staging folder of this site, or a path that
        # leaves the site ("../../home/…"), was not written by a build: played, it would remove
        # files anywhere (a site folder may come from someone else).
        journal.unlink()
        return
    if not staging.is_dir():
        # The files to move are gone (removed by hand): what was moved is new and the rest old,
        # so the site must not be trusted by the next build.
        (output / marker).write_text(UNFINISHED, encoding="utf-8")
        journal.unlink()
        return
    made: set[str] = set()
    for path in files:
        source, target = os.path.join(staging, path), os.path.join(output, path)
        if not os.path.lexists(source):
            continue  # moved before the kill
        folder = os.path.dirname(target)
        if folder not in made:
            _make_folder(folder, os.fspath(output))
            made.add(folder)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)  # a folder of the old site where the new one has a file
        os.replace(source, target)
    emptied: set[str] = set()
    for path in removed:
        target = os.path.join(output, path)
        if os.path.isdir(target) and not os.path.islink(target):
            continue  # the new site made a folder where the old one had this file
        if any(os.path.islink(f) for f in _folders_within(os.path.dirname(target), os.fspath(output))):
            continue  # the file is where a link in the site leads, not the site's
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # gone, or its folder became a file
            os.unlink(target)
        emptied.add(os.path.dirname(target))
    # A folder the removed files leave empty goes too: a clean build would not make it.
    for folder in sorted(emptied, key=len, reverse=True):
        for empty in _folders_within(folder, os.fspath(output)):
            try:
                os.rmdir(empty)
            except OSError:
                break
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _journal_of(output: Path, staging: object, paths: list[object]) -> bool:
    """True when a journal's staging folder is one of this output's and each path lies inside."""
    if not isinstance(staging, str) or not re.fullmatch(rf"\.{re.escape(output.name)}\.new-\d+", staging):
        return False
    return all(isinstance(p, str) and p and "\x00" not in p and not os.path.isabs(p)
               and ".." not in p.replace("\\", "/").split("/") for p in paths)


def _folders_within(path: str, output: str) -> Iterator[str]:
    """`path` and the folders above it, up to but not including `output`."""
    while path != output and path.startswith(output + os.sep):
        yield path
        path = os.path.dirname(path)


def _make_folder(folder: str, output: str) -> None:
    """Make a folder of the site, removing what stands in its way: a file of the old site (a
    static file that became a folder of static files), and a link, so that the site's files go
    into the site, not where a link someone put there leads (build.py makes a site whole rather
    than patch one whose folders are links; this is for a folder only the new site has)."""
    for path in _folders_within(folder, output):
        if os.path.islink(path) or (os.path.lexists(path) and not os.path.isdir(path)):
            os.unlink(path)
    os.makedirs(folder, exist_ok=True)


def recover(output: Path) -> None:
    """Clean up after a build that was killed: a journal written before the kill is played to
    its end, stale staging folders go, and if the output folder went missing between two
    renames, the old site comes back."""
    journal = journal_path(output)
    if journal.exists():
        _play(journal)
    journal.with_name(journal.name + ".tmp").unlink(missing_ok=True)
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


MARKER = ".readouts-site"
"""A file in every built site: only a folder holding it may be replaced by a build."""


def marker_token(output: Path) -> str | None:
    try:
        text = (output / MARKER).read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("manifest "):
            return line.split(" ", 1)[1]
    return None


def write_marker(folder: Path, token: str) -> None:
    from readouts.atomic import write_atomic_bytes

    write_atomic_bytes(folder / MARKER, (f"built by readouts; every build rewrites this folder\nmanifest {token}\n"
                                         .encode(),))


def real_folder(output: Path) -> Path:
    """The folder the output's path leads to. An output folder that is a link (to a folder a web
    server serves, or on another disk) is kept: the site is made beside the folder it leads to
    and exchanged with that, where swapping the link itself replaced it by a real folder and
    left the link behind as a temporary folder that could not be removed."""
    real = Path(os.path.realpath(output))
    return real if real != Path(os.path.abspath(output)) else output


def check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise ReadoutsError(f"the output folder {output} is a file", str(output),
                            hint="set `output:` in site.yaml to a folder, like `site`")
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ReadoutsError(f"the output folder {output} holds files readouts did not write",
                            str(output), hint="move them away, or set another `output:` in site.yaml")


@dataclass
class EarlyPages:
    """The pages a person waits for, put into the live site ahead of the rest of the build, and
    what each replaced, to put back should the build fail before the site is in place."""

    output: Path
    paths: frozenset[str]
    ready: Callable[[tuple[str, ...]], None]
    replaced: dict[str, bytes | None]

    def first_pages(self) -> FirstPages:
        from readouts.render.write import FirstPages  # the render stage loads only with a build

        return FirstPages(self.paths, self.put, self.ready)

    def put(self, path: str, html: str) -> None:
        from readouts.atomic import write_atomic_bytes

        if MARKER not in self.replaced:
            # Until the build is in place the site is no build's: should this process be killed
            # before it puts the pages back, the next build makes the whole site again.
            self.replaced[MARKER] = (self.output / MARKER).read_bytes()
            write_atomic_bytes(self.output / MARKER, (b"built by readouts; a build was putting pages in place\n"
                                                      b"manifest unfinished\n",))
        target = self.output / path
        try:
            self.replaced.setdefault(path, target.read_bytes())
        except FileNotFoundError:
            self.replaced.setdefault(path, None)
        write_atomic_bytes(target, (html.encode("utf-8"),))  # a reader sees the old page or the new

    def put_back(self) -> None:
        from readouts.atomic import write_atomic_bytes

        for path, before in self.replaced.items():
            target = self.output / path
            if before is None:
                target.unlink(missing_ok=True)
            else:
                write_atomic_bytes(target, (before,))


def index_with_pagefind(site: Path) -> None:
    """Run Pagefind over the finished site (site.yaml `pagefind: true`): its index loads with
    fetch(), so it serves sites over HTTP; the site's own search index still serves file://."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("pagefind") is None:
        raise ReadoutsError("site.yaml switches pagefind on, but Pagefind is not installed",
                            hint="pip install 'pagefind[bin]', or set `pagefind: false`")
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise ReadoutsError(f"Pagefind failed: {(result.stderr or result.stdout).strip()[-500:]}",
                            hint="run `python -m pagefind --site site` to see the whole report")


