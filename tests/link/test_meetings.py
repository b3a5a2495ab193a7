"""Grouping accounts into meetings: same day and people; an undated account joins by its printed day."""

from __future__ import annotations

import datetime as dt

from readouts.link.meetings import group_meetings
from readouts.model import Blocks, ImportRecord, MeetingFacts, Readout, SourceRef


def _readout(readout_id: str, day: dt.date | None, people: tuple[str, ...], place: str | None = None,
             printed: tuple[int, int] | None = None, meeting_id: str | None = None) -> Readout:
    record = ImportRecord("tass", (), (), (), (), False, printed) if printed else None
    return Readout(id=readout_id, title=readout_id, publisher="other", kind="news", published=None,
                   meeting=MeetingFacts(day, place, None, None, meeting_id), participants=people,
                   mentioned=(), topics=(), source=None, imported=record, blocks=Blocks(),
                   path=SourceRef(readout_id))


def _group(*readouts: Readout) -> dict[str, str]:
    by_id = {r.id: r for r in readouts}
    _, meeting_of = group_meetings(by_id, tuple(sorted(by_id)))
    return meeting_of


DAY = dt.date(2019, 9, 25)


def test_two_accounts_of_one_meeting_are_grouped() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), "New York"), _readout("b", DAY, ("lavrov", "motegi")))
    assert of["a"] == of["b"]


def test_two_meetings_on_the_same_day_with_different_people_stay_apart() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov")), _readout("b", DAY, ("abe", "putin")))
    assert of["a"] != of["b"]


def test_same_people_in_different_places_stay_apart() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), "New York"),
                _readout("b", DAY, ("motegi", "lavrov"), "Moscow"))
    assert of["a"] != of["b"]


def test_an_undated_account_joins_the_meeting_its_dateline_fits() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), "New York"),
                _readout("tass", None, ("motegi", "lavrov"), printed=(9, 26)))
    assert of["tass"] == of["a"]


def test_an_undated_account_three_days_later_does_not_join() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov")), _readout("tass", None, ("motegi", "lavrov"), printed=(9, 28)))
    assert "tass" not in of


def test_a_person_set_meeting_id_wins() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), meeting_id="m1"),
                _readout("b", DAY, ("motegi", "lavrov")),
                _readout("c", dt.date(2020, 1, 1), ("abe",), meeting_id="m1"))
    assert of["a"] == of["c"] == "m1"
    assert of["b"] != "m1"
