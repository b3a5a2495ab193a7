"""Glossary terms: how often each publisher uses each side's name for the same thing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from readouts.model import Readout, Term


def name_pattern(name: str) -> re.Pattern[str]:
    """A term's name on word boundaries; acronyms ("TOR") keep their case, other names do not."""
    flags = 0 if name.isupper() else re.IGNORECASE
    body = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", flags)


def term_usage(terms: tuple[Term, ...], readouts: Mapping[str, Readout]
               ) -> dict[str, dict[str, dict[str, int]]]:
    """Term id → name → publisher → how many readouts of that publisher use the name."""
    usage: dict[str, dict[str, dict[str, int]]] = {}
    for term in terms:
        per_name: dict[str, dict[str, int]] = {}
        for names in term.names.values():
            for name in names:
                pattern = name_pattern(name)
                counts = Counter(r.publisher for r in readouts.values() if pattern.search(r.body))
                per_name[name] = dict(sorted(counts.items()))
        usage[term.id] = per_name
    return usage
