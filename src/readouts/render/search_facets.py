"""What the search page's filters and its "Also search for" offers read: each readout's facets
(side, publisher, kind, language, topics, people) as numbers into value tables that index.js
holds, and the names the glossary and people.yaml list together.

The tables come from the registries alone (the publisher table, site.yaml, topics.yaml,
people.yaml), never from the readouts, so a year's facets file written in one build still
means the same in the next whatever other years gained; the fingerprint of a year's files holds
the registries (`Dependencies.common`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def readout_language(text_words: Mapping[str, int], site_language: str) -> str:
    """Russian when most of a readout's words (its text's, with how often each: search.text_frequencies)
    are Cyrillic, else the site's language: the body is what a reader reads, its title may be
    translated. Told from the word counts the build keeps, so a year's facets are written
    without reading the bodies of its unchanged readouts."""
    russian = sum(count for word, count in text_words.items() if _CYRILLIC.search(word))
    other = sum(text_words.values()) - russian
    return RUSSIAN if russian > other else site_language


class FacetRows:
    """Makes each readout's row of facet values, as places in facet_tables' lists."""

    def __init__(self, graph: SiteGraph) -> None:
        self.graph = graph
        self.places = {facet: {value: place for place, (value, _) in enumerate(values)}
                       for facet, values in facet_tables(graph).items()}

    def row(self, readout_id: str, text_words: Mapping[str, int]) -> list[Any]:
        """[side, publisher, kind, language, [topics], [people]]: the people are the participants
        and those mentioned whom people.yaml knows (a name it does not know has no filter).
        `text_words` are the readout's words with how often its text has each, which tell its language."""
        graph, places = self.graph, self.places
        readout = graph.readouts[readout_id]
        people = dict.fromkeys(readout.participants + readout.mentioned)
        language = readout_language(text_words, graph.corpus.config.language)
        return [places["side"][PUBLISHERS[readout.publisher].side], places["publisher"][readout.publisher],
                places["kind"][readout.kind], places["language"][language],
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
