"""Bad and hostile input, each with the one clear message it gets: never a traceback.

Each case writes one file into a fresh copy of the demo site and builds it through the command
line, as a user would; the message must name the file (and the line, where there is one).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from readouts.cli import main

GOOD = """---
id: {id}
title: A readout
publisher: mofa-japan
kind: readout
published: 2020-01-01
meeting:
  date: 2020-01-01
participants: [sergey-lavrov]
topics: [peace-treaty]
---

Text about the peace treaty.
"""


def _readout(old: str, new: str, name: str = "bad") -> tuple[str, str]:
    return f"content/readouts/{name}.md", GOOD.replace("{id}", name).replace(old, new)


CASES: list[tuple[str, tuple[str, str | bytes], str]] = [
    # raw sources
    ("empty source", ("content/sources/bad.txt", b""), "bad.txt: the file is empty"),
    ("blank source", ("content/sources/bad.txt", b"  \n\n\t\n"), "bad.txt: the file is empty"),
    ("binary source", ("content/sources/bad.txt", b"\x7fELF\x02\x01\x00\x00binary"), "bad.txt: this is a binary file"),
    ("huge source", ("content/sources/bad.txt", b"word " * 1_100_000), "bad.txt: the file is 5.5 MB"),
    ("menus only", ("content/sources/bad.txt", b"All news\nBack to Index\nShowing 1 result.\n"),
     "bad.txt: the file holds no text once page menus"),
    # readout front matter
    ("no front matter", ("content/readouts/bad.md", "Just text.\n"), "bad.md:1: expected the file to start with front matter"),
    ("unclosed front matter", ("content/readouts/bad.md", "---\nid: bad\ntitle: x\n"), "bad.md:1: expected the file to start"),
    ("invalid yaml", _readout("topics: [peace-treaty]", "topics: [peace-treaty"), "bad.md:11: this is not valid YAML"),
    ("tab indentation", _readout("  date: 2020-01-01", "\tdate: 2020-01-01"), "bad.md:8: this is not valid YAML"),
    ("unknown key", _readout("kind: readout", "kind: readout\ncolour: red"), "bad.md:6: unknown key 'colour'"),
    ("missing title", _readout("title: A readout\n", ""), "bad.md:2: missing 'title'"),
    ("date in another format", _readout("published: 2020-01-01", "published: 01/01/2020"),
     "bad.md:6: expected a date like 2019-09-25, got '01/01/2020'"),
    ("date that does not exist", _readout("published: 2020-01-01", "published: 2019-02-30"),
     "bad.md:6: the date '2019-02-30' does not exist"),
    ("unknown publisher", _readout("publisher: mofa-japan", "publisher: mofa"), "bad.md:4: expected publisher to be one of"),
    ("unknown kind", _readout("kind: readout", "kind: memo"), "bad.md:5: expected kind to be one of"),
    ("duration as words", _readout("  date: 2020-01-01", "  date: 2020-01-01\n  duration_minutes: an hour"),
     "bad.md:9: expected duration_minutes as a whole number"),
    ("negative duration", _readout("  date: 2020-01-01", "  date: 2020-01-01\n  duration_minutes: -5"),
     "bad.md:9: expected duration_minutes as a whole number"),
    ("unknown meeting key", _readout("  date: 2020-01-01", "  date: 2020-01-01\n  city: Tokyo"),
     "bad.md:9: unknown meeting key 'city'"),
    ("meeting as text", _readout("meeting:\n  date: 2020-01-01", "meeting: yesterday"), "bad.md:7: meeting must hold"),
    ("id unlike the file name", _readout("id: bad", "id: other"), "bad.md:2: the id 'other' differs from the file name"),
    ("id with a path in it", _readout("id: bad", "id: ../../etc/passwd"), "bad.md:2: expected an id of lower-case"),
    ("id a device name", ("content/readouts/con.md", GOOD.replace("{id}", "con")), "con.md:2: expected an id of lower-case"),
    ("unknown publisher setting", ("site.yaml", "publishers:\n  reuters: Reuters\n"), "site.yaml:2: unknown publisher 'reuters'"),
    ("participants as text", _readout("participants: [sergey-lavrov]", "participants: Sergey Lavrov"),
     "bad.md:9: expected participants as a list of ids"),
    ("unknown topic", _readout("topics: [peace-treaty]", "topics: [no-such-topic]"), "bad.md:1: unknown topic 'no-such-topic'"),
    ("yaml alias bomb", _readout("topics: [peace-treaty]", "a: &a [x, x]\nb: &b [*a, *a]\ntopics: *b"),
     "bad.md:11: this is not valid YAML: aliases (*name) are not allowed"),
    ("python object tag", _readout("title: A readout", "title: !!python/object/apply:os.system ['echo hi']"),
     "bad.md:3: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ("source outside sources/", _readout("topics: [peace-treaty]", "topics: [peace-treaty]\nsource: {file: ../../etc/passwd}"),
     "bad.md:11: expected source file as sources/<name>"),
    ("markdown not utf-8", ("content/readouts/bad.md", "---\nid: bad\ntitle: Café\n---\n".encode("latin-1")),
     "bad.md: the file is not UTF-8 text"),
    # registries and settings
    ("people not a list", ("content/people.yaml", "sergey-lavrov: Sergey Lavrov\n"), "people.yaml:1: expected a list of people"),
    ("person without a name", ("content/people.yaml", "- id: someone\n"), "people.yaml:1: missing 'name'"),
    ("role date that does not exist", ("content/people.yaml",
     "- id: sergey-lavrov\n  name: Sergey Lavrov\n  roles:\n    - {title: Minister, start: 2004-13-09}\n"),
     "people.yaml:4: the date '2004-13-09' does not exist"),
    ("person with a blank name", ("content/people.yaml", "- id: someone\n  name: ' '\n"), "people.yaml:2: missing 'name'"),
    ("role without a title", ("content/people.yaml", "- id: someone\n  name: Someone\n  roles:\n    - {title: , start: 2004-03-09}\n"),
     "people.yaml:4: expected each role as {title: …"),
    ("duplicate person", ("content/people.yaml", "- {id: a, name: A}\n- {id: a, name: B}\n"),
     "people.yaml: the id 'a' appears twice"),
    ("topic without a title", ("content/topics.yaml", "- id: peace-treaty\n  phrases: [peace treaty]\n"),
     "topics.yaml:1: missing 'title'"),
    ("glossary names as a list", ("content/glossary.yaml", "- id: t\n  title: T\n  names: [a, b]\n"),
     "glossary.yaml:3: names must map a side to its names"),
    ("unknown setting", ("site.yaml", "title: Mine\ncolour: red\n"), "site.yaml:2: unknown setting 'colour'"),
    ("output outside the site", ("site.yaml", "output: /tmp\n"), "site.yaml:1: output must be a folder inside the site"),
    ("main topic not in topics.yaml", ("site.yaml", "main_topics: [no-such-topic]\n"),
     "site.yaml: main topic 'no-such-topic' is not in content/topics.yaml"),
    # templates
    ("template syntax error", ("templates/readout_item.html", "{% for x in %}\n"),
     "readout_item.html:1: template syntax"),
    ("template misspelt variable", ("templates/readout_item.html", "<a href=\"{{ readout.hreff }}\">x</a>\n"),
     "readout_item.html:1: template error"),
]


@pytest.mark.parametrize(("write", "message"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gets_one_clear_message(demo_site: Path, capsys, write, message: str) -> None:
    relative, content = write
    path = demo_site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert message in err, err
    assert not (demo_site / "site").exists(), "a failed build must not publish a site"


def test_the_table_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def _tree(root: Path) -> dict[str, bytes | str]:
    """Every file under content/ and site/, a link by where it points, a file by its bytes."""
    found: dict[str, bytes | str] = {}
    for top in ("content", "site"):
        for path in sorted((root / top).rglob("*")) if (root / top).exists() else []:
            name = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[name] = "link to " + os.readlink(path)
            elif path.is_file():
                found[name] = path.read_bytes()
    return found


SECRET = b"root:x:0:0:a secret that must not be published:/root:/bin/bash\n"


def _link_a_source(root: Path, outside: Path) -> Path:
    link = root / "content" / "sources" / "passwd.txt"
    link.symlink_to(outside)
    return link


def _link_a_hand_written_source(root: Path, outside: Path) -> Path:
    link = root / "content" / "sources" / "passwd"
    link.symlink_to(outside)
    readout = next((root / "content" / "readouts").glob("*.md"))
    text = readout.read_text(encoding="utf-8")
    start = text.index("  file: ") + len("  file: ")
    readout.write_text(text[:start] + "sources/passwd" + text[text.index("\n", start):], encoding="utf-8")
    return link


def _link_a_static_file(root: Path, outside: Path) -> Path:
    (root / "static").mkdir(exist_ok=True)
    link = root / "static" / "passwd.txt"
    link.symlink_to(outside)
    return link


def _link_a_readout(root: Path, outside: Path) -> Path:
    outside.write_text(GOOD.replace("{id}", "linked"), encoding="utf-8")
    link = root / "content" / "readouts" / "linked.md"
    link.symlink_to(outside)
    return link


def _link_the_sources_folder(root: Path, outside: Path) -> Path:
    sources = root / "content" / "sources"
    moved = outside.parent / "sources"
    shutil.copytree(sources, moved)
    (moved / "passwd.txt").write_bytes(SECRET)
    shutil.rmtree(sources)
    sources.symlink_to(moved)
    return sources


LINK_CASES = [_link_a_source, _link_a_hand_written_source, _link_a_static_file, _link_a_readout,
              _link_the_sources_folder]


@pytest.mark.parametrize("command", ["build", "import"])
@pytest.mark.parametrize("make_link", LINK_CASES, ids=[f.__name__[1:] for f in LINK_CASES])
def test_a_link_leading_outside_the_site_is_refused_naming_it_and_its_target(
        demo_site: Path, tmp_path_factory: pytest.TempPathFactory, capsys, make_link, command: str) -> None:
    if command == "import" and make_link in (_link_a_hand_written_source, _link_a_static_file, _link_a_readout):
        pytest.skip("import reads only the sources")
    outside = tmp_path_factory.mktemp("elsewhere") / "passwd"
    outside.write_bytes(SECRET)
    assert main(["--root", str(demo_site), "build"]) == 0
    link = make_link(demo_site, outside)
    before = _tree(demo_site)
    capsys.readouterr()
    assert main(["--root", str(demo_site), command]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"error: {link}: this is a symbolic link to {os.path.realpath(link)}, which is outside the site" in err
    assert _tree(demo_site) == before
    assert not any(SECRET in data for data in before.values() if isinstance(data, bytes) and data != SECRET)
    site = demo_site / "site"
    assert not any(SECRET in p.read_bytes() for p in site.rglob("*") if p.is_file())


def test_a_link_inside_the_site_is_followed(demo_site: Path) -> None:
    sources = demo_site / "content" / "sources"
    first = sorted(sources.glob("*.txt"))[0]
    (sources / "copy.txt").symlink_to(first.name)
    assert main(["--root", str(demo_site), "build"]) == 0
    assert (demo_site / "site" / "sources" / "copy.txt").read_bytes() == first.read_bytes()


@pytest.mark.parametrize("where", ["content/sources/loop.txt", "content/readouts/loop.md", "content/people.yaml",
                                   "static/loop.css", "templates/loop.html"])
def test_a_link_that_loops_where_the_build_reads_gets_a_message(demo_site: Path, capsys, where: str) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    link = demo_site / where
    link.parent.mkdir(exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(link.name + ".other")
    link.with_name(link.name + ".other").symlink_to(link.name)
    before = _tree(demo_site)
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # Either link of the pair may be met first.
    assert f"error: {link}" in err and ": this is a symbolic link that leads round in a loop" in err
    assert _tree(demo_site) == before


@pytest.mark.parametrize("folder", ["readouts", "provenance"])
def test_an_import_that_cannot_write_gets_a_message_and_changes_nothing(
        demo_site: Path, capsys, monkeypatch, folder: str) -> None:
    """A folder that cannot be written, or a full disk: the message names the file, and the
    source is imported by the next build, once."""
    assert main(["--root", str(demo_site), "build"]) == 0
    new = demo_site / "content" / "sources" / "new.txt"
    new.write_bytes((Path(__file__).parent / "fixtures" / "sixth_readout.txt").read_bytes())
    before = _tree(demo_site)
    real_replace = os.replace

    def replace(source, target):  # type: ignore[no-untyped-def]
        if Path(target).parent.name == folder:
            raise PermissionError(13, "Permission denied", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    capsys.readouterr()
    assert main(["--root", str(demo_site), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"error: {demo_site / 'content' / folder}" in err and ": Permission denied" in err, err
    assert _tree(demo_site) == before
    monkeypatch.setattr(os, "replace", real_replace)
    assert main(["--root", str(demo_site), "build"]) == 0
    assert "built 6 readouts" in capsys.readouterr().out


MEETING = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
"""The readout the demo site imports from content/sources/000_201935dbfacb4233.txt."""


@pytest.mark.parametrize("command", ["build", "import"])
def test_a_new_text_under_a_used_source_name_is_refused_as_add_refuses_it(
        demo_site: Path, capsys, command: str) -> None:
    assert main(["--root", str(demo_site), "build"]) == 0
    sources = demo_site / "content" / "sources"
    used = sources / "000_201935dbfacb4233.txt"
    used.write_bytes((sources / "003_19287fb4fa5b8656.txt").read_bytes())
    before = _tree(demo_site)
    capsys.readouterr()
    assert main(["--root", str(demo_site), command]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert (f"error: {used}: a source named {used.name} was imported before, as {MEETING}, "
            "and this text reads as another readout (") in err
    assert f"hint: give the new text a name of its own, so both readouts are kept; or, to replace {MEETING} " \
           f"with it, run `readouts import --force {MEETING}`" in err
    assert _tree(demo_site) == before
    # Asked for by name, the new text takes the readout's place.
    assert main(["--root", str(demo_site), "import", "--force", MEETING]) == 0
    readout = (demo_site / "content" / "readouts" / f"{MEETING}.md").read_text(encoding="utf-8")
    assert f"sha256: {hashlib.sha256(used.read_bytes()).hexdigest()}" in readout


def test_add_and_build_take_a_corrected_copy_of_the_same_text_alike(demo_site: Path, tmp_path: Path, capsys) -> None:
    """The one rule both follow: a name stays with its document, and a corrected copy of the
    document is imported again."""
    assert main(["--root", str(demo_site), "build"]) == 0
    used = demo_site / "content" / "sources" / "000_201935dbfacb4233.txt"
    corrected = used.read_bytes() + b"\nA paragraph added later to the page.\n"
    copy = tmp_path / "downloads" / used.name
    copy.parent.mkdir()
    copy.write_bytes(corrected)
    assert main(["--root", str(demo_site), "add", str(copy)]) == 0
    assert f"imported {MEETING}\n" in capsys.readouterr().out
    used.write_bytes(corrected + b"\nAnother paragraph.\n")
    assert main(["--root", str(demo_site), "build"]) == 0
    assert f"imported {MEETING}\n" in capsys.readouterr().out
    assert len(list((demo_site / "content" / "readouts").glob("*.md"))) == 5


@pytest.mark.parametrize("command", ["add", "explain"])
def test_add_and_explain_refuse_a_link_leading_outside_the_site(
        demo_site: Path, tmp_path_factory: pytest.TempPathFactory, capsys, command: str) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "passwd.txt"
    outside.write_bytes((Path(__file__).parent / "fixtures" / "sixth_readout.txt").read_bytes())
    assert main(["--root", str(demo_site), "build"]) == 0
    if command == "add":
        link = demo_site / "content" / "sources" / "passwd.txt"
        argv = ["add", str(outside)]
    else:
        link = demo_site / "content" / "readouts" / "linked.md"
        outside.write_text(GOOD.replace("{id}", "linked"), encoding="utf-8")
        argv = ["explain", "linked"]
    link.symlink_to(outside)
    before = _tree(demo_site)
    capsys.readouterr()
    assert main(["--root", str(demo_site), *argv]) == 1
    captured = capsys.readouterr()
    assert f"error: {link}: this is a symbolic link to {outside}, which is outside the site" in captured.err
    assert "Traceback" not in captured.err and "peace treaty" not in captured.out
    assert _tree(demo_site) == before
