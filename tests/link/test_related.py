"""Related readouts: rare shared keys first, ties to the nearest in time; a kept result brought up
to date gives what a build from nothing gives."""

from __future__ import annotations

import datetime as dt
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.link import related as related_module
from readouts.link.related import related_readouts
from readouts.model import Blocks, MeetingFacts, Readout, SourceRef


def _readout(readout_id: str, day: dt.date | None, topics: tuple[str, ...] = (),
             people: tuple[str, ...] = ()) -> Readout:
    return Readout(id=readout_id, title=readout_id, publisher="other", kind="news", published=day,
                   meeting=MeetingFacts(day, None, None, None, None, None),  # type: ignore[arg-type]
                   participants=people, mentioned=(), topics=topics, source=None, imported=None,
                   blocks=Blocks(), path=SourceRef(readout_id))


def _related(*readouts: Readout, kept: dict | None = None) -> dict[str, tuple[str, ...]]:
    by_id = {r.id: r for r in readouts}
    order = tuple(sorted(by_id, key=lambda r: (by_id[r].date or dt.date.max, r)))
    return related_readouts(by_id, order, kept)


DAY = dt.date(2019, 9, 25)


def test_a_rare_shared_person_counts_for_more_than_a_shared_topic() -> None:
    lists = _related(_readout("a", DAY, ("peace-treaty",), ("galuzin",)),
                     _readout("b", DAY, ("peace-treaty",)), _readout("c", DAY, ("peace-treaty",)),
                     _readout("d", DAY, (), ("galuzin",)))
    assert lists["a"][0] == "d"


def test_equal_scores_go_to_the_readout_nearest_in_days_then_undated_last() -> None:
    lists = _related(_readout("a", DAY, ("peace-treaty",)),
                     _readout("far", DAY + dt.timedelta(days=300), ("peace-treaty",)),
                     _readout("near", DAY - dt.timedelta(days=2), ("peace-treaty",)),
                     _readout("undated", None, ("peace-treaty",)))
    assert lists["a"] == ("near", "far", "undated")


_TOPICS = ("t1", "t2", "t3")
_PEOPLE = ("p1", "p2", "p3", "p4")
_readouts = st.builds(
    lambda number, day, topics, people: _readout(
        f"r{number}", None if day is None else DAY + dt.timedelta(days=day), tuple(topics), tuple(people)),
    st.integers(0, 12), st.one_of(st.none(), st.integers(0, 6)),
    st.lists(st.sampled_from(_TOPICS), max_size=2, unique=True),
    st.lists(st.sampled_from(_PEOPLE), max_size=2, unique=True))


@settings(max_examples=150, deadline=None)
@given(st.lists(_readouts, max_size=12), st.lists(_readouts, max_size=4), st.lists(st.integers(0, 12), max_size=3))
def test_lists_brought_up_to_date_equal_lists_made_from_nothing(before: list[Readout], changed: list[Readout],
                                                                removed: list[int]) -> None:
    # A key counts as common past three carriers here, so keys cross that line as readouts come and go.
    with mock.patch.object(related_module, "_COMMON", 3):
        first = {r.id: r for r in before}
        after = {r.id: r for r in before if int(r.id[1:]) not in removed} | {r.id: r for r in changed}
        kept: dict = {}
        _related(*first.values(), kept=kept)
        assert _related(*after.values(), kept=kept) == _related(*after.values())


def test_a_serving_process_makes_again_only_the_entries_of_readouts_it_has_not_seen() -> None:
    """Readouts serve keeps each Readout the file did not change: its topics and people are not
    turned into keys again, and the lists are those made from nothing."""
    readouts = [_readout(f"r{n}", DAY, ("peace-treaty",), (f"p{n % 3}",)) for n in range(6)]
    made: dict = {}
    by_id = {r.id: r for r in readouts}
    order = tuple(sorted(by_id))
    related_readouts(by_id, order, {}, made)
    changed = _readout("r2", DAY, ("fisheries",), ("p0",))
    by_id["r2"] = changed
    with mock.patch.object(related_module, "_entry", wraps=related_module._entry) as entry:
        lists = related_readouts(by_id, order, {}, made)
    assert [c.args[0] for c in entry.call_args_list] == [changed]
    assert lists == related_readouts(by_id, order)


def test_what_is_kept_for_the_next_call_counts_each_keys_carriers_rather_than_listing_them() -> None:
    """The next call asks only whether a key counted before (how many carried it): the kept
    lists of who carried each key were the largest part of what every add marshals."""
    kept: dict = {}
    _related(_readout("a", DAY, ("peace-treaty",), ("galuzin",)), _readout("b", DAY, ("peace-treaty",)),
             _readout("c", None, (), ("galuzin", "lavrov")), kept=kept)
    assert kept["lists"].carriers == {"t:peace-treaty": 2, "p:galuzin": 2, "p:lavrov": 1}
