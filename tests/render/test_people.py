"""People's pages and index: counterparts are of the other side, and the index shows the role
a person held when last named, listing only people some readout names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from readouts.link import link
from readouts.load import load_corpus
from readouts.model import SiteGraph
from readouts.render.listings import person_listing
from readouts.render.pages.person import people_index_context

MOFA_2017 = "2017-09-18-mofa-japan-russia-foreign-ministerial-meeting"


@pytest.fixture(scope="module")
def graph(built_demo: Path) -> SiteGraph:
    return link(load_corpus(built_demo))


def test_a_colleague_of_the_same_side_at_a_meeting_is_not_a_counterpart(graph: SiteGraph) -> None:
    readout = graph.readouts[MOFA_2017]
    assert graph.people["shinzo-abe"].country == graph.people["taro-kono"].country == "japan"
    joined = dataclasses.replace(readout, participants=(*readout.participants, "shinzo-abe"))
    with_abe = dataclasses.replace(graph, readouts={**graph.readouts, MOFA_2017: joined})
    assert "shinzo-abe" not in dict(person_listing(with_abe, "taro-kono").counterparts)
    assert dict(person_listing(with_abe, "taro-kono").counterparts) == {"sergey-lavrov": 2}
    assert dict(person_listing(with_abe, "sergey-lavrov").counterparts)["shinzo-abe"] == 1


def test_the_index_shows_the_role_held_when_last_named_not_the_latest_role(graph: SiteGraph) -> None:
    people = {p["name"]: p for p in people_index_context(graph)["people"]}
    # Kono's readouts end in May 2019; he became Minister of Defense that September.
    assert graph.people["taro-kono"].roles[-1].title == "Minister of Defense of Japan"
    assert people["Taro Kono"]["role"] == "Minister for Foreign Affairs of Japan"


def test_the_index_leaves_out_people_no_readout_names(graph: SiteGraph) -> None:
    names = [p["name"] for p in people_index_context(graph)["people"]]
    assert "Sergey Shoigu" not in names and "Sergey Lavrov" in names
    assert all(p["count"] > 0 for p in people_index_context(graph)["people"])
