"""`readouts init`: a new site folder with settings, starter registries and empty content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from readouts.errors import ReadoutsError

STARTER = Path(__file__).resolve().parent / "starter"
_FILES = {"site.yaml": "site.yaml", "README.md": "README.md", "topics.yaml": "content/topics.yaml",
          "people.yaml": "content/people.yaml", "glossary.yaml": "content/glossary.yaml"}
_FOLDERS = ("content/sources", "content/readouts", "templates", "static")


def init_site(target: Path, on_kept: Callable[[Path], None] | None = None) -> list[Path]:
    """Create a site in `target` (new, or a folder without a site); returns the files written.
    Never overwrites: a file that exists (a project's own README.md) is kept, and `on_kept` told."""
    if (target / "site.yaml").exists() or (target / "content").exists():
        raise ReadoutsError("a site already exists here", str(target),
                            hint="build it with `readouts --root DIR build`, or choose another folder")
    if target.exists() and not target.is_dir():
        raise ReadoutsError("this is a file, not a folder", str(target))
    written = []
    for folder in _FOLDERS:
        (target / folder).mkdir(parents=True, exist_ok=True)
        written += _create(target / folder / ".gitkeep", b"", on_kept)
    for source, destination in _FILES.items():
        written += _create(target / destination, (STARTER / source).read_bytes(), on_kept)
    written += _create(target / ".gitignore", b"/site/\n/.site.*/\n/.readouts-cache/\n/.readouts.lock\n", None)
    return written


def _create(path: Path, data: bytes, on_kept: Callable[[Path], None] | None) -> list[Path]:
    """[path] when it was made with `data`; [] when a file was there (it is left as it was)."""
    try:
        # "x": made only if absent, in the one system call that also looks, so nothing is ever
        # written over, even by a file made meanwhile
        with open(path, "xb") as stream:
            stream.write(data)
    except FileExistsError:
        if on_kept is not None and path.name != ".gitkeep":
            on_kept(path)
        return []
    return [path]
