"""What the context builders give the templates for the demo site: where undated readouts go."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from readouts.link import link
from readouts.load import load_corpus
from readouts.model import SiteGraph
from readouts.render.context import format_printed_day, supplied_meeting_date
from readouts.render.listings import publisher_listings, timeline_listing
from readouts.render.pages.home import index_context
from readouts.render.pages.meeting import meeting_context
from readouts.render.pages.not_found import not_found_context
from readouts.render.pages.readout import readout_context
from readouts.render.pages.timeline import timeline_context
from readouts.render.pages.topic import topics_index_context

MOFA_2019 = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
MID_2019 = "2019-05-31-mid-statement-by-foreign-minister-sergey-lavrov-at-a-joint-news"
UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"


@pytest.fixture(scope="module")
def graph(built_demo: Path) -> SiteGraph:
    return link(load_corpus(built_demo))


def test_the_latest_readouts_are_dated_and_the_undated_follow_as_their_own_group(graph: SiteGraph) -> None:
    context = index_context(graph)
    latest = [item["id"] for item in context["latest"]]
    assert latest[0] == MOFA_2019
    assert UNDATED not in latest
    group = context["undated_group"]
    assert [item["id"] for item in group["readouts"]] == [UNDATED]
    assert group["count"] == 1 and group["href"] == "timeline/undated.html"


def test_an_undated_readout_has_no_neighbours_by_date_and_leads_to_the_undated_group(graph: SiteGraph) -> None:
    assert graph.neighbours[UNDATED] == (None, None)
    # the newest dated readout is the last by date: nothing of unknown date comes "later"
    assert graph.neighbours[MOFA_2019] == (MID_2019, None)
    context = readout_context(graph, UNDATED)
    assert context["previous"] is None and context["next"] is None
    assert context["undated"] == {"href": "../timeline/undated.html"}
    assert readout_context(graph, MOFA_2019)["undated"] is None


def test_a_listing_shows_its_undated_entries_last(graph: SiteGraph) -> None:
    assert timeline_listing(graph).shown()[0] == MOFA_2019
    assert timeline_listing(graph).shown()[-1] == UNDATED
    assert publisher_listings(graph)["tass"].shown() == (UNDATED,)


def test_a_readout_page_leaves_the_archivists_notes_to_readouts_check(built_demo: Path) -> None:
    page = (built_demo / "site" / "readouts" / f"{UNDATED}.html").read_text(encoding="utf-8")
    assert "for a person to fill in" not in page and "the dateline prints" not in page
    assert "readouts check" not in page
    # what the importer removed is still part of the provenance
    assert "What the importer removed or normalised" in page
    for listing in ("timeline.html", "timeline/undated.html", "topics/peace-treaty/undated.html"):
        assert "readouts check" not in (built_demo / "site" / listing).read_text(encoding="utf-8")


def test_an_undated_readout_shows_the_day_its_text_prints_without_a_year(graph: SiteGraph) -> None:
    context = readout_context(graph, UNDATED)
    assert context["readout"]["published"] is None
    assert context["readout"]["printed"] == "26 September, year not printed"
    listed = index_context(graph)["undated_group"]["readouts"][0]
    assert listed["date"] is None and listed["printed"] == "26 September, year not printed"


def test_a_readout_in_a_dated_meeting_shows_its_date_as_supplied_not_printed(graph: SiteGraph) -> None:
    meeting = readout_context(graph, UNDATED)["readout"]["meeting"]
    assert meeting["date"] is None
    assert meeting["supplied"] == {
        "date": "[25 September 2019]", "date_iso": "2019-09-25",
        "note": "date supplied from another account of the same meeting, not printed in this text"}
    # a text that prints its meeting's date has nothing supplied
    assert readout_context(graph, MOFA_2019)["readout"]["meeting"]["supplied"] is None


def test_a_date_a_person_supplies_wins_and_says_where_it_comes_from(graph: SiteGraph) -> None:
    readout = graph.readouts[UNDATED]
    supplied = replace(readout, meeting=replace(readout.meeting, date_supplied=dt.date(2019, 9, 24),
                                                supplied_from="the ministry's statement"))
    assert supplied_meeting_date(graph, supplied) == {
        "date": "[24 September 2019]", "date_iso": "2019-09-24",
        "note": "date supplied from the ministry's statement, not printed in this text"}
    unsourced = replace(readout, meeting=replace(readout.meeting, date_supplied=dt.date(2019, 9, 24)))
    assert supplied_meeting_date(graph, unsourced)["note"] == "date supplied by the archive, not printed in this text"  # type: ignore[index]
    # the supplied date is shown, not filed by: the readout stays undated
    assert supplied.date is None


def test_the_timeline_chart_counts_the_undated_readouts_in_a_bar_of_their_own(graph: SiteGraph) -> None:
    chart = timeline_context(graph, timeline_listing(graph))["chart"]
    last = chart["bars"][-1]
    assert last["year"] is None and last["label"] == "Undated" and last["total"] == 1
    assert last["href"] == "timeline/undated.html"
    assert [s["publisher"] for s in last["segments"]] == ["tass"]
    assert chart["undated"] == 1
    # set apart from the last year, and inside the chart
    years = chart["bars"][:-1]
    assert [bar["year"] for bar in years] == list(range(2012, 2020))
    assert last["x"] > years[-1]["x"] + chart["bar"] + 8
    assert last["x"] + chart["bar"] <= chart["width"]


def test_a_meetings_day_printed_without_a_year_dates_the_meeting_not_the_text(graph: SiteGraph) -> None:
    # "Gist of Japan-Russia summit on Nov. 10": the day is the summit's; when the text was
    # published it does not say
    readout = graph.readouts[UNDATED]
    assert readout.imported is not None
    gist = replace(readout, imported=replace(readout.imported, printed_day=None, printed_meeting_day=(11, 10)))
    alone = replace(graph, readouts={**graph.readouts, UNDATED: gist}, meeting_of={})
    context = readout_context(alone, UNDATED)["readout"]
    assert context["printed"] is None
    assert context["meeting"]["printed"] == "10 November, year not printed"
    # a listing shows what the text prints of its date, whichever it is
    assert format_printed_day(gist) == "10 November, year not printed"


def test_a_printed_day_that_names_no_day_of_a_month_is_not_shown(graph: SiteGraph) -> None:
    readout = graph.readouts[UNDATED]
    assert readout.imported is not None
    for impossible in ((13, 1), (9, 0)):
        damaged = replace(readout, imported=replace(readout.imported, printed_day=impossible))
        assert format_printed_day(damaged) is None


def test_the_404_page_links_absolutely_with_a_base_url_and_other_pages_stay_relative(graph: SiteGraph) -> None:
    assert not_found_context(graph)["page"]["home"] == "index.html"
    config = replace(graph.corpus.config, base_url="https://example.org/readouts/")
    based = replace(graph, corpus=replace(graph.corpus, config=config))
    page = not_found_context(based)
    assert page["page"]["stylesheet"].startswith("https://example.org/readouts/")
    assert page["page"]["home"] == "https://example.org/readouts/index.html"
    assert all(item["href"].startswith("https://example.org/readouts/") for item in page["nav"])
    assert topics_index_context(based)["page"]["home"] == "../index.html"


MEETING_2019 = "2019-09-25-lavrov-motegi"


def _account(context: dict, publisher: str) -> dict:  # type: ignore[type-arg]
    return next(a for a in context["meeting"]["accounts"] if a["publisher"] == publisher)


def test_a_meeting_counts_a_side_as_reporting_a_topic_only_in_its_own_voice(graph: SiteGraph) -> None:
    context = meeting_context(graph, MEETING_2019)
    tass = _account(context, "TASS")
    voices = {p["number"]: p["voice_label"] for p in tass["paragraphs"] if not p["heading"]}
    # TASS's recap of 1956 is background; its quotation of Japan's ministry is marked as such
    assert voices[11] == "background"
    assert voices[5] == "quotes the Japanese side"
    assert voices[6] is None  # TASS relaying Russia's own ministry is the Russian side's account
    one_sided = {entry["side"]: [t["title"] for t in entry["topics"]] for entry in context["meeting"]["one_sided"]}
    assert "the Russian side" not in one_sided, one_sided  # "Territorial issue" was TASS's background
    assert "Peace treaty" in one_sided["the Japanese side"]  # TASS only quoted Japan and recapped history
    rows = {row["topic"]["title"]: row["cells"] for row in context["meeting"]["rows"]}
    territorial = rows["Territorial issue"][[a["publisher"] for a in context["meeting"]["accounts"]].index("TASS")]
    assert territorial["paragraphs"] == [{"number": 11, "href": "#" + tass["paragraphs"][11]["id"],
                                          "voice_label": "background"}]
    assert territorial["own"] is False


def test_a_meeting_page_lists_each_paragraph_of_each_account_once_with_all_its_topics(graph: SiteGraph) -> None:
    context = meeting_context(graph, MEETING_2019)
    for account in context["meeting"]["accounts"]:
        readout = graph.readouts[account["id"]]
        # every block once, in order; the paragraphs numbered as the readout's page numbers them
        assert [p["id"].partition("-")[2] for p in account["paragraphs"]] == [b.anchor for b in readout.blocks]
        numbered = [p["number"] for p in account["paragraphs"] if not p["heading"]]
        assert numbered == list(range(1, len(numbered) + 1))
    mofa = _account(context, "Ministry of Foreign Affairs of Japan")
    third = mofa["paragraphs"][2]
    assert [t["title"] for t in third["topics"]] == ["Peace treaty", "Joint economic activities"]
    ids = [p["id"] for a in context["meeting"]["accounts"] for p in a["paragraphs"]]
    assert len(ids) == len(set(ids))


MEETING_2017 = "2017-09-18-lavrov-kono"
MOFA_2017 = "2017-09-18-mofa-japan-russia-foreign-ministerial-meeting"


def test_a_meeting_of_one_account_gives_that_account_as_a_short_entry_not_its_text(graph: SiteGraph) -> None:
    """Nothing is compared on a one-account meeting's page: the account's whole text, voices and
    marks are its readout page's, and the meeting page leads there."""
    meeting = meeting_context(graph, MEETING_2017)["meeting"]
    single = meeting["single"]
    assert single["id"] == MOFA_2017 and meeting["accounts"] == [single]
    assert single["href"] == f"../readouts/{MOFA_2017}.html"
    assert single["occasion"] == "United Nations General Assembly"
    assert "paragraphs" not in single and meeting["rows"] == [] and meeting["one_sided"] == []
    readout = graph.readouts[MOFA_2017]
    first = next(b for b in readout.blocks if b.kind == "paragraph")
    [excerpt] = single["excerpts"]  # a first paragraph long enough to stand alone
    assert excerpt["number"] == 1 and excerpt["href"] == f"../readouts/{MOFA_2017}.html#{first.anchor}"
    assert excerpt["html"].startswith("Mr. Taro Kono, Minister for Foreign Affairs")
    order = [t.id for t in graph.corpus.topics]
    topics = [t["id"] for t in single["topics"]]
    assert sorted(topics) == sorted(readout.topics) and topics == sorted(topics, key=order.index)


