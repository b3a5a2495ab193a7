"""A meeting's accounts compared: each account's paragraphs once, in its own order, with their
topics and voice; a table of topics × accounts pointing at them; what only one side reported.

A historian comparing two accounts reads each as its authors wrote it, in order, and asks which
of them raised what. So each paragraph is printed once, where it stands in its account, and the
table answers "who said what about which topic" by pointing into the text rather than copying it:
a paragraph about three topics is one paragraph with three topic marks, not three table cells.
Only an account's own voice counts as its side reporting a topic: its background ("In 1956 …")
and its quotations of the other side are marked, and shown, but not counted (link/voice.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from readouts.model import Meeting, Readout, SiteGraph, Voice
from readouts.publishers import PUBLISHERS
from readouts.render.context import topic_links
from readouts.render.markdown import render_inline
from readouts.render.paragraphs import paragraph_numbers
from readouts.render.urls import Links, in_page

VOICE_LABELS: Mapping[Voice, str | None] = {
    "own": None, "background": "background",
    "quotes-japan": "quotes the Japanese side", "quotes-russia": "quotes the Russian side",
}
"""The mark a paragraph carries on a meeting page; the account's own voice carries none."""
SIDE_NAMES = {"japan": "the Japanese side", "russia": "the Russian side", "other": "other outlets"}


def paragraph_id(account_number: int, anchor: str) -> str:
    """The paragraph's id on the meeting page: anchors are unique within a readout only (two
    accounts may print the same sentence)."""
    return f"a{account_number}-{anchor}"


def compare_accounts(graph: SiteGraph, links: Links, meeting: Meeting, topic_ids: list[str],
                     account_links: list[dict[str, Any]]) -> dict[str, Any]:
    """{accounts: [{…ReadoutLink, number, side, paragraphs}], rows: [{topic, cells}], one_sided}
    for meeting.html, of the meeting's accounts (Meeting.account_ids: its previews are not
    compared); `topic_ids` are the topics any account lists, in topics.yaml order, and
    `account_links` each account as a link to it shows it (context.readout_link)."""
    accounts = [_account(graph, links, number, graph.readouts[readout_id], link)
                for number, (readout_id, link) in enumerate(zip(meeting.account_ids, account_links, strict=True),
                                                            start=1)]
    raised = [_raised(account) for account in accounts]
    cells = {topic_id: [_cell(account, found, topic_id) for account, found in zip(accounts, raised, strict=True)]
             for topic_id in topic_ids}
    rows = [{"topic": topic_links(graph, links, (topic_id,))[0], "cells": cells[topic_id]} for topic_id in topic_ids]
    return {"accounts": accounts, "rows": rows, "one_sided": _one_sided_topics(graph, links, accounts, cells)}


def _account(graph: SiteGraph, links: Links, number: int, readout: Readout,
             link: dict[str, Any]) -> dict[str, Any]:
    """An account's link and its body: headings, and every other block once, with its number in
    the readout (the ¶ number its page shows, paragraphs.py; None for a heading or a table),
    topics and voice."""
    marks = graph.block_topics.get(readout.id, {})
    voices = graph.block_voice.get(readout.id, {})
    numbers = paragraph_numbers(readout.blocks)
    page = links.readout(readout.id)  # each block's link is the page's with its anchor (urls.in_page)
    body = []
    for block in readout.blocks:
        entry: dict[str, Any] = {"id": paragraph_id(number, block.anchor), "number": numbers.get(block.anchor),
                 "heading": block.kind == "heading",
                 "html": render_inline(block.text, block.lang), "lang": block.lang,
                 "href": in_page(page, block.anchor)}
        if not entry["heading"]:
            voice = voices.get(block.anchor, "own")
            topics = topic_links(graph, links, marks.get(block.anchor, ()))
            entry.update(topics=topics, voice=voice, voice_label=VOICE_LABELS[voice])
        body.append(entry)
    return {**link, "number": number,
            "side": PUBLISHERS[readout.publisher].side, "topic_ids": readout.topics, "paragraphs": body}


_Raised = dict[str, tuple[list[dict[str, Any]], bool]]
"""Topic id → an account's numbered paragraphs that raise it, and whether any paragraph raises it
in the account's own voice."""


def _raised(account: dict[str, Any]) -> _Raised:
    """Where an account raises each topic, from one pass over its paragraphs: a meeting's table
    asked every paragraph about every topic, twice (the table, then what one side alone reported)."""
    raised: _Raised = {}
    for paragraph in account["paragraphs"]:
        if paragraph["heading"]:
            continue
        for topic_id in dict.fromkeys(topic["id"] for topic in paragraph["topics"]):
            found, own = raised.get(topic_id, ([], False))
            if paragraph["number"]:
                found.append(paragraph)
            raised[topic_id] = (found, own or paragraph["voice"] == "own")
    return raised


def _cell(account: dict[str, Any], raised: _Raised, topic_id: str) -> dict[str, Any]:
    """Where an account raises a topic: links to its paragraphs (each with its voice mark),
    whether any is in its own voice, and whether the account lists the topic at all."""
    found, own = raised.get(topic_id, ([], False))
    paragraphs = [{"number": p["number"], "href": "#" + p["id"], "voice_label": p["voice_label"]} for p in found]
    listed = topic_id in account["topic_ids"]
    # A topic a person listed in the front matter with no paragraph that names it is taken as
    # the account's own: there is no paragraph to tell otherwise.
    return {"account": account["publisher"], "paragraphs": paragraphs, "reported": listed,
            "own": listed and (own or not paragraphs)}


def _one_sided_topics(graph: SiteGraph, links: Links, accounts: list[dict[str, Any]],
                      cells: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """What only one side reported in its own voice, when accounts from more than one side exist:
    "Reported by the Japanese side only: Humanitarian measures"."""
    sides = {account["side"] for account in accounts}
    if len(sides) < 2:
        return []
    only: dict[str, list[str]] = {}
    for topic_id, row in cells.items():
        reporting = {account["side"] for account, cell in zip(accounts, row, strict=True) if cell["own"]}
        if len(reporting) == 1:
            only.setdefault(reporting.pop(), []).append(topic_id)
    return [{"side": SIDE_NAMES[side], "topics": topic_links(graph, links, tuple(topics))}
            for side, topics in sorted(only.items())]
