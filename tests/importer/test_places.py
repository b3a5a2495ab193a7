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
    ("They discussed the upcoming ministerial meeting in Tokyo.", None),
    ("Mr. Abe will visit Russia and hold a meeting with H.E. Mr. Putin in Vladivostok.", None),
    ("The ministers met in Japan.", None),
])
def test_the_meeting_is_put_where_a_cue_says_and_not_where_one_is_announced(sentence: str, expected) -> None:
    assert venue.place_in(sentence) == expected


def test_the_gazetteer_index_is_kept_between_runs_and_made_again_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places._gazetteer.cache_clear()
    made = places._gazetteer()
    kept = next((tmp_path / "readouts").glob("gazetteer-*.marshal"))
    places._gazetteer.cache_clear()
    monkeypatch.setattr(places, "_index_cities", lambda: {})  # a second run reads the kept index
    assert places._gazetteer() == made
    kept.write_bytes(b"not an index")
    places._gazetteer.cache_clear()
    assert places._gazetteer() == {}  # damaged: made again
    places._gazetteer.cache_clear()
