"""A readout's neighbours by date, found when asked, are the dated readouts beside it in time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.blocks import parse_blocks
from readouts.link import Neighbours, chronology
from readouts.model import Blocks, MeetingFacts, Readout, SourceRef

_BASE = Readout(id="r", title="R", publisher="other", kind="news", published=None,
                meeting=MeetingFacts(None, None, None, None), participants=(), mentioned=(), topics=(),
                source=None, imported=None, blocks=Blocks(parse_blocks("Text.\n", 1)), path=SourceRef("r.md"))


def _readout(number: int, day: int | None) -> Readout:
    published = None if day is None else dt.date(2020, 1, 1) + dt.timedelta(days=day)
    return dataclasses.replace(_BASE, id=f"r{number:02d}", published=published)


@given(st.lists(st.one_of(st.none(), st.integers(0, 5)), max_size=12))
@settings(max_examples=200, deadline=None)
def test_neighbours_are_the_dated_readouts_before_and_after_in_time(days: list[int | None]) -> None:
    readouts = {r.id: r for r in (_readout(n, day) for n, day in enumerate(days))}
    order = chronology(tuple(readouts.values()))
    dated = [r for r in order if readouts[r].date is not None]
    found = Neighbours(order, readouts)
    assert list(found) == list(order)
    for readout_id in order:
        if readouts[readout_id].date is None:
            assert found[readout_id] == (None, None)
        else:
            at = dated.index(readout_id)
            assert found[readout_id] == (dated[at - 1] if at else None, dated[at + 1] if at + 1 < len(dated) else None)
