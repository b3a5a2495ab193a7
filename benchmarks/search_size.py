"""How large the site's search index is, and how much of it a query loads, at several sizes.

    pip install -e ".[test]"          # readouts, and Playwright for the browser
    python benchmarks/search_size.py --count 1000 10000 [--query WORDS ...] [--keep DIR] [--json FILE]

For each size N: generate N readouts (benchmarks/generate.py), build them (`python -m readouts
--root DIR build`), add up the files under site/search/ by kind, then open
search.html?q=QUERY from disk (file://) in Debian's Chromium (/usr/bin/chromium, through
Playwright, as the browser tests do) and record every file of the index the page requests
until its first page of results shows; their sizes on disk are the bytes the query loads.

The kinds of files (render/search.py describes them): index.js, loaded with the search page;
term files, the postings of the query's words; pos files, their places, loaded only for a
quoted phrase; docs files, what the results show; facets files, each shard's readouts' filter
values (a shard is a year, or a stretch of a busy year's days); text files, the paragraphs the
snippets come from. search.js and search-filters.js
themselves, with search-index.js (about 32 KB), are not counted.

The default queries are two pairs of words from topic rules ("peace treaty", "grave visit"),
the first also as a quoted phrase, a person ("Lavrov", in about one readout in nine), a place
that few readouts name ("Hanoi", about one in twenty), and the empty query, which browses every
readout. The generated corpus has a small vocabulary of fixed sentences, so it has no
truly rare words and its term files are smaller than a real corpus's would be.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

CHROMIUM = Path("/usr/bin/chromium")
QUERIES = ("peace treaty", '"peace treaty"', "grave visit", "Lavrov", "Hanoi", "")
KINDS = ("index", "terms", "pos", "docs", "facets", "text")
STATUS = re.compile(r"(\d[\d,]*) readouts?(?: for “.*”)?.*?(?:, then (\d+) with some of its words)?", re.DOTALL)
"""search.js's status line: readouts with every word, then those with some (for an empty query,
the readouts browsed: "1,000 readouts, newest first.")."""


def kind_of(path: str) -> str:
    """search/2019/terms/pe.js or search/2019-07-03/terms/pe.js → "terms": which part of the
    index a file is."""
    if path == "search/index.js":
        return "index"
    if path.endswith("/facets.js"):
        return "facets"
    return "text" if path.startswith("search/text/") else path.split("/")[2]


@dataclass
class Files:
    """A number of files and their bytes, by kind."""

    count: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    size: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, path: str, size: int) -> None:
        kind = kind_of(path)
        self.count[kind] += 1
        self.size[kind] += size

    @property
    def total(self) -> int:
        return sum(self.size.values())


@dataclass
class QueryLoad:
    query: str
    every_word: int
    """Readouts found with every word of the query, shown first."""
    some_words: int
    """Readouts found with some of its words, shown after those."""
    loaded: Files


@dataclass
class Measurement:
    readouts: int
    index: Files
    queries: list[QueryLoad]


def build(count: int, folder: Path) -> Path:
    """Generate `count` readouts in `folder`, build them, and return the built site."""
    generate.generate(count, folder)
    subprocess.run([sys.executable, "-m", "readouts", "--root", str(folder), "build"], check=True,
                   stdout=subprocess.DEVNULL)
    return folder / "site"


def index_files(site: Path) -> Files:
    files = Files()
    for path in sorted((site / "search").rglob("*.js")):
        files.add(path.relative_to(site).as_posix(), path.stat().st_size)
    return files


def query_loads(site: Path, queries: list[str]) -> list[QueryLoad]:
    """Open the search page for each query in a fresh browser context and add up what it loads."""
    from playwright.sync_api import sync_playwright

    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            requested: list[str] = []
            page.on("request", lambda request, requested=requested: requested.append(unquote(request.url)))
            page.goto((site / "search.html").as_uri() + "?q=" + quote(query))
            status = page.locator("#search-status")
            status.filter(has_text=f"for “{query}”" if query else "newest first").wait_for(timeout=60_000)
            counts = STATUS.fullmatch(status.inner_text())
            assert counts, status.inner_text()
            every, some = int(counts.group(1).replace(",", "")), int(counts.group(2) or 0)
            found = every + some
            # The first page of results is shown once its titles and snippets have loaded.
            page.wait_for_function(f"document.querySelectorAll('#search-results > li').length >= {min(20, found)}",
                                   timeout=60_000)
            loaded = Files()
            prefix = site.as_uri() + "/"
            for url in dict.fromkeys(requested):
                path = url[len(prefix):] if url.startswith(prefix) else ""
                if path.startswith("search/"):
                    loaded.add(path, (site / path).stat().st_size)
            measured.append(QueryLoad(query, every, some, loaded))
            context.close()
        browser.close()
    return measured


def _size(count: int) -> str:
    return f"{count / 1e6:,.2f} MB" if count >= 100_000 else f"{count / 1e3:,.1f} KB"


def report(measurement: Measurement) -> str:
    index = measurement.index
    lines = [f"## {measurement.readouts:,} readouts", "",
             f"On disk: {_size(index.total)} in {sum(index.count.values()):,} files — "
             + ", ".join(f"{kind} {_size(index.size[kind])} ({index.count[kind]:,})" for kind in KINDS), "",
             "| query | found (every word + some) | files | loaded | " + " | ".join(KINDS) + " |",
             "|---|---|---|---|" + "---|" * len(KINDS)]
    for load in measurement.queries:
        files = load.loaded
        name = load.query or "(browse)"
        lines.append(f"| {name} | {load.every_word:,} + {load.some_words:,} | {sum(files.count.values())} | "
                     f"{_size(files.total)} | "
                     + " | ".join(_size(files.size[kind]) for kind in KINDS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, nargs="+", default=[1000], metavar="N", help="corpus sizes (default 1000)")
    parser.add_argument("--query", action="append", metavar="WORDS",
                        help="a query to measure (repeatable; default: " + ", ".join(QUERIES) + ")")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each size's site in DIR/<N>")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every number to FILE")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        parser.error(f"this benchmark opens the search page in {CHROMIUM}: apt-get install chromium")
    queries = args.query or list(QUERIES)
    measurements = []
    with tempfile.TemporaryDirectory(prefix="search-size-") as scratch:
        for count in args.count:
            folder = (args.keep or Path(scratch)) / str(count)
            print(f"generating and building {count:,} readouts in {folder}", file=sys.stderr)
            site = build(count, folder)
            measurement = Measurement(count, index_files(site), query_loads(site, queries))
            measurements.append(measurement)
            print(report(measurement) + "\n", flush=True)
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in measurements], indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
