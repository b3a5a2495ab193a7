"""The search index as written: a readout is indexed by the words it prints, with their places,
and the names that stand for one thing are listed for the page to offer, not merged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from readouts.render.search import SearchDocument, field_counts


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
