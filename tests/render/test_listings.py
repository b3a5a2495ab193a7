"""Topic and person listings split by year: what goes on which year's page of the demo site."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.link import link
from readouts.load import load_corpus
from readouts.model import SiteGraph
from readouts.render.listings import SHOW_ALL_UP_TO, person_listing, topic_listing

MOFA_2019 = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
MID_2019 = "2019-05-31-mid-statement-by-foreign-minister-sergey-lavrov-at-a-joint-news"
MOFA_2017 = "2017-09-18-mofa-japan-russia-foreign-ministerial-meeting"
UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"


@pytest.fixture(scope="module")
def graph(built_demo: Path) -> SiteGraph:
    return link(load_corpus(built_demo))


def test_a_topics_readouts_go_to_their_own_year_and_its_meetings_to_the_meetings_year(graph: SiteGraph) -> None:
    listing = topic_listing(graph, "joint-economic-activities")
    assert [part.year for part in listing.years] == [2017, 2019, None]
    by_year = {part.year: part for part in listing.years}
    assert by_year[2017].readout_ids == (MOFA_2017,)
    # MOFA's own account is dated the day of the meeting it reports
    assert by_year[2017].meeting_ids == (graph.meeting_of[MOFA_2017],)
    assert by_year[2019].readout_ids == (MID_2019, MOFA_2019)
    assert by_year[2019].meeting_ids == (graph.meeting_of[MID_2019], graph.meeting_of[MOFA_2019])
    # The undated TASS account joined the meeting of 25 September 2019 by the day it prints: the
    # readout is listed with the undated, its meeting's row with 2019.
    assert graph.meeting_of[UNDATED] == graph.meeting_of[MOFA_2019]
    assert by_year[None].readout_ids == (UNDATED,) and by_year[None].meeting_ids == ()
    assert listing.readout_ids == graph.readouts_by_topic["joint-economic-activities"]
    assert listing.complete()


def test_a_persons_meetings_go_to_the_meetings_year_and_mentions_to_the_readouts(graph: SiteGraph) -> None:
    lavrov = person_listing(graph, "sergey-lavrov")
    assert [part.year for part in lavrov.years] == [2012, 2017, 2019]
    meetings_2019 = lavrov.years[-1].attended
    assert [a.readout_ids for a in meetings_2019] == [(MID_2019,), (MOFA_2019, UNDATED)]
    assert dict(lavrov.counterparts) == {"taro-kono": 2, "koichiro-gemba": 1, "toshimitsu-motegi": 1}
    assert lavrov.counterparts[0] == ("taro-kono", 2)
    abe = person_listing(graph, "shinzo-abe")
    assert [(part.year, part.attended, part.mentioned) for part in abe.years] == [
        (2019, (), (MID_2019,)), (None, (), (UNDATED,))]


def test_a_person_or_topic_nobody_mentions_has_no_year_pages(graph: SiteGraph) -> None:
    assert person_listing(graph, "sergey-shoigu").years == ()
    assert topic_listing(graph, "international-situation").years == ()


def test_the_overview_shows_all_of_a_short_listing(graph: SiteGraph) -> None:
    assert SHOW_ALL_UP_TO >= 5  # the demo's topics and people all fit on their overviews
    for topic in graph.corpus.topics:
        assert topic_listing(graph, topic.id).complete()
    for person in graph.corpus.people:
        assert person_listing(graph, person.id).complete()
