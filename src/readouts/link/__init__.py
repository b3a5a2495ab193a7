"""Link: Corpus → SiteGraph, the cross-links every page is rendered from.

The steps run in a fixed order: chronology first (meetings and previous/next read it), then
topics per block, then people, then meetings, then related readouts (which weigh shared
topics and people, so they come last). Addresses published before and gone now are matched
to where their readouts are now last of all (addresses.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from collections import defaultdict
from types import MappingProxyType
from typing import Any

from readouts.link.addresses import moved_meetings, moved_readouts
from readouts.link.glossary import TermFinder, term_usage
from readouts.link.meetings import group_meetings
from readouts.link.related import related_readouts
from readouts.link.topics import TopicRules, topics_by_block
from readouts.model import Corpus, Readout, SiteGraph, Unpacked
from readouts.parallel import map_in_workers


def chronology(readouts: tuple[Readout, ...]) -> tuple[str, ...]:
    """Readout ids oldest first; undated readouts after every dated one, by id."""
    far = dt.date.max
    return tuple(r.id for r in sorted(readouts, key=lambda r: (r.date or far, r.id)))


def neighbours(order: tuple[str, ...], readouts: dict[str, Readout]) -> dict[str, tuple[str | None, str | None]]:
    """Readout id → (the dated readout before it, the one after it).

    Undated readouts have no neighbours by date: placed after the newest readout, "Later" from it
    led to a text of unknown date, and from one undated readout to the next by id, which says
    nothing about when either was written. Their pages link to the undated group instead."""
    dated = [r for r in order if readouts[r].date is not None]
    found: dict[str, tuple[str | None, str | None]] = {r: (None, None) for r in order}
    for i, r in enumerate(dated):
        found[r] = (dated[i - 1] if i else None, dated[i + 1] if i + 1 < len(dated) else None)
    return found


def link(corpus: Corpus, cache: dict[Any, Any] | None = None) -> SiteGraph:
    """Build the whole graph; the result does not depend on the order of corpus.readouts.

    `cache` keeps what was computed for one readout alone (its paragraphs' topics, its glossary
    names) under the readout's digest and the rules', for the next build.
    """
    readouts = {r.id: r for r in corpus.readouts}
    order = chronology(corpus.readouts)

    rules = TopicRules.build(corpus.topics)
    finder = TermFinder(corpus.terms)
    rules_digest = hashlib.blake2b(repr((corpus.topics, corpus.terms)).encode(), digest_size=16).hexdigest()
    known = cache if cache is not None else {}
    # What each readout alone gives (its blocks' topics, its glossary names) comes from the
    # cache, or is worked out on every core for the readouts new to it.
    def key(readout: Readout) -> tuple[str, ...]:
        # A readout made in memory has no digest: its id keys it for this build only.
        return (readout.digest, rules_digest) if readout.digest else ("id", readout.id, rules_digest)

    new = [readouts[r] for r in order if key(readouts[r]) not in known]

    def alone(readout: Readout) -> tuple[dict[str, tuple[str, ...]], bytes]:
        """Its glossary names, and, marshalled (model.Unpacked), its paragraphs' topics and the
        blocks topic pages quote."""
        per_block = topics_by_block(readout.blocks, rules, set(readout.topics))
        # Headings are marked but not quoted: a topic page lists what was said.
        quoted = tuple((topic_id, block.anchor) for block in readout.blocks if block.kind != "heading"
                       for topic_id in per_block.get(block.anchor, ()))
        return finder.names_in(readout), marshal.dumps((per_block, quoted))

    for readout, found in zip(new, map_in_workers(alone, new), strict=True):
        known[key(readout)] = found
    used: dict[str, dict[str, tuple[str, ...]]] = {}
    packed: dict[str, bytes] = {}
    for readout_id in order:
        used[readout_id], packed[readout_id] = known[key(readouts[readout_id])]

    by_topic: dict[str, list[str]] = defaultdict(list)
    by_person: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        readout = readouts[readout_id]
        for topic_id in readout.topics:
            by_topic[topic_id].append(readout_id)
        for person_id in dict.fromkeys(readout.participants + readout.mentioned):
            by_person[person_id].append(readout_id)

    meetings, meeting_of = group_meetings(readouts, order)
    related = related_readouts(readouts, order)
    if cache is not None:
        # Only this build's readouts stay cached, so the cache never outgrows the site.
        live = {(r.digest, rules_digest) for r in corpus.readouts if r.digest}
        for key in set(cache) - live:
            del cache[key]

    frozen = MappingProxyType
    renamed = moved_readouts(readouts)
    return SiteGraph(
        corpus=corpus,
        readouts=frozen(readouts),
        chronology=order,
        neighbours=frozen(neighbours(order, readouts)),
        block_topics=Unpacked(packed, 0),
        quoted=Unpacked(packed, 1),
        readouts_by_topic=frozen({k: tuple(v) for k, v in by_topic.items()}),
        readouts_by_person=frozen({k: tuple(v) for k, v in by_person.items()}),
        meetings=frozen(meetings),
        meeting_of=frozen(meeting_of),
        related=frozen(related),
        people=frozen({p.id: p for p in corpus.people}),
        topics=frozen({t.id: t for t in corpus.topics}),
        terms_by_readout=frozen({r: tuple(found) for r, found in used.items()}),
        term_usage=frozen(term_usage(corpus.terms, used, readouts)),
        moved_readouts=frozen(renamed),
        moved_meetings=frozen(moved_meetings(corpus.published_meetings, meetings, meeting_of, renamed)),
    )
