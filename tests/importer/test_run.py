"""Import over time: new sources in, changed sources re-read, a person's edit never overwritten."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from readouts.importer.run import import_sources
from tests.conftest import readouts_by_source

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _only_readout(root: Path) -> Path:
    (path,) = (root / "content" / "readouts").glob("*.md")
    return path


def _site_with_one_source(demo_site: Path) -> Path:
    sources = demo_site / "content" / "sources"
    shutil.rmtree(sources)
    sources.mkdir()
    shutil.copy(FIXTURES / "sixth_readout.txt", sources / "talk.txt")
    return sources / "talk.txt"


def test_re_import_keeps_edited_file(demo_site: Path) -> None:
    source = _site_with_one_source(demo_site)
    import_sources(demo_site)
    readout = _only_readout(demo_site)
    edited = readout.read_text(encoding="utf-8").replace("Telephone Talk", "Telephone Talk (corrected)")
    readout.write_text(edited, encoding="utf-8")
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph added later to the page.\n",
                      encoding="utf-8")
    report = import_sources(demo_site)
    assert report.imported == []
    assert report.kept_edited == [(readout.stem, "sources/talk.txt")]
    assert readout.read_text(encoding="utf-8") == edited


def test_force_replaces_an_edit(demo_site: Path) -> None:
    _site_with_one_source(demo_site)
    import_sources(demo_site)
    readout = _only_readout(demo_site)
    original = readout.read_text(encoding="utf-8")
    readout.write_text(original + "\nMy note.\n", encoding="utf-8")
    report = import_sources(demo_site, force=frozenset({readout.stem}))
    assert report.imported == [readout.stem]
    assert readout.read_text(encoding="utf-8") == original


def test_changed_source_of_unedited_readout_is_re_imported_under_the_same_id(demo_site: Path) -> None:
    source = _site_with_one_source(demo_site)
    import_sources(demo_site)
    readout = _only_readout(demo_site)
    source.write_text(source.read_text(encoding="utf-8").replace("40 minutes", "50 minutes"), encoding="utf-8")
    report = import_sources(demo_site)
    assert report.imported == [readout.stem]
    assert "duration_minutes: 50" in readout.read_text(encoding="utf-8")


def test_unchanged_sources_are_not_rewritten(demo_site: Path) -> None:
    _site_with_one_source(demo_site)
    import_sources(demo_site)
    readout = _only_readout(demo_site)
    stamp = readout.stat().st_mtime_ns
    report = import_sources(demo_site)
    assert report.imported == [] and report.unchanged == [readout.stem]
    assert readout.stat().st_mtime_ns == stamp


def test_registry_change_refreshes_unedited_readouts(demo_site: Path) -> None:
    _site_with_one_source(demo_site)
    import_sources(demo_site)
    readout = _only_readout(demo_site)
    topics = demo_site / "content" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("    - grave visit*\n", ""), encoding="utf-8")
    assert "humanitarian-measures" in readout.read_text(encoding="utf-8")
    report = import_sources(demo_site)
    assert report.imported == [readout.stem]


def _entered(root: Path) -> object:
    (record,) = (root / "content" / "provenance").glob("*.json")
    return json.loads(record.read_text(encoding="utf-8")).get("entered")


def test_a_readout_keeps_the_instant_it_entered_the_archive_through_re_imports(
    demo_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _site_with_one_source(demo_site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    import_sources(demo_site)
    assert _entered(demo_site) == "2025-11-24T16:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    source.write_text(source.read_text(encoding="utf-8").replace("40 minutes", "50 minutes"), encoding="utf-8")
    assert import_sources(demo_site).imported == [_only_readout(demo_site).stem]
    assert _entered(demo_site) == "2025-11-24T16:00:00Z"


def test_a_record_written_before_it_kept_the_instant_gets_one_at_the_next_import(
    demo_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _site_with_one_source(demo_site)
    import_sources(demo_site)
    (path,) = (demo_site / "content" / "provenance").glob("*.json")
    old = json.loads(path.read_text(encoding="utf-8"))
    del old["entered"]
    path.write_text(json.dumps(old), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")
    import_sources(demo_site)
    assert _entered(demo_site) == "2025-12-06T05:46:40Z"


class Killed(BaseException):
    """Stands for a kill: nothing of the import's own runs after it."""


def _two_sources(demo_site: Path) -> Path:
    for path in sorted((demo_site / "content" / "sources").glob("*.txt"))[2:]:
        path.unlink()
    return demo_site



def _state(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("readouts", "provenance") for p in sorted((root / "content" / folder).glob("*"))
            if not p.name.startswith(".")}


def _prepare(root: Path, scenario: str) -> None:
    """Before the import that is stopped: nothing imported yet, or every readout imported and
    then its source changed, so that each is imported again."""
    if scenario == "re-import":
        import_sources(root)
        for source in (root / "content" / "sources").glob("*.txt"):
            source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph added later to the page.\n",
                              encoding="utf-8")


@pytest.mark.parametrize("fault", [Killed, lambda: OSError(errno.ENOSPC, "No space left on device")],
                         ids=["killed", "disk full"])
