"""The look at a build's inputs: told what changed, a serving process looks at those files alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from readouts import stamp
from readouts.build import build_site
from readouts.stamp import look_at_inputs, scan_inputs


def _site(root: Path) -> Path:
    (root / "content" / "readouts").mkdir(parents=True)
    (root / "site.yaml").write_text("title: T\n", encoding="utf-8")
    for name in ("a", "b"):
        (root / "content" / "readouts" / f"{name}.md").write_text(f"---\nid: {name}\n---\n", encoding="utf-8")
    return root


def test_told_what_changed_the_look_is_the_whole_look_at_those_files_alone(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path)
    look_at_inputs(root)
    readouts = root / "content" / "readouts"
    (readouts / "a.md").write_text("---\nid: a\ntitle: edited\n---\n", encoding="utf-8")
    (readouts / "c.md").write_text("---\nid: c\n---\n", encoding="utf-8")
    (readouts / "b.md").unlink()
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("", encoding="utf-8")  # the output: no input
    whole = scan_inputs(root)
    monkeypatch.setattr(stamp, "scan_inputs", lambda root: pytest.fail("every input looked at"))
    changed = [readouts / "a.md", readouts / "c.md", readouts / "b.md", root / "site" / "index.html"]
    assert look_at_inputs(root, changed) == whole


def test_a_folder_among_the_changes_or_no_earlier_look_means_looking_at_everything(tmp_path: Path) -> None:
    root = _site(tmp_path)
    stamp._LOOKED.pop(root.resolve(), None)
    (root / "content" / "readouts" / "a.md").write_text("---\nid: a\ntitle: x\n---\n", encoding="utf-8")
    assert look_at_inputs(root, [root / "content" / "readouts" / "a.md"]) == scan_inputs(root)  # no earlier look
    (root / "content" / "more").mkdir()
    (root / "content" / "more" / "d.md").write_text("---\nid: d\n---\n", encoding="utf-8")
    found = look_at_inputs(root, [root / "content" / "more"])
    assert "content/more/d.md" in found and found == scan_inputs(root)
    os.remove(root / "content" / "more" / "d.md")
    (root / "content" / "more").rmdir()
    assert look_at_inputs(root, [root / "content" / "more"]) == scan_inputs(root)


def test_a_build_told_what_changed_makes_the_site_a_build_that_looks_at_everything_makes(tmp_path: Path) -> None:
    from tests.conftest import copy_demo_site

    (tmp_path / "told").mkdir()
    (tmp_path / "whole").mkdir()
    told, whole = copy_demo_site(tmp_path / "told"), copy_demo_site(tmp_path / "whole")
    for root in (told, whole):
        build_site(root, cache_in_memory=True)
        readout = next((root / "content" / "readouts").glob("*.md"))
        readout.write_text(readout.read_text(encoding="utf-8") + "\nA paragraph added.\n", encoding="utf-8")
    build_site(told, cache_in_memory=True, changed=[next((told / "content" / "readouts").glob("*.md"))])
    build_site(whole, cache_in_memory=True)
    site = {p.relative_to(told / "site"): p.read_bytes() for p in (told / "site").rglob("*") if p.is_file()}
    assert site == {p.relative_to(whole / "site"): p.read_bytes() for p in (whole / "site").rglob("*") if p.is_file()}
    assert b"A paragraph added." in b"".join(site.values())


def test_a_saved_stamp_reads_back_equal_in_another_process_and_one_of_another_shape_is_none(tmp_path: Path) -> None:
    """The stamp is marshalled: read back by a process that did not save it (nothing kept in
    memory), it holds the very values, lists as lists, so `matches` compares it with a new look;
    a stamp file of another shape (a damaged or older one) is no stamp, and the JSON file an
    earlier version kept is removed."""
    root = _site(tmp_path)
    inputs = scan_inputs(root)
    (root / ".readouts-cache").mkdir()
    (root / ".readouts-cache" / "stamp.json").write_bytes(b"{}")
    saved = stamp.Stamp.taken(inputs, time.time_ns() + 10**10, "site", "marker", 3, 2, ("a warning",), {".": [1, 2]})
    saved.save(root)
    stamp._KEPT.clear()
    read = stamp.Stamp.load(root)
    assert read == saved and read is not saved and read.inputs == inputs
    assert not (root / ".readouts-cache" / "stamp.json").exists()
    from readouts.seal import seal

    (root / ".readouts-cache" / "stamp.marshal").write_bytes(b"".join(seal(b"\x00not marshal")))
    stamp._KEPT.clear()
    assert stamp.Stamp.load(root) is None
