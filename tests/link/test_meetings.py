"""Grouping accounts into meetings: same day and people; an undated account joins by its printed day."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.link.meetings import group_meetings
from readouts.model import Blocks, ImportRecord, MeetingFacts, Readout, SourceRef


def _readout(readout_id: str, day: dt.date | None, people: tuple[str, ...], place: str | None = None,
             printed: tuple[int, int] | None = None, meeting_id: str | None = None,
             how: str | None = None, announces: bool = False) -> Readout:
    record = ImportRecord("tass", (), (), (), (), False, printed, announces=announces) if printed else None
    return Readout(id=readout_id, title=readout_id, publisher="other", kind="news", published=None,
                   meeting=MeetingFacts(day, place, None, None, meeting_id, how),  # type: ignore[arg-type]
                   participants=people,
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


def test_a_foreign_ministers_meeting_and_the_2plus2_of_the_same_day_stay_apart() -> None:
    of = _group(_readout("fm", DAY, ("kono", "lavrov"), "Moscow", how="in-person"),
                _readout("2+2", DAY, ("kono", "onodera", "lavrov", "shoigu"), "Moscow", how="2+2"),
                _readout("news", DAY, ("kono", "lavrov"), how="2+2"))
    assert of["fm"] != of["2+2"] and of["news"] == of["2+2"]


def test_a_telephone_talk_and_a_meeting_of_one_day_stay_apart_and_an_account_that_does_not_say_joins() -> None:
    of = _group(_readout("call", DAY, ("abe", "putin"), how="telephone"),
                _readout("met", DAY, ("abe", "putin"), "Vladivostok", how="in-person"),
                _readout("unsaid", DAY, ("abe", "putin"), "Vladivostok"))
    assert of["call"] != of["met"] and of["unsaid"] == of["met"]


def test_an_undated_account_joins_only_a_meeting_held_the_way_it_says() -> None:
    of = _group(_readout("call", DAY, ("motegi", "lavrov"), how="telephone"),
                _readout("tass", None, ("motegi", "lavrov"), printed=(9, 26), how="in-person"))
    assert "tass" not in of


def test_a_preview_joins_the_meeting_it_announces_but_never_makes_one() -> None:
    preview = dataclasses.replace(_readout("preview", DAY, ("motegi", "lavrov")), published=DAY - dt.timedelta(days=3))
    assert "preview" not in _group(preview)
    of = _group(preview, _readout("account", DAY, ("lavrov", "motegi")))
    assert of["preview"] == of["account"]


def test_a_preview_filed_on_the_meetings_own_day_never_makes_one() -> None:
    same_day = dataclasses.replace(_readout("preview", DAY, ("kishida", "putin"), printed=(9, 25), announces=True),
                                   published=DAY)
    assert "preview" not in _group(same_day)
    of = _group(same_day, _readout("account", DAY, ("putin", "kishida")))
    assert of["preview"] == of["account"]


def test_an_undated_account_joins_the_meeting_its_dateline_fits() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), "New York"),
                _readout("tass", None, ("motegi", "lavrov"), printed=(9, 26)))
    assert of["tass"] == of["a"]


def test_an_undated_account_three_days_later_does_not_join() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov")), _readout("tass", None, ("motegi", "lavrov"), printed=(9, 28)))
    assert "tass" not in of


def test_an_undated_announcement_joins_the_meeting_after_its_printed_day_never_one_before() -> None:
    """An arrival report printed "September 4" ("… is due to … meet with") announces talks to
    come: it joins the talks of 5 September, and an earlier year's talks of 2 September stay
    without it."""
    earlier = _readout("2016", dt.date(2016, 9, 2), ("abe", "putin"), "Vladivostok")
    arrival = _readout("arrival", None, ("abe", "putin"), "Vladivostok", printed=(9, 4), announces=True)
    assert "arrival" not in _group(earlier, arrival)
    later = _readout("2019", dt.date(2019, 9, 5), ("abe", "putin"), "Vladivostok")
    of = _group(earlier, later, arrival)
    assert of["arrival"] == of["2019"] != of["2016"]
    assert "arrival" in _group(earlier, dataclasses.replace(arrival, imported=dataclasses.replace(
        arrival.imported, announces=False)))  # type: ignore[arg-type]


def test_a_person_set_meeting_id_wins() -> None:
    of = _group(_readout("a", DAY, ("motegi", "lavrov"), meeting_id="m1"),
                _readout("b", DAY, ("motegi", "lavrov")),
                _readout("c", dt.date(2020, 1, 1), ("abe",), meeting_id="m1"))
    assert of["a"] == of["c"] == "m1"
    assert of["b"] != "m1"


_DAYS = [dt.date(2019, 12, 30), dt.date(2019, 12, 31), dt.date(2020, 1, 1), dt.date(2020, 2, 27),
         dt.date(2020, 2, 28), dt.date(2020, 2, 29), dt.date(2021, 2, 27), dt.date(2021, 2, 28),
         dt.date(2021, 3, 1), dt.date(2020, 3, 1)]
_PRINTED = [(12, 31), (1, 1), (1, 2), (2, 28), (2, 29), (3, 1), (3, 2), (3, 3), (6, 1)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(_DAYS)),
                          st.lists(st.sampled_from(["abe", "putin", "lavrov", "kono"]), min_size=1, max_size=3,
                                   unique=True),
                          st.sampled_from([None, "Moscow", "Tokyo"]),
                          st.one_of(st.none(), st.sampled_from(_PRINTED)), st.booleans()),
                max_size=12))
def test_an_undated_account_joins_the_meeting_it_would_join_if_every_meeting_were_tried(
        accounts: list[tuple[dt.date | None, list[str], str | None, tuple[int, int] | None, bool]]) -> None:
    """Meetings are looked up by the month and day an undated account's printed day allows;
    the answer must be that of trying every meeting."""
    import readouts.link.meetings as meetings

    readouts = {f"r{n}": _readout(f"r{n}", day, tuple(people), place, printed if day is None else None,
                                  announces=announces)
                for n, (day, people, place, printed, announces) in enumerate(accounts)}
    order = tuple(sorted(readouts))
    looked_up = group_meetings(readouts, order)
    every_day = {(month, day) for month in range(1, 13) for day in range(1, 32)}
    real = meetings._meeting_days
    try:
        meetings._meeting_days = lambda printed, announces: every_day  # type: ignore[assignment]
        tried_all = group_meetings(readouts, order)
    finally:
        meetings._meeting_days = real
    assert looked_up == tried_all


def _weekday_printed(readout: Readout, weekday: int) -> Readout:
    return dataclasses.replace(readout, imported=ImportRecord("tass", (), (), (), (), False, printed_weekday=weekday))


def test_an_account_printing_no_day_joins_the_one_telephone_talk_of_the_same_two_people_on_its_weekday() -> None:
    """A news item retelling a ministry's readout of a call, with no date but its weekday ("Noda on
    Monday expressed hope to … Putin"). Without the weekday, or on another, it stays apart: two
    leaders call each other time and again, and the archive may hold only one of their calls."""
    of = _group(_readout("mofa", dt.date(2012, 3, 5), ("noda", "putin"), how="telephone"),
                _readout("met", dt.date(2012, 6, 18), ("noda", "putin"), "Los Cabos", how="in-person"),
                _weekday_printed(_readout("news", None, ("putin", "noda"), how="telephone"), 0),
                _weekday_printed(_readout("friday", None, ("putin", "noda"), how="telephone"), 4),
                _readout("no-weekday", None, ("putin", "noda"), how="telephone"))
    assert of["news"] == of["mofa"] != of["met"]
    assert "friday" not in of and "no-weekday" not in of


def test_an_account_printing_no_day_joins_the_one_meeting_of_the_same_four_people() -> None:
    of = _group(_readout("mid", dt.date(2017, 3, 20), ("kishida", "inada", "lavrov", "shoigu"), "Tokyo", how="2+2"),
                _readout("fm", dt.date(2017, 3, 20), ("kishida", "lavrov"), "Tokyo", how="in-person"),
                _readout("news", None, ("lavrov", "shoigu", "kishida", "inada")))
    assert of["news"] == of["mid"] != of["fm"]


def test_an_undated_account_naming_all_four_of_a_two_plus_two_joins_the_one_whose_accounts_name_fewer() -> None:
    """A minister's own account of a "2+2" may name only himself; a news account naming all four
    ministers joins it. One naming three ministers and a prime minister is no "2+2" of four
    ministers, and stays apart."""
    ministers = frozenset({"kishida", "inada", "lavrov", "shoigu", "onodera"})
    by_id = {r.id: r for r in (
        _readout("mid", dt.date(2017, 3, 20), ("lavrov",), "Tokyo", how="2+2"),
        _readout("gist", None, ("kishida", "lavrov", "inada", "shoigu"), how="2+2"),
        _readout("embassy", None, ("lavrov", "kishida", "abe", "shoigu"), how="2+2"),
    )}
    _, of = group_meetings(by_id, tuple(sorted(by_id)), ministers=ministers)
    assert of["gist"] == of["mid"]
    assert "embassy" not in of
    # without knowing who the ministers are, the gist stays apart too
    assert "gist" not in group_meetings(by_id, tuple(sorted(by_id)))[1]


def test_an_account_printing_no_day_stays_apart_when_it_names_no_one_meeting() -> None:
    of = _group(_readout("first", dt.date(2012, 3, 5), ("noda", "putin"), how="telephone"),
                _readout("second", dt.date(2012, 9, 8), ("noda", "putin"), how="telephone"),
                _readout("two", None, ("noda", "putin"), how="telephone"),
                _readout("kono", dt.date(2018, 1, 1), ("kono", "lavrov")),
                _readout("met", None, ("kono", "lavrov")),
                _readout("elsewhere", None, ("kono", "lavrov"), "Tokyo", how="telephone"))
    assert "two" not in of and "met" not in of and "elsewhere" not in of


def test_an_account_printing_no_day_joins_the_one_meeting_of_its_two_people_in_the_city_it_names() -> None:
    """A feature story of the Nagato summit that prints no day at all: Putin and Abe met in many
    cities but in Nagato once. Where they met twice (Moscow), it names no one meeting."""
    of = _group(_readout("nagato", dt.date(2016, 12, 15), ("putin", "abe"), "Nagato", how="in-person"),
                _readout("tokyo", dt.date(2016, 12, 16), ("putin", "abe"), "Tokyo", how="in-person"),
                _readout("moscow-2018", dt.date(2018, 5, 26), ("putin", "abe"), "Moscow"),
                _readout("moscow-2019", dt.date(2019, 1, 22), ("putin", "abe"), "Moscow"),
                _readout("story", None, ("abe", "putin"), "Nagato"),
                _readout("in-moscow", None, ("abe", "putin"), "Moscow"),
                _readout("nowhere", None, ("abe", "putin")),
                _readout("elsewhere", None, ("abe", "putin"), "Vladivostok"))
    assert of["story"] == of["nagato"] != of["tokyo"]
    assert "in-moscow" not in of and "nowhere" not in of and "elsewhere" not in of


def test_an_account_printing_no_day_joins_no_meeting_by_a_capital_alone() -> None:
    """Abe's visits to Moscow of 2013, 2018 and 2019: an archive holding only one of them would
    join every undated story of talks in Moscow to it. Each side's leaders and ministers meet the
    other's in its capital visit after visit, so a capital singles out no meeting."""
    of = _group(_readout("moscow-2013", dt.date(2013, 4, 29), ("putin", "abe"), "Moscow"),
                _readout("tokyo-2016", dt.date(2016, 12, 16), ("putin", "abe"), "Tokyo"),
                _readout("story-2019", None, ("abe", "putin"), "Moscow"),
                _readout("story-tokyo", None, ("abe", "putin"), "Tokyo"))
    assert "story-2019" not in of and "story-tokyo" not in of


