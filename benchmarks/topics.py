"""Benchmark: topic assignment and same-meeting grouping against a labelled corpus.

(a) Topics: every file named in DIR/labels.yaml is imported with the registries of a site root,
    and the topics import gives each readout are compared with the labelled `topics`: per topic,
    true/false positives, false negatives, precision, recall and F1 (readout level), the site's
    main topics first.
(b) Meetings: the corpus files and the root's seed sources are imported into a temporary copy
    of the site and linked; two files are "same" when the link stage puts them in one meeting.
    Pairs are scored among the labelled files and the seeds the labels name, against the gold
    pairs (a pair is gold when either file lists the other in `same_meeting_as`).

This is a benchmark, not a test: it measures, it never fails. The corpus and its labels live
outside the repository (e.g. /work/shared/corpus/dev).

    python benchmarks/topics.py --corpus /work/shared/corpus/dev [--root .] [--verbose]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from labels import corpus_arguments, load_corpora

from readouts.config import load_config
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.importer import read_source
from readouts.importer.run import import_sources, make_context
from readouts.link import link
from readouts.load import load_corpus
from readouts.model import Corpus

REPO_ROOT = Path(__file__).resolve().parent.parent


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


Counts = Counter[str]


def score_topics(files: dict[Path, dict[str, Any]], root: Path, verbose: bool,
                 main_only: bool = False) -> tuple[Counts, Counts, Counts]:
    """Print precision/recall per topic (only the main topics with `main_only`); return the
    true positives, false positives and false negatives per topic."""
    context = make_context(root)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for path, gold in files.items():
        filename = path.name
        try:
            predicted = set(read_source(path.read_bytes(), str(path), context).topics)
        except ReadoutsError as error:
            print(f"error {filename}: {error} (no topics predicted)")
            predicted = set()
        expected = set(gold.get("topics") or ())
        tp.update(expected & predicted)
        fp.update(predicted - expected)
        fn.update(expected - predicted)
        if verbose and expected != predicted:
            print(f"topics {filename}: missed {sorted(expected - predicted)}, "
                  f"extra {sorted(predicted - expected)}")

    main = list(load_config(root).main_topics)
    seen = set(tp) | set(fp) | set(fn)
    order = [t for t in main if t in seen] + ([] if main_only else sorted(seen - set(main)))
    if verbose:
        print()
    print(f"{'topic':<28}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}{'f1':>8}")
    rows = [(t, tp[t], fp[t], fn[t]) for t in order]
    if not main_only:
        rows.append(("micro (all topics)", sum(tp.values()), sum(fp.values()), sum(fn.values())))
    for topic, t, f, n in rows:
        precision, recall = ratio(t, t + f), ratio(t, t + n)
        print(f"{topic:<28}{t:>4}{f:>4}{n:>4}{fmt(precision):>11}{fmt(recall):>8}"
              f"{fmt(f1(precision, recall)):>8}")
    return tp, fp, fn


def load_readable_corpus(tmp: Path) -> Corpus:
    """load_corpus, after setting aside (and reporting) imported readouts that fail to load.

    A readout set aside joins no meeting, so the pairs it belongs to count as missed.
    """
    readouts = tmp / "content" / "readouts"
    while True:
        try:
            return load_corpus(tmp)
        except ReadoutsErrors as many:
            bad = {Path(e.path) for e in many.errors if e.path and Path(e.path).parent == readouts}
            for error in many.errors:
                print(f"load failed: {error}")
            if not bad:
                raise
            for path in bad:
                print(f"set aside {path.name}: it joins no meeting")
                path.unlink()


def build_site(tmp: Path, root: Path, files: list[Path]) -> tuple[dict[str, str | None], dict[str, Any]]:
    """Import and link a copy of the site with `files` added; source file name → meeting id (None
    for a preview, which its meeting's page shows apart from the accounts and which the labels
    never link to the meeting it announces), and source file name → the meeting date its page
    shows: the one it prints, or else the one the meeting it joined supplies (shown in brackets)."""
    (tmp / "content" / "sources").mkdir(parents=True)
    shutil.copy(root / "site.yaml", tmp / "site.yaml")
    for name in ("people.yaml", "topics.yaml", "glossary.yaml"):
        shutil.copy(root / "content" / name, tmp / "content" / name)
    for path in files:
        shutil.copy(path, tmp / "content" / "sources" / path.name)
    report = import_sources(tmp, keep_going=True)
    for error in report.failed:
        print(f"import failed: {error}")
    graph = link(load_readable_corpus(tmp))
    meeting_of: dict[str, str | None] = {}
    shown: dict[str, Any] = {}
    for readout in graph.readouts.values():
        if readout.source is not None:
            name = readout.source.file.removeprefix("sources/")
            meeting_id = graph.meeting_of.get(readout.id)
            shown[name] = readout.meeting.date or (graph.meetings[meeting_id].date if meeting_id else None)
            # a preview is shown apart from the meeting's accounts, and the labels link none
            is_preview = meeting_id is not None and readout.id in graph.meetings[meeting_id].preview_ids
            meeting_of[name] = None if is_preview else meeting_id
    return meeting_of, shown


def score_meetings(files: dict[Path, dict[str, Any]], root: Path,
                   verbose: bool) -> tuple[float | None, float | None, dict[str, Any]]:
    """Print and return the same-meeting pairs' precision and recall, and each file's meeting
    date as its page shows it."""
    labels = {path.name: gold for path, gold in files.items()}
    seeds = sorted((root / "content" / "sources").glob("*.txt"))
    named = {other for gold in labels.values() for other in gold.get("same_meeting_as") or ()}
    pool = sorted(set(labels) | {seed.name for seed in seeds if seed.name in named})

    listed = {(a, b) for a in labels for b in labels[a].get("same_meeting_as") or () if b in pool and a != b}
    gold = {frozenset(pair) for pair in listed}
    one_sided = sum(1 for a, b in listed if (b, a) not in listed)

    with tempfile.TemporaryDirectory(prefix="readouts-bench-") as tmp:
        meeting_of, shown = build_site(Path(tmp), root, seeds + list(files))
    predicted = {frozenset((a, b)) for a, b in itertools.combinations(pool, 2)
                 if meeting_of.get(a) is not None and meeting_of.get(a) == meeting_of.get(b)}

    correct = gold & predicted
    print(f"\nsame-meeting pairs among {len(pool)} files "
          f"({len(pool) - len(labels)} of them seeds named by the labels)")
    print(f"gold pairs {len(gold)} ({one_sided} listed by one side only), "
          f"predicted pairs {len(predicted)}, correct {len(correct)}")
    precision, recall = ratio(len(correct), len(predicted)), ratio(len(correct), len(gold))
    print(f"pair precision {fmt(precision)}")
    print(f"pair recall {fmt(recall)}")
    if verbose:
        for label, pairs in (("missed", gold - predicted), ("wrong", predicted - gold)):
            for a, b in sorted(sorted(pair) for pair in pairs):
                print(f"{label} pair: {a} ({meeting_of.get(a)}) + {b} ({meeting_of.get(b)})")
    return precision, recall, shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Topic precision/recall/F1 per topic and same-meeting pair precision/recall "
                    "against a labelled corpus (a benchmark, not a test: the corpus lives "
                    "outside the repository).")
    corpus_arguments(parser, REPO_ROOT, "site root providing site.yaml, content/{people,topics,glossary}.yaml "
                                        "and the seed sources in content/sources/",
                     "print each file's missed and extra topics, and every wrong pair")
    args = parser.parse_args(argv)

    files = load_corpora(args.corpus)
    score_topics(files, args.root, args.verbose)
    score_meetings(files, args.root, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
