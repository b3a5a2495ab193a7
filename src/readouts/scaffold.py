"""`readouts init`: a new site folder with settings, starter registries and empty content."""

from __future__ import annotations

import shutil
from pathlib import Path

from readouts.errors import ReadoutsError

STARTER = Path(__file__).resolve().parent / "starter"
_FILES = {"site.yaml": "site.yaml", "README.md": "README.md", "topics.yaml": "content/topics.yaml",
          "people.yaml": "content/people.yaml", "glossary.yaml": "content/glossary.yaml"}
_FOLDERS = ("content/sources", "content/readouts", "templates", "static")


def init_site(target: Path) -> list[Path]:
    """Create a site in `target` (new or empty); returns the files written. Never overwrites."""
    if (target / "site.yaml").exists() or (target / "content").exists():
        raise ReadoutsError("a site already exists here", str(target),
                            hint="build it with `readouts --root DIR build`, or choose another folder")
    if target.exists() and not target.is_dir():
        raise ReadoutsError("this is a file, not a folder", str(target))
    written = []
    for folder in _FOLDERS:
        (target / folder).mkdir(parents=True, exist_ok=True)
        keep = target / folder / ".gitkeep"
        keep.touch()
        written.append(keep)
    for source, destination in _FILES.items():
        path = target / destination
        shutil.copyfile(STARTER / source, path)
        written.append(path)
    gitignore = target / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("/site/\n/.site.*/\n/.readouts-cache/\n/.readouts.lock\n", encoding="utf-8")
        written.append(gitignore)
    return written
