"""Outputs: which files of the site a build keeps and which it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.render.output import OutputFile, Outputs, PreviousBuild


def _previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "same.js").write_bytes(b"same bytes")
    (site / "search" / "other.js").write_bytes(b"old bytes")
    return site


@pytest.mark.parametrize("patching", [True, False])
def test_a_file_made_again_with_the_bytes_the_site_holds_is_kept_not_written(tmp_path: Path, patching: bool) -> None:
    """A search shard's file made from changed inputs often comes out as it was: it is kept as
    a file whose inputs did not change is (left in the patched site, or linked into the new
    one), the manifest taking its new fingerprint, and only a file with other bytes is written."""
    site = _previous_site(tmp_path)
    out = tmp_path / "new"
    out.mkdir()
    previous = PreviousBuild(site, {"search/same.js": "before", "search/other.js": "before"}, whole=True,
                             link_unchanged=not patching)
    outputs = Outputs(previous, out)
    outputs.put(OutputFile("search/same.js", "after", lambda: b"same bytes"), same_bytes_kept=True)
    outputs.put(OutputFile("search/other.js", "after", lambda: b"new bytes"), same_bytes_kept=True)

    assert (outputs.written, outputs.unchanged) == (1, 1)
    assert outputs.manifest == {"search/same.js": "after", "search/other.js": "after"}
    assert sorted(outputs.changed()) == ["search/other.js", "search/same.js"]
    assert (out / "search" / "other.js").read_bytes() == b"new bytes"
    if patching:
        assert not (out / "search" / "same.js").exists()  # the site's file stays where it is
    else:
        assert (out / "search" / "same.js").stat().st_ino == (site / "search" / "same.js").stat().st_ino
    assert (site / "search" / "other.js").read_bytes() == b"old bytes"  # the previous site is untouched


def test_without_being_asked_a_file_made_again_is_written_whatever_its_bytes(tmp_path: Path) -> None:
    site = _previous_site(tmp_path)
    out = tmp_path / "new"
    out.mkdir()
    outputs = Outputs(PreviousBuild(site, {"search/same.js": "before"}, whole=True, link_unchanged=False), out)
    outputs.put(OutputFile("search/same.js", "after", lambda: b"same bytes"))
    assert (outputs.written, outputs.unchanged) == (1, 0)
    assert (out / "search" / "same.js").read_bytes() == b"same bytes"


def test_files_made_from_the_same_inputs_are_kept_in_one_step_only_in_a_whole_patched_site(tmp_path: Path) -> None:
    """keep_all records a run of unchanged files (an unchanged search shard's) at once when the
    site is patched and every file of its manifest is there; else it records nothing, and the
    files go one by one."""
    site = _previous_site(tmp_path)
    manifest = {"search/same.js": "a", "search/other.js": "b"}
    outputs = Outputs(PreviousBuild(site, manifest, whole=True, link_unchanged=False), tmp_path / "new")
    assert not outputs.keep_all({"search/same.js": "a", "search/other.js": "changed"})
    assert not outputs.keep_all({"search/same.js": "a", "search/new.js": "a"})
    assert (outputs.manifest, outputs.unchanged) == ({}, 0)
    assert outputs.keep_all(manifest)
    assert (outputs.manifest, outputs.unchanged, outputs.changed()) == (manifest, 2, [])

    for previous in (PreviousBuild(site, manifest, whole=False, link_unchanged=False),
                     PreviousBuild(site, manifest, whole=True, link_unchanged=True), PreviousBuild()):
        assert not Outputs(previous, tmp_path / "new").keep_all(manifest)
