"""Citations: one full stop where a part ends, the archive named, the address absolute with a
base_url, no access date written by the build; and the build's one warning without base_url."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from readouts.build import build_site
from readouts.link import link
from readouts.load import load_corpus
from readouts.model import SiteGraph
from readouts.render.cite import citations
from readouts.render.pages.readout import readout_context

UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"
MOFA_2019 = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
BASE_URL = "https://example.org/readouts/"


@pytest.fixture(scope="module")
def graph(built_demo: Path) -> SiteGraph:
    return link(load_corpus(built_demo))


def test_an_undated_citation_says_n_d_with_one_full_stop(graph: SiteGraph) -> None:
    text = readout_context(graph, UNDATED)["cite"]["text"]
    assert "n.d. " in text and ".." not in text, text


def test_a_title_ending_in_a_question_mark_gets_no_full_stop_after_it(graph: SiteGraph) -> None:
    readout = dataclasses.replace(graph.readouts[MOFA_2019], title="Will the talks resume?")
    text = citations(readout, "MOFA Japan.", "Press release", "p.html", "Archive")["text"]
    assert text.startswith("MOFA Japan. “Will the talks resume?” Press release, "), text
    assert "?." not in text and ".." not in text, text


def test_the_citation_names_the_archive_and_leaves_the_access_date_to_the_reader(graph: SiteGraph) -> None:
    text = readout_context(graph, MOFA_2019)["cite"]["text"]
    assert f" {graph.corpus.config.title}. " in text, text
    assert "Accessed" not in text and "[date]" not in text, text


def test_with_a_base_url_the_citation_gives_an_absolute_address(graph: SiteGraph) -> None:
    config = dataclasses.replace(graph.corpus.config, base_url=BASE_URL)
    based = dataclasses.replace(graph, corpus=dataclasses.replace(graph.corpus, config=config))
    cite = readout_context(based, MOFA_2019)["cite"]
    assert cite["permalink"].startswith(BASE_URL), cite["permalink"]
    assert f" {cite['permalink']}." in cite["text"] and f"url = {{{cite['permalink']}}}" in cite["bibtex"]


def test_a_build_without_base_url_warns_once_that_feed_calendar_and_sitemap_need_it(
    built_demo: Path, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    shutil.copytree(built_demo, root)
    unset = [w for w in build_site(root).warnings if "base_url" in w]
    assert len(unset) == 1 and all(word in unset[0] for word in ("feed", "calendar", "sitemap")), unset
    site_yaml = root / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"base_url: {BASE_URL}\n", encoding="utf-8")
    assert not [w for w in build_site(root).warnings if "base_url" in w]
