"""The built demo site read in a real browser: links, search, keyboard, citation, accessibility, layout.

Every test opens the site as a reader would, from disk (file://) or over HTTP, in headless Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import quote

import pytest

from .conftest import PHONE, READOUT_2017, READOUT_2019_MID, READOUT_2019_MOFA, skip_without_test_extra

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)


# One page of every kind the site renders, by the path from the site's root.
PAGE_KINDS = {
    "index": "index.html",
    "readout": READOUT_2017,
    "readout_undated": "readouts/undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to.html",
    "topic": "topics/humanitarian-measures.html",
    "topic_year": "topics/humanitarian-measures/2019.html",
    "topics": "topics/index.html",
    "person": "people/sergey-lavrov.html",
    "person_year": "people/sergey-lavrov/2019.html",
    "people": "people/index.html",
    "meeting": "meetings/2019-09-25-lavrov-motegi.html",
    "meeting_single": "meetings/2017-09-18-lavrov-kono.html",
    "meetings": "meetings/index.html",
    "meetings_year": "meetings/years/2019.html",
    "glossary": "glossary.html",
    "timeline": "timeline.html",
    "timeline_year": "timeline/2019.html",
    "timeline_undated": "timeline/undated.html",
    "publishers": "publishers.html",
    "search": "search.html?q=grave+visit",
    "404": "404.html",
}

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    text: (element.textContent || "").trim(),
    href: element.getAttribute("href"),
    inHeader: !!element.closest("header.site-header"),
    inNav: !!element.closest("header.site-header nav"),
    inMain: !!element.closest("main"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


def search_results(page: Page) -> list[dict[str, str]]:
    """The results list of search.html, once search.js has filled it: title, href and meta line each."""
    expect(page.locator("#search-results > li").first).to_be_visible()
    return page.locator("#search-results > li").evaluate_all(
        """items => items.map(item => ({
             title: item.querySelector("a").textContent,
             href: item.querySelector("a").getAttribute("href"),
             meta: item.querySelector(".meta").textContent,
           }))"""
    )


def body_text(page: Page, root: str, path: str) -> str:
    """The running text of a readout: its body, without the page's navigation, facts or citation."""
    page.goto(root + path)
    return page.locator("article.readout .body").inner_text()


