"""Finding people.yaml's people however a text writes them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from readouts.model import Person, Role
from readouts.names import NameIndex

PEOPLE = (
    Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()),
    Person("sergey-shoigu", "Sergey Shoigu", "russia", ("Сергей Шойгу",),
           (Role("Minister of Defence of the Russian Federation", dt.date(2012, 11, 6), dt.date(2024, 5, 12)),)),
    Person("seiji-maehara", "Seiji Maehara", "japan", ("Сэйдзи Маэхара",), ()),
    Person("naoto-kan", "Naoto Kan", "japan", ("Наото Кан",),
           (Role("Prime Minister of Japan", dt.date(2010, 6, 8), dt.date(2011, 9, 2)),)),
    Person("takeo-mori", "Takeo Mori", "japan", (), ()),
    Person("yoshiro-mori", "Yoshiro Mori", "japan", (), ()),
    Person("shinzo-abe", "Shinzo Abe", "japan", (), ()),
    Person("koichiro-gemba", "Koichiro Gemba", "japan", (), ()),
    Person("leonid-slutsky", "Leonid Slutsky", "russia", ("Леонид Слуцкий",), ()),
)
INDEX = NameIndex.build(PEOPLE)


@pytest.mark.parametrize(("text", "expected"), [
    # Russian declines names; the closed list of case endings finds them
    ("переговоры Сергея Лаврова и Сэйдзи Маэхары", ["sergey-lavrov", "seiji-maehara"]),
    ("встреча с Сергеем Лавровым", ["sergey-lavrov"]),
    # …without finding a longer word that starts with a short name
    ("визит в Канаду", []),
    # a family name in "-ский" declines as an adjective
    ("встреча с Леонидом Слуцким", ["leonid-slutsky"]),
    ("заявление Слуцкого", ["leonid-slutsky"]),
    ("премьер Кана", ["naoto-kan"]),
    # i and y after a vowel: two romanisations of one Russian name
    ("Mr. Shoygu, Sergey Kuzhugetovich", ["sergey-shoigu"]),
    ("Sergei Shoigu", ["sergey-shoigu"]),
    # family name first, in capitals, as Japan's ministry writes its own people since 2020
    ("Mr. MORI Takeo, Vice-Minister", ["takeo-mori"]),
    ("Mori, Yoshiro", ["yoshiro-mori"]),
    # Hepburn's long vowels
    ("Prime Minister Shinzō Abe", ["shinzo-abe"]),
    # and the syllabic n before b, m and p, which traditional Hepburn writes m
    ("Foreign Minister Koichiro Genba", ["koichiro-gemba"]),
    ("Mr. GENBA", ["koichiro-gemba"]),
])
def test_a_name_is_found_however_the_text_writes_it(text: str, expected: list[str]) -> None:
    assert INDEX.ids_in(text) == expected


def test_a_shared_family_name_alone_names_nobody() -> None:
    assert INDEX.ids_in("Mr. MORI summoned the ambassador") == []


def test_a_shared_family_name_after_an_office_names_the_one_bearer_who_held_it() -> None:
    index = NameIndex.build((
        Person("yoshiro-mori", "Yoshiro Mori", "japan", ("Ёсиро Мори",),
               (Role("Prime Minister of Japan", dt.date(2000, 4, 5), dt.date(2001, 4, 26)),)),
        Person("takeo-mori", "Takeo Mori", "japan", (), (Role("Vice-Minister for Foreign Affairs", None, None),)),
        Person("yohei-kono", "Yohei Kono", "japan", (), (Role("Minister for Foreign Affairs of Japan", None, None),)),
        Person("taro-kono", "Taro Kono", "japan", (), (Role("Minister for Foreign Affairs of Japan", None, None),)),
    ))
    assert index.ids_in("с Премьер-министром Японии господином Мори") == ["yoshiro-mori"]
    assert index.ids_in("Prime Minister Mori said") == ["yoshiro-mori"]
    assert index.ids_in("Foreign Minister Kono said") == []  # both held it


def test_a_shared_family_name_after_an_initial_names_the_bearer_whose_given_name_it_begins() -> None:
    index = NameIndex.build((
        Person("yoshiro-mori", "Yoshiro Mori", "japan", ("Ёсиро Мори",), ()),
        Person("takeo-mori", "Takeo Mori", "japan", ("Такэо Мори",), ()),
    ))
    assert index.ids_in("Председатель Правительства В.В.Путин встретился с Ё.Мори") == ["yoshiro-mori"]
    assert index.ids_in("встреча с Т. Мори") == ["takeo-mori"]
    assert index.ids_in("Vice-Minister T. Mori said") == ["takeo-mori"]
    assert index.ids_in("K. Mori said") == []  # the initial of neither


def test_an_office_is_held_by_the_one_person_whose_dated_role_covers_the_day() -> None:
    office = re.compile(r"^Prime Minister of Japan")
    assert INDEX.holder_of(office, dt.date(2011, 1, 1)) == "naoto-kan"
    assert INDEX.holder_of(office, dt.date(2012, 1, 1)) is None
    assert INDEX.holder_of(office, None) is None


def test_with_no_day_the_counterpart_is_who_held_the_office_throughout_the_persons_tenure() -> None:
    leaders = NameIndex.build((
        Person("naoto-kan", "Naoto Kan", "japan", (),
               (Role("Prime Minister of Japan", dt.date(2010, 6, 8), dt.date(2011, 9, 2)),)),
        Person("yoshihiko-noda", "Yoshihiko Noda", "japan", (),
               (Role("Prime Minister of Japan", dt.date(2011, 9, 2), dt.date(2012, 12, 26)),)),
        Person("dmitry-medvedev", "Dmitry Medvedev", "russia", (),
               (Role("President of the Russian Federation", dt.date(2008, 5, 7), dt.date(2012, 5, 7)),)),
        Person("vladimir-putin", "Vladimir Putin", "russia", (),
               (Role("President of the Russian Federation", dt.date(2012, 5, 7), None),)),
    ))
    own, office = re.compile(r"^Prime Minister of Japan"), re.compile(r"^President of the Russian Federation")
    assert leaders.holder_throughout("naoto-kan", own, office) == "dmitry-medvedev"
    # Noda's tenure saw two presidents: whom he met is not known without the day
    assert leaders.holder_throughout("yoshihiko-noda", own, office) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("talks with H.E. Mr. Vladimir Vladimirovich Putin, President", ["Vladimir Vladimirovich Putin"]),
    ("met Mr. Igor Shuvalov, First Deputy Prime Minister", ["Igor Shuvalov"]),
    ("Mr. Shinzo Abe, Prime Minister of Japan", []),
])
def test_a_name_after_a_chain_of_titles_is_the_name_not_a_title(text: str, expected: list[str]) -> None:
    assert INDEX.unresolved(text) == expected


@pytest.mark.parametrize("text", [
    "Vice-Minister Mr. MORI summoned the Ambassador",
    "with Minister Sergey K. Shoigu of the Russian Federation",
    "Ambassador Extraordinary and Plenipotentiary of the Russian Federation",
    # the office's country, its first word taken into the title "Minister of New"
    "the Rt. Hon. Jacinda Ardern, Prime Minister of New Zealand;",
])
def test_a_part_of_a_known_name_or_a_title_is_no_unknown_person(text: str) -> None:
    assert INDEX.unresolved(text) == []


KONOS = NameIndex.build((
    Person("yohei-kono", "Yohei Kono", "japan", ("Ёхэй Коно",),
           (Role("Minister for Foreign Affairs of Japan", dt.date(1999, 10, 5), dt.date(2001, 4, 26)),)),
    Person("taro-kono", "Taro Kono", "japan", ("Таро Коно",),
           (Role("Minister for Foreign Affairs of Japan", dt.date(2017, 8, 3), dt.date(2019, 9, 11)),)),
))


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Foreign Minister Kono met Lavrov", dt.date(2000, 9, 14), ["yohei-kono"]),
    ("Foreign Minister Kono met Lavrov", dt.date(2018, 3, 21), ["taro-kono"]),
    ("переговоры с Коно", dt.date(2019, 1, 14), ["taro-kono"]),
    # with no day, or on a day neither held office, the family name alone names nobody
    ("Foreign Minister Kono met Lavrov", None, []),
    ("Foreign Minister Kono met Lavrov", dt.date(2010, 1, 1), []),
    # a full name is that person whatever the day
    ("Yohei Kono and Kono", dt.date(2018, 3, 21), ["yohei-kono"]),
])
def test_a_family_name_two_people_bear_is_the_one_in_office_that_day(text: str, day: dt.date | None,
                                                                     expected: list[str]) -> None:
    assert KONOS.on(day).ids_in(text) == expected


def test_a_family_name_two_people_bear_is_no_unknown_name() -> None:
    """"Foreign Minister Kono's" names someone people.yaml knows, though not whom without a day."""
    assert KONOS.unresolved("talks with Foreign Minister Kono's delegation") == []


def test_a_title_ending_a_line_names_nobody_on_the_next() -> None:
    """"… Talks With Japanese Premier" over the dateline "Moscow, 10 January 2003": no one is
    named Moscow."""
    index = NameIndex.build(())
    assert index.unresolved("Russia: Putin Holding Talks With Japanese Premier\nMoscow, 10 January 2003") == []
    assert index.unresolved("talks with Premier Wen Jiabao") == ["Wen Jiabao"]


def test_a_family_name_after_another_given_name_is_someone_else() -> None:
    index = NameIndex.build((
        Person("katsunobu-kato", "Katsunobu Kato", "japan", (), ()),
        Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()),
        Person("vladimir-putin", "Vladimir Putin", "russia", ("Владимир Путин",), ()),
        Person("mikhail-galuzin", "Mikhail Galuzin", "russia", (), ()),
        Person("yevgeny-primakov", "Yevgeny Primakov", "russia", (), ()),
    ))
    # a deputy minister and a photographer of the same family name
    assert index.ids_in("Deputy Minister for Foreign Affairs Ryozo Kato from Japan") == []
    assert index.ids_in("at Iikura guest house in Tokyo. (Issei Kato, Pool, AP)") == []
    # titles, a country, a sentence's first word and his own given name otherwise spelt are no other name
    assert index.ids_in("Chief Cabinet Secretary Kato said") == ["katsunobu-kato"]
    assert index.ids_in("a meeting with Minister of Foreign Affairs Lavrov") == ["sergey-lavrov"]
    assert index.ids_in("summoned Russian Ambassador to Japan Galuzin") == ["mikhail-galuzin"]
    assert index.ids_in("встреча Президента Путина") == ["vladimir-putin"]
    assert index.ids_in("It was cold. Meanwhile Lavrov said") == ["sergey-lavrov"]
    assert index.ids_in("Evgeny Primakov arrived") == ["yevgeny-primakov"]


def test_a_russian_given_name_is_his_own_in_any_case_and_a_close_one_is_another_mans() -> None:
    """Russian declines a given name by its last letters ("Сергеем Лавровым"); "Синтаро Абэ", his
    father, is not Shinzo Abe, however close "Синтаро" and "Синдзо" are by their letters."""
    index = NameIndex.build((
        Person("sergey-lavrov", "Sergey Lavrov", "russia", ("Сергей Лавров",), ()),
        Person("yury-ushakov", "Yury Ushakov", "russia", ("Юрий Ушаков",), ()),
        Person("shinzo-abe", "Shinzo Abe", "japan", ("Синдзо Абэ",), ()),
    ))
    assert index.ids_in("встретился с Сергеем Лавровым") == ["sergey-lavrov"]
    assert index.ids_in("помощник президента Юрием Ушаковым") == ["yury-ushakov"]
    assert index.ids_in("с премьером Синдзо Абэ") == ["shinzo-abe"]
    assert index.ids_in("с премьером Синзо Абэ") == ["shinzo-abe"]
    assert index.ids_in("экс-министру иностранных дел Синтаро Абэ") == []