def test_a_dated_text_printing_no_meeting_day_joins_no_meeting_held_long_before_it() -> None:
    """A news item of August 2021 about a call on a day it does not print is not about the call
    of the October before, though the same two ministers spoke by telephone then."""
    call = _readout("call", dt.date(2020, 10, 16), ("motegi", "lavrov"), how="telephone")
    later = dataclasses.replace(_readout("later", None, ("lavrov", "motegi"), how="telephone"),
                                published=dt.date(2021, 8, 11))
    recent = dataclasses.replace(_readout("recent", None, ("lavrov", "motegi"), how="telephone"),
                                 published=dt.date(2020, 10, 17))
    of = _group(call, later, recent)
    assert "later" not in of and of["recent"] == of["call"]


def test_an_account_printing_no_day_joins_no_meeting_whose_people_only_hold_its_own() -> None:
    """A report of the foreign ministers' talks that also names the leaders whose summit they
    prepare must not join the leaders' meeting."""
    of = _group(_readout("summit", dt.date(2019, 1, 22), ("putin", "abe"), "Moscow"),
                _readout("ministers", None, ("kishida", "lavrov", "abe", "putin"), "Moscow"))
    assert "ministers" not in of


def test_an_exact_match_of_people_wins_over_a_meeting_that_holds_them() -> None:
    of = _group(_readout("four", dt.date(2017, 3, 20), ("kishida", "inada", "lavrov", "shoigu"), how="2+2"),
                _readout("three", dt.date(2019, 5, 30), ("kono", "iwaya", "lavrov"), how="2+2"),
                _readout("news", None, ("kono", "iwaya", "lavrov"), how="2+2"))
    assert of["news"] == of["three"]


