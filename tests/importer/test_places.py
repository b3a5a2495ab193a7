"""Cities by any of their names, from the gazetteer: what the importer takes for a meeting's city."""

from __future__ import annotations

import pytest

from readouts.importer import places, venue


@pytest.mark.parametrize(("name", "expected"), [
    ("Lima", "Lima"),              # the most populous of the cities that share a name
    ("MANILA", "Manila"),          # a dateline's capitals
    ("Krasnoyarsk", "Krasnoyarsk"),
    ("Saint Petersburg", "St. Petersburg"),
    ("Москва", "Moscow"),
    ("Japan", None),               # a country is no city
    ("May", None),                 # nor a month, though a town bears the name
    ("lima", None),                # a city's name is written with a capital
])
def test_a_city_is_known_by_its_names(name: str, expected: str | None) -> None:
    assert venue.city_named(name) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Москве", "Moscow"), ("Лиме", "Lima"), ("Казани", "Kazan"), ("Владивостоке", "Vladivostok"),
    ("Токио", "Tokyo"), ("Сочи", "Sochi"),
])
def test_a_russian_city_in_the_prepositional_case_is_found(word: str, expected: str) -> None:
    assert places.russian_city(word) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ministers met in Lima, Peru, on Saturday.", "Lima"),
    ("Переговоры прошли в Москве.", "Moscow"),
    ("Министры встретились в Нью-Йорке.", "New York"),     # a name joined by a hyphen
    # a town the text says is one, too small for the gazetteer
    ("The leaders met in the Canadian Rockies resort of Kananaskis, Alberta.", "Kananaskis"),
    ("Переговоры прошли в Буэнос-Айресе.", "Buenos Aires"),
    ("В следующем году в Санкт-Петербурге пройдет саммит.", None),  # next year's, not this meeting's
    ("They discussed the upcoming ministerial meeting in Tokyo.", None),
    ("Mr. Abe will visit Russia and hold a meeting with H.E. Mr. Putin in Vladivostok.", None),
    ("The ministers met in Japan.", None),
])
def test_the_meeting_is_put_where_a_cue_says_and_not_where_one_is_announced(sentence: str, expected) -> None:
    assert venue.place_in(sentence) == expected


def _forget_the_index() -> None:
    for cached in (places._shard, places._adjectives, places._made_index):
        cached.cache_clear()


def test_the_gazetteer_index_is_kept_between_runs_and_made_again_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_the_index()
    made = places._gazetteer()
    assert places.city("Lima") == "Lima"
    _forget_the_index()
    monkeypatch.setattr(places, "_index_cities", lambda: ({}, {}))  # a second run reads the kept index
    assert places._gazetteer() == made
    assert places.russian_city_adjective("сочинской") == places._adjectives()["сочинск"]
    for kept in (tmp_path / "readouts").glob("gazetteer-*/*.marshal"):
        kept.write_bytes(b"not an index")
    _forget_the_index()
    assert places._gazetteer() == {}  # damaged: made again
    assert places.russian_city_adjective("сочинской") is None
    _forget_the_index()


def test_a_lookup_reads_only_the_part_of_the_index_its_name_is_in(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_the_index()
    places._gazetteer()  # made and kept
    _forget_the_index()
    assert places.city("Lima") == "Lima"
    assert places._shard.cache_info().currsize == 1
    assert places._made_index.cache_info().currsize == 0
    _forget_the_index()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("В субботу президент продолжил встречи: в его сочинскую резиденцию прибыл премьер Синдзо Абэ.", "Sochi"),
    ("Московские переговоры министров завершились.", "Moscow"),
    ("Переговоры в токийской резиденции премьера продолжались два часа.", "Tokyo"),
    ("Российско-японские переговоры прошли в тёплой атмосфере.", None),  # the sides, not a place
    ("Встреча прошла в королевской резиденции.", None),  # a common word, though Korolyov is a town
    ("Путин принял Абэ в президентской резиденции.", None),
    ("Японский премьер прибыл в Россию.", None),  # a country's adjective, and no residence or talks
])
def test_a_russian_adjective_made_from_a_city_puts_the_meeting_there(sentence: str, expected) -> None:
    assert venue.place_in(sentence) == expected
