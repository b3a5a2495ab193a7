"""Rebuilds at the edges: what a quick rebuild could miss, and inputs that once broke one."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest

from readouts.build import build_site
from readouts.errors import ReadoutsError, ReadoutsErrors
from readouts.yamlio import load_yaml
from tests.render.test_exports import _records
from tests.test_incremental import MOFA, _clean_build, _edit, _readout, _settle, _settled_site, _tree

TALK = "---\ntitle: Talks\npublisher: tass\nkind: news\nmeeting: {date: 2020-02-02}\ntopics: []\n---\n\nThey met.\n"


def test_two_readouts_with_the_same_bytes_keep_their_own_ids_in_the_data(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    for name in ("2020-02-02-alpha", "2020-02-02-beta"):
        _readout(root, name).write_text(TALK, encoding="utf-8")
    build_site(root)
    records = _records(root / "site")
    assert {"2020-02-02-alpha", "2020-02-02-beta"} <= {r["id"] for r in records}
    _readout(root, "2020-02-02-beta").rename(_readout(root, "2020-02-02-gamma"))
    _settle(root)
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_file_deleted_from_the_built_site_comes_back(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    page = root / "site" / "readouts" / f"{MOFA}.html"
    page.unlink()
    report = build_site(root)
    assert report.imports is not None and page.is_file()


def test_a_file_deleted_from_the_built_site_comes_back_with_an_edit(tmp_path: Path) -> None:
    """The folder the file was in changed: the build looks at each kept file again."""
    root = _settled_site(tmp_path)
    page = root / "site" / "readouts" / f"{MOFA}.html"
    page.unlink()
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _settle(root)
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


@pytest.mark.parametrize("pagefind", [False, True], ids=["patched site", "whole site"])
def test_a_page_removed_while_the_build_saves_its_cache_comes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   pagefind: bool) -> None:
    """Saving the cache can take seconds at 10,000 readouts; a page removed from the site
    meanwhile (by a person, a sync tool) must not be taken as there by every later build."""
    from readouts import build as build_module
    from readouts.cache import BuildCache
    from tests.test_incremental import OTHER

    root = _settled_site(tmp_path)
    if pagefind:  # a build that makes the whole site links the kept files from the previous one
        with open(root / "site.yaml", "a", encoding="utf-8") as settings:
            settings.write("pagefind: true\n")
        monkeypatch.setattr(build_module, "index_with_pagefind", lambda site: None)
        build_site(root)
    page = root / "site" / "readouts" / f"{OTHER}.html"
    real_save = BuildCache.save

    def saving(self: BuildCache, at: Path, **options: Any) -> None:
        page.unlink(missing_ok=True)
        real_save(self, at, **options)

    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _settle(root)
    monkeypatch.setattr(BuildCache, "save", saving)
    build_site(root)
    monkeypatch.setattr(BuildCache, "save", real_save)
    assert not page.exists()
    _edit(_readout(root, MOFA), "garbage removals", "garbage disposal")
    _settle(root)
    build_site(root)
    assert page.is_file()


def test_an_untouched_site_is_not_looked_at_file_by_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10,000 readouts a site has 45,000 files: when no folder of it changed since the last
    build published it, every file that build made is there, and the next one trusts that."""
    root = _settled_site(tmp_path)
    looked: list[str] = []
    real_isfile = os.path.isfile

    def isfile(path: str | os.PathLike[str]) -> bool:
        looked.append(os.fspath(path))
        return real_isfile(path)

    monkeypatch.setattr(os.path, "isfile", isfile)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _settle(root)
    report = build_site(root)
    assert report.unchanged > 100
    assert not [path for path in looked if path.startswith(os.fspath(root / "site"))]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_sources_and_import_records_unchanged_since_the_last_build_are_not_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An imported site has a source and an import record per readout: a rebuild after one edit
    must not read them all to learn that they need no import."""
    root = _settled_site(tmp_path)
    # Change times cannot be set back: pretend the files were looked at a minute later.
    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    build_site(root)
    read: list[str] = []
    real_open, real_read_bytes, real_read_text = open, Path.read_bytes, Path.read_text

    def opening(file: Any, *args: Any, **kwargs: Any) -> Any:
        read.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("readouts.cache.open", opening, raising=False)
    monkeypatch.setattr(Path, "read_bytes", lambda self: (read.append(str(self)), real_read_bytes(self))[1])
    monkeypatch.setattr(Path, "read_text",
                        lambda self, *a, **k: (read.append(str(self)), real_read_text(self, *a, **k))[1])
    _edit(_readout(root, MOFA), "garbage removals", "garbage disposal")
    build_site(root)
    content = root / "content"
    # The edited readout is read again, with its import record; no source is.
    assert [p for p in read if p.startswith(str(content / "sources"))] == []
    records = {p for p in read if p.startswith(str(content / "provenance"))}
    assert records == {str(content / "provenance" / f"{MOFA}.json")}
    assert {p for p in read if p.startswith(str(content / "readouts"))} == {str(_readout(root, MOFA))}
    monkeypatch.undo()
    _settle(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_source_changed_since_the_last_build_is_imported_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = _settled_site(tmp_path)
    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)
    build_site(root)  # every digest kept
    source = next((root / "content" / "sources").glob("000_*.txt"))
    _edit(source, "garbage disposal", "garbage removals")
    report = build_site(root)
    assert report.imports is not None and len(report.imports.imported) == 1
    assert "garbage removals" in (root / "site" / "sources" / source.name).read_text(encoding="utf-8")


def test_an_edit_that_keeps_size_and_time_is_noticed(tmp_path: Path) -> None:
    """As cp -p, rsync -t or tar leave a file: its change time still moves."""
    root = _settled_site(tmp_path)
    path = _readout(root, MOFA)
    stat = path.stat()
    _edit(path, "garbage disposal", "garbage removals")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    build_site(root)
    assert "garbage removals" in (root / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")


def test_a_link_that_loops_under_content_does_not_stop_the_build(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    (root / "content" / "archive").symlink_to(".")
    (root / "content" / "notes.txt").symlink_to("notes.txt")
    build_site(root)
    _settle(root)
    build_site(root)
    assert build_site(root).imports is None


def test_two_readouts_made_from_one_source_build_twice(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    text = _readout(root, MOFA).read_text(encoding="utf-8")
    copy = "2019-09-25-mofa-copy"
    _readout(root, copy).write_text(text.replace(f"id: {MOFA}", f"id: {copy}"), encoding="utf-8")
    build_site(root)
    time.sleep(0.01)
    _edit(_readout(root, copy), "garbage disposal", "waste disposal")
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


@pytest.mark.parametrize("where", ["people.yaml", "topics.yaml"])
def test_the_id_index_is_refused_with_its_file(tmp_path: Path, where: str) -> None:
    root = _settled_site(tmp_path)
    path = root / "content" / where
    text = path.read_text(encoding="utf-8")
    first = "- id: "
    start = text.index(first) + len(first)
    path.write_text(text[:start] + "index" + text[text.index("\n", start):], encoding="utf-8")
    with pytest.raises(ReadoutsError) as raised:
        build_site(root)
    errors = raised.value.errors if isinstance(raised.value, ReadoutsErrors) else [raised.value]
    assert any(e.path == str(path) and e.line and "index" in e.message for e in errors)


def test_a_site_title_that_reads_like_calendar_syntax_builds(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    _edit(root / "site.yaml", "title: Japan–Russia Readouts", "title: 'END:VCALENDAR'")
    build_site(root)
    assert (root / "site" / "meetings.ics").read_bytes().endswith(b"END:VCALENDAR\r\n")


@pytest.mark.parametrize("text", ["title:\tTalks\n", "title: Talks\t\n", "title: |#\n  Talks\n"])
def test_front_matter_reads_the_same_with_or_without_other_special_characters(text: str) -> None:
    """The fast parser and the careful one must agree: a "Q&A" elsewhere must not change the verdict."""
    def verdict(yaml_text: str) -> object:
        try:
            return load_yaml(yaml_text, "x.md")["title"]
        except ReadoutsError as error:
            return error.message

    assert verdict(text) == verdict(text + "note: Q&A\n")


def test_a_static_file_that_becomes_a_folder_and_back_is_published_each_time(tmp_path: Path) -> None:
    """The site is patched file by file: a file of the old site where the new one has a folder
    (or the other way round) must give way, not stop every build from then on."""
    import shutil

    root = _settled_site(tmp_path)
    static = root / "static"
    static.mkdir(exist_ok=True)
    (static / "fonts").write_text("a file first\n", encoding="utf-8")
    for step in ("folder", "file"):
        _settle(root)
        build_site(root)
        if step == "folder":
            (static / "fonts").unlink()
            (static / "fonts").mkdir()
            (static / "fonts" / "serif.txt").write_text("then a folder\n", encoding="utf-8")
        else:
            shutil.rmtree(static / "fonts")
            (static / "fonts").write_text("a file again\n", encoding="utf-8")
        _settle(root)
        build_site(root)
        assert _tree(root / "site") == _clean_build(root, tmp_path), f"after the static file became a {step}"
    assert not (root / ".site.journal").exists()


def test_a_journal_whose_files_were_removed_makes_the_next_build_a_whole_one(tmp_path: Path) -> None:
    """If the files a committed journal names are gone, what was moved is new and the rest is
    old: the next build must not trust that site."""
    import json
    import shutil

    root = _settled_site(tmp_path)
    staging = root / ".site.new-1"
    (staging / "readouts").mkdir(parents=True)
    page = next((root / "site" / "readouts").glob("*.html"))
    (staging / "readouts" / page.name).write_text("half of a newer site\n", encoding="utf-8")
    journal = root / ".site.journal"
    journal.write_text(json.dumps({"staging": staging.name, "marker": ".readouts-site",
                                   "files": [f"readouts/{page.name}"], "removed": []}), encoding="utf-8")
    os.replace(staging / "readouts" / page.name, page)  # moved before a kill
    shutil.rmtree(staging)  # and the rest removed by hand
    _settle(root)
    build_site(root)
    assert not journal.exists()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


@pytest.mark.parametrize("folder", ["readouts", "search"])
def test_a_folder_of_the_site_linked_elsewhere_is_not_written_through(tmp_path: Path, folder: str) -> None:
    """The build writes only into its output folder: a folder of the site that a person turned
    into a link to another place (to share it, to move it to another disk) is replaced by a folder
    of the new site, and what the link led to stays as it was."""
    import shutil

    root = _settled_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(root / "site" / folder, elsewhere)
    (root / "site" / folder).symlink_to(elsewhere, target_is_directory=True)
    before = _tree(elsewhere)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _readout(root, "2020-02-02-alpha").write_text(TALK, encoding="utf-8")
    _settle(root)
    build_site(root)
    assert _tree(elsewhere) == before
    assert not (root / "site" / folder).is_symlink()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_link_where_the_new_site_makes_a_folder_is_replaced_by_the_folder(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mine.txt").write_text("mine\n", encoding="utf-8")
    # The site has no readout of 2020 yet: the new one makes search/2020/.
    assert not (root / "site" / "search" / "2020").exists()
    (root / "site" / "search" / "2020").symlink_to(elsewhere, target_is_directory=True)
    _readout(root, "2020-02-02-alpha").write_text(TALK, encoding="utf-8")
    _settle(root)
    build_site(root)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["mine.txt"]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_link_named_pagefind_goes_without_what_it_leads_to(tmp_path: Path) -> None:
    """The build removes a Pagefind index left from when it was switched on; a link in its place
    (the index moved to another disk) is removed, the files it leads to are not."""
    root = _settled_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pagefind.js").write_text("kept\n", encoding="utf-8")
    (root / "site" / "pagefind").symlink_to(elsewhere, target_is_directory=True)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _settle(root)
    build_site(root)
    assert (elsewhere / "pagefind.js").read_text(encoding="utf-8") == "kept\n"
    assert not (root / "site" / "pagefind").exists()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_page_that_is_a_link_is_replaced_and_what_it_leads_to_kept(tmp_path: Path) -> None:
    import shutil

    root = _settled_site(tmp_path)
    elsewhere = tmp_path / "elsewhere.html"
    page = root / "site" / "readouts" / f"{MOFA}.html"
    shutil.move(page, elsewhere)
    page.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    _settle(root)
    build_site(root)
    assert elsewhere.read_bytes() == before and not page.is_symlink()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_an_output_folder_that_is_a_link_stays_a_link_and_gets_the_site(tmp_path: Path) -> None:
    """A person links the output folder to where a web server serves from: the site goes there,
    the link stays, and no temporary folder is left on either side of it."""
    from tests.conftest import copy_demo_site

    (tmp_path / "s").mkdir()
    root = copy_demo_site(tmp_path / "s", with_readouts=False)
    (root / "site.yaml").write_text((root / "site.yaml").read_text(encoding="utf-8").replace(
        "output: site", "output: outlink"), encoding="utf-8")
    served = tmp_path / "www" / "public"
    served.mkdir(parents=True)
    (root / "outlink").symlink_to(served, target_is_directory=True)
    for change in range(3):
        if change:
            _edit(_readout(root, MOFA), "garbage disposal" if change == 1 else "garbage removals",
                  "garbage removals" if change == 1 else "garbage disposal")
            _settle(root)
        build_site(root)
        assert (root / "outlink").is_symlink() and os.readlink(root / "outlink") == str(served)
        page = (served / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
        assert ("garbage removals" in page) == (change == 1)
        leftovers = [p.name for folder in (root, served.parent) for p in folder.iterdir() if ".new-" in p.name
                     or ".old-" in p.name or p.name.endswith(".journal")]
        assert leftovers == []


def test_an_output_folder_linked_to_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    from tests.conftest import copy_demo_site

    (tmp_path / "s").mkdir()
    root = copy_demo_site(tmp_path / "s", with_readouts=False)
    (root / "site.yaml").write_text("output: outlink\n", encoding="utf-8")
    served = tmp_path / "home"
    served.mkdir()
    (served / "thesis.tex").write_text("years of work\n", encoding="utf-8")
    (root / "outlink").symlink_to(served, target_is_directory=True)
    with pytest.raises(ReadoutsError, match="holds files readouts did not write"):
        build_site(root)
    assert [p.name for p in served.iterdir()] == ["thesis.tex"]
    assert (root / "outlink").is_symlink()


def test_a_stamp_this_process_saved_is_not_read_from_disk_again_until_its_file_changes(
        demo_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp of 10,000 readouts took 0.2 s to read as JSON, at the start of every build of
    readouts serve; another process's stamp is read and checked as before."""
    from readouts import stamp as stamps

    build_site(demo_site)
    build_site(demo_site)  # the first build imported: this one leaves the stamp
    saved = stamps.Stamp.load(demo_site)
    assert saved is not None
    read: list[bytes] = []
    real = stamps.unseal
    monkeypatch.setattr(stamps, "unseal", lambda blob: (read.append(blob), real(blob))[1])
    assert stamps.Stamp.load(demo_site) is saved and read == []
    path = demo_site / ".readouts-cache" / "stamp.marshal"
    path.write_bytes(path.read_bytes())  # rewritten by someone else: read and checked again
    assert stamps.Stamp.load(demo_site) == saved and len(read) == 1