def test_one_shared_minister_does_not_join_a_2plus2_even_where_it_is_the_only_one() -> None:
    """The minister of one "2+2" in Tokyo spoke at the one four years before it: a press release
    of the earlier one that prints no day must not join the later one."""
    of = _group(_readout("transcript", dt.date(2017, 3, 20), ("lavrov",), "Tokyo", how="2+2"),
                _readout("earlier", None, ("lavrov", "kishida", "abe", "shoigu"), "Tokyo", how="2+2"))
    assert "earlier" not in of


def test_two_2plus2_accounts_of_one_day_are_one_meeting_whoever_each_names() -> None:
    """Each side's press conference after a "2+2" names its own minister only."""
    of = _group(_readout("mid", dt.date(2017, 3, 20), ("lavrov",), "Tokyo", how="2+2"),
                _readout("tass", dt.date(2017, 3, 20), ("kishida",), how="2+2"),
                _readout("fm", dt.date(2017, 3, 20), ("kishida", "lavrov"), "Tokyo", how="in-person"))
    assert of["mid"] == of["tass"] != of["fm"]


def test_accounts_a_day_apart_in_the_same_place_are_one_meeting_and_elsewhere_two() -> None:
    """A meeting late in the evening in Lima is the next day in Moscow's account of it; two
    summits on consecutive days in Nagato and Tokyo are two."""
    of = _group(_readout("mofa", dt.date(2016, 11, 19), ("abe", "putin"), "Lima"),
                _readout("kremlin", dt.date(2016, 11, 20), ("putin", "abe"), "Lima"),
                _readout("nagato", dt.date(2016, 12, 15), ("abe", "putin"), "Nagato"),
                _readout("tokyo", dt.date(2016, 12, 16), ("abe", "putin"), "Tokyo"),
                _readout("unplaced", dt.date(2016, 12, 17), ("abe", "putin")))
    assert of["mofa"] == of["kremlin"]
    assert len({of["nagato"], of["tokyo"], of["unplaced"]}) == 3


