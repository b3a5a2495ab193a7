"""Where a site's inputs may lie: inside the site. A symbolic link is followed only there.

A link in content/, templates/ or static/ that led elsewhere (`ln -s /etc/passwd
content/sources/passwd.txt`) would publish what it leads to; one that loops cannot be read.
"""

from __future__ import annotations

import errno
import functools
import os
from pathlib import Path

from readouts.errors import ReadoutsError


def check_link(root: Path | str | None, path: Path | str, *, loops: bool = True) -> None:
    """Refuse `path` when it is a link (or lies under one) leading outside `root` (any place
    when root is None), or, with `loops`, a link that loops; anything else passes, a link
    inside the site included."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            if not loops:
                return
            raise ReadoutsError("this is a symbolic link that leads round in a loop, so it cannot be read",
                                str(path), hint="remove the link, or point it at a file") from None
        # A link to nothing reads as a missing file, as before; where it points still counts.
        target = os.path.realpath(path)
    if root is None:
        return
    real_root = _real(os.fspath(root))
    if os.path.commonpath([real_root, target]) != real_root:
        raise ReadoutsError(f"this is a symbolic link to {target}, which is outside the site ({real_root}): "
                            "what it leads to would be published", str(path),
                            hint="copy what it leads to into the site instead of linking to it, or remove the link")


@functools.lru_cache(maxsize=16)
def _real(root: str) -> str:
    # Once per site, not once per link: a site may link thousands of sources to files in it.
    return os.path.realpath(root)


def listed_file(root: Path | str, entry: os.DirEntry[str]) -> bool:
    """DirEntry.is_file() for a folder's listing of inputs, with links checked by check_link:
    a link that loops or leads outside is refused rather than skipped or followed."""
    if entry.is_symlink():
        check_link(root, entry.path)
    return entry.is_file()
