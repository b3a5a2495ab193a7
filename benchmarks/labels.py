"""The gold labels of labelled corpora (labels.yaml beside their .txt files), shared by the benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml


def load_labels(corpus: Path) -> dict[str, dict[str, Any]]:
    """File name → its gold labels, for the labelled files present in the corpus folder."""
    with open(corpus / "labels.yaml", encoding="utf-8") as handle:
        labels = yaml.safe_load(handle) or {}
    for missing in sorted(name for name in labels if not (corpus / name).is_file()):
        print(f"skipped {missing}: labelled but not in {corpus}")
    return {name: gold for name, gold in sorted(labels.items()) if (corpus / name).is_file()}


def load_corpora(corpora: list[Path]) -> dict[Path, dict[str, Any]]:
    """Path of each labelled file → its gold labels, over several corpora.

    Labels name other documents by file name (`same_meeting_as`), so names must be unique
    across the corpora measured together.
    """
    files: dict[Path, dict[str, Any]] = {}
    seen: dict[str, Path] = {}
    for corpus in corpora:
        for name, gold in load_labels(corpus).items():
            if name in seen:
                raise SystemExit(f"{name} is labelled in both {seen[name]} and {corpus}")
            seen[name] = corpus
            files[corpus / name] = gold
    return files


def corpus_arguments(parser: argparse.ArgumentParser, root: Path, root_help: str, verbose_help: str) -> None:
    """--corpus (repeatable), --root and --verbose, as every labelled-corpus benchmark takes them."""
    parser.add_argument("--corpus", type=Path, required=True, action="append",
                        help="folder with the .txt files and their labels.yaml; give it again to "
                             "measure several corpora together")
    parser.add_argument("--root", type=Path, default=root, help=f"{root_help} (default: %(default)s)")
    parser.add_argument("--verbose", action="store_true", help=verbose_help)
