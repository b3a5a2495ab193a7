"""Benchmark: how accurately the importer extracts each field of a readout.

Imports every file named in a labelled corpus (DIR/labels.yaml) with the registries
(content/people.yaml, content/topics.yaml) of a site root and prints, per field, the share of
files whose extracted value equals the gold label, then the mean over the fields.

This is a benchmark, not a test: it measures, it never fails. The corpus and its labels live
outside the repository (e.g. /work/shared/corpus/dev); see the header comment of labels.yaml
for the labelling conventions.

    python benchmarks/extraction.py --corpus /work/shared/corpus/dev [--root .] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from labels import load_labels

from readouts.errors import ReadoutsError
from readouts.importer import ImportedReadout, read_source
from readouts.importer.run import make_context
from readouts.load import load_people

REPO_ROOT = Path(__file__).resolve().parent.parent

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def norm_title(value: str | None) -> str | None:
    """Whitespace collapsed, curly quotes straightened, case folded; None stays None."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value).translate(_QUOTES)).strip().casefold()


def norm_publisher(value: str | None) -> str | None:
    """"other-news: Sputnik" and the like count as "other"."""
    return "other" if value and str(value).startswith("other") else value


def norm_date(value: Any) -> str | None:
    """A date object or an ISO string → ISO string."""
    return None if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))


def norm_place(value: str | None) -> str | None:
    return None if value is None else str(value).strip().casefold()


# field name → (label key, how to read the imported value, how to normalise both sides)
Getter = Callable[[ImportedReadout, dict[str, str]], Any]
FIELDS: dict[str, tuple[str, Getter, Callable[[Any], Any]]] = {
    "title": ("title", lambda r, _: r.title, norm_title),
    "publisher": ("publisher", lambda r, _: r.publisher, norm_publisher),
    "kind": ("kind", lambda r, _: r.kind, lambda v: v),
    "published": ("published", lambda r, _: r.published, norm_date),
    "meeting_date": ("meeting_date", lambda r, _: r.meeting.date, norm_date),
    "place": ("location", lambda r, _: r.meeting.place, norm_place),
    "duration": ("duration_minutes", lambda r, _: r.meeting.duration_minutes,
                 lambda v: None if v is None else int(v)),
    "participants": ("participants", lambda r, names: [names.get(p, p) for p in r.participants],
                     lambda v: frozenset(v or ())),
}


def show(value: Any) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return repr(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Per-field accuracy of the importer against a labelled corpus (a benchmark, "
                    "not a test: the corpus lives outside the repository).")
    parser.add_argument("--corpus", type=Path, required=True,
                        help="folder with the .txt files and their labels.yaml")
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="site root whose content/people.yaml and topics.yaml the importer reads "
                             "(default: %(default)s)")
    parser.add_argument("--verbose", action="store_true",
                        help="print every mismatch: file, field, expected, got")
    args = parser.parse_args(argv)

    labels = load_labels(args.corpus)
    context = make_context(args.root)
    names = {person.id: person.name for person in load_people(args.root / "content" / "people.yaml")}
    correct = dict.fromkeys(FIELDS, 0)
    files = 0

    for filename, gold in labels.items():
        path = args.corpus / filename
        if not path.is_file():
            print(f"skipped {filename}: labelled but not in {args.corpus}")
            continue
        files += 1
        try:
            imported: ImportedReadout | None = read_source(path.read_bytes(), str(path), context)
        except ReadoutsError as error:
            print(f"error {filename}: {error} (all fields count as wrong)")
            imported = None
        for field, (key, get, norm) in FIELDS.items():
            expected = norm(gold.get(key))
            got = norm(get(imported, names)) if imported is not None else "<error>"
            if expected == got:
                correct[field] += 1
            elif args.verbose:
                print(f"mismatch {filename}  {field}: expected {show(expected)}, got {show(got)}")

    if args.verbose:
        print()
    print(f"{'field':<14}{'correct':>9}{'accuracy':>10}")
    accuracies = []
    for field, count in correct.items():
        accuracy = count / files if files else 0.0
        accuracies.append(accuracy)
        print(f"{field:<14}{f'{count}/{files}':>9}{accuracy:>10.3f}")
    print(f"mean {sum(accuracies) / len(accuracies):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
