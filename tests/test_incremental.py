"""Incremental builds equal clean builds, byte for byte, and touch only what changed."""

from __future__ import annotations

import itertools
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readouts import cache as cache_module
from readouts import site_token
from readouts.build import build_site
from readouts.check import broken_links
from readouts.rename import rename_readout
from readouts.render import depends, search_files
from tests.conftest import copy_demo_site

FIXTURES = Path(__file__).parent / "fixtures"
MOFA = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
OTHER = "2012-09-25-mofa-japan-russia-foreign-ministers-meeting-overview"
UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _clean_build(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The same content built from nothing: no cache, no previous site."""
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    clean.mkdir()
    shutil.copy(root / "site.yaml", clean / "site.yaml")
    shutil.copytree(root / "content", clean / "content")
    for folder in ("templates", "static"):
        if (root / folder).exists():
            shutil.copytree(root / folder, clean / folder)
    build_site(clean)
    return _tree(clean / "site")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _readout(root: Path, readout_id: str) -> Path:
    return root / "content" / "readouts" / f"{readout_id}.md"


def _account(root: Path, readout_id: str, participants: str, publisher: str = "mid-russia") -> None:
    """Another account of the 2012-09-25 meeting, by hand, discussing none of its topics."""
    _readout(root, readout_id).write_text(
        f"---\nid: {readout_id}\ntitle: Another account\npublisher: {publisher}\nkind: statement\n"
        f"meeting: {{date: 2012-09-25}}\nparticipants: [{participants}]\ntopics: []\n---\n\nThey met.\n",
        encoding="utf-8")


def _static_page(root: Path) -> None:
    (root / "static").mkdir(exist_ok=True)
    (root / "static" / "about.html").write_text("<!DOCTYPE html><title>About</title><p>About.\n", encoding="utf-8")


def _hand_written(root: Path, day: str, number: int, topics: str = "humanitarian-measures",
                  participants: str = "taro-kono, sergey-lavrov") -> str:
    """A readout written by hand, its own meeting (one a day), with a paragraph on the topic."""
    readout_id = f"{day}-by-hand-{number}"
    _readout(root, readout_id).write_text(
        f"---\nid: {readout_id}\ntitle: Talks number {number}\npublisher: mofa-japan\nkind: readout\n"
        f"meeting: {{date: {day}}}\nparticipants: [{participants}]\ntopics: [{topics}]\n---\n\n"
        f"They discussed humanitarian measures for the former island residents ({number}).\n", encoding="utf-8")
    return readout_id


CHANGES: list[tuple[str, Callable[[Path], None]]] = [
    ("add a source", lambda root: shutil.copy(FIXTURES / "sixth_readout.txt", root / "content" / "sources" / "six.txt")),
    ("edit a paragraph", lambda root: _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")),
    ("correct a title", lambda root: _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting",
                                           "title: Japan–Russia Foreign Ministers’ Meeting")),
    ("remove a topic by hand", lambda root: _edit(_readout(root, OTHER), "topics: [territorial-issue, ",
                                                  "topics: [")),
    ("another side's account of a meeting", lambda root: _account(root, "2012-09-25-mid-gemba-lavrov", "sergey-lavrov, koichiro-gemba")),
    ("a participant added to it", lambda root: _account(root, "2012-09-25-mid-gemba-lavrov", "sergey-lavrov, koichiro-gemba, yoshihiko-noda")),
    ("an earlier account renames the meeting", lambda root: _account(root, "2012-09-25-a", "sergey-lavrov, koichiro-gemba, igor-shuvalov", "other")),
    ("a static page of the site's own", _static_page),
    ("a readout in a year of its own", lambda root: _hand_written(root, "2021-04-01", 1)),
    ("the day an undated text prints", lambda root: _edit(root / "content" / "provenance" / f"{UNDATED}.json",
                                                          "  26\n ]", "  27\n ]")),
    ("a paragraph turns to background", lambda root: _edit(_readout(root, UNDATED), "Japan also expects Lavrov",
                                                            "Earlier, Japan expected Lavrov")),
    ("a date supplied by hand", lambda root: _edit(_readout(root, UNDATED), "  date:\n",
                                                   "  date:\n  date_supplied: 2019-09-24\n  supplied_from: the ministry's statement\n")),
    ("rename a readout", lambda root: rename_readout(root, UNDATED, "2019-09-24-tass-working-on-a-visit")),
    ("a participant corrected moves a meeting", lambda root: _edit(_readout(root, MOFA), "participants: [toshimitsu-motegi,",
                                                                   "participants: [taro-kono,")),
    ("a readout moves to another year", lambda root: _edit(_readout(root, MOFA), "  date: 2019-09-25",
                                                           "  date: 2018-09-25")),
    ("delete a readout", lambda root: (_readout(root, OTHER).unlink(),
                                       (root / "content" / "sources" / "003_19287fb4fa5b8656.txt").unlink())),
    ("change a topic rule", lambda root: _edit(root / "content" / "topics.yaml", "    - grave visit*\n", "")),
    ("rename a person", lambda root: _edit(root / "content" / "people.yaml", "name: Sergey Lavrov", "name: Sergei Lavrov")),
    ("a person changes side", lambda root: _edit(root / "content" / "people.yaml",
                                                  "name: Koichiro Gemba\n  country: japan", "name: Koichiro Gemba\n  country: russia")),
    ("edit the glossary", lambda root: _edit(root / "content" / "glossary.yaml", "held by Russia since 1945",
                                             "under Russian administration since 1945")),
    ("a person's role", lambda root: _edit(root / "content" / "people.yaml",
                                           "{title: Minister of Foreign Affairs of the Russian Federation, start: 2004-03-09}",
                                           "{title: Foreign Minister of Russia, start: 2004-03-09}")),
    ("correct a place", lambda root: _edit(_readout(root, MOFA), "  place: New York", "  place: New York City")),
    ("correct a kind", lambda root: _edit(_readout(root, MOFA), "kind: readout", "kind: statement")),
    ("correct a publisher", lambda root: _edit(_readout(root, "2017-09-18-mofa-japan-russia-foreign-ministerial-meeting"),
                                               "publisher: mofa-japan", "publisher: mid-russia")),
    ("override a template", lambda root: (root / "templates" / "readout_item.html").write_text(
        '<a href="{{ readout.href }}">{{ readout.title }}</a> ({{ readout.publisher }})\n', encoding="utf-8")),
    ("change the site title", lambda root: _edit(root / "site.yaml", "title: Japan–Russia Readouts", "title: Readouts")),
]


_PAST = itertools.count(int(time.time()) - 100_000)


def _settle(root: Path) -> None:
    """Date every input file changed in the last few seconds to a moment of its own in the past,
    as if the build ran a while after the edit: the build then trusts size and time to tell
    what changed (a file changed just before a build is looked at whatever its time says)."""
    recent = time.time() - 5
    for folder in ("content", "templates", "static"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and path.stat().st_mtime > recent:
                moment = next(_PAST) * 1_000_000_000
                os.utime(path, ns=(moment, moment))
    if (root / "site.yaml").stat().st_mtime > recent:
        moment = next(_PAST) * 1_000_000_000
        os.utime(root / "site.yaml", ns=(moment, moment))


@pytest.mark.parametrize("in_memory", [False, True], ids=["cache read from its files", "cache kept in memory"])
def test_incremental_builds_equal_clean_builds_through_a_series_of_changes(tmp_path: Path, in_memory: bool) -> None:
    """Built as `readouts build` does, each build reading the cache from its files, and as
    `readouts serve` does, taking the cache the last build left in memory."""
    (tmp_path / "root").mkdir()
    root = copy_demo_site(tmp_path / "root", with_readouts=False)
    build_site(root, cache_in_memory=in_memory)
    _settle(root)
    for name, change in CHANGES:
        # A build after an import leaves no record of what it read; one more build does, so
        # that every change below is measured against such a record.
        _settle(root)
        build_site(root, cache_in_memory=in_memory)
        change(root)
        _settle(root)
        report = build_site(root, cache_in_memory=in_memory)
        assert report.imports is not None, f"{name}: the change went unnoticed"
        assert _tree(root / "site") == _clean_build(root, tmp_path), f"after: {name}"


def test_a_cache_kept_in_memory_is_used_only_while_its_files_are_as_it_left_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _settled_site(tmp_path)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    build_site(root, cache_in_memory=True)
    opened: list[str] = []
    real_open = open

    def opening(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("readouts.cache.open", opening, raising=False)
    _edit(_readout(root, MOFA), "garbage removals", "garbage disposal")
    build_site(root, cache_in_memory=True)
    assert not [p for p in opened if p.endswith(".pickle")]
    # Another process (a `readouts build`) rewrote a part of the cache: the one in memory may
    # be out of date.
    part = next((root / ".readouts-cache").glob("readouts-*.pickle"))
    part.write_bytes(part.read_bytes())
    _edit(_readout(root, MOFA), "garbage disposal", "waste removals")
    build_site(root, cache_in_memory=True)
    assert [p for p in opened if p.endswith(".pickle")]
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_what_a_serving_process_keeps_by_identity_is_never_written_and_a_rebuild_takes_it_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The meetings and the manifest's name kept between builds of one process hold the very
    objects they were made from: no file can carry that, so none is written; the next build of
    the process takes them, and its site is a clean build's."""
    root = _settled_site(tmp_path)
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    build_site(root, cache_in_memory=True)
    assert not [p.name for p in (root / ".readouts-cache").iterdir()
                if p.name.startswith(("link-kept", "tokens", "fingerprints"))]
    named: list[object] = []
    monkeypatch.setattr("readouts.render.depends.digest", lambda value, real=depends.digest: (
        named.append(value), real(value))[1])
    monkeypatch.setattr("readouts.render.depends.digest_of_fields", lambda value, real=depends.digest_of_fields: (
        named.append(value), real(value))[1])
    summed: list[int] = []
    monkeypatch.setattr("readouts.site_token.sum_of", lambda manifest, real=site_token.sum_of: (
        summed.append(len(manifest)), real(manifest))[1])
    _edit(_readout(root, MOFA), "garbage removals", "garbage disposal")
    build_site(root, cache_in_memory=True)
    # the manifest's name is worked out from the paths that changed, never from every entry
    assert summed == []
    # the same edit again, by a process that reads the cache from its files: the serving process
    # took the fingerprints of unchanged pages by what they were made of, and fingerprints no more
    kept_process = len(named)
    cache_module._IN_MEMORY = None
    named.clear()
    _edit(_readout(root, MOFA), "garbage disposal", "garbage removals")
    build_site(root, cache_in_memory=True)
    assert kept_process <= len(named)
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_build_reading_the_cache_from_its_files_names_the_manifest_by_the_sum_kept_with_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest's sum is kept in the cache's file beside the manifest, so the command line,
    too, names the last manifest and the new one from the paths that changed: summing every
    entry took 0.09 s of adding a readout to 10,000. The sum kept is the manifest's own."""
    from readouts.build import cache_tables

    root = _settled_site(tmp_path)
    summed: list[int] = []
    monkeypatch.setattr("readouts.site_token.sum_of", lambda manifest, real=site_token.sum_of: (
        summed.append(len(manifest)), real(manifest))[1])
    cache_module._IN_MEMORY = None
    new = _hand_written(root, "2021-04-01", 1)
    _settle(root)
    build_site(root)
    assert summed == []
    monkeypatch.undo()
    from readouts.render.output import PUBLISHED, SITE_MANIFEST

    kept = cache_module.BuildCache.load(root, cache_tables())[SITE_MANIFEST][PUBLISHED]
    assert kept.total == site_token.sum_of(kept.files) and f"readouts/{new}.html" in kept.files
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_build_takes_each_readout_files_signature_from_its_look_at_the_inputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The look at the inputs that tells a build with nothing to do has every readout file's
    size and times: neither the import's check for changed sources nor loading looks at them
    again (30,000 files at 10,000 imported readouts)."""
    root = _settled_site(tmp_path)
    # Change times cannot be set back: pretend the files were looked at a minute later.
    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    build_site(root, cache_in_memory=True)  # the files' signatures, kept now that they count as settled
    looked_at: list[str] = []
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        looked_at.append(os.fspath(path))
        return real_stat(path, *args, **kwargs)

    _edit(_readout(root, MOFA), "waste disposal", "garbage removals")
    monkeypatch.setattr(os, "stat", stat)
    build_site(root, cache_in_memory=True)
    monkeypatch.undo()
    assert [p for p in looked_at if "/content/" in p.replace(os.sep, "/") and p.endswith((".md", ".json", ".txt"))
            ] == [str(root / "content" / "provenance" / f"{MOFA}.json")]  # the edited readout's, to read it
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def _settled_site(tmp_path: Path) -> Path:
    """The demo site built, its files dated in the past, and built again: the next build trusts
    sizes and times, as it would a while after the last edit."""
    (tmp_path / "root").mkdir()
    root = copy_demo_site(tmp_path / "root", with_readouts=False)
    build_site(root)
    _settle(root)
    build_site(root)
    return root


def test_a_build_with_nothing_changed_reads_and_writes_nothing(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    before = {p: p.stat().st_ino for p in (root / "site").rglob("*")}
    cache = {p.name: p.stat().st_mtime_ns for p in (root / ".readouts-cache").iterdir()}
    report = build_site(root)
    assert report.imports is None and report.written == 0 and report.unchanged == len(
        [p for p in before if p.is_file()]) - 1  # all but the marker
    assert {p: p.stat().st_ino for p in (root / "site").rglob("*")} == before
    assert {p.name: p.stat().st_mtime_ns for p in (root / ".readouts-cache").iterdir()} == cache


def test_an_edit_in_the_same_instant_as_the_build_is_not_missed(tmp_path: Path) -> None:
    """Same size, same modification time: only an edit made within the timestamp tick of the
    last build's look at the files can do that, and those files are always looked at again."""
    (tmp_path / "root").mkdir()
    root = copy_demo_site(tmp_path / "root", with_readouts=False)
    build_site(root)
    path = _readout(root, MOFA)
    stat = path.stat()
    _edit(path, "garbage disposal", "garbage removals")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    build_site(root)
    assert "garbage removals" in (root / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")


def test_a_deleted_site_is_built_again(tmp_path: Path) -> None:
    root = _settled_site(tmp_path)
    shutil.rmtree(root / "site")
    report = build_site(root)
    assert report.imports is not None
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def _built_copy(built_demo: Path, tmp_path: Path) -> Path:
    """A copy of the built demo site, built once more: the copy's cache is keyed by the old
    paths, and that build refreshes it."""
    root = tmp_path / "copy"
    shutil.copytree(built_demo, root)
    build_site(root)
    return root


def test_a_body_edit_rewrites_only_the_pages_that_show_it(built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    untouched = root / "site" / "readouts" / f"{OTHER}.html"
    inode = untouched.stat().st_ino
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    report = build_site(root)
    assert (root / "site" / "readouts" / f"{OTHER}.html").stat().st_ino == inode, "an unrelated page was rewritten"
    assert "waste disposal" in (root / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
    assert report.unchanged > report.written


def test_a_build_with_nothing_changed_writes_no_page(built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    report = build_site(root)
    pages = [p for p in (root / "site").rglob("*.html")]
    assert report.unchanged >= len(pages)


@pytest.mark.parametrize("damage", ["garbage", "empty", "one part gone", "all gone"])
def test_a_damaged_cache_is_ignored(built_demo: Path, tmp_path: Path, damage: str) -> None:
    root = tmp_path / "copy"
    shutil.copytree(built_demo, root)
    parts = sorted((root / ".readouts-cache").glob("*.pickle"))
    assert parts
    for part in parts:
        if damage == "garbage":
            part.write_bytes(b"not a pickle")
        elif damage == "empty":
            part.write_bytes(b"")
        elif damage == "all gone" or part.name == "pages-0.pickle":
            part.unlink()
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_small_change_rewrites_a_small_part_of_the_cache(built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in (root / ".readouts-cache").glob("*.pickle")}
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    build_site(root)
    after = {p.name: p.stat().st_mtime_ns for p in (root / ".readouts-cache").glob("*.pickle")}
    rewritten = {name for name, mtime in after.items() if before.get(name) != mtime}
    assert rewritten and len(rewritten) <= len(after) // 2, sorted(rewritten)


def test_a_new_readout_reads_the_search_counts_of_its_year_alone(built_demo: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The search counts are kept by month, and a build reads the months its changed shards
    span and the list of keys, where it read every readout's counts (66 MB at 10,000)."""
    root = _built_copy(built_demo, tmp_path)
    _hand_written(root, "2021-04-01", 7)
    opened: list[str] = []
    real_open = open
    monkeypatch.setattr("readouts.cache.open", lambda file, *a, **k: (opened.append(Path(file).name),
                                                                        real_open(file, *a, **k))[1], raising=False)
    build_site(root)
    monkeypatch.undo()
    counts = sorted(name for name in opened if name.startswith("search_counts-"))
    assert "search_counts-keys.pickle" in counts
    assert [name for name in counts if name != "search_counts-keys.pickle"]
    assert all(name.startswith("search_counts-2021-") for name in counts if name != "search_counts-keys.pickle"), counts
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_files_are_reused_only_from_the_site_the_cache_describes(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    root = copy_demo_site(tmp_path / "root", with_readouts=False)
    build_site(root)
    _edit(root / "site.yaml", "output: site", "output: site2")
    build_site(root)
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    build_site(root)
    _edit(root / "site.yaml", "output: site2", "output: site")
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def _inodes(site: Path, pattern: str = "*.html", under: str = "") -> dict[str, int]:
    """Each file (path from the site's root) → its inode, which changes when a build writes the
    file and stays when the build links it from the previous site."""
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in sorted((site / under).rglob(pattern))}


def _rewritten_files(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The files that are new or were written again."""
    return {path for path, inode in after.items() if before.get(path) != inode}


def _search_files(site: Path) -> dict[str, int]:
    return _inodes(site, "*.js", "search")


def _search_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search").rglob("*.js"))}


def _with_other_bytes(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The files that are new or hold other bytes than they did."""
    return {path for path, data in after.items() if before.get(path) != data}


def test_a_new_or_edited_readout_rewrites_only_its_years_search_files(built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    site = root / "site"
    before = _search_files(site)
    assert {path.split("/")[1] for path in before} == {"index.js", "text", "2012", "2017", "2019", "undated"}

    shutil.copy(FIXTURES / "sixth_readout.txt", root / "content" / "sources" / "six.txt")  # a 2022 readout
    report = build_site(root)
    (new_id,) = report.imports.imported
    after, after_bytes = _search_files(site), _search_bytes(site)
    assert before.keys() <= after.keys()
    assert any(path.startswith("search/2022/terms/") for path in after)
    assert _rewritten_files(before, after) == {p for p in after if p.startswith("search/2022/")} | {
        "search/index.js", f"search/text/{new_id}.js"}

    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")  # a 2019 readout
    build_site(root)
    edited = _search_files(site)
    rewritten = _rewritten_files(after, edited)
    # A file of the changed shard made again with the bytes it had stays as it was.
    assert rewritten == _with_other_bytes(after_bytes, _search_bytes(site))
    assert f"search/text/{MOFA}.js" in rewritten and any(p.startswith("search/2019/terms/") for p in rewritten)
    assert rewritten <= {p for p in edited if p.startswith("search/2019/")} | {"search/index.js", f"search/text/{MOFA}.js"}


def test_a_new_readout_in_a_year_cut_into_shards_rewrites_only_its_shards_search_files(
    demo_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year of many readouts is indexed in shards (search_files.py), here four readouts a
    shard so that a few make a busy year: a new readout rewrites its own shard's files, its text
    and index.js, and not the year's other shards; the result equals a clean build's."""
    monkeypatch.setattr(search_files, "READOUTS_PER_SHARD", 4)
    days = [f"2021-{month:02d}-05" for month in range(1, 13)] + ["2021-01-20", "2021-02-20"]
    for number, day in enumerate(days):
        _hand_written(root=demo_site, day=day, number=number)
    build_site(demo_site)
    site = demo_site / "site"
    before, before_bytes = _search_files(site), _search_bytes(site)
    shards = {path.split("/")[1] for path in before if path.startswith("search/2021-")}
    assert len(shards) == 4, sorted(shards)  # 14 readouts: the next power of two of 14 / 4

    new_id = _hand_written(demo_site, "2021-08-10", 99)  # 15 readouts: still four shards
    build_site(demo_site)
    after = _search_files(site)
    rewritten = _rewritten_files(before, after)
    (shard,) = {path.split("/")[1] for path in rewritten if path.startswith("search/2021-")}
    assert shard == "2021-07-03", rewritten  # the third quarter of 2021 begins on its 184th day
    # The shard's files are made again; those with the bytes they had stay as they were.
    assert rewritten == _with_other_bytes(before_bytes, _search_bytes(site))
    assert rewritten <= {p for p in after if p.startswith(f"search/{shard}/")} | {
        "search/index.js", f"search/text/{new_id}.js"}
    assert {"search/index.js", f"search/text/{new_id}.js", f"search/{shard}/facets.js"} <= rewritten
    assert _tree(site) == _clean_build(demo_site, tmp_path)


def test_a_year_that_grows_past_a_shard_is_cut_and_its_whole_years_files_are_gone(
    demo_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four readouts a shard: a fifth cuts 2021 in two, named by their first days, and the
    files of the year as one shard leave the site with the build that cut it."""
    monkeypatch.setattr(search_files, "READOUTS_PER_SHARD", 4)
    for number, day in enumerate(["2021-02-05", "2021-03-05", "2021-08-05", "2021-09-05"]):
        _hand_written(demo_site, day, number)
    build_site(demo_site)
    site = demo_site / "site"
    assert (site / "search" / "2021" / "facets.js").is_file()

    _hand_written(demo_site, "2021-10-05", 4)
    build_site(demo_site)
    shards = sorted(folder.name for folder in (site / "search").iterdir() if folder.name.startswith("2021"))
    assert shards == ["2021-01-01", "2021-07-03"], shards
    assert _tree(site) == _clean_build(demo_site, tmp_path)


# ------------------------------------------------------------------ topic and person pages by year


def _rewritten(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """Topic and person pages that are new or were written again (a reused page keeps its inode).
    The indexes of all topics and all people are left out: like the other listing pages, they
    are made again whenever any readout changed."""
    return {p for p in _rewritten_files(before, after) if p.startswith(("topics/", "people/"))
            and p not in ("topics/index.html", "people/index.html")}


def _long_site(root: Path) -> tuple[list[str], list[str]]:
    """21 readouts by hand, each its own meeting, on top of the demo's: more than any overview
    shows in full. Returns (their days, their ids), oldest first."""
    days = [f"{year}-{month:02}-{day:02}" for year in (2014, 2015, 2016) for month, day in ((2, 3), (5, 6), (8, 9))]
    days += [f"2020-{month:02}-10" for month in range(1, 13)]
    return days, [_hand_written(root, day, number) for number, day in enumerate(days)]


def test_a_new_readout_rewrites_its_years_pages_and_the_overviews_of_what_it_touches(
        built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    site = root / "site"
    before = _inodes(site)
    _hand_written(root, "2019-03-01", 1)
    build_site(root)
    assert _rewritten(before, _inodes(site)) == {
        "topics/humanitarian-measures.html", "topics/humanitarian-measures/2019.html",
        "people/sergey-lavrov.html", "people/sergey-lavrov/2019.html",
        "people/taro-kono.html", "people/taro-kono/2019.html",
    }
    assert _tree(site) == _clean_build(root, tmp_path)


def test_a_long_listing_shows_its_latest_on_the_overview_and_everything_on_the_year_pages(
        demo_site: Path, tmp_path: Path) -> None:
    root = demo_site
    _, ids = _long_site(root)
    build_site(root)
    site = root / "site"
    overview = (site / "topics" / "humanitarian-measures.html").read_text(encoding="utf-8")
    # 2 demo readouts and 21 by hand: above SHOW_ALL_UP_TO, so the overview lists the newest ten.
    newest = [f"../readouts/{r}.html\"" for r in reversed(ids[-10:])]
    positions = [overview.index(link) for link in newest]
    assert positions == sorted(positions), "the overview's latest are not newest first"
    assert f"../readouts/{ids[-11]}.html\"" not in overview
    assert "meeting by meeting" not in overview
    for year in ("2014", "2015", "2016", "2017", "2019", "2020"):
        assert f'href="humanitarian-measures/{year}.html"' in overview, year
    page_2015 = (site / "topics" / "humanitarian-measures" / "2015.html").read_text(encoding="utf-8")
    assert all(f"../../readouts/{r}.html\"" in page_2015 for r in ids[3:6])
    assert "meeting by meeting" in page_2015
    assert broken_links(site) == []

    # An old readout's paragraph edited: its year's pages change, the overviews do not.
    before = _inodes(site)
    _edit(_readout(root, ids[4]), "former island residents (4)", "former islanders (4)")
    build_site(root)
    assert _rewritten(before, _inodes(site)) == {"topics/humanitarian-measures/2015.html"}
    assert _tree(site) == _clean_build(root, tmp_path)


# ------------------------------------------------------------------ the timeline, meetings and publishers by year


def _rewritten_listings(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The site-wide listing pages that are new or were written again: the timeline and its year
    pages, the meetings' overview and year pages, and the publishers' page (meeting pages are
    left out: a new readout makes or joins a meeting)."""
    return {p for p in _rewritten_files(before, after)
            if p.startswith(("timeline", "meetings/years/")) or p in ("meetings/index.html", "publishers.html")}


def test_a_new_readout_rewrites_its_years_timeline_and_meetings_pages_and_the_overviews(
        built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    site = root / "site"
    before = _inodes(site)
    assert {"timeline/2012.html", "timeline/2017.html", "timeline/2019.html", "timeline/undated.html",
            "meetings/years/2012.html", "meetings/years/2019.html"} <= before.keys()
    _hand_written(root, "2019-03-01", 1)
    build_site(root)
    assert _rewritten_listings(before, _inodes(site)) == {
        "timeline.html", "timeline/2019.html", "meetings/index.html", "meetings/years/2019.html", "publishers.html"}
    assert _tree(site) == _clean_build(root, tmp_path)


def test_a_long_timeline_and_meetings_list_show_their_latest_and_everything_on_the_year_pages(
        demo_site: Path, tmp_path: Path) -> None:
    root = demo_site
    days, ids = _long_site(root)
    build_site(root)
    site = root / "site"
    # 26 readouts and 24 meetings: above SHOW_ALL_UP_TO, so the overviews list the years and the latest.
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    assert "readouts/" not in timeline
    for year in ("2012", "2014", "2015", "2016", "2017", "2019", "2020", "undated"):
        assert f'href="timeline/{year}.html"' in timeline, year
    page_2015 = (site / "timeline" / "2015.html").read_text(encoding="utf-8")
    assert all(f"../readouts/{r}.html\"" in page_2015 for r in ids[3:6])
    assert f"../readouts/{ids[6]}.html\"" not in page_2015

    meetings = (site / "meetings" / "index.html").read_text(encoding="utf-8")
    newest = [meetings.index(f'href="{day}-') for day in reversed(days[-10:])]
    assert newest == sorted(newest), "the latest meetings are not newest first"
    assert f'href="{days[-11]}-' not in meetings
    for year in ("2012", "2014", "2015", "2016", "2019", "2020"):
        assert f'href="years/{year}.html"' in meetings, year
    meetings_2015 = (site / "meetings" / "years" / "2015.html").read_text(encoding="utf-8")
    assert [meetings_2015.index(f'href="../{day}-') for day in days[3:6]] == sorted(
        meetings_2015.index(f'href="../{day}-') for day in days[3:6])
    assert f'href="../{days[6]}-' not in meetings_2015

    publishers = (site / "publishers.html").read_text(encoding="utf-8")
    assert f"readouts/{ids[-10]}.html\"" in publishers and f"readouts/{ids[-11]}.html\"" not in publishers
    assert 'href="timeline/2015.html"' in publishers
    assert broken_links(site) == []

    # A readout in a year that has a page: that year's pages and the overviews, no other year's.
    before = _inodes(site)
    _hand_written(root, "2015-11-11", 99)
    build_site(root)
    assert _rewritten_listings(before, _inodes(site)) == {
        "timeline.html", "timeline/2015.html", "meetings/index.html", "meetings/years/2015.html", "publishers.html"}
    assert _tree(site) == _clean_build(root, tmp_path)


def test_a_meeting_named_like_a_year_keeps_its_own_page_beside_the_years_page(demo_site: Path) -> None:
    readout_id = _hand_written(demo_site, "2019-03-01", 1)
    _edit(_readout(demo_site, readout_id), "meeting: {date: 2019-03-01}", 'meeting: {id: "2019", date: 2019-03-01}')
    build_site(demo_site)
    site = demo_site / "site"
    assert f"../readouts/{readout_id}.html" in (site / "meetings" / "2019.html").read_text(encoding="utf-8")
    assert 'href="../2019.html"' in (site / "meetings" / "years" / "2019.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


def test_a_new_readout_lists_again_only_its_own_topics_and_people(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a topic or a person reads all of its readouts: at 10,000 readouts, doing it for
    every topic and person on every build was most of the time of adding one."""
    from readouts.render import listings

    root = _settled_site(tmp_path)
    listed: list[str] = []
    for name in ("topic_listing", "person_listing"):
        real = getattr(listings, name)
        monkeypatch.setattr(listings, name, lambda graph, owner, real=real: (listed.append(owner), real(graph, owner))[1])
    _hand_written(root, "2021-04-01", 1, topics="humanitarian-measures", participants="taro-kono, sergey-lavrov")
    _settle(root)
    build_site(root)
    assert sorted(listed) == ["humanitarian-measures", "sergey-lavrov", "taro-kono"]
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_fingerprints_again_only_the_pages_of_the_readouts_and_meetings_it_touches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command-line build plans the pages of readouts and meetings whose inputs did not change
    with the fingerprints the last build gave them (pages/unchanged.py): fingerprinting every one
    of them was a sixth of adding one readout to 10,000."""
    from readouts.render.pages import meeting, readout

    root = _settled_site(tmp_path)
    _, ids = _long_site(root)
    _settle(root)
    build_site(root)
    planned: dict[str, list[str]] = {"readout": [], "meeting": []}
    for module, kind in ((readout, "readout"), (meeting, "meeting")):
        real = getattr(module, f"{kind}_fingerprint")
        monkeypatch.setattr(module, f"{kind}_fingerprint", lambda depends, page_id, real=real, kind=kind: (
            planned[kind].append(page_id), real(depends, page_id))[1])
    new = _hand_written(root, "2015-06-01", 99, topics="", participants="")
    _settle(root)
    build_site(root)
    # the new readout, and its neighbours by date (2015-05-06 and 2015-08-09), whose links moved
    assert sorted(planned["readout"]) == sorted([new, ids[4], ids[5]])
    assert len(planned["meeting"]) <= 1
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_keys_again_only_the_topics_and_people_whose_readouts_it_touches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A topic or person none of whose readouts link names as changed keeps the group key the
    last build made (pages/unchanged.UnchangedPages.group): making every key again was 0.04 s of
    adding one readout to 10,000."""
    from readouts.render.depends import Dependencies

    root = _settled_site(tmp_path)
    _, ids = _long_site(root)
    _settle(root)
    build_site(root)
    keyed: list[tuple[str, ...]] = []
    real = Dependencies.group_key
    monkeypatch.setattr(Dependencies, "group_key", lambda self, members: (keyed.append(members), real(self, members))[1])
    _hand_written(root, "2015-06-01", 99, topics="", participants="")
    _settle(root)
    build_site(root)
    # In no topic and naming no one, its own meeting: no group's readouts or meetings changed
    # (the neighbours by date, whose links moved, are not in a group key).
    assert keyed == []
    keyed_now = len(keyed)
    _readout(root, "2015-05-06-mid").write_text(
        "---\nid: 2015-05-06-mid\ntitle: Another account\npublisher: mid-russia\nkind: statement\n"
        "meeting: {date: 2015-05-06}\nparticipants: [sergey-lavrov, taro-kono]\ntopics: []\n---\n\nThey met.\n",
        encoding="utf-8")
    _settle(root)
    build_site(root)
    # A second account of the meeting of ids[4] (2015-05-06): its topic, which the account is
    # not in, and its people are keyed again.
    assert keyed[keyed_now:] and all(ids[4] in members for members in keyed[keyed_now:])
    assert sum(ids[4] in members and "2015-05-06-mid" not in members for members in keyed[keyed_now:]) == 1
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_fingerprints_again_only_the_year_pages_it_is_listed_on(tmp_path: Path) -> None:
    """A topic's or person's year page that lists the same readouts and meetings as the last
    build's, none of them changed, keeps the fingerprint that build gave it
    (grouped.YearSplitPages._kept_years): fingerprinting every year of a topic of a few thousand
    readouts again was a third of planning its pages at 10,000 readouts."""
    from readouts.render.pages.grouped import YEAR_SPLITS

    root = _settled_site(tmp_path)
    _long_site(root)
    _settle(root)
    build_site(root)
    made: list[tuple[str, str, object]] = []
    real = {kind: pages.year_fingerprint for kind, pages in YEAR_SPLITS.items()}

    def recording(kind: str) -> Callable[..., str]:
        def fingerprint(depends: object, listing: Any, part: Any) -> str:
            made.append((kind, getattr(listing, f"{kind}_id"), part.year))
            return real[kind](depends, listing, part)
        return fingerprint

    try:
        for kind, pages in YEAR_SPLITS.items():
            object.__setattr__(pages, "year_fingerprint", recording(kind))
        _hand_written(root, "2015-06-01", 99)
        _settle(root)
        build_site(root)
    finally:
        for kind, pages in YEAR_SPLITS.items():
            object.__setattr__(pages, "year_fingerprint", real[kind])
    # 2015 had a page of the topic and of both people already: the other years' pages list what
    # they listed, and keep their fingerprints.
    assert sorted(made) == [("person", "sergey-lavrov", 2015), ("person", "taro-kono", 2015),
                            ("topic", "humanitarian-measures", 2015)]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_keys_again_only_its_year_file_of_records(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The year files of records whose readouts link names as unchanged keep the keys the last
    build made them from (exports.data._kept_year_keys): keying every year's records again took
    10 ms of adding one readout at 10,000. An edit of a readout's meeting's date moves it to
    another year, and both years are keyed again."""
    from readouts.render.exports import data

    root = _settled_site(tmp_path)
    _long_site(root)
    _settle(root)
    build_site(root)
    keyed: list[tuple[str, ...]] = []
    real = data.readout_piece_keys

    def recording(graph: Any, family: str, readout_ids: Any) -> list[str]:
        if family.startswith("json:"):
            keyed.append(tuple(readout_ids))
        return real(graph, family, readout_ids)

    monkeypatch.setattr(data, "readout_piece_keys", recording)
    added = _hand_written(root, "2015-06-01", 99)
    _settle(root)
    build_site(root)
    assert len(keyed) == 1 and added in keyed[0]
    assert all(readout_id.startswith("2015-") for readout_id in keyed[0])
    assert _tree(root / "site") == _clean_build(root, tmp_path)
    keyed.clear()
    path = _readout(root, added)
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2015-06-01", "date: 2016-06-01"), encoding="utf-8")
    _settle(root)
    build_site(root)
    assert sorted(ids[0][:4] for ids in keyed) == ["2015", "2016"]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_keys_again_only_the_calendar_events_of_the_meetings_link_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The calendar keeps its events' keys for the next build (exports.ics.EVENT_KEYS), which keys
    only the events of the meetings link names as changed: keying every dated meeting took 0.012 s
    of adding one readout at 10,000. A calendar edited by hand, or keyed under other settings,
    is keyed whole again."""
    from readouts.render.exports import ics

    root = _settled_site(tmp_path)
    _long_site(root)
    _settle(root)
    build_site(root)
    keyed: list[str] = []
    real = ics._event_key

    def recording(graph: Any, settings: str, meeting: Any) -> str:
        keyed.append(meeting.id)
        return real(graph, settings, meeting)

    monkeypatch.setattr(ics, "_event_key", recording)
    added = _hand_written(root, "2015-06-01", 99)
    _settle(root)
    build_site(root)
    assert len(keyed) == 1 and "2015-06-01" in keyed[0]
    assert _tree(root / "site") == _clean_build(root, tmp_path)
    keyed.clear()
    _hand_written(root, "2016-06-01", 98)  # the keys the last add kept, not the first build's
    _settle(root)
    build_site(root)
    assert len(keyed) == 1 and "2016-06-01" in keyed[0]
    keyed.clear()
    site = root / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("title:", "title: Renamed", 1), encoding="utf-8")
    _settle(root)
    build_site(root)
    assert len(keyed) > 10 and added
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_a_new_readout_ranks_again_only_the_related_lists_it_can_move(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The related lists are kept in the cache's files, so a command-line build, too, ranks only
    the readouts sharing a key with the new one: ranking all 10,000 was a sixth of adding one."""
    from readouts.link import related

    root = _settled_site(tmp_path)
    ranked: list[str] = []
    real = related._ranked
    monkeypatch.setattr(related, "_ranked", lambda readout_id, *rest: (ranked.append(readout_id), real(readout_id, *rest))[1])
    new = _hand_written(root, "2021-04-01", 1, topics="", participants="")
    _settle(root)
    build_site(root)
    assert ranked == [new]
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


# ------------------------------------------------------------------ export files by year


def _export_files(site: Path) -> dict[str, tuple[int, int]]:
    """The feeds, the sitemap and its parts, the corpus's data files and the calendar → (inode,
    modification time): a file written again, in place or anew, changes one of them."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(site.rglob("*"))
            if p.suffix in (".xml", ".json", ".csv", ".ics")}


def _rewritten_exports(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {path for path, stamp in after.items() if before.get(path) != stamp}


def test_a_new_readout_rewrites_its_years_data_file_and_sitemap_part_and_no_other_years(
        built_demo: Path, tmp_path: Path) -> None:
    root = _built_copy(built_demo, tmp_path)
    site = root / "site"
    before = _export_files(site)
    assert {"data/readouts-2012.json", "data/readouts-2017.json", "data/readouts-2019.json",
            "data/readouts-undated.json", "sitemap-site.xml", "sitemap-2019.xml"} <= before.keys()

    _hand_written(root, "2019-03-01", 1)
    build_site(root)
    added = _export_files(site)
    # The index of the data files counts the new readout; the sitemap's index lists the same
    # parts. The feeds list every dated readout of the demo, so they take the new one in.
    assert _rewritten_exports(before, added) == {
        "data/readouts-2019.json", "readouts.json", "sitemap-2019.xml",
        "readouts.csv", "meetings.ics", "feed.xml", "topics/humanitarian-measures.xml"}
    assert _tree(site) == _clean_build(root, tmp_path)

    # An edited paragraph changes one record: no address, no count.
    _edit(_readout(root, MOFA), "garbage disposal", "waste disposal")
    build_site(root)
    edited = _export_files(site)
    assert {p for p in _rewritten_exports(added, edited) if p.startswith(("data/", "sitemap"))} == {
        "data/readouts-2019.json"}
    assert "readouts.json" not in _rewritten_exports(added, edited)

    # A readout in a year of its own: that year's files, and the sitemap's index lists its part.
    new_year = _hand_written(root, "2021-04-01", 2)
    build_site(root)
    rewritten = {p for p in _rewritten_exports(edited, _export_files(site)) if p.startswith(("data/", "sitemap"))}
    assert rewritten == {"data/readouts-2021.json", "sitemap-2021.xml", "sitemap.xml"}
    assert _tree(site) == _clean_build(root, tmp_path)

    # Its deletion takes them away again.
    _readout(root, new_year).unlink()
    build_site(root)
    assert not (site / "data" / "readouts-2021.json").exists() and not (site / "sitemap-2021.xml").exists()
    assert _tree(site) == _clean_build(root, tmp_path)


def test_a_year_files_records_are_cut_from_the_last_one_not_kept_in_the_cache(
        built_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The records were nine tenths of what the export pieces held (125 MB at 10,000 readouts),
    all read and written back by every build: the published year file holds them already."""
    from readouts.build import cache_tables
    from readouts.render.exports import data
    from readouts.render.exports.common import EXPORT_FRAGMENTS

    root = _built_copy(built_demo, tmp_path)
    kept = cache_module.BuildCache.load(root, cache_tables())[EXPORT_FRAGMENTS]
    assert kept and not [piece for piece in kept.values() if piece.startswith(b'{"id"')]
    made: list[str] = []
    real = data._record_json
    monkeypatch.setattr(data, "_record_json", lambda graph, readout_id: (made.append(readout_id),
                                                                         real(graph, readout_id))[1])
    new = _hand_written(root, "2019-03-01", 1)
    build_site(root)
    assert made == [new]
    assert _tree(root / "site") == _clean_build(root, tmp_path)

    # A year file that is not the one the last build wrote is not cut: its records are made again.
    year_file = root / "site" / "data" / "readouts-2019.json"
    year_file.write_bytes(year_file.read_bytes().replace(b"disposal", b"disposaL"))
    made.clear()
    _hand_written(root, "2019-03-02", 2)
    build_site(root)
    assert len(made) == year_file.read_bytes().count(b'{"id":"')
    monkeypatch.undo()
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def test_templates_kept_compiled_between_builds_follow_every_edit(tmp_path: Path) -> None:
    """Compiled templates are kept in the cache; an edit of a site's template, even one that
    keeps its size, is what the next build renders with."""
    from readouts.cache import code_digest

    root = _settled_site(tmp_path)
    compiled = root / ".readouts-cache" / "templates"
    assert any((compiled / code_digest()).iterdir()), "no compiled template was kept"
    (compiled / "other-code").mkdir()  # as another version of readouts would have left
    template = root / "templates" / "readout_item.html"
    template.parent.mkdir(exist_ok=True)
    for mark in ("first-mark", "other-mark"):  # the same length: only the bytes differ
        template.write_text(f'<a class="{mark}" href="{{{{ readout.href }}}}">{{{{ readout.title }}}}</a>\n',
                            encoding="utf-8")
        _settle(root)
        build_site(root)
        assert f'class="{mark}"' in (root / "site" / "timeline.html").read_text(encoding="utf-8")
    # Named by the code: another version of readouts may compile the same source differently.
    assert [p.name for p in compiled.iterdir()] == [code_digest()]
    assert _tree(root / "site") == _clean_build(root, tmp_path)


def _cache_files(root: Path) -> dict[str, bytes]:
    """The cache's tables (the stamp beside them is written by every build)."""
    return {path: data for path, data in _tree(root / ".readouts-cache").items() if path.endswith(".pickle")}


def test_a_cache_saved_later_is_written_when_asked_and_a_build_that_finds_it_unwritten_stays_right(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """readouts serve keeps the cache of a build in memory and writes it once it is quiet: the
    build leaves the cache's files as they were; a build of another process before they are
    written finds their manifest older than the site and makes the whole site, as a clean build
    would; written later, they let the next build keep what it can."""
    from readouts import cache

    root = _settled_site(tmp_path)
    before = _cache_files(root)
    _edit(_readout(root, MOFA), "title: Japan-Russia Foreign Ministers’ Meeting", "title: Kept unwritten")
    build_site(root, cache_in_memory=True, cache_saved_later=True)
    assert _cache_files(root) == before
    site = _tree(root / "site")
    # written a part at a time when told to stop after each, until all is written
    calls = 0
    while cache.save_kept(root, stop=lambda: True):
        calls += 1
    changed = {name for name, data in _cache_files(root).items() if before.get(name) != data}
    assert calls == len(changed) > 1
    assert not cache.save_kept(root)  # nothing more to write
    assert site == _clean_build(root, tmp_path)

    # another process (nothing in memory) building over files never written
    _edit(_readout(root, MOFA), "title: Kept unwritten", "title: Unwritten again")
    build_site(root, cache_in_memory=True, cache_saved_later=True)
    monkeypatch.setattr(cache, "_IN_MEMORY", None)
    monkeypatch.setattr(cache, "_UNSAVED", False)
    _edit(_readout(root, MOFA), "title: Unwritten again", "title: Built by another process")
    build_site(root)
    assert _tree(root / "site") == _clean_build(root, tmp_path)