def serious_violations(page: Page, *, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """What axe-core finds on the page with impact "serious" or "critical" (all rules, or only `rules`)."""
    # target-size (WCAG 2.2's 24 px targets) is off in axe by default; a reader's finger is not.
    options: dict[str, Any] = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    results = Axe().run(page, options=options)
    return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            lines.append(f"        {summary}")
    return "\n".join(lines)


# 1. From the home page to a paragraph, through a topic.

def test_a_main_topic_excerpt_leads_to_its_paragraph_in_the_readout(page: Page, file_root: str) -> None:
    page.goto(file_root + "index.html")
    page.get_by_role("region", name="Main topics").get_by_role("link", name="Humanitarian measures").click()
    page.wait_for_url(re.compile(r"/topics/humanitarian-measures\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Humanitarian measures")

    excerpt = page.locator("blockquote.excerpt").first
    link = excerpt.get_by_role("link", name="in context")
    href = link.get_attribute("href") or ""
    readout, _, anchor = href.partition("#")
    assert readout.startswith("../readouts/") and anchor.startswith("p-"), href
    quoted = excerpt.inner_text().removesuffix("in context").split()[:6]

    link.click()
    page.wait_for_url(re.compile(re.escape(readout.removeprefix("..")) + "#" + anchor + "$"))
    assert page.evaluate("location.hash") == "#" + anchor
    paragraph = page.locator(f"[id='{anchor}']")
    expect(paragraph).to_have_count(1)
    expect(paragraph).to_be_visible()
    expect(paragraph).to_be_in_viewport()
    assert paragraph.evaluate("element => element.matches(':target')")
    assert " ".join(quoted) in " ".join(paragraph.inner_text().split())


def test_a_topics_year_page_is_reached_from_its_overview_and_leads_on_and_back(page: Page, file_root: str) -> None:
    page.goto(file_root + PAGE_KINDS["topic"])
    page.get_by_role("region", name="By year").get_by_role("link", name="2019", exact=True).click()
    page.wait_for_url(re.compile(r"/topics/humanitarian-measures/2019\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Humanitarian measures, 2019")
    years = page.get_by_role("navigation", name="Years")
    expect(years.get_by_role("link")).to_have_text(["2017", "2019"])
    expect(years.get_by_role("link", name="2019")).to_have_attribute("aria-current", "page")

    link = page.locator("blockquote.excerpt").first.get_by_role("link", name="in context")
    readout, _, anchor = (link.get_attribute("href") or "").partition("#")
    assert readout.startswith("../../readouts/") and anchor.startswith("p-"), readout
    link.click()
    page.wait_for_url(re.compile(re.escape(readout.removeprefix("../..")) + "#" + anchor + "$"))
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()

    page.go_back()
    page.get_by_role("navigation", name="Previous and next year").get_by_role("link", name=re.compile("2017")).click()
    page.wait_for_url(re.compile(r"/topics/humanitarian-measures/2017\.html$"))
    expect(page.get_by_role("navigation", name="Previous and next year").get_by_role("link")).to_have_count(1)
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Humanitarian measures").click()
    page.wait_for_url(re.compile(r"/topics/humanitarian-measures\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Humanitarian measures")


def test_a_timeline_bar_leads_to_its_years_page_which_leads_on_and_back(page: Page, file_root: str) -> None:
    page.goto(file_root + PAGE_KINDS["timeline"])
    page.locator("figure.chart").get_by_role("link", name=re.compile("^2019:")).click()
    page.wait_for_url(re.compile(r"/timeline/2019\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline, 2019")
    expect(page.locator("main ol.listing > li")).to_have_count(2)
    years = page.get_by_role("navigation", name="Years")
    expect(years.get_by_role("link")).to_have_text(["2012", "2017", "2019", "Undated"])
    pager = page.get_by_role("navigation", name="Previous and next year")
    pager.get_by_role("link", name=re.compile("Undated")).click()
    page.wait_for_url(re.compile(r"/timeline/undated\.html$"))
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Timeline").click()
    page.wait_for_url(re.compile(r"/timeline\.html$"))


# 2. A meeting's accounts side by side.

def test_a_meeting_page_sets_each_account_in_its_own_column_and_each_topic_in_its_own_row(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + "meetings/index.html")
    entry = page.locator("main li").filter(has_text="25 September 2019")
    entry.get_by_role("link", name=re.compile(r"Motegi.*Lavrov|Lavrov.*Motegi")).click()
    page.wait_for_url(re.compile(r"/meetings/[^/]+\.html$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("25 September 2019")

    table = page.locator("table.topic-grid")
    expect(table).to_be_visible()
    columns = table.locator("thead th[scope=col]")
    expect(columns).to_have_count(3)  # the topic, then one per account
    expect(columns.nth(0)).to_have_text("Topic")
    accounts = [" ".join(text.split()) for text in columns.all_inner_texts()[1:]]
    assert any(a.startswith("Ministry of Foreign Affairs of Japan") for a in accounts), accounts
    assert any(a.startswith("TASS") for a in accounts), accounts
    for account in range(1, 3):
        title = page.locator(f"#account-{account}-title a")
        assert re.fullmatch(r"\.\./readouts/[^/]+\.html", title.get_attribute("href") or "")

    rows = table.locator("tbody tr")
    assert rows.count() >= 2
    topics = rows.locator("th[scope=row]").all_inner_texts()
    assert len(topics) == rows.count() and len(set(topics)) == len(topics), topics
    assert "Humanitarian measures" in topics, topics
    both_sides = 0
    for index in range(rows.count()):
        row = rows.nth(index)
        topic_href = row.locator("th[scope=row] a").get_attribute("href") or ""
        assert re.fullmatch(r"\.\./topics/[^/]+\.html", topic_href), topic_href
        cells = row.locator("td")
        expect(cells).to_have_count(2)
        both_sides += all(cells.nth(i).locator("a").count() for i in range(2))
    assert both_sides, "no topic is reported in both accounts"


def test_a_meeting_page_marks_background_and_shows_each_paragraph_once(page: Page, file_root: str) -> None:
    page.goto(file_root + "meetings/2019-09-25-lavrov-motegi.html")
    # TASS's recap of 1956 no longer makes the territorial issue look like the Russian side's
    expect(page.get_by_text("Reported by the Russian side only")).to_have_count(0)
    row = page.locator("table.topic-grid tbody tr").filter(has_text="Territorial issue")
    tass = row.locator("td[data-account=TASS]")
    expect(tass).to_contain_text("background")
    tass.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"#a2-p-[0-9a-f]+$"))
    target = page.locator(".paragraph:target")
    expect(target).to_be_visible()
    expect(target).to_contain_text("In 1956")
    expect(target.locator(".voice")).to_have_text("background")
    expect(target.locator(".mark")).to_contain_text(["Peace treaty", "Territorial issue"])
    texts = page.locator(".compare .paragraph > p:last-child").all_inner_texts()
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]


def test_a_meeting_of_one_account_quotes_its_opening_and_leads_to_the_whole_text(page: Page, file_root: str) -> None:
    page.goto(file_root + PAGE_KINDS["meeting_single"])
    expect(page.locator("main")).to_contain_text("No other account of this meeting is in the archive.")
    expect(page.locator("table.topic-grid")).to_have_count(0)
    expect(page.locator(".compare")).to_have_count(0)
    expect(page.locator("#account-1-title")).to_have_text("Japan-Russia Foreign Ministerial Meeting")
    expect(page.locator("#account-1 .mark")).to_contain_text(["North Korea"])
    page.get_by_role("link", name="in context: paragraph 1 of “Japan-Russia Foreign Ministerial Meeting”").click()
    page.wait_for_url(re.compile(r"/readouts/2017-09-18-[^/]+\.html#p-[0-9a-f]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Japan-Russia Foreign Ministerial Meeting")
    page.go_back()
    page.get_by_role("link", name="Read the whole account").click()
    page.wait_for_url(re.compile(r"/readouts/2017-09-18-[^/]+\.html$"))
    expect(page.locator("article .body")).to_contain_text("strongly urged Russia")


# 3. The header's search box, from disk and over HTTP.

def test_the_header_search_finds_the_grave_visit_readout_and_follows_it(page: Page, root: str) -> None:
    page.goto(root + "index.html")
    box = page.get_by_role("searchbox", name="Search readouts")
    box.fill("grave visit")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q=grave\+visit$"))
    expect(page.locator("#search-input")).to_have_value("grave visit")
    expect(page.locator("#search-status")).to_contain_text("for “grave visit”")

    first = search_results(page)[0]
    assert first["title"] == "Japan-Russia Foreign Ministerial Meeting", first
    assert first["meta"].startswith("18 September 2017"), first
    assert first["href"].startswith(READOUT_2017 + "#"), first

    page.locator("#search-results > li").first.get_by_role("link").click()
    page.wait_for_url(root + first["href"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Japan-Russia Foreign Ministerial Meeting")
    expect(page.locator(".facts time").first).to_have_attribute("datetime", "2017-09-18")


# 4. Search finds the spelling a reader gives, and offers each side's names and every spelling.

def test_searching_the_russian_name_of_the_islands_offers_the_japanese_name_which_finds_japanese_readouts(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + "search.html?q=" + quote("southern Kurils"))
    # Only the readouts that print it: the Japanese ones print "Four Northern Islands".
    found = {result["href"].split("#")[0] for result in search_results(page)}
    tass = "readouts/undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to.html"
    assert found == {READOUT_2019_MID, tass}
    for path in found:
        assert "kuril" in body_text(page, file_root, path).lower(), path
    page.goto(file_root + "search.html?q=" + quote("southern Kurils"))
    page.locator("#search-offer").get_by_role("link", name="Four Northern Islands").click()
    expect(page.locator("#search-status")).to_contain_text("for “\"Four Northern Islands\"”")
    shown = {result["href"].split("#")[0]: result for result in search_results(page)}
    assert {READOUT_2017, READOUT_2019_MOFA} <= shown.keys(), shown
    for path in (READOUT_2017, READOUT_2019_MOFA):
        assert "Ministry of Foreign Affairs of Japan" in shown[path]["meta"], shown[path]


def test_searching_a_spelling_no_readout_prints_offers_the_spellings_they_do(page: Page, file_root: str) -> None:
    page.goto(file_root + "search.html?q=" + quote("Sergei Lavrov"))
    expect(page.locator("#search-status")).to_contain_text("0 readouts for “Sergei Lavrov”")
    page.locator("#search-offer").get_by_role("link", name="Sergey Lavrov", exact=True).click()
    expect(page.locator("#search-status")).to_contain_text("for “\"Sergey Lavrov\"”")
    found = {result["href"].split("#")[0]: result["title"] for result in search_results(page)}
    assert {READOUT_2017, READOUT_2019_MID} <= found.keys(), found
    for path, title in found.items():
        assert "Sergey Lavrov" in title + body_text(page, file_root, path), path


# 5. Keyboard.

def test_the_keyboard_reaches_the_skip_link_then_the_header_with_a_visible_focus_ring(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + READOUT_2017)
    nav_links = page.locator("header.site-header nav a").all_inner_texts()
    assert nav_links, "the header has no navigation links"

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == "Skip to content" and first["href"] == "#main", first
    expect(page.get_by_role("link", name="Skip to content")).to_be_in_viewport()

    visited = [first]
    for _ in range(len(nav_links) + 6):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUSED))
        if visited[-1]["id"] == "site-search-q":
            break
    assert visited[-1]["id"] == "site-search-q", [v["text"] or v["id"] for v in visited]
    assert all(v["inHeader"] for v in visited[1:]), [v["text"] for v in visited if not v["inHeader"]]
    assert [v["text"] for v in visited if v["inNav"]] == nav_links
    unringed = [v for v in visited if v["outlineStyle"] == "none" or v["outlineWidth"] <= 0]
    assert not unringed, f"focused without a visible outline: {unringed}"


def test_the_skip_link_moves_the_reader_past_the_header_to_the_main_content(page: Page, file_root: str) -> None:
    page.goto(file_root + READOUT_2017)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_be_in_viewport()
    top = page.evaluate("document.getElementById('main').getBoundingClientRect().top")
    assert abs(top) <= 2, f"#main starts {top}px from the top of the window"
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["inMain"], f"the next Tab went to {focused} instead of into the main content"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0, focused


# 6. "Cite this".

def test_the_citation_carries_the_pages_address_and_then_the_paragraph_followed(
    page: Page, http_root: str
) -> None:
    address = http_root + READOUT_2017
    page.goto(address)
    citation = page.locator("#cite-text")
    expect(citation).to_contain_text(f" {address}. ")
    expect(page.locator("#cite-bibtex")).to_contain_text("url = {" + address + "}")
    expect(page.locator("#cite-target")).to_have_text("the whole readout")

    pilcrow = page.locator("article .body .pilcrow").nth(2)
    anchor = (pilcrow.get_attribute("href") or "").removeprefix("#")
    number = pilcrow.inner_text().removeprefix("¶")
    assert anchor.startswith("p-") and number.isdigit(), (anchor, number)
    pilcrow.click()
    page.wait_for_url(address + "#" + anchor)
    expect(citation).to_contain_text(f" {address}#{anchor}. ")
    expect(page.locator("#cite-bibtex")).to_contain_text("url = {" + address + "#" + anchor + "}")
    expect(page.locator("#cite-target")).to_have_text(f"paragraph {number}")
    expect(page.get_by_role("button", name="Copy").first).to_be_visible()


def test_copying_the_citation_adds_the_readers_own_access_date(page: Page, http_root: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.clock.set_fixed_time(dt.datetime(2031, 3, 4, 12, 0))
    page.goto(http_root + READOUT_2017)
    citation = page.locator("#cite-text")
    expect(citation).not_to_contain_text("Accessed")
    citation.locator("xpath=following-sibling::button[1]").click()
    expect(citation).to_contain_text(" Accessed 4 March 2031.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(" Accessed 4 March 2031.") and copied.count("Accessed") == 1, copied


def test_copying_bibtex_ris_or_csl_json_adds_the_readers_access_date_in_that_formats_field(
    page: Page, http_root: str
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.clock.set_fixed_time(dt.datetime(2031, 3, 4, 12, 0))
    page.goto(http_root + READOUT_2017)
    copied = {}
    for name, box in (("BibTeX", "#cite-bibtex"), ("RIS", "#cite-ris"), ("CSL-JSON", "#cite-csl")):
        page.get_by_text(name, exact=True).click()
        expect(page.locator(box)).not_to_contain_text("2031")
        page.locator(box).locator("xpath=following-sibling::button[1]").click()
        expect(page.locator(box)).to_contain_text("2031")
        copied[name] = page.evaluate("navigator.clipboard.readText()")
    bibtex = copied["BibTeX"]
    assert bibtex.startswith("@misc{") and bibtex.endswith(",\n  urldate = {2031-03-04}\n}"), bibtex
    assert bibtex.count("{") == bibtex.count("}") and bibtex.count("urldate") == 1, bibtex
    ris = copied["RIS"].splitlines()
    assert ris[-2:] == ["Y2  - 2031/03/04", "ER  - "] and ris[0].startswith("TY  - "), ris
    (csl,) = json.loads(copied["CSL-JSON"])
    assert csl["accessed"] == {"date-parts": [[2031, 3, 4]]} and csl["issued"] == {"date-parts": [[2017, 9, 18]]}
    assert csl["URL"] == http_root + READOUT_2017, csl


# 6a. Paragraph numbers: paragraphs, list items and quotations count; headings do not.

def test_paragraph_numbers_run_without_gaps_over_paragraphs_and_list_items_past_the_headings(
    reused_page: Page, file_root: str
) -> None:
    page = reused_page
    page.goto(file_root + READOUT_2017)
    body = page.locator("article .body")
    assert body.locator("h2, h3").count() >= 2, "pick a readout with headings between its paragraphs"
    expect(body.locator("h2 .pilcrow, h3 .pilcrow")).to_have_count(0)
    numbered = body.locator("p.block, li.block, blockquote.block")
    shown = body.locator(".pilcrow").all_inner_texts()
    assert shown == [f"¶{n}" for n in range(1, numbered.count() + 1)], shown
    labels = body.locator(".pilcrow").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert labels == [f"Link to paragraph {n}" for n in range(1, len(shown) + 1)], labels


@pytest.mark.parametrize("kind", ["meeting", "topic_year"])
def test_each_in_context_link_is_named_after_the_paragraph_it_leads_to(page: Page, file_root: str, kind: str) -> None:
    page.goto(file_root + PAGE_KINDS[kind])
    # a meeting page sets each account's paragraphs out whole, each led by its ¶ number
    links = page.locator("main .compare a.pilcrow" if kind == "meeting" else "main a.goto")
    assert links.count() >= 1
    named = page.get_by_role("link", name=re.compile(r"^in context: paragraph \d+ of “.+”$"))
    expect(named).to_have_count(links.count())
    names = [tuple(pair) for pair in links.evaluate_all(
        "links => links.map(a => [a.getAttribute('aria-label'), a.getAttribute('href')])")]
    places = dict(names)
    assert len(places) == len(set(names)), f"links with the same name lead to different places: {names}"
    found = re.fullmatch(r"in context: paragraph (\d+) of “(.+)”", names[-1][0])
    assert found, names[-1]
    number, title = found.groups()
    anchor = (links.last.get_attribute("href") or "").partition("#")[2]
    links.last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(f"[id='{anchor}'] .pilcrow")).to_have_text(f"¶{number}")


# 7. Accessibility, by axe-core.

@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_or_critical_problem_on_a_page_of_each_kind(
    reused_page: Page, http_root: str, kind: str, width: int
) -> None:
    page = reused_page
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme="light")
    page.goto(http_root + PAGE_KINDS[kind])
    if kind == "search":
        search_results(page)
    report = []
    # Every rule in the light scheme; in the dark one only colours change, so only contrast is checked again.
    for scheme, rules in (("light", None), ("dark", ["color-contrast"])):
        page.emulate_media(color_scheme=scheme)
        problems = serious_violations(page, rules=rules)
        if problems:
            report.append(f"{PAGE_KINDS[kind]} at {width} px in the {scheme} colour scheme:\n{describe(problems)}")
    assert not report, "\n\n".join(report)


FOCUS_RING_CONTRAST = """element => {
  const rgb = text => text.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  element.focus();
  let behind = element.parentElement;
  while (behind && (rgb(getComputedStyle(behind).backgroundColor)[3] === 0)) { behind = behind.parentElement; }
  const ring = luminance(rgb(getComputedStyle(element).outlineColor));
  const page = luminance(rgb(getComputedStyle(behind || document.body).backgroundColor));
  return (Math.max(ring, page) + 0.05) / (Math.min(ring, page) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_stands_out_at_three_to_one_against_what_is_behind_it(
    page: Page, file_root: str, scheme: str
) -> None:
    # WCAG 1.4.11: a focus indicator is a graphic a reader must see, so 3:1 against its surroundings.
    page.emulate_media(color_scheme=scheme)
    page.goto(file_root + READOUT_2017)
    page.keyboard.press("Tab")  # focus rings show for the keyboard
    targets = {"header link": "header.site-header nav a", "search box": "#site-search-q",
               "link in the facts": ".facts a", "¶ link": ".body .pilcrow", "topic mark": ".body .mark",
               "link in the text": "nav.prev-next a"}
    low = {}
    for name, selector in targets.items():
        ratio = page.locator(selector).first.evaluate(FOCUS_RING_CONTRAST)
        if ratio < 3:
            low[name] = round(ratio, 2)
    assert not low, f"focus ring contrast below 3:1 in the {scheme} scheme: {low}"


def test_every_kind_of_page_has_an_icon_that_loads(reused_page: Page, root: str) -> None:
    page = reused_page
    broken = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(root + path)
        icon = page.locator("head link[rel=icon]")
        expect(icon).to_have_count(1)
        size = icon.evaluate(
            """link => new Promise(done => {
                 const image = new Image();
                 image.onload = () => done([image.naturalWidth, image.naturalHeight]);
                 image.onerror = () => done([0, 0]);
                 image.src = link.href;
               })"""
        )
        if not all(size):
            broken[kind] = icon.get_attribute("href")
    assert not broken, f"icons that do not load: {broken}"


# 8. Without JavaScript.

@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_shows_its_content_with_javascript_off(
    scriptless_page: Page, file_root: str, kind: str
) -> None:
    page = scriptless_page
    page.goto(file_root + PAGE_KINDS[kind])
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("searchbox").first).to_be_visible()
    assert len(page.locator("main").inner_text().split()) >= 5


def test_a_readout_reads_in_full_with_javascript_off(scriptless_page: Page, file_root: str) -> None:
    page = scriptless_page
    page.goto(file_root + READOUT_2017)
    expect(page.get_by_role("heading", level=1)).to_have_text("Japan-Russia Foreign Ministerial Meeting")
    paragraphs = page.locator("article .body .block")
    assert paragraphs.count() >= 3
    for index in range(paragraphs.count()):
        expect(paragraphs.nth(index)).to_be_visible()
    expect(page.locator("article .body")).to_contain_text("special grave visit by airplane")
    expect(page.locator("#cite-text")).to_contain_text("Japan-Russia Foreign Ministerial Meeting")
    expect(page.get_by_role("button", name="Copy")).to_have_count(0)  # copying needs the script


def test_the_search_page_explains_itself_with_javascript_off(scriptless_page: Page, file_root: str) -> None:
    page = scriptless_page
    page.goto(file_root + "search.html?q=grave+visit")
    guidance = page.locator("main .notice")
    expect(guidance).to_be_visible()
    expect(guidance).to_contain_text("Search runs in the browser and needs JavaScript")
    for name, path in (("topic", "topics/index.html"), ("person", "people/index.html"), ("year", "timeline.html")):
        expect(guidance.get_by_role("link", name=name, exact=True)).to_have_attribute("href", path)
    expect(page.locator("#search-results > li")).to_have_count(0)


# 9. On a phone.

def test_a_readout_fits_a_phone_screen_without_sideways_scrolling(phone_page: Page, file_root: str) -> None:
    page = phone_page
    assert page.viewport_size == PHONE
    page.goto(file_root + READOUT_2017)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"the page is {width}px wide on a {PHONE['width']}px screen"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_fits_a_phone_screen_without_sideways_scrolling(
    phone_page: Page, file_root: str, kind: str
) -> None:
    page = phone_page
    page.goto(file_root + PAGE_KINDS[kind])
    if kind == "search":
        search_results(page)
    wide = page.evaluate(
        """limit => [...document.querySelectorAll("body *")]
             .filter(e => !e.closest(".table-wrap") && e.getBoundingClientRect().right > limit)
             .slice(0, 5).map(e => e.outerHTML.slice(0, 120))""",
        PHONE["width"] + 1,
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"{PAGE_KINDS[kind]} is {width}px wide; too wide: {wide}"


def test_a_topic_years_table_of_meetings_shows_every_side_on_a_phone(new_page: Any, file_root: str) -> None:
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(file_root + PAGE_KINDS["topic_year"])
    cells = page.locator("table.coverage td")
    assert cells.count() >= 3
    cut = cells.evaluate_all(
        """cells => cells.filter(cell => {
             const box = cell.getBoundingClientRect();
             return box.left < 0 || box.right > window.innerWidth || box.width < 40;
           }).map(cell => cell.outerHTML.slice(0, 100))"""
    )
    assert not cut, f"cells cut off or squeezed at 375 px: {cut}"
    sides = cells.evaluate_all("cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    assert sides[:3] == ['"Japan"', '"Russia"', '"Other outlets"'], sides

