"""Work spread over the cores gives what the same work done in one process gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from readouts import parallel
from readouts.build import build_site
from readouts.errors import ReadoutsErrors
from readouts.render import search_files, write
from tests.conftest import copy_demo_site

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs fork and two cores")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return copy_demo_site(tmp_path / name, with_readouts=False)


def test_a_site_built_on_every_core_equals_one_built_in_one_process(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # each site imports its readouts, at its own moment: one clock for both entry instants
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    serial = _site(tmp_path, "serial")
    build_site(serial)
    spread = _site(tmp_path, "spread")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(write, "PARALLEL_FROM", 1)
    build_site(spread)
    assert _tree(spread / "site") == _tree(serial / "site")


def test_a_cold_build_on_every_core_makes_the_search_shards_where_it_counts_their_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # made in this process, while the pages render, they kept it busy after the rendering workers
    serial = _site(tmp_path, "serial")
    build_site(serial)
    spread = _site(tmp_path, "spread")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(write, "PARALLEL_FROM", 1)
    here = os.getpid()
    made_here: list[str] = []
    making = search_files.shard_files

    def told(graph: object, shard: search_files.SearchShard, *args: object) -> dict[str, bytes]:
        if os.getpid() == here:
            made_here.append(shard.name)
        return making(graph, shard, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(search_files, "shard_files", told)
    build_site(spread)
    assert made_here == []
    assert _tree(spread / "site" / "search") == _tree(serial / "site" / "search")


def test_problems_found_in_workers_are_reported_with_file_and_line(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path, "bad")
    build_site(root)
    readouts = sorted((root / "content" / "readouts").glob("*.md"))
    for path in readouts[:2]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\npublisher: ", "\nkind_of: x\npublisher: ", 1), encoding="utf-8")
    shutil.rmtree(root / ".readouts-cache")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    with pytest.raises(ReadoutsErrors) as raised:
        build_site(root)
    assert [(e.path, e.line) for e in raised.value.errors] == [(str(p), 4) for p in readouts[:2]]
    assert all("unknown key 'kind_of'" in e.message for e in raised.value.errors)


@pytest.mark.parametrize("stage", ["reading readouts", "rendering pages"])
def test_a_worker_that_dies_fails_the_build_with_a_message_and_leaves_the_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """A worker killed mid-build (by the out-of-memory killer, say) must not leave the build
    waiting for it forever."""
    import os
    import signal

    from readouts import load
    from readouts.errors import ReadoutsError
    from readouts.render.pages import readout as readout_pages

    root = _site(tmp_path, "dies")
    build_site(root)
    before = _tree(root / "site")
    shutil.rmtree(root / ".readouts-cache")  # everything is made again
    main = os.getpid()
    module, name = (load, "_parse_readout") if stage == "reading readouts" else (readout_pages, "readout_context")
    real = getattr(module, name)

    def dying(*args: object, **kwargs: object) -> object:
        if os.getpid() != main:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, dying)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(write, "PARALLEL_FROM", 1)

    def waited_too_long(*_: object) -> None:
        raise TimeoutError("the build waited for a dead worker")

    previous = signal.signal(signal.SIGALRM, waited_too_long)
    signal.alarm(60)
    try:
        with pytest.raises(ReadoutsError, match="worker process stopped"):
            build_site(root)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert _tree(root / "site") == before


def test_a_few_pages_render_in_one_worker_while_this_process_writes_the_other_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding one readout to 10,000 renders some 35 pages: rendered in the build's own process,
    they waited for the search and export files, with the second core idle."""
    import os

    from readouts.render.pages import readout as readout_pages

    root = _site(tmp_path, "few")
    build_site(root)
    first = sorted((root / "content" / "readouts").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    rendered_by = tmp_path / "rendered_by"
    real = readout_pages.readout_context

    def told(*args: object, **kwargs: object) -> object:
        with open(rendered_by, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readout_pages, "readout_context", told)
    report = build_site(root)
    assert 10 < report.written < write.PARALLEL_FROM  # a few pages, not a whole site
    pids = set(rendered_by.read_text(encoding="utf-8").split())
    assert pids and str(os.getpid()) not in pids
