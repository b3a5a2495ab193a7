"""Import over time: new sources in, changed sources re-read, a person's edit never overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

from readouts.importer.run import import_sources

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
