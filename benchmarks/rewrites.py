"""Which output files one new readout makes a build write again, in a generated site.

    python benchmarks/generate.py --count 1000 --out /tmp/corpus
    python benchmarks/rewrites.py /tmp/corpus [--list topics/ people/]

Builds the site (so that its cache is current), adds the next generated readout, builds again,
and counts the files of the output folder that are new or were written again. An unchanged
file is hard-linked from the previous build and keeps its inode, so comparing inodes says what
was written without trusting the build's own count. Pages (.html) under the --list folders are
named with their sizes, and so are the export files written (feeds, sitemap, the corpus as JSON
and CSV, the calendar): how much a reader's cache and a deployment have to fetch again.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

EXPORT_SUFFIXES = (".xml", ".json", ".csv", ".ics")
"""How the export files' names end (render/exports/); a generated site's other files end otherwise."""


def _build(root: Path) -> str:
    """Build with `python -m readouts` (PYTHONPATH picks the copy); its first line of output."""
    done = subprocess.run([sys.executable, "-m", "readouts", "--root", str(root), "build"],
                          capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0] if done.stdout else done.stderr.strip()


def _inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="a site written by benchmarks/generate.py")
    parser.add_argument("--list", nargs="*", default=["topics/", "people/"], metavar="FOLDER",
                        help="name the pages written under these folders (default: topics/ people/)")
    args = parser.parse_args(argv)
    if not (args.root / generate.MARKER).exists():
        parser.error(f"{args.root} holds no generated site")
    site = args.root / "site"
    _build(args.root)
    before = _inodes(site)
    added = generate.add_readout(args.root)
    print(f"added {added.name}")
    print(_build(args.root))
    after = _inodes(site)
    written = sorted(p for p in after if before.get(p) != after[p])
    folders = Counter(p.split("/")[0] + "/" if "/" in p else "." for p in written)
    print(f"{len(written)} of {len(after)} files new or written again: {dict(sorted(folders.items()))}")
    listed = [p for p in written if p.startswith(tuple(args.list)) and p.endswith(".html")]
    for path in listed:
        print(f"  {path}  {(site / path).stat().st_size / 1e3:,.0f} kB")
    if listed:
        print(f"  {len(listed)} pages, {sum((site / p).stat().st_size for p in listed) / 1e6:,.2f} MB")
    exports = [p for p in written if p.endswith(EXPORT_SUFFIXES)]
    print(f"{len(exports)} export files written:")
    for path in exports:
        print(f"  {path}  {(site / path).stat().st_size / 1e3:,.0f} kB")
    print(f"  {sum((site / p).stat().st_size for p in exports) / 1e6:,.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
