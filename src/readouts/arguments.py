"""The `readouts` command's arguments, options and help texts: one function per group of commands.

cli.py parses with it, and alone prints and exits.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from readouts import __version__

EPILOG = """\
examples:
  readouts build                     import new sources, then render site/
  readouts add ~/Downloads/talks.txt copy a raw readout in, import it, show what was read
  readouts import --keep-going       import every source that can be read; list the others
  readouts explain 2019-09-25-mofa-japan-russia-foreign-ministers-meeting
  readouts rename undated-tass-talks 2019-09-24-tass-talks  a new id; the old address redirects
"""


def command_parser() -> argparse.ArgumentParser:
    """The parser of `readouts` and its commands."""
    parser = argparse.ArgumentParser(
        prog="readouts", description="Turn diplomatic readouts into a cross-linked static site.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"readouts {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="the site's folder, holding site.yaml and content/ (default: here)")
    parser.add_argument("--debug", action="store_true", help="on a bug in readouts, show its traceback")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_site_commands(commands)
    _add_content_commands(commands)
    _add_reading_commands(commands)
    return parser


def _add_site_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """init, build and serve: the commands that make a site and its output."""
    init = commands.add_parser(
        "init", help="create a new site in a folder",
        description="Create DIR with site.yaml, content/ (sources, readouts, starter topics.yaml, "
                    "people.yaml, glossary.yaml), templates/ and static/ for your overrides, and a README.",
        epilog="example:\n  readouts init my-site && cd my-site && readouts add ~/talks.txt && readouts build",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    init.add_argument("dir", type=Path, metavar="DIR")

    build = commands.add_parser(
        "build", help="import new or changed sources, then render the site",
        description="Import new or changed sources, then render the whole site into its output "
                    "folder (site/ unless site.yaml says otherwise). Only what changed since the "
                    "last build is made again (.readouts-cache/ remembers; deleting it between "
                    "builds loses nothing but time), and a build that finds no file changed stops "
                    "at once. A failed build leaves the previous site as it was.")
    build.epilog = "example:\n  readouts build --keep-going"
    build.formatter_class = argparse.RawDescriptionHelpFormatter
    build.add_argument("--keep-going", action="store_true",
                       help="build with the sources that can be read; list the others and exit 1")

    serve = commands.add_parser(
        "serve", help="build, serve on this machine, rebuild on every change and reload open pages",
        description="Build the site, serve it at http://127.0.0.1:PORT/, and watch content/, templates/, "
                    "static/ and site.yaml: every change rebuilds what it touches and reloads open pages. "
                    "A failed build shows here and over the page, and the last good site stays served.")
    serve.epilog = "examples:\n  readouts serve\n  readouts serve --port 8080"
    serve.formatter_class = argparse.RawDescriptionHelpFormatter
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1, this machine only)")


def _add_content_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """import, add and rename: the commands that write readouts into content/."""
    imp = commands.add_parser(
        "import", help="turn raw sources into Markdown readouts",
        description="Turn content/sources/* into content/readouts/*.md. A readout a person has "
                    "edited is never overwritten unless named with --force.")
    imp.epilog = ("examples:\n  readouts import\n"
                  "  readouts import --force 2019-09-25-mofa-japan-russia-foreign-ministers-meeting")
    imp.formatter_class = argparse.RawDescriptionHelpFormatter
    imp.add_argument("--keep-going", action="store_true",
                     help="import every source that can be read; list the others and exit 1")
    imp.add_argument("--force", action="append", default=[], metavar="ID",
                     help="import this readout again even though it was edited by hand or deleted, or its "
                          "source now holds another text (repeatable)")

    add = commands.add_parser(
        "add", help="copy raw readouts into content/sources/, import them, show what was read",
        description="Copy each FILE into content/sources/ under its own name, import it, and show what "
                    "the importer read — title, publisher, dates, place, format, participants, topics, "
                    "the meeting it joined — and what it left for a person to check.")
    add.epilog = ("examples:\n  readouts add ~/Downloads/mofa-2019-09-25.txt ~/Downloads/tass-2019-09-26.txt\n"
                  "  readouts add ~/Downloads/talks.txt --url https://www.mofa.go.jp/erp/rss/page4e_001234.html")
    add.formatter_class = argparse.RawDescriptionHelpFormatter
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--url", metavar="URL",
                     help="where the readout was published (with one FILE): kept in its front matter, "
                          "shown in citations and provenance; a publisher's own site settles the publisher, "
                          "and a date in the address (/2022/03/…) gives a dateline without a year its year")

    rename = commands.add_parser(
        "rename", help="give a readout another id; its old address leads to the new one",
        description="Move content/readouts/OLD.md and its import record to NEW, and add OLD to its "
                    "`aliases:`: every build then makes a page at the old address that sends readers to "
                    "the new one, so links to it keep working. Re-imports keep the aliases.")
    rename.epilog = ("example:\n  readouts rename undated-tass-moscow-tokyo-talks "
                     "2019-09-24-tass-moscow-tokyo-talks")
    rename.formatter_class = argparse.RawDescriptionHelpFormatter
    rename.add_argument("old", metavar="OLD", help="the readout's id now (its file name without .md)")
    rename.add_argument("new", metavar="NEW", help="the id it gets: lower-case letters, digits and hyphens")


def _add_reading_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """check and explain: the commands that read content/ and the site and change nothing."""
    commands.add_parser(
        "check", help="list what needs a person: unknown names, undated readouts, broken links",
        epilog="example:\n  readouts build && readouts check", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Validate content/ and the built site. Lists every error and warning (unknown "
                    "names, undated readouts with a date proposed from another account of the same "
                    "meeting, links that point nowhere) and exits 1 if there is any. Notes propose a "
                    "`readouts rename` for each readout named undated-… that has a date now.")

    explain = commands.add_parser(
        "explain", help="show why each paragraph of a readout got its topics",
        description="For each paragraph of the readout, the topics.yaml phrase that matched.")
    explain.epilog = "example:\n  readouts explain 2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
    explain.formatter_class = argparse.RawDescriptionHelpFormatter
    explain.add_argument("id", help="the readout's id (its file name without .md)")