@pytest.mark.parametrize("scenario", ["first import", "re-import"])
def test_an_import_stopped_at_any_write_leaves_what_the_next_import_finishes(
        demo_site: Path, tmp_path: Path, monkeypatch, fault, scenario: str) -> None:
    """Stopped before each of the files it puts in place in turn, the next import ends with
    exactly the readouts an uninterrupted import makes: one per source, none taken for edited."""
    # the imports compared run at different moments: one clock for all, as their records keep it
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    _two_sources(demo_site)
    clean = tmp_path / "clean"
    shutil.copytree(demo_site, clean)
    _prepare(clean, scenario)
    import_sources(clean)
    expected = _state(clean)
    real_replace = os.replace
    stop_at = 0
    while True:
        root = tmp_path / f"stopped-{stop_at}"
        shutil.copytree(demo_site, root)
        _prepare(root, scenario)
        done = 0

        def replace(source, target, *, stop_at=stop_at):  # type: ignore[no-untyped-def]
            nonlocal done
            if done == stop_at:
                raise fault()
            done += 1
            return real_replace(source, target)

        monkeypatch.setattr(os, "replace", replace)
        try:
            import_sources(root)
            finished = True
        except (Killed, OSError):
            finished = False
        monkeypatch.setattr(os, "replace", real_replace)
        report = import_sources(root)
        assert report.kept_edited == [], f"stopped before write {stop_at}"
        assert all(len(ids) == 1 for ids in readouts_by_source(root).values()), f"stopped before write {stop_at}"
        assert _state(root) == expected, f"stopped before write {stop_at}"
        if finished:
            break
        stop_at += 1
    assert stop_at >= 6  # the Markdown and its record for each of two sources


def test_what_import_writes_gets_the_mode_of_any_new_file(tmp_path) -> None:
    import os
    import stat

    from readouts.atomic import write_atomic

    mask = os.umask(0)
    os.umask(mask)
    write_atomic(tmp_path / "a.md", "text")
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o666 & ~mask != 0o600


# Modules an import loads that cannot change what it writes: the package, errors, the data
# model's classes, and what other stages bring along (caching, settings, workers, links, meetings,
# paragraphs' voices).
NOT_DECIDING = {"readouts", "readouts.atomic", "readouts.errors", "readouts.model", "readouts.blocks", "readouts.cache",
                "readouts.cache_parts", "readouts.seal", "readouts.file_memo",
                "readouts.config", "readouts.parallel", "readouts.paths", "readouts.link",
                "readouts.link.glossary", "readouts.link.meetings", "readouts.link.undated", "readouts.link.related",
                "readouts.link.addresses",
                "readouts.link.voice", "readouts.packed"}


def test_the_code_whose_change_imports_again_is_all_the_code_an_import_runs() -> None:
    import subprocess
    import sys

    from readouts.importer.run import importer_code_files
    from tests.conftest import REPO

    code = ("import sys\nfrom pathlib import Path\nfrom readouts.importer import read_source\n"
            "from readouts.importer.run import make_context\n"
            f"context = make_context(Path({str(REPO)!r}))\n"
            f"read_source(Path({str(REPO / 'content' / 'sources' / '000_201935dbfacb4233.txt')!r}).read_bytes(), "
            "'x.txt', context)\n"
            "print(' '.join(m for m in sys.modules if m == 'readouts' or m.startswith('readouts.')))\n")
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())
    package = REPO / "src" / "readouts"
    covered = {"readouts." + path.relative_to(package).with_suffix("").as_posix().replace("/", ".")
               for path in importer_code_files()}
    covered = {name.removesuffix(".__init__") for name in covered}
    assert loaded - NOT_DECIDING - covered == set()


def test_a_call_story_printing_only_its_weekday_joins_the_call_held_that_weekday(demo_site: Path) -> None:
    """The weekday a story prints for its call ("on Tuesday") is kept in the import record and
    singles out the one call of those two held that weekday; another weekday joins nothing."""
    from readouts.link import link
    from readouts.load import load_corpus

    sources = demo_site / "content" / "sources"
    shutil.rmtree(sources)
    sources.mkdir()
    shutil.copy(FIXTURES / "sixth_readout.txt", sources / "talk.txt")  # Tuesday, February 8, 2022
    story = ("Hayashi and Lavrov discuss peace treaty by phone\n\nJapanese Foreign Minister Yoshimasa Hayashi "
             "on {day} held telephone talks with Russian Foreign Minister Sergey Lavrov, the ministry said.\n")
    (sources / "story.txt").write_text(story.format(day="Tuesday"), encoding="utf-8")
    (sources / "other.txt").write_text(story.format(day="Friday"), encoding="utf-8")
    import_sources(demo_site)
    graph = link(load_corpus(demo_site))
    by_source = {name: ids[0] for name, ids in readouts_by_source(demo_site).items()}
    meeting_of = graph.meeting_of
    assert meeting_of[by_source["sources/story.txt"]] == meeting_of[by_source["sources/talk.txt"]]
    assert meeting_of.get(by_source["sources/other.txt"]) != meeting_of[by_source["sources/talk.txt"]]
