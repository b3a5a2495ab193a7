"""The one exception every stage raises; cli.py turns it into `path:line: message`."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator


class Superseded(Exception):
    """A build stopped because a newer change came (readouts serve): the pages it put in place
    ahead stay, the rest is the next build's. Not a failure, and never shown as one."""


class ReadoutsError(Exception):
    """A problem the user can fix: bad input, a missing file, a name we cannot resolve.

    An OSError is the environment (a full disk, a folder we may not write): `from_os_error` says
    which file and why. Anything else that escapes is a bug: `bug_report` says so in one line, and
    `readouts --debug` shows its traceback.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None, str | None]]:
        # Keeps the path and line when an error crosses from a worker process.
        return (self.__class__, (self.message, self.path, self.line, self.hint))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = where + self.message
        if self.hint:
            text += f"\nhint: {self.hint}"
        return text


class ReadoutsErrors(ReadoutsError):
    """Several problems found in one pass, so the user can fix them all at once."""

    def __init__(self, errors: list[ReadoutsError]) -> None:
        super().__init__(f"{len(errors)} problems found")
        self.errors = errors

    def __reduce__(self) -> tuple[type, tuple[list[ReadoutsError]]]:  # type: ignore[override]
        return (self.__class__, (self.errors,))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


_ENVIRONMENT_HINTS = {
    errno.ENOSPC: "free some space on that disk and run it again; the previous site is as it was",
    errno.EDQUOT: "your disk quota is used up: free some space and run it again",
    errno.EFBIG: "a limit on file size (ulimit -f) stopped the write: raise it and run it again",
    errno.EACCES: "readouts needs to read and write there: check the owner and permissions",
    errno.EPERM: "readouts needs to read and write there: check the owner and permissions",
    errno.EROFS: "that disk is mounted read-only: build on a disk that can be written",
    errno.EISDIR: "a folder is where a file should be: move it away",
    errno.ENOTDIR: "a file is where a folder should be: move it away",
    errno.EADDRINUSE: "another program listens there: pick another port with --port, or --port 0 for a free one",
}


def from_os_error(error: OSError) -> ReadoutsError:
    """An OSError as a message: the file it concerns (where the system said) and why."""
    cause = error.strerror or str(error)
    path = None
    if error.filename is not None:
        path = os.fsdecode(error.filename)
        if error.filename2 is not None:
            cause += f" (and {os.fsdecode(error.filename2)})"
    return ReadoutsError(cause, path, hint=_ENVIRONMENT_HINTS.get(error.errno or 0))


def bug_report(error: BaseException | None) -> str:
    """What to say of an exception that is not a ReadoutsError: a bug, and where it goes."""
    from readouts import __version__

    kind = error.__class__.__name__ if error is not None else "error"
    return (f"this is a bug in readouts {__version__}, not a problem with your site ({kind}: {error})\n"
            "hint: please report it in the readouts issue tracker with the command you ran; run it again "
            "with --debug (`readouts --debug build`) to see the traceback")


@contextlib.contextmanager
def naming(path: str | os.PathLike[str]) -> Iterator[None]:
    """Gives an OSError raised inside the name of the file being written, where the system gave
    none: a write that finds the disk full says only "No space left on device"."""
    try:
        yield
    except OSError as error:
        if error.filename is None:
            error.filename = os.fspath(path)
        raise