def test_a_one_account_excerpt_runs_past_a_short_opening_paragraph(graph: SiteGraph) -> None:
    """A press conference opens "Ladies and gentlemen,": the excerpt goes on to what was said."""
    single = meeting_context(graph, graph.meeting_of[MID_2019])["meeting"]["single"]
    assert single["excerpts"][0]["html"] == "Ladies and gentlemen,"
    assert [e["number"] for e in single["excerpts"]] == list(range(1, len(single["excerpts"]) + 1))
    assert 2 <= len(single["excerpts"]) <= 3


def test_a_meeting_of_two_accounts_sets_them_side_by_side(graph: SiteGraph) -> None:
    meeting = meeting_context(graph, MEETING_2019)["meeting"]
    assert meeting["single"] is None and len(meeting["accounts"]) == 2
    assert all(account["paragraphs"] for account in meeting["accounts"])


def test_a_preview_of_a_meeting_is_shown_apart_from_its_accounts(tmp_path: Path) -> None:
    """A text published before the meeting tells what was planned: the meeting page lists it under
    its own heading, and compares only what the accounts say."""
    from tests.conftest import copy_demo_site

    root = copy_demo_site(tmp_path)
    preview = "2019-09-24-tass-motegi-and-lavrov-to-meet-in-new-york"
    (root / "content" / "readouts" / f"{preview}.md").write_text(
        f"---\nid: {preview}\ntitle: Motegi and Lavrov to meet in New York\npublisher: tass\nkind: news\n"
        "published: 2019-09-24\nmeeting:\n  date: 2019-09-25\n  place: New York\n"
        "participants: [toshimitsu-motegi, sergey-lavrov]\ntopics: [people-exchanges-visas]\n---\n\n"
        "The ministers will discuss visa-free exchanges.\n", encoding="utf-8")
    graph = link(load_corpus(root))
    meeting_id = graph.meeting_of[preview]
    assert graph.meetings[meeting_id].preview_ids == (preview,)
    context = meeting_context(graph, meeting_id)["meeting"]
    assert [r["id"] for r in context["previews"]] == [preview]
    assert preview not in [a["id"] for a in context["accounts"]]
    # its topic is no row of the table: only the accounts' topics are compared
    assert "people-exchanges-visas" not in [row["topic"]["id"] for row in context["rows"]]


