"""Link: Corpus → SiteGraph, the cross-links every page is rendered from.

The steps run in a fixed order: chronology first (meetings and previous/next read it), then
meetings, then each paragraph's topics and voice (which measures earlier times against the
meeting's day) in one pass over each body, then related readouts, then readouts by topic and person.
Addresses published before and gone now are matched to where their readouts are now last of
all (addresses.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import marshal
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from itertools import compress
from types import MappingProxyType
from typing import Any

from readouts.cache import CacheTable, unchanged_under_keys
from readouts.link.addresses import moved_meetings, moved_readouts
from readouts.link.glossary import TermFinder, term_usage
from readouts.link.meetings import group_meetings
from readouts.link.related import RelatedLists, related_readouts
from readouts.link.topics import TopicRules, topics_by_block
from readouts.link.undated import ministers_of_a_two_plus_two
from readouts.link.voice import Account, VoiceRules, voices_by_block
from readouts.model import Corpus, Meeting, Readout, SiteGraph
from readouts.packed import Unpacked
from readouts.parallel import map_in_workers
from readouts.publishers import PUBLISHERS

LINK_RESULTS: CacheTable[tuple[Any, ...], Any] = CacheTable("links", unchanged_under_keys)
"""What link computed for one readout alone, keyed by the digests of the readout and of what it
was computed with (link's `cache`)."""

LINK_KEPT: CacheTable[str, Any] = CacheTable("link-kept", unchanged_under_keys, in_memory_only=True)
"""What link made from the whole corpus for the next build of this process (readouts serve): the
meetings, taken again where the readouts they were made from are the very same objects. (The
related readouts' lists are kept in the cache's files: related.RELATED_KEPT.)"""


def chronology(readouts: tuple[Readout, ...]) -> tuple[str, ...]:
    """Readout ids oldest first; undated readouts after every dated one, by id."""
    far = dt.date.max
    return tuple(r.id for r in sorted(readouts, key=lambda r: (r.date or far, r.id)))


class OnFirstUse(Mapping[Any, Any]):
    """A mapping made by `make` when first read, then kept; read-only."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make: Callable[[], Any] | None = make
        self._made: Any = None

    def _mapping(self) -> Any:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    def __getitem__(self, key: Any) -> Any:
        return self._mapping()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


class Neighbours(Mapping[str, tuple[str | None, str | None]]):
    """Readout id → (the dated readout before it, the one after it), found when asked.

    Undated readouts have no neighbours by date: placed after the newest readout, "Later" from it
    led to a text of unknown date, and from one undated readout to the next by id, which says
    nothing about when either was written. Their pages link to the undated group instead. The
    chronology puts every dated readout before the undated ones, so a readout's neighbours are
    the ones beside it there."""

    __slots__ = ("_at", "_order", "_readouts")

    def __init__(self, order: tuple[str, ...], readouts: Mapping[str, Readout]) -> None:
        self._order, self._readouts = order, readouts
        self._at: dict[str, int] | None = None

    def __getitem__(self, readout_id: str) -> tuple[str | None, str | None]:
        if self._at is None:
            self._at = {r: i for i, r in enumerate(self._order)}
        at, order, readouts = self._at[readout_id], self._order, self._readouts
        if readouts[readout_id].date is None:
            return (None, None)
        after = order[at + 1] if at + 1 < len(order) and readouts[order[at + 1]].date is not None else None
        return (order[at - 1] if at else None, after)

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


def link(corpus: Corpus, cache: dict[Any, Any] | None = None, kept: dict[str, Any] | None = None,
         related_kept: dict[str, RelatedLists] | None = None,
         meetings_kept: dict[str, Any] | None = None) -> SiteGraph:
    """Build the whole graph; the result does not depend on the order of corpus.readouts.

    `cache` keeps what was computed for one readout alone (its paragraphs' topics, its glossary
    names) under the readout's digest and the rules', and its paragraphs' voices under its digest
    and its meeting's day, for the next build. `kept` (LINK_KEPT) keeps the meetings for the next
    build of this process, `meetings_kept` (MEETINGS_KEPT) for the next build of any, and
    `related_kept` (RELATED_KEPT) the related readouts' lists.
    """
    readouts = {r.id: r for r in corpus.readouts}
    order = chronology(corpus.readouts)
    known = cache if cache is not None else {}
    # Meetings first: they need only each readout's facts, and a paragraph's voice measures
    # earlier times against its meeting's day.
    meetings, meeting_of = group_meetings(readouts, order, None if kept is None else kept.setdefault("meetings", {}),
                                          ministers_of_a_two_plus_two(corpus.people), meetings_kept)
    # Then topics, glossary names and voices, in one pass over each body.
    used, packed, voices, alone_keys = link_alone(corpus, readouts, order, meetings, meeting_of, known)
    related = related_readouts(readouts, order, related_kept, None if kept is None else kept.setdefault("related", {}))
    # Only this build's readouts stay cached, so the cache never outgrows the site. It holds
    # every key of `alone_keys`: any more are stale.
    if cache is not None and len(cache) > len(alone_keys):
        for stale in set(cache) - alone_keys:
            del cache[stale]
    # What a readout's page does not read is made when first read: the page a person waits for
    # is made before the rest is planned (at 10,000 readouts these took 28 ms of that wait).
    both = functools.cache(lambda: readouts_by_topic_and_person(readouts, order))
    by_topic, by_person = OnFirstUse(lambda: both()[0]), OnFirstUse(lambda: both()[1])
    renamed = moved_readouts(readouts)
    frozen = MappingProxyType
    return SiteGraph(
        corpus=corpus,
        readouts=frozen(readouts),
        chronology=order,
        neighbours=Neighbours(order, readouts),
        block_topics=Unpacked(packed, 0),
        quoted=Unpacked(packed, 1),
        block_voice=Unpacked(voices, 0),
        readouts_by_topic=frozen(by_topic),
        readouts_by_person=frozen(by_person),
        meetings=frozen(meetings),
        meeting_of=frozen(meeting_of),
        related=frozen(related),
        people=frozen({p.id: p for p in corpus.people}),
        topics=frozen({t.id: t for t in corpus.topics}),
        terms_by_readout=frozen({r: tuple(found) for r, found in used.items()}),
        term_usage=OnFirstUse(lambda: term_usage(corpus.terms, used, readouts)),
        moved_readouts=frozen(renamed),
        moved_meetings=frozen(moved_meetings(corpus.published_meetings, meetings, meeting_of, renamed)),
    )


def link_alone(corpus: Corpus, readouts: dict[str, Readout], order: tuple[str, ...],
               meetings: dict[str, Meeting], meeting_of: dict[str, str], known: dict[Any, Any]
               ) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, bytes], dict[str, bytes], set[Any]]:
    """(readout id → its glossary names, → its paragraphs' topics and quoted blocks, → its
    paragraphs' voices, both marshalled (packed.Unpacked); the cache keys they are kept under).

    Each comes from `known`, or is worked out on every core for the readouts new to it, in one
    pass (two unpacked every body twice), and added to `known`: topics and names under the
    readout's digest and the rules', voices under its digest and its meeting's day (a year or
    day before the meeting's marks background; an undated news item takes its meeting's day)."""
    rules = TopicRules.build(corpus.topics)
    finder = TermFinder(corpus.terms)
    rules_digest = hashlib.blake2b(repr((corpus.topics, corpus.terms)).encode(), digest_size=16).hexdigest()
    people_digest = hashlib.blake2b(repr(corpus.people).encode(), digest_size=16).hexdigest()

    def key(readout: Readout) -> tuple[str, ...]:
        # A readout made in memory has no digest: its id keys it for this build only.
        return (readout.digest, rules_digest) if readout.digest else ("id", readout.id, rules_digest)

    def day_of(readout: Readout) -> dt.date | None:
        meeting_id = meeting_of.get(readout.id)
        return (meetings[meeting_id].date if meeting_id else None) or readout.date

    def voice_key(readout: Readout) -> tuple[Any, ...]:
        return ("voice", readout.digest or ("id", readout.id), people_digest, day_of(readout))

    def alone(readout: Readout) -> tuple[tuple[dict[str, tuple[str, ...]], bytes] | None, bytes | None]:
        """(its glossary names and, marshalled, its paragraphs' topics and the blocks topic pages
        quote; its paragraphs' voices, marshalled), each None when `known` has it."""
        found = voiced = None
        if key(readout) not in known:
            per_block = topics_by_block(readout.blocks, rules, set(readout.topics))
            # Headings are marked but not quoted: a topic page lists what was said.
            quoted = tuple((topic_id, block.anchor) for block in readout.blocks if block.kind != "heading"
                           for topic_id in per_block.get(block.anchor, ()))
            found = (finder.names_in(readout), marshal.dumps((per_block, quoted)))
        if voice_key(readout) not in known:
            assert voice_rules is not None  # made below, before any readout is read
            account = Account(PUBLISHERS[readout.publisher].side, readout.kind == "news", day_of(readout))
            voiced = marshal.dumps((voices_by_block(readout.blocks, voice_rules, account),))
        return found, voiced

    # Each key is made and looked up once: the keys are tuples, whose hash is not kept, and
    # looking each up three times over took 0.03 s of adding one readout at 10,000.
    get = known.get
    own_keys = [key(readouts[r]) for r in order]
    voice_keys = [voice_key(readouts[r]) for r in order]
    found_all = list(map(get, own_keys))
    voiced_all = list(map(get, voice_keys))
    missing = [i for i, (found, voiced) in enumerate(zip(found_all, voiced_all, strict=True))
               if found is None or voiced is None]
    new = [readouts[order[i]] for i in missing]
    voice_rules = _voice_rules(corpus, [readouts[order[i]] for i in missing if voiced_all[i] is None])
    for i, (found, voiced) in zip(missing, map_in_workers(alone, new), strict=True):
        if found is not None:
            known[own_keys[i]] = found_all[i] = found
        if voiced is not None:
            known[voice_keys[i]] = voiced_all[i] = voiced
    return _by_readout(readouts, order, found_all, voiced_all, own_keys, voice_keys)


def _by_readout(readouts: dict[str, Readout], order: tuple[str, ...], found_all: list[Any], voiced_all: list[Any],
                own_keys: list[Any], voice_keys: list[Any]
                ) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, bytes], dict[str, bytes], set[Any]]:
    """link_alone's answer from what was found for each readout of `order`, in its order."""
    used: dict[str, dict[str, tuple[str, ...]]] = {}
    packed: dict[str, bytes] = {}
    for readout_id, (names, topics) in zip(order, found_all, strict=True):
        used[readout_id] = names
        packed[readout_id] = topics
    digested = [bool(readouts[r].digest) for r in order]  # one made in memory is keyed for this build only
    kept = set(compress(own_keys, digested))
    kept.update(compress(voice_keys, digested))
    return used, packed, dict(zip(order, voiced_all, strict=True)), kept


