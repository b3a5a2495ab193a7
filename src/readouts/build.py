"""Build: import what is new → load → link → render into a fresh folder → swap it in for site/.

Each build leaves a cache for the next (cache.py): readouts whose files did not change are not
parsed again, and pages whose inputs did not change are linked from the previous site rather
than rendered again.

The new site is written aside and replaces the old one only when complete (publish.py), so a
failed, interrupted or killed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readouts.cache import BuildCache
from readouts.config import load_config
from readouts.errors import ReadoutsError
from readouts.importer.run import ImportReport, import_sources
from readouts.link import link
from readouts.load import load_corpus
from readouts.publish import build_lock, publish, recover, staging_folder
from readouts.render.depends import digest
from readouts.render.write import write_site

MARKER = ".readouts-site"
"""A file in every built site: only a folder holding it may be replaced by a build."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    imports: ImportReport
    written: int
    unchanged: int
    readouts: int
    seconds: float
    output: Path


def build_site(root: Path, *, keep_going: bool = False, on_wait: Callable[[], None] | None = None,
               progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Import new and changed sources, then render the whole site into its output folder.

    One build of a site runs at a time; a second one waits for the first (`on_wait` is told).
    """
    started = time.perf_counter()
    config = load_config(root)
    output = root / config.output_dir
    with build_lock(root, on_wait=on_wait):
        recover(output)
        _check_replaceable(output)
        imports = import_sources(root, keep_going=keep_going)
        cache = BuildCache.load(root)
        loaded_state = cache.state()
        graph = link(load_corpus(root, cache.readouts), cache.links)
        staging = staging_folder(output)
        try:
            staging.mkdir(parents=True)
            # Files are reused only from the very site the cache describes: the marker names the
            # manifest it was built with (a site restored from elsewhere, or built before a kill
            # between publishing and saving the cache, does not match).
            previous = output if _marker_token(output) == digest(cache.pages) else None
            written = write_site(graph, root, staging, previous, cache.pages, progress, cache.fragments)
            if config.pagefind:
                index_with_pagefind(staging)
            (staging / MARKER).write_text("built by readouts; this folder is replaced on every build\n"
                                          f"manifest {digest(written.manifest)}\n", encoding="utf-8")
            publish(staging, output)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        cache.pages = written.manifest
        if cache.state() != loaded_state:
            cache.save(root)
    return BuildReport(imports=imports, written=written.written, unchanged=written.unchanged,
                       readouts=len(graph.readouts), seconds=time.perf_counter() - started, output=output)


def _marker_token(output: Path) -> str | None:
    try:
        text = (output / MARKER).read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("manifest "):
            return line.split(" ", 1)[1]
    return None


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


def _check_replaceable(output: Path) -> None:
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ReadoutsError(f"the output folder {output} holds files readouts did not write",
                            str(output), hint="move them away, or set another `output:` in site.yaml")
