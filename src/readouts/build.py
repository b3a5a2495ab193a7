"""Build: import what is new → load → link → render into a fresh folder → swap it in for site/.

The new site is written aside and replaces the old one only when complete, so a failed or
interrupted build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from readouts.config import load_config
from readouts.errors import ReadoutsError
from readouts.importer.run import ImportReport, import_sources
from readouts.link import link
from readouts.load import load_corpus
from readouts.render.write import write_site

MARKER = ".readouts-site"
"""A file in every built site: only a folder holding it may be replaced by a build."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    imports: ImportReport
    files: int
    readouts: int
    seconds: float
    output: Path


def build_site(root: Path, *, keep_going: bool = False) -> BuildReport:
    """Import new and changed sources, then render the whole site into its output folder."""
    started = time.perf_counter()
    config = load_config(root)
    output = root / config.output_dir
    _check_replaceable(output)
    imports = import_sources(root, keep_going=keep_going)
    graph = link(load_corpus(root))
    staging = output.parent / f".{output.name}.new-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        files = write_site(graph, root, staging)
        (staging / MARKER).write_text("built by readouts; this folder is replaced on every build\n",
                                      encoding="utf-8")
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildReport(imports=imports, files=files, readouts=len(graph.readouts),
                       seconds=time.perf_counter() - started, output=output)


def _check_replaceable(output: Path) -> None:
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ReadoutsError(f"the output folder {output} holds files readouts did not write",
                            str(output), hint="move them away, or set another `output:` in site.yaml")


def _swap(staging: Path, output: Path) -> None:
    """Put the new site in place: two renames, with the old site removed only afterwards."""
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)