def test_a_dated_text_naming_two_people_and_no_meeting_day_joins_their_meeting_of_that_week() -> None:
    talks = _readout("mofa", dt.date(2019, 2, 16), ("kono", "lavrov"), "Munich")
    earlier = _readout("moscow", dt.date(2019, 1, 14), ("kono", "lavrov"), "Moscow")
    report = dataclasses.replace(_readout("rg", None, ("lavrov", "kono")), published=dt.date(2019, 2, 16))
    undated = _readout("undated", None, ("lavrov", "kono"))
    of = _group(talks, earlier, report, undated)
    assert of["rg"] == of["mofa"] and "undated" not in of


def test_an_account_that_names_a_city_joins_no_telephone_talk() -> None:
    """"Abe has arrived in Vladivostok, where he is due to meet Putin" (September 4, no year) is
    not an account of their telephone talk of September 3 two years before."""
    of = _group(_readout("call", dt.date(2017, 9, 3), ("abe", "putin"), how="telephone"),
                _readout("arrival", None, ("abe", "putin"), "Vladivostok", printed=(9, 4)))
    assert "arrival" not in of


def test_meetings_kept_from_the_last_build_are_taken_again_only_for_the_very_same_accounts() -> None:
    """readouts serve keeps the last build's groups and Meetings; an account corrected since (a
    new Readout under the same id) is grouped again, with the whole stretch of days around it."""
    apart = _readout("b", DAY + dt.timedelta(days=1), ("abe", "putin"), "Vladivostok")
    readouts = {r.id: r for r in (_readout("a", DAY, ("abe", "putin"), "Vladivostok"), apart,
                                  _readout("c", DAY + dt.timedelta(days=30), ("kono", "lavrov")))}
    kept: dict[str, object] = {}
    meetings, of = group_meetings(readouts, tuple(sorted(readouts)), kept)
    assert of["a"] == of["b"] != of["c"]
    again, of_again = group_meetings(readouts, tuple(sorted(readouts)), kept)
    assert of_again == of and all(again[key] is meetings[key] for key in meetings)
    readouts["b"] = dataclasses.replace(apart, meeting=dataclasses.replace(apart.meeting, place="Moscow"))
    corrected, of_corrected = group_meetings(readouts, tuple(sorted(readouts)), kept)
    assert (corrected, of_corrected) == group_meetings(readouts, tuple(sorted(readouts)))
    assert of_corrected["a"] != of_corrected["b"] and corrected[of["c"]] is meetings[of["c"]]


def test_a_meeting_keeps_clear_of_a_name_a_person_gave_another_wherever_its_accounts_are() -> None:
    """An automatic name never takes one set by hand, whether the account that set it comes
    before or after in the chronology."""
    later = _readout("z", DAY + dt.timedelta(days=400), ("abe", "putin"), meeting_id="2019-09-25-lavrov-motegi")
    of = _group(_readout("a", DAY, ("motegi", "lavrov")), later)
    assert of == {"a": "2019-09-25-lavrov-motegi-2", "z": "2019-09-25-lavrov-motegi"}
