"""What the build promises: a killed build leaves the previous site, builds never overlap, and
the same content always gives the same bytes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from readouts.build import build_site
from readouts.publish import recover
from tests.conftest import copy_demo_site, readouts_by_source

BODY = "\n\n".join(
    f"## {n}. Section on the peace treaty\n\n- The ministers discussed grave visits, item {n}.\n"
    f"- Joint economic activities on the islands, point {n}.\n\nA paragraph about trade number {n}, "
    f"with Sergey Lavrov and Taro Kono, to make the page long enough to take a moment to render."
    for n in range(1, 25))


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_readouts(root: Path, count: int, title: str) -> None:
    folder = root / "content" / "readouts"
    for n in range(count):
        readout_id = f"2018-01-{n % 28 + 1:02d}-other-readout-{n}"
        (folder / f"{readout_id}.md").write_text(
            f"---\nid: {readout_id}\ntitle: {title} {n}\npublisher: other\nkind: news\n"
            f"published: 2018-01-{n % 28 + 1:02d}\nparticipants: [sergey-lavrov, taro-kono]\n"
            f"topics: [peace-treaty, humanitarian-measures, joint-economic-activities]\n---\n\n{BODY}\n",
            encoding="utf-8")


def _build_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "readouts", "--root", str(root), "build"]


def test_a_killed_build_leaves_the_previous_site_exactly_as_it_was(tmp_path: Path) -> None:
    root = copy_demo_site(tmp_path, with_readouts=False)
    _write_readouts(root, 60, "First title")
    build_site(root)
    old = _tree(root / "site")
    _write_readouts(root, 60, "Second title")
    started = time.perf_counter()
    subprocess.run(_build_command(root), check=True, capture_output=True, timeout=300)
    full = time.perf_counter() - started
    new = _tree(root / "site")
    assert new != old

    _write_readouts(root, 60, "First title")
    subprocess.run(_build_command(root), check=True, capture_output=True, timeout=300)
    assert _tree(root / "site") == old
    _write_readouts(root, 60, "Second title")
    rng = random.Random(7)
    for attempt in range(5):
        process = subprocess.Popen(_build_command(root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, full * 0.95))
        process.send_signal(signal.SIGKILL)
        process.wait()
        site = _tree(root / "site")
        if site not in (old, new):
            # Killed while moving the new files into place: the journal was written, and the
            # next build plays it to the end before anything else.
            assert (root / ".site.journal").exists(), f"attempt {attempt}: a mixed site and no journal"
            recover(root / "site")
            site = _tree(root / "site")
            assert site == new, f"attempt {attempt}: playing the journal did not give the new site"
        if site == new:  # the build finished before the kill: start from the old site again
            _write_readouts(root, 60, "First title")
            subprocess.run(_build_command(root), check=True, capture_output=True, timeout=300)
            _write_readouts(root, 60, "Second title")
    subprocess.run(_build_command(root), check=True, capture_output=True, timeout=300)
    assert _tree(root / "site") == new
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.")]


def test_two_builds_of_the_same_content_are_byte_identical(demo_site: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # both sites import the same sources, each at its own moment: the same content needs one
    # clock for the instant each readout entered the archive
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    build_site(demo_site)
    first = _tree(demo_site / "site")
    (tmp_path / "other").mkdir()
    other = copy_demo_site(tmp_path / "other", with_readouts=False)
    build_site(other)
    assert _tree(other / "site") == first
    build_site(demo_site)
    assert _tree(demo_site / "site") == first


def test_a_second_build_waits_for_the_first(demo_site: Path) -> None:
    from readouts.publish import build_lock

    waited = threading.Event()
    with build_lock(demo_site):
        thread = threading.Thread(target=build_site, args=(demo_site,), kwargs={"on_wait": waited.set})
        thread.start()
        assert waited.wait(10), "the second build did not wait"
        assert not (demo_site / "site").exists()
    thread.join(60)
    assert (demo_site / "site" / "index.html").is_file()


def test_a_lock_left_by_a_killed_build_does_not_block(demo_site: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from readouts.publish import build_lock\n"
        f"with build_lock(Path({str(demo_site)!r})):\n    print('locked', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (demo_site / ".readouts.lock").exists()
    build_site(demo_site)
    assert (demo_site / "site" / "index.html").is_file()


def test_a_site_missing_between_two_renames_comes_back(demo_site: Path) -> None:
    build_site(demo_site)
    before = _tree(demo_site / "site")
    shutil.move(demo_site / "site", demo_site / ".site.old-12345")
    (demo_site / ".site.new-12345").mkdir()
    recover(demo_site / "site")
    assert _tree(demo_site / "site") == before
    assert not (demo_site / ".site.new-12345").exists()


def test_a_build_killed_while_patching_the_site_is_finished_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal is the commit: once it is written, a kill halfway through moving files leaves
    a site the next build completes, never one it builds upon half old and half new."""
    import readouts.publish

    root = copy_demo_site(tmp_path, with_readouts=False)
    _write_readouts(root, 12, "First title")
    build_site(root)
    old = _tree(root / "site")
    _write_readouts(root, 12, "Second title")
    (root / "content" / "readouts" / "2018-01-01-other-readout-0.md").unlink()
    real_replace = os.replace
    moved = 0

    class Killed(BaseException):
        """Stands for SIGKILL: nothing of the build runs after it."""

    def replace_then_die(source: str, target: str) -> None:
        nonlocal moved
        if str(target).startswith(str(root / "site") + os.sep):
            moved += 1
            if moved == 5:
                raise Killed  # before the rest are moved
        real_replace(source, target)

    monkeypatch.setattr(readouts.publish.os, "replace", replace_then_die)
    with pytest.raises(Killed):
        build_site(root)
    monkeypatch.undo()
    assert _tree(root / "site") not in (old,), "the kill came before the journal was written"
    assert (root / ".site.journal").exists()
    build_site(root)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("site", ".readouts-*", ".site*"))
    build_site(clean)
    assert _tree(root / "site") == _tree(clean / "site")
    assert not (root / "site" / "readouts" / "2018-01-01-other-readout-0.html").exists()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.")]


