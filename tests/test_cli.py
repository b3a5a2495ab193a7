"""The command line as a user runs it: exit codes and messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from readouts.cli import main


def test_build_prints_where_the_site_is(demo_site: Path, capsys) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    out = capsys.readouterr().out
    assert "built 5 readouts" in out
    assert "index.html" in out


def test_bad_source_is_a_message_with_the_file(demo_site: Path, capsys) -> None:
    bad = demo_site / "content" / "sources" / "empty.txt"
    bad.write_text("", encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert f"error: {bad}: the file is empty" in err
    assert "Traceback" not in err


def test_add_copies_and_imports(demo_site: Path, tmp_path: Path, capsys) -> None:
    new = tmp_path / "new-talk.txt"
    new.write_text((Path(__file__).parent / "fixtures" / "sixth_readout.txt").read_text(encoding="utf-8"),
                   encoding="utf-8")
    assert main(["--root", str(demo_site), "add", str(new)]) == 0
    assert (demo_site / "content" / "sources" / "new-talk.txt").exists()
    assert "imported 2022-02-08-mofa-japan-russia-foreign-ministers-telephone-talk" in capsys.readouterr().out


def test_add_shows_what_it_read_and_what_is_left_for_a_person(demo_site: Path, tmp_path: Path, capsys) -> None:
    new = tmp_path / "tass.txt"
    new.write_text("Lavrov, Kono meet in Moscow\n\nMOSCOW, January 14. /TASS/. Russian Foreign Minister Sergey "
                   "Lavrov met his Japanese counterpart Taro Kono in Moscow on Monday to discuss a peace treaty. "
                   "The talks lasted about three hours.\n",
                   encoding="utf-8")
    assert main(["--root", str(demo_site), "add", str(new)]) == 0
    out = capsys.readouterr().out
    for row in ("  title        Lavrov, Kono meet in Moscow", "  publisher    tass · news",
                "  published    — (not printed)", "  meeting      — (not printed), Moscow, in-person, 180 minutes",
                "  participants Sergey Lavrov, Taro Kono", "  topics       Peace treaty",
                '  to check     line 3: the dateline prints "January 14" with no year'):
        assert row in out


def test_a_participant_people_yaml_lacks_is_shown_asked_for_once_and_linked_once_added(
        demo_site: Path, tmp_path: Path, capsys) -> None:
    new = tmp_path / "governor.txt"
    new.write_text("Governor meets Sakhalin deputy\n\nMOSCOW, January 14, 2019. /TASS/. Russian Foreign Minister "
                   "Sergey Lavrov held talks in Moscow with Mr. Pavel Sorokin, Deputy Chairman of the Sakhalin "
                   "Regional Government, on ferry services.\n", encoding="utf-8")
    assert main(["--root", str(demo_site), "add", str(new)]) == 0
    assert "  participants Sergey Lavrov, Pavel Sorokin" in capsys.readouterr().out
    assert main(["--root", str(demo_site), "build"]) == 0
    page = next((demo_site / "site" / "readouts").glob("2019-01-14-*.html")).read_text(encoding="utf-8")
    assert "Pavel Sorokin" in page and "people/pavel-sorokin" not in page
    capsys.readouterr()
    assert main(["--root", str(demo_site), "check"]) == 1
    out = capsys.readouterr().out
    # one finding for him, not one for the id and another for the name the source prints
    assert out.count("Pavel Sorokin") == 1 and "Pavel Sorokin (pavel-sorokin) is not in content/people.yaml" in out
    people = demo_site / "content" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n- id: pavel-sorokin\n  name: Pavel Sorokin\n"
                      "  country: russia\n", encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 0
    page = next((demo_site / "site" / "readouts").glob("2019-01-14-*.html")).read_text(encoding="utf-8")
    assert "people/pavel-sorokin" in page


def test_add_with_url_records_where_it_was_published_and_keeps_it_through_a_re_import(
        demo_site: Path, tmp_path: Path, capsys) -> None:
    new = tmp_path / "talk.txt"
    text = ("Foreign ministers talk by telephone\n\nOn March 3, 2021, Foreign Minister Toshimitsu Motegi held a "
            "telephone talk with Foreign Minister Sergey Lavrov.\n")
    new.write_text(text, encoding="utf-8")
    url = "https://www.mofa.go.jp/erp/rss/northern/page1e_000001.html"
    assert main(["--root", str(demo_site), "add", str(new), "--url", url]) == 0
    out = capsys.readouterr().out
    readout_id = next(line.removeprefix("imported ") for line in out.splitlines() if line.startswith("imported "))
    markdown = demo_site / "content" / "readouts" / f"{readout_id}.md"
    # the ministry's own site settles the publisher, though the text carries none of its marks
    assert "publisher: mofa-japan" in markdown.read_text(encoding="utf-8")
    assert f"  url: {url}" in markdown.read_text(encoding="utf-8")
    (demo_site / "content" / "sources" / "talk.txt").write_text(text.replace("talk with", "talk with the"),
                                                                 encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 0
    assert f"  url: {url}" in markdown.read_text(encoding="utf-8")
    page = (demo_site / "site" / "readouts" / f"{readout_id}.html").read_text(encoding="utf-8")
    assert f'Published at <a href="{url}"' in page
    assert f"Originally published at {url}." in page
    # a person's edit is told after where it was published, as a sentence of its own
    markdown.write_text(markdown.read_text(encoding="utf-8").replace("telephone talk", "telephone call"),
                        encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 0
    page = (demo_site / "site" / "readouts" / f"{readout_id}.html").read_text(encoding="utf-8")
    assert f'{url}</a>. The Markdown has been edited by hand since it was imported.' in page


@pytest.mark.parametrize(("extra", "message"), [
    (["second.txt"], "--url names where one readout was published; 2 files were given"),
    ([], "expected --url as an http:// or https:// address, got 'javascript:alert(1)'"),
])
def test_add_refuses_a_url_it_cannot_record(demo_site: Path, tmp_path: Path, capsys, extra, message) -> None:
    for name in ("first.txt", *extra):
        (tmp_path / name).write_text("Talks\n\nThe ministers met in Tokyo.\n", encoding="utf-8")
    url = "https://example.org/a" if extra else "javascript:alert(1)"
    files = [str(tmp_path / name) for name in ("first.txt", *extra)]
    assert main(["--root", str(demo_site), "add", *files, "--url", url]) == 1
    assert message in capsys.readouterr().err
    assert not (demo_site / "content" / "sources" / "first.txt").exists()


def test_explain_names_the_phrase(built_demo: Path, capsys) -> None:
    readout_id = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
    assert main(["--root", str(built_demo), "explain", readout_id]) == 0
    out = capsys.readouterr().out
    assert "humanitarian-measures: phrase 'humanitarian measure*' matched 'humanitarian measures'" in out


def test_python_build_py_is_readouts_build(demo_site: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, str(repo / "build.py"), "--keep-going"], cwd=demo_site,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (demo_site / "site" / "index.html").is_file()


def test_version_and_help() -> None:
    result = subprocess.run([sys.executable, "-m", "readouts", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "build" in result.stdout and "import" in result.stdout


def test_check_proposes_the_date_another_account_gives(built_demo: Path, capsys) -> None:
    assert main(["--root", str(built_demo), "check"]) == 1
    out = capsys.readouterr().out
    assert ("undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to.md: undated; "
            "2019-09-25-mofa-japan-russia-foreign-ministers-meeting reports the same meeting on 2019-09-25") in out
    assert "set published: 2019-09-26 and meeting: date: 2019-09-25" in out


def test_check_passes_once_the_date_is_filled_in(built_demo: Path, tmp_path: Path, capsys) -> None:
    import shutil

    root = tmp_path / "copy"
    shutil.copytree(built_demo, root)
    readout = root / "content" / "readouts" / "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to.md"
    text = readout.read_text(encoding="utf-8").replace("published:\n", "published: 2019-09-26\n", 1)
    readout.write_text(text.replace("  date:\n", "  date: 2019-09-25\n", 1), encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    assert main(["--root", str(root), "check"]) == 0
    assert "0 warnings" in capsys.readouterr().out


def test_add_refuses_the_name_of_a_source_imported_before(built_demo: Path, tmp_path: Path, capsys) -> None:
    import shutil

    root = tmp_path / "copy"
    shutil.copytree(built_demo, root)
    (root / "content" / "sources" / "000_201935dbfacb4233.txt").unlink()
    other = tmp_path / "000_201935dbfacb4233.txt"
    other.write_bytes((root / "content" / "sources" / "003_19287fb4fa5b8656.txt").read_bytes())
    readout = root / "content" / "readouts" / "2019-09-25-mofa-japan-russia-foreign-ministers-meeting.md"
    before = readout.read_bytes()
    assert main(["--root", str(root), "add", str(other)]) == 1
    err = capsys.readouterr().err
    assert "was imported before, as 2019-09-25-mofa-japan-russia-foreign-ministers-meeting" in err
    assert readout.read_bytes() == before


def test_output_cut_short_by_the_reader_is_no_traceback(demo_site: Path) -> None:
    """`readouts build | head -1`: the reader closes the pipe before the build has said all."""
    build = subprocess.Popen([sys.executable, "-m", "readouts", "--root", str(demo_site), "build"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert build.stdout is not None
    build.stdout.close()
    _, error = build.communicate()
    assert build.returncode == 0
    assert "Traceback" not in error.decode() and "BrokenPipe" not in error.decode()
    assert (demo_site / "site" / "index.html").is_file()


def test_a_participant_people_yaml_lacks_is_a_warning_not_a_failed_build(demo_site: Path, capsys) -> None:
    import os
    import time

    (demo_site / "content" / "readouts" / "2020-02-02-talk.md").write_text(
        "---\nid: 2020-02-02-talk\ntitle: A talk\npublisher: tass\nkind: news\nmeeting: {date: 2020-02-02}\n"
        "participants: [sergey-lavrov, ivan-nobody]\ntopics: []\n---\n\nThey talked.\n", encoding="utf-8")
    expected = "Ivan Nobody (ivan-nobody) is not in content/people.yaml"
    assert main(["--root", str(demo_site), "build"]) == 0
    out = capsys.readouterr().out
    assert f"warning: {demo_site / 'content' / 'readouts' / '2020-02-02-talk.md'}: {expected}" in out
    page = (demo_site / "site" / "readouts" / "2020-02-02-talk.html").read_text(encoding="utf-8")
    assert "Sergey Lavrov" in page and "Ivan Nobody" in page
    # Said again by a build that finds nothing changed and stops at once.
    past = time.time() - 60
    for path in [demo_site / "site.yaml", *(demo_site / "content").rglob("*")]:
        os.utime(path, (past, past))
    main(["--root", str(demo_site), "build"])
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 0
    out = capsys.readouterr().out
    assert "0 files written" in out and expected in out
    assert main(["--root", str(demo_site), "check"]) == 1
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize("command", ["build", "check", "serve", "import"])
def test_a_root_that_is_no_site_gets_a_message_not_a_traceback(tmp_path: Path, command: str) -> None:
    """Run as a user runs it: the command's own process, its exit status and what it prints."""
    for root, said in ((tmp_path / "missing", "there is no folder"), (tmp_path, "is not a readouts site")):
        done = subprocess.run([sys.executable, "-m", "readouts", "--root", str(root), command],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1
        assert said in done.stderr and "readouts init" in done.stderr
        assert "Traceback" not in done.stderr


def test_the_command_reports_its_exit_status_and_all_it_printed(demo_site: Path) -> None:
    """`python -m readouts` leaves the process without Python's teardown: what it printed must
    still all arrive, and its status must be the build's."""
    done = subprocess.run([sys.executable, "-m", "readouts", "--root", str(demo_site), "build"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported ")
    assert done.stdout.rstrip().endswith(f"python -m http.server -d {demo_site / 'site'}")


def test_a_build_with_its_output_closed_still_builds(demo_site: Path) -> None:
    done = subprocess.run(f"{sys.executable} -m readouts --root {demo_site} build >&- 2>&-", shell=True, timeout=120)
    assert done.returncode == 0
    assert (demo_site / "site" / "index.html").is_file()


MEETING = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
"""The readout the demo site imports from content/sources/000_201935dbfacb4233.txt."""


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for top in ("content", "site") for p in sorted((root / top).rglob("*")) if p.is_file()}


def test_a_deleted_readout_stays_deleted_and_the_build_says_so(demo_site: Path, capsys) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    readout = demo_site / "content" / "readouts" / f"{MEETING}.md"
    written = readout.read_bytes()
    readout.unlink()
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 0
    out = capsys.readouterr().out
    assert (f"note: content/readouts/{MEETING}.md was deleted, so content/sources/000_201935dbfacb4233.txt is no "
            f"longer imported (content/provenance/{MEETING}.json records it)\n"
            f"hint: to bring the readout back, run `readouts import --force {MEETING}`") in out
    assert "built 4 readouts" in out
    assert not readout.exists() and not (demo_site / "site" / "readouts" / f"{MEETING}.html").exists()
    assert '"deleted": true' in (demo_site / "content" / "provenance" / f"{MEETING}.json").read_text(encoding="utf-8")
    # Said once: the next build has nothing new to say about it.
    assert main(["--root", str(demo_site), "build"]) == 0
    assert "was deleted" not in capsys.readouterr().out and not readout.exists()
    assert main(["--root", str(demo_site), "import", "--force", MEETING]) == 0
    assert readout.read_bytes() == written


def test_a_renamed_readout_takes_its_record_along_and_leaves_no_copy_under_its_old_id(
        demo_site: Path, capsys) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    folder = demo_site / "content" / "readouts"
    old = folder / f"{MEETING}.md"
    new = folder / "new-york-talks.md"
    new.write_text(old.read_text(encoding="utf-8").replace(f"id: {MEETING}", "id: new-york-talks"), encoding="utf-8")
    old.unlink()
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 0
    out = capsys.readouterr().out
    assert f"note: content/readouts/{MEETING}.md was renamed new-york-talks.md: its import record goes with it" in out
    assert not old.exists() and "built 5 readouts" in out
    assert sorted(p.name for p in (demo_site / "content" / "provenance").glob(f"{MEETING}*")) == []
    assert (demo_site / "content" / "provenance" / "new-york-talks.json").exists()


def test_a_deleted_source_is_a_warning_naming_the_readout(demo_site: Path, capsys) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    (demo_site / "content" / "sources" / "000_201935dbfacb4233.txt").unlink()
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 0
    readout = demo_site / "content" / "readouts" / f"{MEETING}.md"
    assert (f"warning: {readout}: its source content/sources/000_201935dbfacb4233.txt no longer exists, so the "
            "page's link to it leads nowhere") in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["unknown", "written by hand"])
def test_import_force_of_an_id_not_imported_is_an_error_naming_it(demo_site: Path, capsys, kind: str) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    readout_id = "no-such-readout"
    if kind == "written by hand":
        readout_id = "2020-02-02-talk"
        (demo_site / "content" / "readouts" / f"{readout_id}.md").write_text(
            f"---\nid: {readout_id}\ntitle: A talk\n---\n\nThey talked.\n", encoding="utf-8")
    before = _files(demo_site)
    capsys.readouterr()
    assert main(["--root", str(demo_site), "import", "--force", readout_id]) == 1
    captured = capsys.readouterr()
    assert "nothing to import" not in captured.out and "Traceback" not in captured.err
    if kind == "unknown":
        assert f"error: no readout with the id '{readout_id}' was imported from a source" in captured.err
    else:
        assert f"{readout_id}.md: {readout_id} was written by hand, not imported" in captured.err
    assert _files(demo_site) == before


def _plant_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    import readouts.link

    def link(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyError("planted")

    monkeypatch.setattr(readouts.link, "link", link)


def test_a_bug_is_one_line_saying_so_and_where_to_report_it(demo_site: Path, capsys,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _plant_a_bug(monkeypatch)
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: this is a bug in readouts 0.1.0, not a problem with your site (KeyError: 'planted')\n"
                          "hint: please report it in the readouts issue tracker"), err
    assert "--debug" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback_of_a_bug(demo_site: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    _plant_a_bug(monkeypatch)
    assert main(["--debug", "--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "KeyError: 'planted'" in err
    assert "this is a bug in readouts" in err


def test_an_os_error_names_the_file_and_the_cause(demo_site: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import readouts.link

    def link(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", "/some/where/file.html")

    monkeypatch.setattr(readouts.link, "link", link)
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert err == ("error: /some/where/file.html: No space left on device\n"
                   "hint: free some space on that disk and run it again; the previous site is as it was\n"), err


def test_a_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["build", "--no-such-option"])
    assert exit.value.code == 2
