"""Which pages each rendering worker makes (render/shares.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readouts.render.pages.kind import SITE_PART
from readouts.render.shares import worker_shares

_YEARS = st.lists(st.sampled_from([2019, 2020, 2021, None, SITE_PART]), max_size=60)


@given(_YEARS, st.integers(min_value=1, max_value=4))
def test_every_page_is_rendered_once_and_a_years_pages_by_one_worker(years: list[object], count: int) -> None:
    shares = worker_shares(years, count)
    assert len(shares) == count
    assert sorted(index for share in shares for index in share) == list(range(len(years)))
    for year in {year for year in years if year != SITE_PART}:
        assert sum(any(years[index] == year for index in share) for share in shares) == 1


def test_the_sites_own_pages_even_out_what_the_years_left() -> None:
    years = [2019] * 10 + [2020] * 4 + [SITE_PART] * 8
    assert sorted(len(share) for share in worker_shares(years, 2)) == [11, 11]
