"""Once published, a readout's or a meeting's address keeps working: a renamed readout and a
meeting whose id changed leave a page at the old address that leads to the new one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.build import build_site
from readouts.cli import main

UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"
DATED = "2019-09-25-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"
OVERVIEW = "2012-09-25-mofa-japan-russia-foreign-ministers-meeting-overview"
OLD_MEETING = "2012-09-25-gemba-lavrov"
NEW_MEETING = "2012-09-25-lavrov-matsumoto"


def _readout(root: Path, readout_id: str) -> Path:
    return root / "content" / "readouts" / f"{readout_id}.md"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _correct_participant(root: Path) -> None:
    """The 2012 meeting was Gemba's, and the readout is corrected to name another minister: the
    meeting's id (its day and participants) changes."""
    _edit(_readout(root, OVERVIEW), "participants: [koichiro-gemba, sergey-lavrov]",
          "participants: [takeaki-matsumoto, sergey-lavrov]")


def _redirect(site: Path, old: str) -> tuple[str, str, str]:
    """(where the meta refresh leads, the canonical link, the whole page) of the page at an old address."""
    html = (site / old).read_text(encoding="utf-8")
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    assert refresh and canonical, html
    return refresh.group(1), canonical.group(1), html


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _clean_build(root: Path) -> dict[str, bytes]:
    """The same folder built again from nothing: no cache, no site."""
    shutil.rmtree(root / ".readouts-cache")
    shutil.rmtree(root / "site")
    build_site(root)
    return _tree(root / "site")


