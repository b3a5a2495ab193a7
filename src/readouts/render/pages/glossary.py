"""The glossary: each term's names on each side, and which publishers use which name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import SIDE_LABELS, page_context, publisher_name
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site


def glossary_context(graph: SiteGraph) -> dict[str, Any]:
    """glossary.html: each term's names on each side, and which publishers use which name."""
    context = page_context(graph, urls.GLOSSARY, "Glossary", "glossary")
    terms = []
    for term in sorted(graph.corpus.terms, key=lambda t: t.title.lower()):
        usage = graph.term_usage.get(term.id, {})
        sides = []
        for side, names in term.names.items():
            sides.append({"side": SIDE_LABELS.get(side, side.title()), "names": [
                {"name": name, "used_by": [{"publisher": publisher_name(graph, p), "count": n}
                                           for p, n in usage.get(name, {}).items()]}
                for name in names]})
        terms.append({"id": term.id, "title": term.title, "definition": term.definition, "sides": sides})
    context["terms"] = terms
    return context



def pages(site: Site) -> Iterator[Page]:
    yield Page(urls.GLOSSARY, "glossary.html", lambda: glossary_context(site.graph),
               site.depends.listing(urls.GLOSSARY))


KIND = PageKind("glossary", pages, NavEntry("glossary", "Glossary", urls.GLOSSARY, 60))