def test_a_readout_page_lists_the_meetings_previews_apart_from_its_other_accounts(tmp_path: Path) -> None:
    """An account's page names the meeting's other accounts, and under its own heading the texts
    that announced it: a preview tells what was planned, not what was said."""
    from tests.conftest import copy_demo_site

    root = copy_demo_site(tmp_path)
    preview = "2019-09-24-tass-motegi-and-lavrov-to-meet-in-new-york"
    (root / "content" / "readouts" / f"{preview}.md").write_text(
        f"---\nid: {preview}\ntitle: Motegi and Lavrov to meet in New York\npublisher: tass\nkind: news\n"
        "published: 2019-09-24\nmeeting:\n  date: 2019-09-25\n  place: New York\n"
        "participants: [toshimitsu-motegi, sergey-lavrov]\n---\n\nThe ministers will meet.\n", encoding="utf-8")
    graph = link(load_corpus(root))
    meeting = graph.meetings[graph.meeting_of[preview]]
    account = meeting.account_ids[0]
    context = readout_context(graph, account)
    assert preview not in [r["id"] for r in context["other_accounts"]]
    assert [r["id"] for r in context["previews"]] == [preview]
    assert context["previews"][0]["date"] == "24 September 2019"  # the day it was published
    assert not context["is_preview"]
    # the preview's own page leads to the accounts of what it announced
    context = readout_context(graph, preview)
    assert context["is_preview"] and [r["id"] for r in context["other_accounts"]] == list(meeting.account_ids)
    assert context["previews"] == []


def test_a_topic_year_entry_quotes_one_paragraph_and_links_every_other_on_the_topic(graph: SiteGraph) -> None:
    """A main topic's year page quoted every paragraph on the topic (1.7 MB at 10,000 readouts):
    the first is quoted, the others are reached by their ¶ links."""
    from readouts.render.listings import topic_listing
    from readouts.render.pages.topic import topic_year_context
    from readouts.render.paragraphs import paragraph_numbers

    checked = 0
    for topic in graph.corpus.topics:
        listing = topic_listing(graph, topic.id)
        for part in listing.years:
            for entry, readout_id in zip(topic_year_context(graph, listing, part.year)["entries"], part.readout_ids,
                                         strict=True):
                anchors = [a for t, a in graph.quoted.get(readout_id, ()) if t == topic.id]
                numbers = paragraph_numbers(graph.readouts[readout_id].blocks)
                assert len(entry["excerpts"]) == min(1, len(anchors))
                linked = [item["href"].rsplit("#", 1)[1] for item in entry["excerpts"] + entry["more"]]
                assert linked == anchors
                assert [item["number"] for item in entry["more"]] == [numbers.get(a) for a in anchors[1:]]
                checked += len(entry["more"])
    assert checked  # some readout has more than one paragraph on a topic
