"""Work spread over the cores gives what the same work done in one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readouts import parallel
from readouts.build import build_site
from readouts.errors import ReadoutsErrors
from readouts.render import write
from tests.conftest import copy_demo_site

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs fork and two cores")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return copy_demo_site(tmp_path / name, with_readouts=False)


def test_a_site_built_on_every_core_equals_one_built_in_one_process(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    serial = _site(tmp_path, "serial")
    build_site(serial)
    spread = _site(tmp_path, "spread")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(write, "PARALLEL_FROM", 1)
    build_site(spread)
    assert _tree(spread / "site") == _tree(serial / "site")


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
