"""Glossary terms: which of each side's names a readout uses."""

from __future__ import annotations

from readouts.blocks import parse_blocks
from readouts.link.glossary import TermFinder
from readouts.model import Blocks, MeetingFacts, Readout, SourceRef, Term

TERMS = (
    Term(id="northern-territories", title="Northern Territories", definition="",
         names={"japan": ("Northern Territories", "Four Northern Islands"), "russia": ("Southern Kurils", "Kurils")}),
    Term(id="tor", title="TOR", definition="", names={"russia": ("TOR", "territory of advanced development")}),
)


def _readout(body: str) -> Readout:
    return Readout(id="r1", title="R", publisher="other", kind="news", published=None,
                   meeting=MeetingFacts(None, None, None, None), participants=(), mentioned=(),
                   topics=(), source=None, imported=None, blocks=Blocks(parse_blocks(body, 1)),
                   path=SourceRef("r1.md"))


def test_names_are_listed_in_the_glossarys_order_whatever_order_the_text_uses_them() -> None:
    body = ("On the Kurils.\n\n- The Southern Kurils, a TOR.\n"
            "- The Four Northern Islands and the Northern Territories.\n")
    assert TermFinder(TERMS).names_in(_readout(body)) == {
        "northern-territories": ("Northern Territories", "Four Northern Islands", "Southern Kurils", "Kurils"),
        "tor": ("TOR",),
    }


def test_a_name_is_used_within_a_paragraph_not_across_two() -> None:
    body = "They spoke of the Northern\n\nTerritories were not named. A tor is a hill.\n"
    assert TermFinder(TERMS).names_in(_readout(body)) == {}
