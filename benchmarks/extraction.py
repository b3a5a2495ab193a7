"""Benchmark: how accurately the importer reads labelled readouts, field by field.

Imports every file named in one or more labelled corpora (DIR/labels.yaml) with the registries
(content/people.yaml, content/topics.yaml) of a site root and prints, per field, the share of
files whose label gives a value that the importer read right, and how many values it invented
where the label is empty; then the main topics' precision and recall and the same-meeting pairs'
precision, recall and F1 (benchmarks/topics.py, which prints every topic).

This is a benchmark, not a test: it measures, it never fails. The corpora and their labels live
outside the repository (e.g. /work/shared/corpus/dev); see the header comment of a labels.yaml
for the labelling conventions.

    python benchmarks/extraction.py --corpus DIR [--corpus DIR2 …] [--root .] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from labels import corpus_arguments, load_corpora
from topics import f1, fmt, ratio, score_meetings, score_topics

from readouts.config import load_config
from readouts.errors import ReadoutsError
from readouts.importer import ImportedReadout, read_source
from readouts.importer.run import make_context
from readouts.load import load_people
from readouts.model import KINDS

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
    """A city compared without case, its "St." spelt out: labels write "Saint Petersburg" and
    "St. Petersburg" alike."""
    return None if value is None else re.sub(r"^st\.?\s+", "saint ", str(value).strip().casefold())


def norm_people(value: Any) -> frozenset[str] | None:
    return frozenset(value) if value else None


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
    # one people.yaml lacks is shown by the id as words ("boris-nemtsov" → "Boris Nemtsov"), as
    # the site shows them (SiteGraph.person_name)
    "participants": ("participants",
                     lambda r, names: [names.get(p, p.replace("-", " ").title()) for p in r.participants],
                     norm_people),
}


def show(value: Any) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return repr(value)


def score_fields(files: dict[Path, dict[str, Any]], root: Path, verbose: bool, with_urls: bool = False) -> float:
    """Print each field's accuracy over the files whose label gives it; return their mean. With
    `with_urls`, each file is read as `readouts add FILE --url` reads it, given its label's source_url."""
    context = make_context(root)
    people = load_people(root / "content" / "people.yaml")
    names = {person.id: person.name for person in people}
    # a label may spell a registered person as one of the registry's other spellings ("Valentina
    # Matvienko" for Matviyenko): compared under the registry's name
    registered = {spelling.casefold(): person.name
                  for person in people for spelling in (person.name, *person.spellings)}
    correct = dict.fromkeys(FIELDS, 0)
    labelled = dict.fromkeys(FIELDS, 0)
    invented = dict.fromkeys(FIELDS, 0)
    unscored: list[str] = []
    for path, gold in files.items():
        try:
            url = gold.get("source_url") if with_urls else None
            imported: ImportedReadout | None = read_source(path.read_bytes(), str(path), context, url)
        except ReadoutsError as error:
            print(f"error {path.name}: {error} (all fields count as wrong)")
            imported = None
        for field, (key, get, norm) in FIELDS.items():
            label = gold.get(key)
            if field == "kind" and label is not None and label not in KINDS:
                # "preview", "comment", "transcript": a kind the importer has no word for, which the
                # development sets' labels never use (they call such pages news or readouts)
                unscored.append(f"{path.name} ({label})")
                continue
            if field == "participants" and label:
                label = [registered.get(str(name).casefold(), name) for name in label]
            expected = norm(label)
            got = norm(get(imported, names)) if imported is not None else "<error>"
            if expected is None:
                if got is not None and got != "<error>":
                    invented[field] += 1
                    if verbose:
                        print(f"invented {path.name}  {field}: {show(got)}")
                continue
            labelled[field] += 1
            if expected == got:
                correct[field] += 1
            elif verbose:
                print(f"mismatch {path.name}  {field}: expected {show(expected)}, got {show(got)}")
    if verbose:
        print()
    print(f"{len(files)} files")
    print(f"{'field':<14}{'correct':>9}{'accuracy':>10}{'invented':>10}")
    accuracies = []
    for field in FIELDS:
        accuracy = ratio(correct[field], labelled[field])
        if accuracy is not None:
            accuracies.append(accuracy)
        print(f"{field:<14}{f'{correct[field]}/{labelled[field]}':>9}{fmt(accuracy):>10}{invented[field]:>10}")
    if unscored:
        print(f"kind not scored where the label names none of {', '.join(KINDS)}: {', '.join(unscored)}")
    mean = sum(accuracies) / len(accuracies) if accuracies else 0.0
    print(f"mean field accuracy {mean:.3f}, invented values {sum(invented.values())}")
    return mean


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Per-field accuracy of the importer, main-topic precision/recall and "
                    "same-meeting pair F1 against labelled corpora (a benchmark, not a test: the "
                    "corpora live outside the repository).")
    corpus_arguments(parser, REPO_ROOT, "site root whose site.yaml, content/*.yaml and seed sources the "
                                        "importer and the link stage read",
                     'print every mismatch and invented value, every topic, every wrong pair')
    parser.add_argument("--with-urls", action="store_true",
                        help="read each file with its label's source_url, as `readouts add FILE --url URL` does "
                             "(the fields table only; grouping reads the files alone)")
    args = parser.parse_args(argv)

    files = load_corpora(args.corpus)
    score_fields(files, args.root, args.verbose, args.with_urls)
    print()
    tp, fp, fn = score_topics(files, args.root, args.verbose, main_only=not args.verbose)
    main_topics = list(load_config(args.root).main_topics)
    t, f, n = (sum(counts[topic] for topic in main_topics) for counts in (tp, fp, fn))
    print(f"main topics: precision {fmt(ratio(t, t + f))}, recall {fmt(ratio(t, t + n))}")
    precision, recall, shown = score_meetings(files, args.root, args.verbose)
    print(f"same-meeting pairs: precision {fmt(precision)}, recall {fmt(recall)}, "
          f"F1 {fmt(f1(precision, recall))}")
    score_shown_dates(files, shown, args.verbose)
    return 0


def score_shown_dates(files: dict[Path, dict[str, Any]], shown: dict[str, Any], verbose: bool) -> None:
    """The meeting date a reader sees on each readout's page: the one its text prints, or else,
    in brackets, the one the meeting it joined supplies. The field table above scores only what
    the text prints. A file whose label prints no date expects the date of the accounts its label
    names as the same meeting, when one of them prints it."""
    labels = {path.name: gold for path, gold in files.items()}
    partners: dict[str, set[str]] = {name: set() for name in labels}
    for name, gold in labels.items():
        for other in gold.get("same_meeting_as") or ():
            partners[name].add(other)
            partners.setdefault(other, set()).add(name)
    labelled = correct = invented = 0
    for path, gold in files.items():
        expected = norm_date(gold.get("meeting_date")) or next(
            (norm_date(labels[o]["meeting_date"]) for o in sorted(partners[path.name])
             if o in labels and labels[o].get("meeting_date")), None)
        got = norm_date(shown.get(path.name))
        if expected is None:
            invented += got is not None
            if verbose and got is not None:
                print(f"shown date {path.name}: none labelled, shows {got}")
            continue
        labelled += 1
        correct += expected == got
        if verbose and expected != got:
            print(f"shown date {path.name}: expected {expected}, got {got}")
    print(f"meeting date shown on the readout's page (printed, or supplied by its meeting): "
          f"{correct}/{labelled} {fmt(ratio(correct, labelled))}, invented {invented}")


if __name__ == "__main__":
    sys.exit(main())
