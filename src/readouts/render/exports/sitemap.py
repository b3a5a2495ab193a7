"""sitemap.xml: a sitemap index of a part for the pages of no year and one per year."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import partial
from urllib.parse import quote

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.depends import digest
from readouts.render.exports.common import absolute_or_relative
from readouts.render.exports.feeds import _element, _xml_bytes
from readouts.render.listings import Year, in_year_order
from readouts.render.output import OutputFile

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
"""The protocol's limits for one sitemap file."""


def sitemap_files(graph: SiteGraph, site_files: Iterable[str], years: dict[str, Year]) -> list[OutputFile]:
    """sitemap.xml, a sitemap index, and the parts it lists beside it: every HTML page of the site
    but the 404 page, a year's pages in that year's part (`years`, from each Page's year) and the others in the
    site's.

    A new readout's pages (its own, its meeting's, a first year page of a topic) are all of its
    year, so it changes that part alone; the index changes only when a part comes or goes. A
    part is made from the addresses it lists and nothing else.
    """
    base_url = graph.corpus.config.base_url
    site_pages: list[str] = []
    by_year: dict[Year, list[str]] = {}
    for page in site_files:
        if not page.endswith(".html") or page == urls.NOT_FOUND:
            continue
        if page in years:
            by_year.setdefault(years[page], []).append(page)
        else:
            site_pages.append(page)
    # The site's part, then the years ascending, then the undated.
    parts = [(urls.SITEMAP_SITE, site_pages), *((urls.sitemap_year_path(year), by_year[year])
                                                for year in in_year_order(set(by_year)))]
    files = []
    for first_path, pages in parts:
        pages.sort()
        for number, chunk in enumerate(_sitemap_chunks(base_url, pages), start=1):
            path = first_path if number == 1 else first_path.removesuffix(".xml") + f"-{number}.xml"
            files.append(OutputFile(path, _pages_digest(base_url, chunk), partial(sitemap_part, base_url, chunk)))
    index = sitemap_index(graph, [f.path for f in files])
    return [OutputFile(urls.SITEMAP, digest(index), lambda: index), *files]


def _loc(base_url: str | None, page: str) -> str:
    """A page's address: absolute with a base URL, else relative to the site's root, where the
    parts are. A path of letters, digits and the marks an address keeps as they are (nearly
    every page's) is its own quoted form: quote() is asked only for the others, as it took most
    of the time of listing 23,000 pages at 10,000 readouts."""
    return f"{base_url or ''}{page if _UNQUOTED(page) else quote(page, safe='/')}"


_UNQUOTED = re.compile(r"[A-Za-z0-9_.~/-]*").fullmatch
"""What quote(…, safe="/") leaves as it is."""


def _pages_digest(base_url: str | None, pages: list[str]) -> str:
    """The fingerprint of a part: the pages it lists, one a line (a path holds no line break), and
    the base URL, which make its addresses; digested as one text rather than as the repr of a
    list of thousands, and without working out each address (_loc), which only a part made again needs."""
    return digest(("sitemap", base_url, hashlib.blake2b("\n".join(pages).encode("utf-8"), digest_size=16).hexdigest()))


_URL_BYTES = len("  <url>\n    <loc></loc>\n  </url>\n")
_PART_BYTES = 400
"""Generous bounds for what a part holds besides its addresses: its head, its comment and its end."""
_QUOTED_AT_MOST = 12
"""The most bytes an address takes per character of its page's path: %XX for each of a
character's four UTF-8 bytes."""


def _sitemap_chunks(base_url: str | None, pages: list[str]) -> list[list[str]]:
    """`pages` in as many parts as the protocol's limits need for their addresses: one, for any
    site of a realistic size (a year would need some 25,000 readouts, each with a page and a
    meeting's, for two). Counted address by address only when a bound of their size says a
    part might be too large."""
    base_bytes = len((base_url or "").encode("utf-8"))
    bound = _PART_BYTES + len(pages) * (_URL_BYTES + base_bytes) + _QUOTED_AT_MOST * sum(map(len, pages))
    if len(pages) <= SITEMAP_MAX_URLS and bound <= SITEMAP_MAX_BYTES:
        return [pages]
    chunks: list[list[str]] = [[]]
    size = _PART_BYTES
    for page in pages:
        entry = len(_loc(base_url, page).encode("utf-8")) + _URL_BYTES
        if len(chunks[-1]) >= SITEMAP_MAX_URLS or size + entry > SITEMAP_MAX_BYTES:
            chunks.append([])
            size = _PART_BYTES
        chunks[-1].append(page)
        size += entry
    return chunks


def _relative_comment(root: ET.Element) -> None:
    root.append(ET.Comment(" Relative paths: set base_url in site.yaml to make this a valid sitemap, "
                           "which needs absolute URLs. "))


def sitemap_part(base_url: str | None, pages: list[str]) -> bytes:
    """A <urlset> of the given pages' addresses."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    if not base_url:
        _relative_comment(root)
    for page in pages:
        entry = _element(root, "url")
        _element(entry, "loc", _loc(base_url, page))
    return _xml_bytes(root)


def sitemap_index(graph: SiteGraph, parts: list[str]) -> bytes:
    """A <sitemapindex> of the parts. It gives no <lastmod>: the day a part last changed is known
    only to the clock or to an earlier build, and either would make two builds of the same
    content differ (a crawler fetches every part instead)."""
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    if not graph.corpus.config.base_url:
        _relative_comment(root)
    for part in parts:
        entry = _element(root, "sitemap")
        _element(entry, "loc", absolute_or_relative(graph, urls.SITEMAP, part))
    return _xml_bytes(root)
