"""People and glossary terms linked in a readout's text."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from readouts.model import Person, Term
from readouts.render.mentions import Linker
from readouts.render.urls import Links


def test_the_longest_name_is_linked_whether_a_person_or_a_term() -> None:
    person = Person(id="abe-shinzo", name="Abe Shinzo", country=None, spellings=(), roles=())
    term = Term(id="abe", title="Abe (clan)", names={"neutral": ("Abe",)}, definition="")
    graph = SimpleNamespace(people={person.id: person}, corpus=SimpleNamespace(terms=(term,)))
    linked = Linker(graph).link(Markup("Abe Shinzo met the Abe elders."), Links("readouts/x.html"), set())  # type: ignore[arg-type]
    assert '<a class="mention" href="../people/abe-shinzo.html" title="Abe Shinzo">Abe Shinzo</a>' in linked
    assert 'href="../glossary.html#abe" title="Abe (clan). ">Abe</a> elders' in linked
