"""What the search page's filters and its "Also search for" offers read: each readout's facets
(side, publisher, kind, language, topics, people) as numbers into value tables that index.js
holds, and the names the glossary and people.yaml list together.

The tables come from the registries alone (the publisher table, site.yaml, topics.yaml,
people.yaml), never from the readouts, so a year's facets file written in one build still
means the same in the next whatever other years gained; the fingerprint of a year's files holds
the registries (`Dependencies.common`).
"""

from __future__ import annotations

from typing import Any

from readouts.model import SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render.context import KIND_LABELS, publisher_name

FACETS = ("side", "publisher", "kind", "language", "topic", "person")
"""The filters, in the order the page shows them and a readout's row in a facets file lists them."""

FACET_LABELS = {"side": "Side", "publisher": "Publisher", "kind": "Kind", "language": "Language",
                "topic": "Topic", "person": "Person"}

MANY_VALUED = frozenset({"topic", "person"})
"""Facets a readout has several values of (a list in its row), not one."""

SIDE_LABELS = {"japan": "Japan", "russia": "Russia", "other": "Other outlets"}
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "ja": "Japanese", "fr": "French", "de": "German"}
RUSSIAN = "ru"


def facet_tables(graph: SiteGraph) -> dict[str, list[tuple[str, str]]]:
    """Facet → its values as (id, label), in the order the filters list them."""
    config = graph.corpus.config
    sides = dict.fromkeys(info.side for info in PUBLISHERS.values())
    languages = dict.fromkeys([config.language, RUSSIAN])
    return {
        "side": [(side, SIDE_LABELS.get(side, side.title())) for side in sides],
        "publisher": [(p, publisher_name(graph, p)) for p in PUBLISHERS],
        "kind": list(KIND_LABELS.items()),
        "language": [(code, LANGUAGE_NAMES.get(code, code)) for code in languages],
        "topic": sorted(((t.id, t.title) for t in graph.corpus.topics), key=lambda pair: pair[1].lower()),
        "person": sorted(((p.id, p.name) for p in graph.corpus.people), key=lambda pair: _family_first(pair[1])),
    }


def _family_first(name: str) -> str:
    """"Sergey Lavrov" sorts as "lavrov sergey": readers look a person up by family name."""
    parts = name.lower().split()
    return " ".join(parts[-1:] + parts[:-1])


def readout_language(graph: SiteGraph, readout_id: str) -> str:
    """Russian when most of a readout's text is in Cyrillic blocks (load marks them "ru"), else the
    site's language: the body is what a reader reads, its title may be translated."""
    blocks = graph.readouts[readout_id].blocks
    russian = sum(len(block.text) for block in blocks if block.lang == RUSSIAN)
    other = sum(len(block.text) for block in blocks if block.lang != RUSSIAN)
    return RUSSIAN if russian > other else graph.corpus.config.language


class FacetRows:
    """Makes each readout's row of facet values, as places in facet_tables' lists."""

    def __init__(self, graph: SiteGraph) -> None:
        self.graph = graph
        self.places = {facet: {value: place for place, (value, _) in enumerate(values)}
                       for facet, values in facet_tables(graph).items()}

    def row(self, readout_id: str) -> list[Any]:
        """[side, publisher, kind, language, [topics], [people]]: the people are the participants
        and those mentioned whom people.yaml knows (a name it does not know has no filter)."""
        graph, places = self.graph, self.places
        readout = graph.readouts[readout_id]
        people = dict.fromkeys(readout.participants + readout.mentioned)
        return [places["side"][PUBLISHERS[readout.publisher].side], places["publisher"][readout.publisher],
                places["kind"][readout.kind], places["language"][readout_language(graph, readout_id)],
                sorted(places["topic"][t] for t in readout.topics if t in places["topic"]),
                sorted(places["person"][p] for p in people if p in places["person"])]


def facets_index(graph: SiteGraph) -> list[dict[str, Any]]:
    """The filters as index.js lists them: each facet's name, label, whether a readout has
    several values, and its values."""
    return [{"name": facet, "label": FACET_LABELS[facet], "many": facet in MANY_VALUED,
             "values": [list(pair) for pair in values]}
            for facet, values in facet_tables(graph).items()]


def name_groups(graph: SiteGraph) -> list[dict[str, Any]]:
    """Names that stand for one thing: each glossary term's names on every side, and each
    person's name with its spellings. A query is matched to the spelling it gives; search.js
    offers the group's other names as searches of their own ("Also search for")."""
    groups = [{"label": term.title, "kind": "term",
               "names": list(dict.fromkeys(n for side in term.names.values() for n in side))}
              for term in graph.corpus.terms]
    groups += [{"label": person.name, "kind": "person", "names": list(dict.fromkeys((person.name, *person.spellings)))}
               for person in graph.corpus.people if person.spellings]
    return [group for group in groups if len(group["names"]) > 1]
