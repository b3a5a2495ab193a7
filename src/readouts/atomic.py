"""Files written whole or not at all: bytes go to a temporary file beside the target, which a
rename then puts in its place; a crash, a kill or a full disk leaves the old file or none."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from readouts.errors import naming


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_NEW_FILE_MODE = _new_file_mode()


def write_atomic(path: Path, text: str) -> None:
    """Write text as UTF-8 via a temporary file and a rename, so a crash never leaves half a file."""
    write_atomic_bytes(path, (text.encode("utf-8"),))


def write_atomic_bytes(path: Path, pieces: Iterable[bytes]) -> None:
    """Write the pieces, one after another, via a temporary file in the same folder and a rename;
    the temporary file goes when anything fails. Makes the folder when it is missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with naming(path), os.fdopen(handle, "wb") as stream:
            stream.writelines(pieces)
        # mkstemp makes the file readable by its owner alone; a readout, a record, a source copied
        # in or a cache is the user's file like any other, so it gets the mode a new file would.
        # The cache key is the one private file, and seal._make_key writes it on its own.
        os.chmod(temporary, _NEW_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