VOICE_RULES_FITTED_UP_TO = 4
"""Readouts to voice at most for the voice rules to hold only the names their paragraphs may
match (VoiceRules.build's `texts`): an add or an edit reads one; a cold build compiles the whole."""


def _voice_rules(corpus: Corpus, voiced_new: list[Readout]) -> VoiceRules | None:
    """The voice rules for the readouts read now (an add reads one or a few), None for none: the
    people patterns only when a news item is among them, and only the names they may hold."""
    if not voiced_new:
        return None
    texts = ([block.text for readout in voiced_new for block in readout.blocks]
             if len(voiced_new) <= VOICE_RULES_FITTED_UP_TO else None)
    return VoiceRules.build(corpus.people, news=any(r.kind == "news" for r in voiced_new), texts=texts)


def readouts_by_topic_and_person(readouts: dict[str, Readout], order: tuple[str, ...]
                                 ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(topic id → its readouts, person id → the readouts naming them), oldest first."""
    by_topic: dict[str, list[str]] = defaultdict(list)
    by_person: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        readout = readouts[readout_id]
        for topic_id in readout.topics:
            by_topic[topic_id].append(readout_id)
        for person_id in dict.fromkeys(readout.participants + readout.mentioned):
            by_person[person_id].append(readout_id)
    return ({k: tuple(v) for k, v in by_topic.items()}, {k: tuple(v) for k, v in by_person.items()})
