"""The gold labels of a labelled corpus (labels.yaml beside its .txt files), shared by the benchmarks."""

from __future__ import annotations

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
