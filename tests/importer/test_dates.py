"""Dates as readouts print them, and never a year the text does not give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.importer import dates, russian, years
from readouts.importer.durations import duration_minutes
from readouts.importer.sentence_day import meeting_date


@pytest.mark.parametrize(("line", "expected"), [
    ("Tuesday, February 9, 2016, 8:45 a.m.   Ministry of Foreign Affairs", dt.date(2016, 2, 9)),
    ("February 25, 2022 at 14:01 JST", dt.date(2022, 2, 25)),
    ("09.02.2014 23:52", dt.date(2014, 2, 9)),      # day first, as Russian pages write it
    ("2019/09/25 10:00", dt.date(2019, 9, 25)),     # year first, as Japanese pages write it
    ("30 января 2023, 21:30", dt.date(2023, 1, 30)),
    ("31 May 201911:01", dt.date(2019, 5, 31)),
    ("April 27, 2017, The Kremlin, Moscow", dt.date(2017, 4, 27)),
    ("June 9, 2010 the ministers held talks in Tokyo and agreed on the next steps.", None),
    ("31.02.2014", None),
    ("Sun, 11/15/2009 - 21:10", dt.date(2009, 11, 15)),  # the weekday says month first
    ("Tue, 08/03/2011 - 18:02", dt.date(2011, 3, 8)),    # and here day first
    ("Mon, 11/15/2009", None),                            # neither reading is a Monday
    ("Updated: 24-02-2022 17:41 IST", dt.date(2022, 2, 24)),  # hyphens: 24 can only be the day
    ("02-03-2022", None),                                 # either order a date: not read
    ("16:5210 мая 201916:52", dt.date(2019, 5, 10)),      # a time before the day, its space lost
    ("16:52", None),
    ("平成28年 (2016年) 12月 26日", dt.date(2016, 12, 26)),  # a Japanese page's era and year, month, day
    ("2019年5月31日 11:00", dt.date(2019, 5, 31)),
    ("Posted: Wed Aug 16, 2006 2:59 pm", dt.date(2006, 8, 16)),  # a forum's stamp
    ("Page last updated at 17:31 GMT, Tuesday, 12 May 2009 18:31 UK", dt.date(2009, 5, 12)),
    ("11:07 - 5.11.2016 / 442 просмотра", dt.date(2016, 11, 5)),  # the time, a dash, the day, the views
])
def test_a_date_line_is_read_with_what_stands_around_it(line: str, expected: dt.date | None) -> None:
    found = dates.date_line(line)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ministers met on Friday.", dt.date(2019, 9, 20)),
    ("I had a telephone talk with President Putin today.", dt.date(2019, 9, 25)),
    ("Вчера министры провели переговоры.", dt.date(2019, 9, 24)),
    ("В субботу президент провел встречу.", dt.date(2019, 9, 21)),
    ("The talks took place on September 23.", dt.date(2019, 9, 23)),
    ("The consultations will be held on January 15.", dt.date(2020, 1, 15)),  # announced: forward
    ("The talks took place on December 3.", dt.date(2018, 12, 3)),            # reported: backward
    ("The ministers agreed Monday to continue talks.", dt.date(2019, 9, 23)),   # wire style, no "on"
    ("A telephone talk is being arranged for September 29.", dt.date(2019, 9, 29)),  # the coming fortnight
    ("Good Friday talks were mentioned.", None),
    ("The Prime Minister will visit Sakhalin on Friday.", dt.date(2019, 9, 27)),  # to come: the coming one
    ("Officials said Tuesday the minister will visit.", None),   # the saying's day, never a visit's to come
    ("Lavrov said Tuesday he had met Motegi.", None),   # the saying's day: "had met" sets the talks before it
    ("Lavrov met Motegi on Tuesday, officials said.", dt.date(2019, 9, 24)),
])
def test_a_day_without_a_year_takes_it_from_the_texts_own_date(sentence: str, expected: dt.date | None) -> None:
    assert meeting_date(sentence, dt.date(2019, 9, 25)) == expected


def test_a_day_without_a_year_in_an_undated_text_stays_empty() -> None:
    assert meeting_date("The ministers met on Friday, September 20.", None) is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_printed_form_of_a_date_reads_back_as_that_date(day: dt.date) -> None:
    for text in (f"{day:%B} {day.day}, {day.year}", f"{day.day} {day:%B %Y}", day.isoformat(),
                 f"{day.day:02d}.{day.month:02d}.{day.year}", f"{day.year}/{day.month:02d}/{day.day:02d}",
                 f"{day.year}-{day.month}-{day.day}"):
        assert [found.date for found in dates.find_dates(text)] == [day], text


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)), st.booleans())
def test_a_slashed_date_with_its_weekday_is_never_read_as_another_day(day: dt.date, month_first: bool) -> None:
    """Month first or day first, a stamp with its weekday gives its own day or none at all."""
    first, second = (day.month, day.day) if month_first else (day.day, day.month)
    found = dates.find_dates(f"{day:%a}, {first:02d}/{second:02d}/{day.year} - 12:00")
    assert [f.date for f in found] in ([day], [])
    if day.day > 12 or day.day == day.month:
        assert [f.date for f in found] == [day]


@pytest.mark.parametrize(("text", "day"), [
    ("23/10/2007 18:32 (recasts throughout, adds details)", dt.date(2007, 10, 23)),  # day first: 23 is no month
    ("10/23/2007", dt.date(2007, 10, 23)),  # month first: 23 is no month either way round
    ("05/06/2007", None),  # either order a date: neither is taken
    ("Wed, 11/04/2009 - 21:10", dt.date(2009, 11, 4)),  # the weekday says which
])
def test_a_slashed_date_is_read_only_where_its_order_is_plain(text: str, day: dt.date | None) -> None:
    assert (dates.date_line(text).date if dates.date_line(text) else None) == day  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "minutes"), [
    ("Переговоры заняли около трех часов.", 180),
    ("Переговоры заняли более трех часов.", None),  # a bound, not the length
    ("Встреча продолжалась свыше часа.", None),
    ("Беседа продлилась около 40 минут.", 40),
    ("Встреча длилась около часа.", 60),
    ("в течение полутора часов", 90),
    ("часов в Москве", None),
    # the length as an adjective before what lasted it
    ("Конкретные вопросы, затронутые в ходе 50-минутного общения, не называются.", 50),
    ("Во время 40-минутных переговоров Путин продемонстрировал", 40),
    ("после 2-часовой встречи", 120),
    # the verb of lasting, and the count before the verb of talking
    ("Переговоры продолжались пять часов.", 300),
    ("Там лидеры стран пять часов обсуждали мирный договор.", 300),
    ("Все эти годы стороны обсуждали договор.", None),
])
def test_a_russian_length_is_read_whatever_the_case_of_its_numeral(text: str, minutes: int | None) -> None:
    assert duration_minutes(text) == minutes


@pytest.mark.parametrize(("text", "minutes"), [
    ("During their over two-hour meeting, Lavrov said", None),  # a bound, not the length
    ("after their more than 90-minute talks", None),
    ("In a 40-minute meeting the ministers", 40),
])
def test_a_length_given_as_an_adjective_is_read_unless_it_is_a_bound(text: str, minutes: int | None) -> None:
    assert duration_minutes(text) == minutes


def test_a_delay_is_not_a_meeting_length() -> None:
    assert duration_minutes("having landed in Japan almost three hours later than scheduled") is None


@pytest.mark.parametrize(("text", "minutes"), [
    ("After a discussion that lasted one-and-a-half hours, the leaders", 90),
    ("They talked for half an hour.", 30),
    ("Hatoyama was quoted as telling Naryshkin in the half-hour meeting.", 30),
    ("the two ministers spent more than half an hour talking tete-a-tete", None),
])
def test_a_length_in_halves_of_an_hour(text: str, minutes: int | None) -> None:
    assert duration_minutes(text) == minutes


@pytest.mark.parametrize(("title", "day"), [
    ("Press Conference by the Press Secretary January 13, 1998", dt.date(1998, 1, 13)),
    # after a comma the day is the talks' the headline names, not the page's
    ("Statement at a news conference following talks with Taro Kono, Moscow, January 14, 2019", None),
    ("Summit on January 13, 1998 ends with a plan", None),
])
def test_a_headline_ending_in_its_day_dates_the_page(title: str, day: dt.date | None) -> None:
    assert years.day_ending_headline(title) == day


@pytest.mark.parametrize(("printed", "stamp", "day"), [
    ("September 18", dt.date(2017, 9, 19), dt.date(2017, 9, 18)),
    ("December 31", dt.date(2018, 1, 1), dt.date(2017, 12, 31)),  # the year before the stamp's
    ("September 18", dt.date(2017, 10, 19), None),  # too far from the stamp to say
    ("", dt.date(2017, 9, 19), None),
])
def test_a_dateline_day_takes_the_year_of_a_capture_stamp_just_after_it(printed: str, stamp: dt.date,
                                                                        day: dt.date | None) -> None:
    assert years.filed_on(printed, stamp) == day


@pytest.mark.parametrize("text", ["с 28 апреля по 6 мая", "Заседание состоялось в Токио со 2 по 6 апреля 2018 года",
                                  "On July 30–August 1, the ministers will visit Russia",
                                  "from September 3 to 5", "on November 13-14", "14 и 15 июня"])
def test_a_span_of_days_is_read_as_one(text: str) -> None:
    assert dates.SPAN_OF_DAYS.search(text)


@pytest.mark.parametrize(("lines", "day", "expected"), [
    (["Октябрь-декабрь 2008"], (12, 8), dt.date(2008, 12, 8)),
    (["September 2003", "Telephone Talks"], (9, 1), dt.date(2003, 9, 1)),
    (["Январь-март 2009"], (5, 3), None),               # a day outside the period's months
    (["January 2009", "March 2010"], (1, 5), None),     # two periods say nothing for sure
])
def test_a_day_takes_its_year_from_the_one_period_heading_that_holds_it(
        lines: list[str], day: tuple[int, int], expected: dt.date | None) -> None:
    assert dates.day_in_period(day, lines) == expected

@pytest.mark.parametrize(("genitive", "nominative"), [
    ("Тихоокеанского информационного агентства", "Тихоокеанское информационное агентство"),
    ("Российской газеты", "Российская газета"),
    ("информационных агентств", "информационные агентства"),
    ("Интерфакса", "Интерфакс"),
])
def test_a_russian_name_in_the_genitive_is_put_in_the_nominative(genitive: str, nominative: str) -> None:
    assert russian.nominative(genitive) == nominative
