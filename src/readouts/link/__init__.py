"""Link: Corpus → SiteGraph, the cross-links every page is rendered from.

The steps run in a fixed order: chronology first (meetings and previous/next read it), then
topics per block, then people, then meetings, then related readouts (which weigh shared
topics and people, so they come last).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from types import MappingProxyType
from typing import Any

from readouts.link.glossary import names_used, term_usage
from readouts.link.meetings import group_meetings
from readouts.link.related import related_readouts
from readouts.link.topics import TopicRules, topics_by_block
from readouts.model import Corpus, Excerpt, Readout, SiteGraph


def chronology(readouts: tuple[Readout, ...]) -> tuple[str, ...]:
    """Readout ids oldest first; undated readouts after every dated one, by id."""
    far = dt.date.max
    return tuple(r.id for r in sorted(readouts, key=lambda r: (r.date or far, r.id)))


def link(corpus: Corpus, cache: dict[Any, Any] | None = None) -> SiteGraph:
    """Build the whole graph; the result does not depend on the order of corpus.readouts.

    `cache` keeps what was computed for one readout alone (its paragraphs' topics, its glossary
    names) under the readout's digest and the rules', for the next build.
    """
    readouts = {r.id: r for r in corpus.readouts}
    order = chronology(corpus.readouts)

    rules = TopicRules.build(corpus.topics)
    rules_digest = hashlib.blake2b(repr((corpus.topics, corpus.terms)).encode(), digest_size=16).hexdigest()
    block_topics: dict[str, dict[str, tuple[str, ...]]] = {}
    excerpts: dict[str, list[Excerpt]] = defaultdict(list)
    fresh: dict[Any, Any] = {}
    for readout_id in order:
        readout = readouts[readout_id]
        key = (readout.digest, rules_digest)
        if cache is not None and readout.digest and key in cache:
            per_block = cache[key]
        else:
            per_block = topics_by_block(readout.blocks, rules, set(readout.topics))
        fresh[key] = per_block
        for block in readout.blocks:
            # Headings are marked but not quoted: a topic page lists what was said.
            if block.kind != "heading":
                for topic_id in per_block.get(block.anchor, ()):
                    excerpts[topic_id].append(Excerpt(readout_id, block.anchor))
        block_topics[readout_id] = per_block

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
    used = names_used(corpus.terms, readouts, cache, rules_digest)
    if cache is not None:
        # Only this build's readouts stay cached, so the cache never outgrows the site.
        fresh.update({k: v for k, v in cache.items() if k[1] == "terms" and k[2] == rules_digest})
        live = {r.digest for r in corpus.readouts}
        cache.clear()
        cache.update({k: v for k, v in fresh.items() if k[0] and k[0] in live})

    frozen = MappingProxyType
    return SiteGraph(
        corpus=corpus,
        readouts=frozen(readouts),
        chronology=order,
        neighbours=frozen({r: (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
                           for i, r in enumerate(order)}),
        block_topics=frozen({k: frozen(v) for k, v in block_topics.items()}),
        excerpts_by_topic=frozen({k: tuple(v) for k, v in excerpts.items()}),
        readouts_by_topic=frozen({k: tuple(v) for k, v in by_topic.items()}),
        readouts_by_person=frozen({k: tuple(v) for k, v in by_person.items()}),
        meetings=frozen(meetings),
        meeting_of=frozen(meeting_of),
        related=frozen(related),
        people=frozen({p.id: p for p in corpus.people}),
        topics=frozen({t.id: t for t in corpus.topics}),
        terms_by_readout=frozen({r: tuple(found) for r, found in used.items()}),
        term_usage=frozen(term_usage(corpus.terms, used, readouts)),
    )