def test_ctrl_c_after_the_commit_finishes_moving_the_new_site_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C is not a kill: once the journal is committed the build finishes the moves before
    it stops, so the site is never left mixed by it."""
    import readouts.publish

    root = copy_demo_site(tmp_path, with_readouts=False)
    _write_readouts(root, 12, "First title")
    build_site(root)
    _write_readouts(root, 12, "Second title")
    real_replace = os.replace
    interrupted = False

    def replace_once_interrupted(source: str, target: str) -> None:
        nonlocal interrupted
        if str(target).startswith(str(root / "site") + os.sep) and not interrupted:
            interrupted = True
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(readouts.publish.os, "replace", replace_once_interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_site(root)
    monkeypatch.undo()
    assert interrupted and not (root / ".site.journal").exists()
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("site", ".readouts-*", ".site*"))
    build_site(clean)
    assert _tree(root / "site") == _tree(clean / "site")


def test_a_site_that_cannot_be_patched_gets_a_message_and_the_next_build_finishes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import readouts.publish
    from readouts.errors import ReadoutsError

    root = copy_demo_site(tmp_path, with_readouts=False)
    _write_readouts(root, 12, "First title")
    build_site(root)
    _write_readouts(root, 12, "Second title")
    real_replace = os.replace

    def disk_full(source: str, target: str) -> None:
        if str(target).startswith(str(root / "site") + os.sep):
            raise OSError(28, "No space left on device", target)
        real_replace(source, target)

    monkeypatch.setattr(readouts.publish.os, "replace", disk_full)
    with pytest.raises(ReadoutsError, match="could not put the new site in place: No space left on device"):
        build_site(root)
    monkeypatch.undo()
    assert (root / ".site.journal").exists()
    build_site(root)
    page = root / "site" / "readouts" / "2018-01-01-other-readout-0.html"
    assert "Second title" in page.read_text(encoding="utf-8")
    assert not (root / ".site.journal").exists()


SLOW_WRITES = """\
import os, sys, time
import readouts.importer.run as run
write = run.write_atomic
def slow(path, text):
    time.sleep(float(os.environ.get("DELAY", "1.5")))
    write(path, text)
