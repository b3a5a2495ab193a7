"""The manifest's name worked out from what changed is the name worked out from every entry."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.site_token import manifest_token, name_of, sum_after, sum_of

_PATHS = st.sampled_from([f"readouts/{n}.html" for n in range(12)] + ["index.html", "search/index.json"])
_MANIFESTS = st.dictionaries(_PATHS, st.sampled_from(["", "a1", "b2", "c3"]))


@given(_MANIFESTS, _MANIFESTS)
@settings(max_examples=200, deadline=None)
def test_the_sum_after_a_change_is_the_sum_of_the_changed_manifest(before: dict, after: dict) -> None:
    changed = [p for p in before.keys() | after.keys() if before.get(p) != after.get(p)]
    assert sum_after(sum_of(before), before, after, changed) == sum_of(after)


def test_the_name_does_not_depend_on_the_order_of_entries() -> None:
    one = {"a.html": "1", "b.html": "2", "c.html": "3"}
    other = dict(reversed(list(one.items())))
    assert name_of(sum_of(one)) == name_of(sum_of(other))
    assert name_of(sum_of(one)) != name_of(sum_of({**one, "c.html": "4"}))


def test_a_kept_name_is_updated_from_the_changed_paths_alone() -> None:
    kept: dict = {}
    before = {f"readouts/{n}.html": str(n) for n in range(50)}
    first = manifest_token(before, kept)
    after = {**before, "readouts/7.html": "", "readouts/new.html": "x"}
    del after["readouts/3.html"]
    updated = manifest_token(after, kept, (before, ["readouts/7.html", "readouts/new.html", "readouts/3.html"]))
    assert updated == manifest_token(after, {}) != first