def test_the_page_of_a_saved_readout_is_in_place_before_the_rest_of_the_build(tmp_path: Path) -> None:
    """readouts serve puts the pages a person waits for in place first: the saved readout's page
    holds the edit when `ready` is told, while the home page (also changed) is not yet written."""
    from readouts.build import WaitingPages

    root = _settled_site(tmp_path)
    page, home = root / "site" / "readouts" / f"{MOFA}.html", root / "site" / "index.html"
    home_before = home.read_bytes()
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    seen: list[tuple[tuple[str, ...], bool, bool]] = []

    def ready(pages: tuple[str, ...]) -> None:
        seen.append((pages, "A title saved just now" in page.read_text(encoding="utf-8"),
                     home.read_bytes() == home_before))

    report = build_site(root, waiting=WaitingPages(frozenset({"about/none.html"}), ready))
    assert seen == [((f"readouts/{MOFA}.html",), True, True)]
    assert "A title saved just now" in home.read_text(encoding="utf-8") and report.written > 1
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_the_page_of_a_saved_readout_is_made_before_the_site_is_planned(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A readout's page is found by its path: it is put in place before the other pages of the
    site are planned (which takes most of a large site's first second), and a page of a kind
    planned only with the others — the home page, open in a browser — follows once they are."""
    from readouts.build import WaitingPages
    from readouts.render import write

    root = _settled_site(tmp_path)
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    events: list[Any] = []
    planning = write.site_pages

    def planned(site: Any) -> Any:
        events.append("planning")
        return planning(site)

    monkeypatch.setattr(write, "site_pages", planned)
    build_site(root, waiting=WaitingPages(frozenset({"index.html"}), events.append))
    assert events == [(f"readouts/{MOFA}.html",), "planning", ("index.html",)]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_pages_put_in_place_first_are_put_back_when_the_build_then_fails(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from readouts.build import WaitingPages
    from readouts.render import write

    root = _settled_site(tmp_path)
    before = _tree(root / "site")
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")

    def full_disk(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "export_files", full_disk)
    put: list[tuple[str, ...]] = []
    with pytest.raises(OSError):
        build_site(root, waiting=WaitingPages(frozenset(), put.append))
    assert put == [(f"readouts/{MOFA}.html",)]
    assert _tree(root / "site") == before


def test_a_build_killed_after_putting_pages_first_is_followed_by_a_whole_site(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed between putting the saved readout's page in place and the end: nothing put it
    back. The edit is then undone; the next build must not keep the killed build's page."""
    from readouts import build, publish
    from readouts.render import write

    root = _settled_site(tmp_path)
    readout = _readout(root, MOFA)
    original = readout.read_text(encoding="utf-8")
    _edit(readout, "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")

    def killed(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(write, "export_files", killed)
        patched.setattr(publish.EarlyPages, "put_back", lambda self: None)
        with pytest.raises(KeyboardInterrupt):
            build_site(root, waiting=build.WaitingPages(frozenset(), lambda pages: None))
    assert "A title saved just now" in (root / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
    readout.write_text(original, encoding="utf-8")
    _settle(root)
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_build_a_newer_change_supersedes_leaves_its_first_pages_and_the_next_takes_its_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """readouts serve stops a build once the saved readout's page is in place when another
    change comes: that page stays, the rest of the site is the last build's, and the next build
    of the process goes on from the cache in memory to a site a clean build would make — also
    for a page of a readout deleted meanwhile."""
    from readouts import cache as cache_module
    from readouts.build import WaitingPages
    from readouts.errors import Superseded
    from tests.test_incremental import _hand_written

    root = _settled_site(tmp_path)
    build_site(root, cache_in_memory=True)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    added = _hand_written(root, "2021-04-01", 7)
    with pytest.raises(Superseded):
        build_site(root, cache_in_memory=True, cache_saved_later=True,
                   waiting=WaitingPages(frozenset(), lambda pages: None), superseded=lambda: True)
    assert "A title saved just now" in (root / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
    assert (root / "site" / "readouts" / f"{added}.html").exists()
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == home  # the rest is the last build's
    assert cache_module._IN_MEMORY is not None
    _readout(root, added).unlink()
    opened: list[str] = []
    real_open = open
    monkeypatch.setattr("readouts.cache.open", lambda file, *a, **k: (opened.append(os.fspath(file)),
                                                                        real_open(file, *a, **k))[1], raising=False)
    from readouts.render import write
    wholes: list[bool] = []
    real_write_site = write.write_site
    monkeypatch.setattr(write, "write_site", lambda graph, root, out, previous, *a, **k: (
        wholes.append(previous.whole), real_write_site(graph, root, out, previous, *a, **k))[1])
    build_site(root, cache_in_memory=True)
    # The search counts are kept by month and read as a build asks for them, from memory too: the
    # months the superseded build had no need of are read now, once each, and nothing else.
    months = [p for p in opened if re.search(r"/search_counts-\d{4}-\d\d\.pickle$", p)]
    assert len(months) == len(set(months))
    assert not [p for p in opened if p.endswith(".pickle") and p not in months]
    assert wholes == [True]  # every file the manifest names is known to be there: none looked at one by one
    monkeypatch.undo()
    assert not (root / "site" / "readouts" / f"{added}.html").exists()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_build_is_never_superseded_before_the_pages_a_person_waits_for_are_in_place(tmp_path: Path) -> None:
    """The command line has none: it builds to the end whatever `superseded` says."""
    root = _settled_site(tmp_path)
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    build_site(root, superseded=lambda: True)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_build_that_placed_no_page_ahead_is_never_superseded(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A change that puts no page in place first (a registry's, or more readouts than are made
    first): a stream of saves must not stop every build before it made anything."""
    from readouts import build
    from readouts.build import WaitingPages

    root = _settled_site(tmp_path)
    build_site(root, cache_in_memory=True)
    _edit(root / "content" / "people.yaml", "name: Sergey Lavrov", "name: Sergei Lavrov")
    monkeypatch.setattr(build, "_waited_pages", lambda *args: frozenset())
    build_site(root, cache_in_memory=True, cache_saved_later=True,
               waiting=WaitingPages(frozenset(), lambda pages: None), superseded=lambda: True)
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_newer_change_stops_a_build_at_the_next_page_it_plans(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A person saves again right after the page is shown, while the build goes on planning the
    rest of the site: the build stops at the next page, not after planning a thousand more."""
    from readouts.build import WaitingPages
    from readouts.errors import Superseded
    from readouts.render import write

    root = _settled_site(tmp_path)
    build_site(root, cache_in_memory=True)
    planned: list[str] = []
    real_site_pages = write.site_pages

    def counted(site: Any) -> Any:
        for page in real_site_pages(site):
            planned.append(page.path)
            yield page

    monkeypatch.setattr(write, "site_pages", counted)
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    with pytest.raises(Superseded):
        build_site(root, cache_in_memory=True, cache_saved_later=True,
                   waiting=WaitingPages(frozenset(), lambda pages: None), superseded=lambda: True)
    assert len(planned) == 1


def test_a_newer_change_stops_a_build_before_it_prepares_the_next_export(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The export files are prepared one family after another, so a change that comes while the
    feeds are made stops the build before the calendar's events are gathered."""
    from readouts.build import WaitingPages
    from readouts.errors import Superseded
    from readouts.render import exports

    root = _settled_site(tmp_path)
    build_site(root, cache_in_memory=True)
    made: list[str] = []
    for name in ("feed_files", "meetings_calendar_file"):
        real = getattr(exports, name)
        monkeypatch.setattr(exports, name, lambda *a, real=real, name=name: (made.append(name), real(*a))[1])
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    with pytest.raises(Superseded):
        build_site(root, cache_in_memory=True, cache_saved_later=True,
                   waiting=WaitingPages(frozenset(), lambda pages: None), superseded=lambda: bool(made))
    assert made == ["feed_files"]


def test_a_newer_change_that_comes_as_the_site_is_made_stops_the_build_before_it_publishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Publishing is not stopped once begun (0.1–0.2 s at 10,000): a change that came while the
    last files were made stops the build before it, and the next build publishes the site."""
    from readouts import build
    from readouts.build import WaitingPages
    from readouts.errors import Superseded
    from readouts.render import write

    root = _settled_site(tmp_path)
    build_site(root, cache_in_memory=True)
    made: list[bool] = []
    real_write_site = write.write_site

    def write_site(*args: Any) -> Any:
        written = real_write_site(*args)
        made.append(True)  # the change comes once every file is made
        return written

    monkeypatch.setattr(write, "write_site", write_site)
    published: list[Path] = []
    real_patch = build.patch
    monkeypatch.setattr(build, "patch", lambda *a: (published.append(a[1]), real_patch(*a))[1])
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: A title saved just now")
    with pytest.raises(Superseded):
        build_site(root, cache_in_memory=True, cache_saved_later=True,
                   waiting=WaitingPages(frozenset(), lambda pages: None), superseded=lambda: bool(made))
    assert made and not published
    build_site(root, cache_in_memory=True, cache_saved_later=True)
    assert published and "A title saved just now" in (root / "site" / "index.html").read_text(encoding="utf-8")
