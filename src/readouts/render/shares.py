"""Which pages each rendering worker makes: a year's pages in one worker, the years shared out
so that each worker has about as many pages.

A year's readout pages, its meetings' pages and its topics' and people's year pages print the
same paragraphs, and a paragraph's HTML is made once per process (markdown.render_inline is
cached). Every worker rendering every n-th page made most paragraphs' HTML in both workers, and
made each worker unpack nearly every readout's body (packed.Blocks); a year in one worker makes
them once. Which worker renders a page changes nothing in what is written.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from readouts.render.pages.kind import SITE_PART


def worker_shares(years: Sequence[Hashable], count: int) -> list[list[int]]:
    """The indices of the pages (`years`: each page's year, pages.Page.year) each of `count`
    workers renders, a year's together: the largest years first, each to the worker with the
    fewest pages so far, then the site's own pages (the home page, the overviews) one by one
    the same way, which evens out what the years left."""
    by_year: dict[Hashable, list[int]] = {}
    loose: list[int] = []
    for index, year in enumerate(years):
        if year == SITE_PART:
            loose.append(index)
        else:
            by_year.setdefault(year, []).append(index)
    shares: list[list[int]] = [[] for _ in range(count)]
    sizes = [0] * count
    for pages in sorted(by_year.values(), key=len, reverse=True):
        fewest = sizes.index(min(sizes))
        shares[fewest].extend(pages)
        sizes[fewest] += len(pages)
    for index in loose:
        fewest = sizes.index(min(sizes))
        shares[fewest].append(index)
        sizes[fewest] += 1
    return shares
