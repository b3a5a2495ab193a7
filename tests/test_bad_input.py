"""Bad and hostile input, each with the one clear message it gets: never a traceback.

Each case writes one file into a fresh copy of the demo site and builds it through the command
line, as a user would; the message must name the file (and the line, where there is one).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from readouts.cli import main

REPO = Path(__file__).resolve().parent.parent

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


    assert len(CASES) + len(HOSTILE) >= 150


# Second round (issue #20): hostile input against a site that was built, so the test can say
# that nothing under content/ or site/ changed, and that no temporary folder was left behind.

MOFA = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
Mutate = Callable[[Path], None]


@pytest.fixture
def built_site(built_demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo site as a build left it: content, site and cache."""
    root = tmp_path / "built"
    shutil.copytree(built_demo, root, symlinks=True)
    return root


def tree(root: Path) -> dict[str, object]:
    """Every file and link under content/ and the output folder, and the names beside them."""
    found: dict[str, object] = {name: None for name in os.listdir(root)
                                if name not in (".readouts-cache", ".readouts.lock")}
    for top in ("content", "site"):
        for folder, folders, files in os.walk(root / top):
            for name in folders + files:
                path = Path(folder) / name
                key = path.relative_to(root).as_posix()
                if path.is_symlink():
                    found[key] = ("link", os.readlink(path))
                elif path.is_file():
                    found[key] = path.read_bytes()
                else:
                    found[key] = "folder"
    return found


