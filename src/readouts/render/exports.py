"""Data for researchers and machines: feeds, sitemap, the corpus as JSON and CSV, meetings as iCalendar."""

from __future__ import annotations

from pathlib import Path

from readouts.model import SiteGraph


def write_exports(graph: SiteGraph, out: Path) -> int:
    """Write every export file under `out`; returns how many files were written."""
    return 0
