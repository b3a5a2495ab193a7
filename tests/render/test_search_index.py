"""The search index as written: a readout is indexed by the words it prints, with their places,
and the names that stand for one thing are listed for the page to offer, not merged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.link import link
from readouts.load import load_corpus
from readouts.render import search_files
from readouts.render.search import SearchDocument, field_counts, snippet_text


def script_data(path: Path) -> Any:
    """The data a search script stores: the JSON after its last `] = `."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.rindex("] = ") + len("] = "):].rstrip().rstrip(";"))


def test_no_readout_is_indexed_by_a_glossary_name_it_does_not_print(built_demo: Path) -> None:
    search = built_demo / "site" / "search"
    terms = {term for path in search.glob("*/terms/*.js") for term in script_data(path)}
    # The demo's readouts name the islands "Four Northern Islands", "southern Kurils", "Shikotan".
    assert {"four", "northern", "kurils", "shikotan"} <= terms
    assert "habomai" not in terms and "etorofu" not in terms
    groups = {group["label"]: group["names"] for group in script_data(search / "index.js")["names"]}
    assert {"Habomai", "Northern Territories", "southern Kurils"} <= set(groups["The disputed islands"])
    assert "Sergei Lavrov" in groups["Sergey Lavrov"]


def test_a_phrase_s_words_are_as_far_apart_in_the_places_as_in_the_text() -> None:
    counts = field_counts(SearchDocument("x", "Peace", ("The issue of concluding a peace treaty.", "Treaty")))
    assert counts["title"] == {"peace": [0]}
    # After the title and a place left out: "the" 2, "issue" 3, "of" 4, "concluding" 5, "a" 6, …
    assert counts["text"] == {"issue": [3], "concluding": [5], "peace": [7], "treaty": [8, 10]}


def test_a_year_is_cut_into_a_power_of_two_of_shards_that_changes_only_when_its_size_crosses_one() -> None:
    per_shard = search_files.READOUTS_PER_SHARD
    assert [search_files.shards_in_year(count) for count in (0, 1, per_shard)] == [1, 1, 1]
    assert [search_files.shards_in_year(count) for count in (per_shard + 1, 2 * per_shard)] == [2, 2]
    assert [search_files.shards_in_year(count) for count in (2 * per_shard + 1, 4 * per_shard)] == [4, 4]
    assert search_files.shards_in_year(4 * per_shard + 1) == 8
    assert search_files.shards_in_year(10**9) == search_files.MOST_SHARDS


def test_each_shard_is_a_run_of_its_years_readouts_in_chronological_order(built_demo: Path) -> None:
    """Cut one reading to the bone (a shard a readout): the shards still follow the chronology,
    each named by its year's stretch's first day, so the page can browse them in order."""
    graph = link(load_corpus(built_demo))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_files, "READOUTS_PER_SHARD", 1)
        shards = search_files.search_shards(graph)
    assert [r for shard in shards for r in shard.readout_ids] == list(graph.chronology)
    assert any(shard.name != shard.year for shard in shards), shards
    for shard in shards:
        if shard.year != "undated" and shard.name != shard.year:
            assert shard.name.startswith(shard.year + "-")
            assert all(str(graph.readouts[r].date) >= shard.name for r in shard.readout_ids)


@given(st.text(alphabet="ab \\*_`[]<>&#+-.!()é", max_size=30))
def test_a_snippet_drops_markers_then_escapes_as_the_two_substitutions_did(markdown: str) -> None:
    assert snippet_text(markdown) == re.sub(r"\\([\\`*_\[\]<>&#+\-.!()])", r"\1", re.sub(r"[*_`]+", "", markdown))
