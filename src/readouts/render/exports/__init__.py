"""Data for researchers and machines: feeds, sitemap, the corpus as JSON and CSV, meetings as iCalendar.

Every file is a function of the graph alone (and, for the sitemap, of the pages already written):
dates come from the readouts, their import records (the instant each entered the archive, which
the feeds are dated by) and meetings, never from the build's clock, so two builds of the same
content write the same bytes and a re-deployed site does not look changed to feed readers.
Without `base_url` the files use site-relative links and `urn:` ids, which still identify each
readout across builds but cannot be followed from outside the site.

Each file comes with a fingerprint of exactly what it is made from (`OutputFile`), so a build
writes only the files whose inputs changed. The corpus's records and the sitemap's pages are
split by year behind small index files, so a new or edited readout rewrites its year's files
and not every readout's; the files that stay whole (the feeds, the CSV, the calendar) are
joined from pieces kept between builds (`Fragments`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from readouts.errors import naming
from readouts.link.changes import GraphChanges
from readouts.model import SiteGraph
from readouts.render.exports.common import Fragments
from readouts.render.exports.data import corpus_csv_file, readouts_data_files
from readouts.render.exports.feeds import entry_instants, feed_files
from readouts.render.exports.ics import meetings_calendar_file
from readouts.render.exports.sitemap import sitemap_files
from readouts.render.listings import Year
from readouts.render.output import OutputFile

__all__ = ["Fragments", "export_files", "write_export", "write_exports"]


def export_files(graph: SiteGraph, site_files: Iterable[str], fragments: Fragments,
                 years: dict[str, Year], changes: GraphChanges | None = None,
                 manifest: Mapping[str, str] | None = None) -> Iterator[OutputFile]:
    """Every export file of the site. `site_files` are the paths of every other file of the site
    (the sitemap lists its pages), `years` the year of each page that belongs to one (Page.year);
    `changes`, what link says changed since the build whose fingerprints `manifest` holds (the
    files of what it does not name keep their keys: link/changes.py).
    The pieces the files are joined from are taken from `fragments` and marked as in use there,
    whether or not the file is made again. One family of files after another, each prepared
    only when the one before is taken: a build a newer change stops (readouts serve) is asked
    between them, not once all are prepared (the calendar's events alone take 0.1 s at 10,000)."""
    entered = entry_instants(graph)  # the feeds and the calendar read every readout's
    yield from feed_files(graph, entered)
    yield from sitemap_files(graph, site_files, years)
    yield from readouts_data_files(graph, fragments, changes, manifest)
    yield corpus_csv_file(graph, fragments)
    yield meetings_calendar_file(graph, fragments, entered, changes, manifest)


def write_exports(graph: SiteGraph, out: Path, site_files: Iterable[str],
                  fragments: dict[str, bytes] | None = None) -> int:
    """Write every export file under `out`; returns how many files were written.

    `fragments` keeps each readout's record and each meeting's event from the last build, by a
    digest of what they are made from: a new readout then costs one record, not the whole
    corpus's. It is updated in place to hold this build's only.
    """
    from readouts.render.pages import page_years

    kept = Fragments(fragments)
    files = list(export_files(graph, site_files, kept, page_years(graph)))
    for export in files:
        write_export(out, export)
    kept.forget_unused()
    return len(files)


def write_export(out: Path, export: OutputFile) -> None:
    target = out / export.path
    target.parent.mkdir(parents=True, exist_ok=True)
    with naming(target):
        target.write_bytes(export.make())
