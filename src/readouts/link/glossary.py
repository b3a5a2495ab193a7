"""Glossary terms: which readouts use which of each side's names for the same thing."""

from __future__ import annotations

import re
from collections.abc import Mapping

from readouts.link.keys import KeyIndex, phrase_keys, word_keys, word_start
from readouts.model import Readout, Term


def name_pattern(name: str) -> re.Pattern[str]:
    """A term's name on word boundaries; acronyms ("TOR") keep their case, other names do not."""
    flags = 0 if name.isupper() else re.IGNORECASE
    first, *rest = name.split() or [""]
    if not first:
        return re.compile(r"(?!)")  # an empty name names nothing
    body = r"\s+".join([word_start(first[0]) + re.escape(first[1:]), *(re.escape(word) for word in rest)])
    return re.compile(body + r"(?![\w-])", flags)


class TermFinder:
    """Every name of every glossary term, compiled once for the whole corpus, and indexed by
    one of its word keys (keys.py): a paragraph is searched only for the names one of whose
    words it has."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.compiled = [(term.id, [(n, phrase_keys(n), name_pattern(n)) for side in term.names.values()
                                    for n in side]) for term in terms]
        self.index = KeyIndex.of([needed for _, needed, _ in names] for _, names in self.compiled)

    def names_in(self, readout: Readout) -> dict[str, tuple[str, ...]]:
        """Term id → the names of that term the readout uses (only terms it uses), in the
        glossary's order. A name is used where it stands within one paragraph."""
        hits: set[tuple[int, int]] = set()
        for block in readout.blocks:
            text = block.text
            keys = word_keys(text)
            for term_number, name_number in self.index.candidates(keys):
                if (term_number, name_number) in hits:
                    continue
                _, needed, pattern = self.compiled[term_number][1][name_number]
                if needed <= keys and pattern.search(text):
                    hits.add((term_number, name_number))
        found: dict[str, tuple[str, ...]] = {}
        for term_number, name_number in sorted(hits):
            term_id, names = self.compiled[term_number]
            found[term_id] = (*found.get(term_id, ()), names[name_number][0])
        return found


def term_usage(terms: tuple[Term, ...], used: Mapping[str, Mapping[str, tuple[str, ...]]],
               readouts: Mapping[str, Readout]) -> dict[str, dict[str, dict[str, int]]]:
    """Term id → name → publisher → how many readouts of that publisher use the name."""
    usage: dict[str, dict[str, dict[str, int]]] = {
        term.id: {n: {} for side in term.names.values() for n in side} for term in terms}
    for readout_id in sorted(used):
        publisher = readouts[readout_id].publisher
        for term_id, names in used[readout_id].items():
            for name in names:
                counts = usage[term_id][name]
                counts[publisher] = counts.get(publisher, 0) + 1
    return {t: {n: dict(sorted(c.items())) for n, c in names.items()} for t, names in usage.items()}