def test_a_renamed_readout_leaves_a_page_at_its_old_address_that_leads_to_the_new_one(
        demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_site(demo_site)
    assert main(["--root", str(demo_site), "rename", UNDATED, DATED]) == 0
    assert f"renamed content/readouts/{UNDATED}.md to {DATED}.md and its import record" in capsys.readouterr().out
    assert not _readout(demo_site, UNDATED).exists()
    assert f"id: {DATED}\naliases:\n- {UNDATED}\ntitle:" in _readout(demo_site, DATED).read_text(encoding="utf-8")
    assert (demo_site / "content" / "provenance" / f"{DATED}.json").exists()
    assert not (demo_site / "content" / "provenance" / f"{UNDATED}.json").exists()
    report = build_site(demo_site)
    assert report.imports is not None and not report.imports.kept_edited and not report.imports.imported
    site = demo_site / "site"
    to, canonical, html = _redirect(site, f"readouts/{UNDATED}.html")
    assert to == canonical == f"{DATED}.html"  # no base_url: relative, so it works from file:// too
    assert '<meta name="robots" content="noindex">' in html
    assert f'<a href="{DATED}.html">Moscow, Tokyo working on Japanese top diplomat’s visit to Russia</a>' in html
    # the new page names itself as the address to keep, and links to the readout go there
    assert f'<link rel="canonical" href="{DATED}.html">' in (site / f"readouts/{DATED}.html").read_text("utf-8")
    assert f"readouts/{DATED}.html" in (site / "index.html").read_text("utf-8")
    assert f"readouts/{UNDATED}.html" not in (site / "index.html").read_text("utf-8")
    sitemaps = "".join(p.read_text("utf-8") for p in site.glob("sitemap*.xml"))
    assert f"{DATED}.html" in sitemaps and f"{UNDATED}.html" not in sitemaps
    assert _tree(site) == _clean_build(demo_site)


def test_a_meeting_whose_participant_is_corrected_leaves_a_page_at_its_old_address(demo_site: Path) -> None:
    build_site(demo_site)
    record = (demo_site / "content" / "addresses.yaml").read_text(encoding="utf-8")
    assert f"  {OLD_MEETING}:\n  - {OVERVIEW}\n" in record
    _correct_participant(demo_site)
    build_site(demo_site)
    site = demo_site / "site"
    assert (site / f"meetings/{NEW_MEETING}.html").exists()
    to, canonical, _ = _redirect(site, f"meetings/{OLD_MEETING}.html")
    assert to == canonical == f"{NEW_MEETING}.html"
    record = (demo_site / "content" / "addresses.yaml").read_text(encoding="utf-8")
    assert f"  {OLD_MEETING}:\n  - {OVERVIEW}\n" in record and f"  {NEW_MEETING}:\n  - {OVERVIEW}\n" in record
    # corrected once more: the first address leads to the newest page directly, not through the second
    _edit(_readout(demo_site, OVERVIEW), "takeaki-matsumoto", "seiji-maehara")
    build_site(demo_site)
    assert _redirect(site, f"meetings/{OLD_MEETING}.html")[0] == "2012-09-25-maehara-lavrov.html"
    assert _redirect(site, f"meetings/{NEW_MEETING}.html")[0] == "2012-09-25-maehara-lavrov.html"
    assert _tree(site) == _clean_build(demo_site)


def test_with_base_url_the_old_address_names_the_new_one_in_full(demo_site: Path) -> None:
    _edit(demo_site / "site.yaml", "title:", "base_url: https://example.org/readouts/\ntitle:")
    build_site(demo_site)
    _correct_participant(demo_site)
    build_site(demo_site)
    to, canonical, _ = _redirect(demo_site / "site", f"meetings/{OLD_MEETING}.html")
    assert to == f"{NEW_MEETING}.html"
    assert canonical == f"https://example.org/readouts/meetings/{NEW_MEETING}.html"
    page = (demo_site / "site" / f"meetings/{NEW_MEETING}.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://example.org/readouts/meetings/{NEW_MEETING}.html">' in page


def test_a_meeting_whose_readouts_are_all_deleted_leaves_no_page(demo_site: Path) -> None:
    """Nothing is there to lead to: the old address finds the site's 404 page."""
    build_site(demo_site)
    _readout(demo_site, OVERVIEW).unlink()
    build_site(demo_site)
    assert not (demo_site / "site" / f"meetings/{OLD_MEETING}.html").exists()
    # the record keeps it: should the readout come back, so does the way to its meeting
    assert f"  {OLD_MEETING}:\n" in (demo_site / "content" / "addresses.yaml").read_text(encoding="utf-8")


def test_a_renamed_readout_keeps_its_old_ids_through_a_new_import(demo_site: Path) -> None:
    """An upgrade of the importer writes every unedited readout again: the aliases stay, and the
    readout keeps its new id."""
    build_site(demo_site)
    main(["--root", str(demo_site), "rename", UNDATED, DATED])
    main(["--root", str(demo_site), "rename", DATED, "2019-09-26-tass-moscow-tokyo-talks"])
    record_path = demo_site / "content" / "provenance" / "2019-09-26-tass-moscow-tokyo-talks.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert record["aliases"] == [UNDATED, DATED]
    record_path.write_text(json.dumps({**record, "inputs": "an older importer"}), encoding="utf-8")
    report = build_site(demo_site)
    assert report.imports is not None and report.imports.imported == ["2019-09-26-tass-moscow-tokyo-talks"]
    text = _readout(demo_site, "2019-09-26-tass-moscow-tokyo-talks").read_text(encoding="utf-8")
    assert text.startswith(f"---\nid: 2019-09-26-tass-moscow-tokyo-talks\naliases:\n- {UNDATED}\n- {DATED}\n")
    for old in (UNDATED, DATED):
        assert _redirect(demo_site / "site", f"readouts/{old}.html")[0] == "2019-09-26-tass-moscow-tokyo-talks.html"


def test_renaming_an_edited_readout_keeps_the_edits_and_a_readout_renamed_back_loses_the_alias(
        demo_site: Path) -> None:
    build_site(demo_site)
    _edit(_readout(demo_site, UNDATED), "title: Moscow", "# checked by hand\ntitle: Moscow")
    main(["--root", str(demo_site), "rename", UNDATED, DATED])
    assert "# checked by hand\ntitle: Moscow" in _readout(demo_site, DATED).read_text(encoding="utf-8")
    main(["--root", str(demo_site), "rename", DATED, UNDATED])
    text = _readout(demo_site, UNDATED).read_text(encoding="utf-8")
    assert f"id: {UNDATED}\naliases:\n- {DATED}\n" in text
    report = build_site(demo_site)
    assert report.imports is not None and report.imports.imported == []  # still edited: not written over
    assert (demo_site / "site" / f"readouts/{UNDATED}.html").read_text("utf-8").count("http-equiv") == 0
    assert _redirect(demo_site / "site", f"readouts/{DATED}.html")[0] == f"{UNDATED}.html"


def test_a_hand_written_readout_without_an_id_line_is_renamed_too(demo_site: Path) -> None:
    _readout(demo_site, "by-hand").write_text(
        "---\ntitle: Talks\npublisher: mofa-japan\nmeeting: {date: 2021-04-01}\n"
        "participants: [taro-kono, sergey-lavrov]\n---\n\nThey met.\n", encoding="utf-8")
    assert main(["--root", str(demo_site), "rename", "by-hand", "2021-04-01-by-hand"]) == 0
    assert _readout(demo_site, "2021-04-01-by-hand").read_text(encoding="utf-8") == (
        "---\ntitle: Talks\npublisher: mofa-japan\nmeeting: {date: 2021-04-01}\n"
        "participants: [taro-kono, sergey-lavrov]\naliases: [by-hand]\n---\n\nThey met.\n")
    build_site(demo_site)
    assert _redirect(demo_site / "site", "readouts/by-hand.html")[0] == "2021-04-01-by-hand.html"


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-readout", "a-new-id"], "no readout with the id 'no-such-readout'"),
    ([UNDATED, "Not An Id"], "expected the new id as lower-case letters, digits and hyphens, got 'Not An Id'"),
    ([UNDATED, "index"], "(a folder's list page is called index)"),
    ([UNDATED, OVERVIEW], f"{OVERVIEW}.md: the id '{OVERVIEW}' is taken"),
    ([UNDATED, UNDATED], f"the readout is called '{UNDATED}' already"),
])
def test_a_rename_that_cannot_be_made_is_a_message_and_changes_nothing(
        built_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    root = tmp_path / "site"
    shutil.copytree(built_demo / "content", root / "content")
    shutil.copy(built_demo / "site.yaml", root / "site.yaml")
    before = _tree(root / "content")
    assert main(["--root", str(root), "rename", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert _tree(root / "content") == before


def test_a_rename_to_another_readouts_old_id_is_refused(demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_site(demo_site)
    main(["--root", str(demo_site), "rename", UNDATED, DATED])
    assert main(["--root", str(demo_site), "rename", OVERVIEW, UNDATED]) == 1
    err = capsys.readouterr().err
    assert f"{DATED}.md:3: the id '{UNDATED}' is an old id of {DATED}: its address leads there" in err


@pytest.mark.parametrize(("front", "message"), [
    (f"aliases: [{OVERVIEW}]\n", f"the alias '{OVERVIEW}' is the id of {{root}}/content/readouts/{OVERVIEW}.md, "
                                 "whose page is at that address"),
    ("aliases: [by-hand]\n", "by-hand.md:3: the alias 'by-hand' is the readout's own id"),
    ("aliases: old-id\n", "by-hand.md:3: expected aliases as a list of ids like [undated-tass-talks-in-moscow], "
                          "got 'old-id'"),
    ("aliases: [Old Id]\n", "by-hand.md:3: expected aliases as a list of ids"),
    ("aliases: [old-id, old-id]\n", "by-hand.md:3: the alias 'old-id' is listed twice"),
])
def test_a_bad_alias_is_a_message_naming_the_file(demo_site: Path, capsys: pytest.CaptureFixture[str],
                                                  front: str, message: str) -> None:
    build_site(demo_site)  # the sources imported first: an alias added later may name a live id
    _readout(demo_site, "by-hand").write_text(f"---\ntitle: Talks\n{front}---\n\nThey met.\n", encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert message.format(root=demo_site) in err and "Traceback" not in err


def test_an_alias_two_readouts_claim_is_a_message_naming_both(demo_site: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("first", "second"):
        _readout(demo_site, name).write_text(f"---\ntitle: Talks\naliases: [old-id]\n---\n\nThey met ({name}).\n",
                                             encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert (f"{_readout(demo_site, 'second')}:1: the alias 'old-id' is an alias of {_readout(demo_site, 'first')} "
            "too") in err


@pytest.mark.parametrize(("text", "message"), [
    ("meetings: [a, b]\n", "addresses.yaml:1: expected `meetings:` mapping each meeting id to the readout ids"),
    ("meetings:\n  Not An Id: [x]\n", "addresses.yaml:2: expected a meeting id of lower-case letters"),
    ("meetings:\n  2019-09-25-x: readout\n", "addresses.yaml:2: expected the readouts of 2019-09-25-x as a list"),
    ("meetings:\n  2019-09-25-x: [\n", "addresses.yaml:"),
])
def test_a_damaged_address_record_is_a_message_with_its_line(demo_site: Path, capsys: pytest.CaptureFixture[str],
                                                             text: str, message: str) -> None:
    (demo_site / "content" / "addresses.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_check_proposes_a_dated_id_for_a_readout_named_undated_that_has_a_date(
        demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_site(demo_site)
    _edit(_readout(demo_site, UNDATED), "  date:\n", "  date_supplied: 2019-09-25\n")
    main(["--root", str(demo_site), "build"])
    capsys.readouterr()
    main(["--root", str(demo_site), "check"])
    out = capsys.readouterr().out
    assert f"note: {_readout(demo_site, UNDATED)}: dated 2019-09-25 now, but its id begins with undated-; " \
           f"to rename it (its old address will lead to the new one): readouts rename {UNDATED} {DATED}" in out


def test_a_build_that_records_a_moved_meeting_leaves_the_next_one_nothing_to_do(
        demo_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """content/addresses.yaml is written by the build after it looked at its inputs: the stamp
    takes it as written, so the build after it, with nothing changed, stops at once."""
    monkeypatch.setattr("readouts.cache.RACY_NS", -120 * 10**9)  # every file settled, as a while later
    build_site(demo_site)
    _correct_participant(demo_site)
    before = (demo_site / "content" / "addresses.yaml").read_bytes()
    build_site(demo_site)
    assert (demo_site / "content" / "addresses.yaml").read_bytes() != before  # the moved meeting recorded
    again = build_site(demo_site)
    assert again.imports is None and again.written == 0


def test_the_record_a_build_wrote_is_not_parsed_again_by_the_next_build_of_the_process(
        demo_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build comes within seconds of one that rewrote content/addresses.yaml (every new
    meeting does, and readouts serve builds on every change): the record it wrote is taken as
    written, and an edit by a person is still read."""
    from readouts import addresses

    build_site(demo_site)
    _correct_participant(demo_site)
    build_site(demo_site)  # records the moved meeting
    parsed: list[Path] = []
    real = addresses.read_yaml_file
    monkeypatch.setattr(addresses, "read_yaml_file", lambda path: (parsed.append(path), real(path))[1])
    from readouts.cache import BuildCache
    from readouts.file_memo import FILE_MEMO, FileMemo
    from readouts.load import load_corpus

    files = FileMemo(BuildCache.load(demo_site, (FILE_MEMO,))[FILE_MEMO])  # what the next build starts from
    first = load_corpus(demo_site, files=files).published_meetings
    assert parsed == [] and OLD_MEETING in first
    record = demo_site / "content" / "addresses.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(f"  {OLD_MEETING}:", "  2012-09-25-gone:"),
                      encoding="utf-8")
    assert "2012-09-25-gone" in load_corpus(demo_site, files=files).published_meetings and len(parsed) == 1


def test_rename_refuses_an_old_id_that_is_no_id(demo_site: Path) -> None:
    """`readouts rename ../../README new` must not pull a file from elsewhere in the site into the readouts."""
    from readouts.errors import ReadoutsError
    from readouts.rename import rename_readout

    (demo_site / "notes.md").write_text("---\nid: notes\n---\nmine\n", encoding="utf-8")
    with pytest.raises(ReadoutsError, match="expected the id of a readout"):
        rename_readout(demo_site, "../../notes", "fresh-id")
    assert (demo_site / "notes.md").exists() and not (demo_site / "content" / "readouts" / "fresh-id.md").exists()


def test_an_import_does_not_give_a_new_readout_an_id_a_hand_written_readout_keeps_as_an_old_id(
        demo_site: Path) -> None:
    """A readout written by hand keeps its old ids in its front matter only: an import after its
    rename must still not take one of them for a new readout (the build would refuse both)."""
    from readouts.rename import rename_readout

    sources = demo_site / "content" / "sources"
    parked = demo_site / "parked"
    parked.mkdir()
    tass = next(p for p in sources.iterdir() if "Moscow, Tokyo working" in p.read_text(encoding="utf-8"))
    tass.rename(parked / tass.name)
    (demo_site / "content" / "readouts").mkdir(exist_ok=True)
    (demo_site / "content" / "readouts" / f"{UNDATED}.md").write_text(
        f"---\nid: {UNDATED}\ntitle: Written by hand\npublisher: tass\nkind: news\n---\n\nA text.\n",
        encoding="utf-8")
    build_site(demo_site)
    rename_readout(demo_site, UNDATED, "2019-09-26-tass-hand")
    (parked / tass.name).rename(tass)
    report = build_site(demo_site)  # imports the source again, under an id of its own
    assert report.readouts == 6
    assert not (demo_site / "content" / "readouts" / f"{UNDATED}.md").exists()


def test_check_proposes_no_id_a_deleted_readouts_record_still_holds(
        demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A deleted readout's import record keeps its id (`readouts rename` refuses it): the
    proposal takes the next free one."""
    build_site(demo_site)
    _edit(_readout(demo_site, UNDATED), "  date:\n", "  date_supplied: 2019-09-25\n")
    records = demo_site / "content" / "provenance"
    (records / f"{DATED}.json").write_text((records / f"{OVERVIEW}.json").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    main(["--root", str(demo_site), "build"])
    capsys.readouterr()
    main(["--root", str(demo_site), "check"])
    out = capsys.readouterr().out
    assert f"readouts rename {UNDATED} {DATED}-2" in out


@given(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
       | st.sampled_from(["2019-09-24", "2019-9-24", "0x1f-a", "1-", "no", "null", "2019", "0b1-1", "1e-5"]))
@settings(max_examples=500, deadline=None)
def test_an_id_is_written_plain_exactly_where_yaml_reads_it_back_as_text(readout_id: str) -> None:
    """An id with a hyphen is written plain without asking YAML's resolver; whatever way it is
    written, YAML reads the id back."""
    from readouts.addresses import _RESOLVER, _scalar

    as_text = _RESOLVER.resolve(yaml.ScalarNode, readout_id, (True, False)) == "tag:yaml.org,2002:str"
    assert (_scalar(readout_id) == readout_id) == as_text
    assert yaml.safe_load(f"key: {_scalar(readout_id)}\n") == {"key": readout_id}
