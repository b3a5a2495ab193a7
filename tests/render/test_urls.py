"""Links: every one the site prints leads to the file it names."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from readouts.build import build_site
from readouts.check import broken_links
from readouts.render import urls

NEW_SOURCE = Path(__file__).resolve().parent.parent / "fixtures" / "sixth_readout.txt"
NEW_ID = "2022-02-08-mofa-japan-russia-foreign-ministers-telephone-talk"


@pytest.mark.parametrize("name", ["talk #2.txt", "talk?draft=1.txt", "100% sure.txt", "Lavrov's \"talk\".txt",
                                  "a%20b.txt", "tab\there & <b>.txt"])
def test_a_link_to_a_source_leads_to_the_copied_file_whatever_its_name(demo_site: Path, name: str) -> None:
    shutil.copy(NEW_SOURCE, demo_site / "content" / "sources" / name)
    build_site(demo_site)
    site = demo_site / "site"
    page = site / urls.readout_path(NEW_ID)
    html = page.read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r'href="([^"]*)"', html) if "sources/" in h]
    assert hrefs, "the readout's page links to its source"
    for href in hrefs:
        href = href.replace("&amp;", "&").replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"')
        link = urlsplit(urljoin(page.as_uri(), href))
        assert not link.query and not link.fragment, href
        target = Path(unquote(link.path))
        assert target == site / "sources" / name
        assert target.read_bytes() == NEW_SOURCE.read_bytes()
    assert not [b for b in broken_links(site) if "sources/" in b.href]


_SEGMENT = st.sampled_from(["a", "b", "readouts", "topics", "x.html", "index.html", ""])


@settings(max_examples=500, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=4), st.lists(_SEGMENT, min_size=1, max_size=4))
def test_a_relative_link_leads_where_the_path_does(from_parts: list[str], to_parts: list[str]) -> None:
    from_page, to_path = "/".join(from_parts), "/".join(to_parts)
    # pages and the files they link to have names: the site never links to a bare folder
    assume("" not in from_parts and "" not in to_parts)
    base = "http://site.example/"
    assert urljoin(base + from_page, urls.relative(from_page, to_path)) == base + to_path


_SEGMENT = st.text(alphabet="abcdefgh-0123456789", min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(folders=st.lists(_SEGMENT, max_size=3), page=_SEGMENT, readout_id=_SEGMENT, anchor=_SEGMENT,
       base=st.sampled_from([None, "https://example.org/readouts/"]))
def test_a_link_to_a_paragraph_is_the_link_to_its_page_with_the_anchor(
    folders: list[str], page: str, readout_id: str, anchor: str, base: str | None
) -> None:
    """Meeting and topic pages make the link to a readout once and add each paragraph's anchor."""
    for start in ([], ["readouts"], ["topics"]):
        links = urls.Links("/".join([*start, *folders, page + ".html"]), base)
        assert urls.in_page(links.readout(readout_id), "p-" + anchor) == links.readout(readout_id, "p-" + anchor)