def write(relative: str, content: str | bytes) -> Mutate:
    def mutate(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return mutate


def edit(relative: str, old: str, new: str, count: int = 1) -> Mutate:
    def mutate(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def front_matter(old: str, new: str) -> Mutate:
    return edit(f"content/readouts/{MOFA}.md", old, new)


def encoded(relative: str, encoding: str) -> Mutate:
    def mutate(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        path.write_bytes(text.encode(encoding, errors="replace"))
    return mutate


def folder_at(relative: str) -> Mutate:
    def mutate(root: Path) -> None:
        path = root / relative
        path.unlink()
        (path / "inside").mkdir(parents=True)
    return mutate


def _deep(kind: str, levels: int = 3000) -> str:
    if kind == "flow list":
        return "[" * levels + "]" * levels
    if kind == "flow map":
        return "{a: " * levels + "}" * levels
    return "\n" + "".join("  " * (i + 1) + "- \n" for i in range(levels))  # block list


REGISTRIES = ("content/people.yaml", "content/topics.yaml", "content/glossary.yaml", "site.yaml")
ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis")

HOSTILE: list[tuple[str, Mutate, str]] = [
    # registries and settings in another encoding: they must hold a character outside ASCII
    *[(f"{name.split('/')[-1]} in {encoding}",
       (lambda r, name=name, encoding=encoding: (edit(name, "\n", "\n# Café Ünïcödé 日本\n")(r),
                                                 encoded(name, encoding)(r))),
       f"{name.split('/')[-1]}: the file is not UTF-8 text")
      for name in REGISTRIES for encoding in ENCODINGS],
    # nesting deep enough to overflow a recursive parser
    *[(f"{name.split('/')[-1]} nested 3,000 deep as a {kind}", write(name, f"x: {_deep(kind)}\n"),
       f"{name.split('/')[-1]}:")
      for name in REGISTRIES for kind in ("flow list", "flow map", "block list")],
    *[(f"front matter nested 3,000 deep as a {kind}", front_matter("kind: readout", f"kind: readout\nx: {_deep(kind)}"),
       f"{MOFA}.md:") for kind in ("flow list", "flow map", "block list")],
    ("front matter nested 51 deep", front_matter("kind: readout", f"kind: readout\nx: {_deep('flow list', 51)}"),
     f"{MOFA}.md:6: this is not valid YAML: lists and mappings are nested more than 50 levels deep"),
    # a registry that is a folder
    *[(f"{name.split('/')[-1]} is a folder", folder_at(name), f"{name.split('/')[-1]}:")
      for name in REGISTRIES],
    # import records of the wrong shape
    *[(f"import record that is {what}", write(f"content/provenance/{MOFA}.json", text),
       f"{MOFA}.json: the import record is damaged")
      for what, text in (("a list", "[1, 2]"), ("a string", '"x"'), ("a number", "12"), ("null", "null"),
                         ("true", "true"), ("a list of records", '[{"source": "sources/x.txt"}]'))],
    # dates at the ends of the calendar
    *[(f"{key} date {day}", front_matter(old, old.split(":")[0] + f": {day}"),
       f"{MOFA}.md:{line}: expected a date in the years 1000 to 2999, got '{day}'")
      for key, old, line in (("meeting", "  date: 2019-09-25", 8), ("published", "published: 2019-09-25", 6))
      for day in ("9999-12-31", "9999-01-01", "0001-01-01", "0999-12-31", "3000-01-01")],
    ("role date 9999-12-31", edit("content/people.yaml", "start: 2004-03-09", "start: 9999-12-31"),
     "people.yaml:18: expected a date in the years 1000 to 2999"),
    # base_url: printed into every feed, sitemap and calendar link
    *[(f"base_url {what}", write("site.yaml", f"base_url: {value}\n"),
       "site.yaml:1: expected base_url as a web address like https://example.org/readouts/")
      for what, value in (("with CR LF", '"https://example.org/\\r\\nX-Injected: 1"'),
                          ("with LF", '"https://example.org/\\nBEGIN:VEVENT"'),
                          ("with a tab", '"https://example.org/\\tx"'),
                          ("with a space", '"https://example.org/a b/"'),
                          ("with a quote", "'https://example.org/\"onmouseover=\"x'"),
                          ("with angle brackets", '"https://example.org/<script>"'),
                          ("javascript:", '"javascript:alert(1)"'), ("JavaScript:", '"JavaScript:alert(1)//"'),
                          ("data:", '"data:text/html,<b>x</b>"'), ("file:", '"file:///etc/"'),
                          ("ftp:", '"ftp://example.org/"'), ("without a scheme", "example.org/readouts/"),
                          ("without a host", '"https://"'), ("a number", "12"), ("a list", "[https://a.org/]"))],
    # control characters in a readout: a NUL from a binary file, an escape code from a terminal
    *[(f"readout holding {name}", front_matter("title: Japan-Russia Foreign Ministers’ Meeting",
                                               f"title: Japan-Russia{char} Foreign Ministers’ Meeting"),
       f"{MOFA}.md:3: the file holds a control character ({ord(char):#04x})")
      for name, char in (("a NUL", "\x00"), ("an escape", "\x1b"), ("a bell", "\x07"), ("a backspace", "\x08"),
                         ("a DEL", "\x7f"), ("a vertical tab", "\x0b"))],
    ("readout holding a NUL in its body", edit(f"content/readouts/{MOFA}.md", "garbage disposal", "garbage\x00disposal"),
     f"{MOFA}.md:"),
    # topic phrases: text with a word, in a shape whose regex stays quick
    *[(f"topic phrase {value}", edit("content/topics.yaml", "    - peace treaty\n", f"    - {value}\n    - peace treaty\n"),
       f"topics.yaml:17: expected each of phrases as text, got {shown}")
      for value, shown in (("true", "True"), ("false", "False"), ("yes", "True"), ("12345", "12345"),
                           ("1.5", "1.5"), ("~", "None"), ("null", "None"), ("[a, b]", "['a', 'b']"),
                           ("{a: b}", "{'a': 'b'}"))],
    *[(f"topic phrase {value!r}", edit("content/topics.yaml", "    - peace treaty\n", f"    - {value}\n    - peace treaty\n"),
       f"topics.yaml:17: the phrase {shown!r} cannot be used: {problem}")
      for value, shown, problem in (
          ('""', "", "a phrase needs at least one word"), ('"   "', "   ", "a phrase needs at least one word"),
          ('"~"', "~", "a phrase needs at least one word"), ('"*"', "*", "a phrase needs at least one word"),
          ('"~ * ~"', "~ * ~", "a phrase needs at least one word"),
          ('"a ~ b ~ c ~ d ~ e"', "a ~ b ~ c ~ d ~ e", "a phrase may hold at most 3 gaps"),
          ('"wo*m*n"', "wo*m*n", "a * stands for a word's ending"))],
    ("topic exception true", edit("content/topics.yaml", "  main: true\n", "  main: true\n  except: [true]\n"),
     "topics.yaml:16: expected each of except as text, got True"),
    ("topic exception empty", edit("content/topics.yaml", "  main: true\n", "  main: true\n  except: ['']\n"),
     "topics.yaml:16: the phrase '' cannot be used: a phrase needs at least one word"),
    ("topic phrases a mapping", edit("content/topics.yaml", "  phrases:\n    - peace treaty\n",
                                     "  phrases: {peace: treaty}\n  x:\n    - peace treaty\n"),
     "topics.yaml:17: phrases must be a list of phrases"),
    *[(f"topic main {value}", edit("content/topics.yaml", "  main: true\n", f"  main: {value}\n"),
       f"topics.yaml:15: main must be true or false, got {shown}")
      for value, shown in (('"no"', "'no'"), ('"false"', "'false'"), ("'yes'", "'yes'"), ("1", "1"), ("0", "0"),
                           ("on-weekdays", "'on-weekdays'"))],
    # output: a file, or one of the site's own inputs
    ("output a file that exists", lambda r: (write("README.md", "mine\n")(r), write("site.yaml", "output: README.md\n")(r)),
     "README.md: the output folder"),
    *[(f"output {value}", write("site.yaml", f"output: {value}\n"),
       "site.yaml:1: output must be a folder inside the site")
      for value in ("site.yaml", "content/readouts", "content/sources", "templates", "static", ".readouts-cache",
                    "./content", "content/../site.yaml", "''")],
]


@pytest.mark.parametrize(("mutate", "message"), [(c[1], c[2]) for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_input_gets_a_message_and_changes_nothing(built_site: Path, capsys, mutate: Mutate,
                                                          message: str) -> None:
    mutate(built_site)
    before = tree(built_site)
    assert main(["--root", str(built_site), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "this is a bug" not in err, err
    assert message in err, err
    assert tree(built_site) == before, "a failed build must leave content/ and the site as they were"


# The environment: a folder that cannot be written, a full disk, a limit on file size. Running
# as root makes permissions moot, so an unwritable folder is simulated: every call that would
# create something in it fails as the system fails it.

def refuse_writes(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.EACCES) -> None:
    """Make creating anything in `folder` (not below it) fail with `code`."""
    import builtins
    import io

    where = os.path.abspath(folder)
    error = OSError(code, os.strerror(code)).__class__

    def inside(path: object) -> bool:
        return isinstance(path, (str, bytes, os.PathLike)) and \
            os.path.dirname(os.path.abspath(os.fsdecode(path))) == where  # type: ignore[arg-type]

    def refuse(path: object) -> None:
        raise error(code, os.strerror(code), os.fsdecode(path))  # type: ignore[arg-type]

    real_open, real_os_open, real_mkdir, real_access = builtins.open, os.open, os.mkdir, os.access
    real_replace, real_rename, real_link = os.replace, os.rename, os.link

    # A file that exists may be written in a folder that cannot be: only new entries are refused.
    def open_(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if inside(file) and any(c in mode for c in "wax+") and not os.path.exists(file):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if inside(path) and flags & os.O_CREAT and not os.path.exists(path) and "dir_fd" not in kwargs:
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.path.abspath(os.fsdecode(path)) == where and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    def mkdir(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if inside(path):
            refuse(path)
        return real_mkdir(path, *args, **kwargs)

    def moving(real):  # type: ignore[no-untyped-def]
        def move(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
            if inside(target) or inside(source):
                refuse(target)
            return real(source, target, *args, **kwargs)
        return move

    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "replace", moving(real_replace))
    monkeypatch.setattr(os, "rename", moving(real_rename))
    monkeypatch.setattr(os, "link", moving(real_link))


NEW_SOURCE = (REPO / "tests" / "fixtures" / "sixth_readout.txt")


def _new_source(root: Path) -> None:
    shutil.copy(NEW_SOURCE, root / "content" / "sources" / "sixth.txt")


def _changed_readout(root: Path) -> None:
    front_matter("title: Japan-Russia Foreign Ministers’ Meeting", "title: A changed title")(root)


ALL_FAULTS, PERMISSIONS = (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT), (errno.EACCES,)
ENVIRONMENT: list[tuple[str, Mutate, str, str, tuple[int, ...]]] = [
    # (case, the change that makes the build write, the folder that refuses, the message, the faults)
    ("content/readouts not writable", _new_source, "content/readouts", "content/readouts/", ALL_FAULTS),
    ("the site's folder not writable", _changed_readout, ".", ".site.new-", ALL_FAULTS),
    # Moving files into the site needs no space; only a folder's permissions can stop it, and
    # they are looked at before the new site is committed.
    ("the output folder not writable", _changed_readout, "site", "site: Permission denied", PERMISSIONS),
    ("a folder of the output not writable", _changed_readout, "site/readouts", "site/readouts: Permission denied",
     PERMISSIONS),
]


@pytest.mark.parametrize(("change", "folder", "message", "code"),
                         [(*c[1:4], code) for c in ENVIRONMENT for code in c[4]],
                         ids=[f"{c[0]}, {errno.errorcode[code]}" for c in ENVIRONMENT for code in c[4]])
def test_a_folder_that_cannot_be_written_gets_a_message_and_changes_nothing(
        built_site: Path, capsys, monkeypatch: pytest.MonkeyPatch, change: Mutate, folder: str, message: str,
        code: int) -> None:
    change(built_site)
    before = tree(built_site)
    refuse_writes(monkeypatch, built_site / folder, code)
    status = main(["--root", str(built_site), "build"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 1, err
    assert "Traceback" not in err and "this is a bug" not in err, err
    assert message in err and f": {os.strerror(code)}\nhint: " in err, err
    assert tree(built_site) == before, "a failed build must leave content/ and the site as they were"


def test_a_provenance_folder_that_cannot_be_written_changes_nothing(built_site: Path, capsys,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _new_source(built_site)
    before = tree(built_site)
    refuse_writes(monkeypatch, built_site / "content" / "provenance")
    status = main(["--root", str(built_site), "build"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 1 and "content/provenance/" in err and ": Permission denied\nhint: " in err, err
    assert tree(built_site) == before


def test_a_lock_file_that_cannot_be_opened_gets_a_message(built_site: Path, capsys,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    _changed_readout(built_site)
    before = tree(built_site)
    lock, real_open = os.fspath(built_site / ".readouts.lock"), builtins.open

    def open_(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == lock:
            raise PermissionError(errno.EACCES, "Permission denied", lock)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", open_)
    status = main(["--root", str(built_site), "build"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 1
    assert f"error: {lock}: Permission denied\nhint: readouts needs to read and write there" in err, err
    assert tree(built_site) == before


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC])
def test_a_cache_folder_that_cannot_be_written_costs_a_warning_not_the_build(
        built_site: Path, capsys, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    _changed_readout(built_site)
    refuse_writes(monkeypatch, built_site / ".readouts-cache", code)
    status = main(["--root", str(built_site), "build"])
    monkeypatch.undo()
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "warning: the build cache was not saved, so the next build does more work: " in out, out
    assert ".readouts-cache/" in out and os.strerror(code) in out
    assert "A changed title" in (built_site / "site" / "readouts" / f"{MOFA}.html").read_text(encoding="utf-8")
    assert main(["--root", str(built_site), "build"]) == 0


def test_a_disk_that_fills_while_the_pages_are_written_changes_nothing(built_site: Path, capsys,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _changed_readout(built_site)
    before = tree(built_site)
    real_os_open = os.open

    # Pages are written with os.open and os.write (render/output.write_new_file): the disk is
    # full when a page's file is made.
    def os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if ".site.new-" in os.fsdecode(path) and os.fsdecode(path).endswith(".html") and flags & os.O_CREAT:
            raise OSError(errno.ENOSPC, "No space left on device")  # as the system raises it: no file named
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    status = main(["--root", str(built_site), "build"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 1
    assert ".html: No space left on device\nhint: free some space on that disk" in err, err
    assert "/.site.new-" in err
    assert tree(built_site) == before


def test_a_limit_on_file_size_gets_a_message_and_changes_nothing(built_site: Path) -> None:
    import resource
    import signal
    import subprocess
    import sys

    _changed_readout(built_site)
    before = tree(built_site)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))

    result = subprocess.run([sys.executable, "-m", "readouts", "--root", str(built_site), "build"],
                            capture_output=True, text=True, preexec_fn=limited, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "/.site.new-" in result.stderr, "the message names the file"
    assert ": File too large\nhint: a limit on file size (ulimit -f) stopped the write" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert tree(built_site) == before


def test_a_limit_on_file_size_met_while_importing_names_the_content_folder(built_site: Path) -> None:
    import resource
    import signal
    import subprocess
    import sys

    talk = NEW_SOURCE.read_text(encoding="utf-8")
    padding = "\n\n".join(f"{n}. The ministers also discussed item {n} of the agenda at some length." for n in range(300))
    (built_site / "content" / "sources" / "long.txt").write_text(talk + "\n\n" + padding + "\n", encoding="utf-8")

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (12_000, 12_000))

    before = tree(built_site)
    result = subprocess.run([sys.executable, "-m", "readouts", "--root", str(built_site), "build"],
                            capture_output=True, text=True, preexec_fn=limited, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"error: {built_site / 'content'}" in result.stderr and ": File too large\nhint: " in result.stderr, \
        result.stderr
    assert "Traceback" not in result.stderr
    assert tree(built_site) == before
