"""Shared fixtures: a copy of the demo site to build in, and the --update-golden switch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    # The key that seals build caches lives under XDG_CACHE_HOME: the tests keep theirs apart
    # from the user's own, and every process they start inherits it.
    import os
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="readouts-tests-cache-")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output; review the diff like code")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_demo_site(target: Path, *, with_readouts: bool = True) -> Path:
    """The repository's own site (site.yaml, content/, templates/) copied into `target`."""
    shutil.copy(REPO / "site.yaml", target / "site.yaml")
    ignore = None if with_readouts else shutil.ignore_patterns("*.md", "*.json")
    shutil.copytree(REPO / "content", target / "content", ignore=ignore)
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", target / "templates")
    return target


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """A fresh copy of the demo site whose readouts are imported from scratch by each test."""
    return copy_demo_site(tmp_path, with_readouts=False)


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site imported and built once for every test that only reads it."""
    from readouts.build import build_site

    root = copy_demo_site(tmp_path_factory.mktemp("demo"), with_readouts=False)
    build_site(root)
    return root


def readouts_by_source(root: Path) -> dict[str, list[str]]:
    """Source file → the readouts whose front matter names it: one each, when import is right."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "content" / "readouts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        start = text.index("  file: ") + len("  file: ")
        found.setdefault(text[start:text.index("\n", start)], []).append(path.stem)
    return found