run.write_atomic = slow
from readouts.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""The command line with every write of an import DELAY (1.5) s late, so that a second command
started meanwhile meets an import half done, and a kill can land between any two writes."""



def _when_writing_starts(root: Path, slow: subprocess.Popen[bytes]) -> None:
    folder = root / "content" / "readouts"
    deadline = time.monotonic() + 60
    while not (folder.is_dir() and any(os.scandir(folder))):
        assert slow.poll() is None and time.monotonic() < deadline, "the import wrote nothing"
        time.sleep(0.01)


@pytest.mark.parametrize(("first", "second"), [("import", "import"), ("add", "build")],
                         ids=["two imports", "a build while add imports"])
def test_commands_that_import_at_once_give_one_readout_per_source(
        tmp_path: Path, first: str, second: str) -> None:
    (tmp_path / "site").mkdir()
    root = copy_demo_site(tmp_path / "site", with_readouts=False)
    sources = sorted((root / "content" / "sources").glob("*.txt"))
    for extra in sources[2:]:
        extra.unlink()
    files: list[str] = []
    if first == "add":
        outside = tmp_path / "downloads"
        outside.mkdir()
        for source in sources[:2]:
            files.append(str(shutil.move(source, outside / source.name)))
    slow = subprocess.Popen([sys.executable, "-c", SLOW_WRITES, "--root", str(root), first, *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _when_writing_starts(root, slow)
    other = subprocess.run([sys.executable, "-m", "readouts", "--root", str(root), second],
                           capture_output=True, timeout=120)
    _, err = slow.communicate(timeout=120)
    assert slow.returncode == 0, err.decode()
    assert other.returncode == 0, other.stderr.decode()
    found = readouts_by_source(root)
    assert sorted(found) == [f"sources/{s.name}" for s in sources[:2]]
    assert all(len(ids) == 1 for ids in found.values()), found


@pytest.mark.parametrize("window", range(5))
def test_an_import_killed_between_any_two_writes_is_finished_by_the_next(tmp_path: Path, window: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """kill -9, so nothing of the import's own runs after it: each run is killed in another of
    the pauses before its writes (two sources, two writes each, then the end)."""
    # the imports compared run at different moments: one clock for the instants their records keep
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    (tmp_path / "site").mkdir()
    root = copy_demo_site(tmp_path / "site", with_readouts=False)
    for extra in sorted((root / "content" / "sources").glob("*.txt"))[2:]:
        extra.unlink()
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    subprocess.run([sys.executable, "-m", "readouts", "--root", str(clean), "import"], check=True, capture_output=True)
    delay = 0.4
    slow = subprocess.Popen([sys.executable, "-c", SLOW_WRITES, "--root", str(root), "import"],
                            env={**os.environ, "DELAY": str(delay)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _when_writing_starts(root, slow)  # the first write is done: the pause before the second begins
    time.sleep(delay * (window + 0.5))
    slow.send_signal(signal.SIGKILL)
    slow.communicate(timeout=60)
    again = subprocess.run([sys.executable, "-m", "readouts", "--root", str(root), "import"],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "warning" not in again.stderr, again.stderr
    found = readouts_by_source(root)
    assert all(len(ids) == 1 for ids in found.values()) and len(found) == 2, found

    def state(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for folder in ("readouts", "provenance")
                for p in sorted((site / "content" / folder).glob("*"))}

    assert state(root) == state(clean)


@pytest.mark.parametrize("entries", [
    {"staging": "../victim", "marker": ".readouts-site", "files": [], "removed": []},
    {"staging": ".site.new-1", "marker": ".readouts-site", "files": [], "removed": ["../../outside/precious.txt"]},
    {"staging": ".site.new-1", "marker": ".readouts-site", "files": [], "removed": ["/abs/precious.txt"]},
    {"staging": ".site.new-2", "marker": "../../outside/precious.txt", "files": [], "removed": []},
], ids=["staging outside", "removed outside", "removed absolute", "marker outside"])
def test_a_journal_that_reaches_outside_the_site_is_not_played(tmp_path: Path, entries: dict[str, object]) -> None:
    """A site folder may come from someone else with a journal in it: played, a journal naming
    paths outside the site would remove files there."""
    import json

    (tmp_path / "s").mkdir()
    root = copy_demo_site(tmp_path / "s", with_readouts=False)
    build_site(root)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me", encoding="utf-8")
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me", encoding="utf-8")
    (root / ".site.new-1").mkdir()
    entries = {**entries, "removed": [str(tmp_path / "outside" / "precious.txt") if p == "/abs/precious.txt" else p
                                      for p in entries["removed"]]}  # type: ignore[attr-defined]
    (root / ".site.journal").write_text(json.dumps(entries), encoding="utf-8")
    build_site(root)
    assert (outside / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert not (root / ".site.journal").exists() and not (root / ".site.new-1").exists()
