"""A new user's first ten minutes: init a site, add a readout, build, override a template."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def test_init_add_build_and_override_a_template(tmp_path: Path, capsys) -> None:
    site = tmp_path / "my-site"
    assert main(["init", str(site)]) == 0
    assert (site / "site.yaml").is_file() and (site / "content" / "topics.yaml").is_file()

    assert main(["--root", str(site), "add", str(FIXTURES / "sixth_readout.txt")]) == 0
    assert main(["--root", str(site), "build"]) == 0
    (readout_page,) = (site / "site" / "readouts").glob("*.html")
    assert "Hayashi" in readout_page.read_text(encoding="utf-8")

    (site / "templates" / "readout_item.html").write_text(
        '<a href="{{ readout.href }}">{{ readout.title }}</a> <span class="own-theme">mine</span>\n',
        encoding="utf-8")
    assert main(["--root", str(site), "build"]) == 0
    assert '<span class="own-theme">mine</span>' in (site / "site" / "index.html").read_text(encoding="utf-8")


def test_init_never_overwrites_a_site(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path)]) == 0
    (tmp_path / "site.yaml").write_text("title: Mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "a site already exists here" in capsys.readouterr().err
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8") == "title: Mine\n"


@pytest.mark.parametrize(("text", "message", "line"), [
    ("title: [a, b]\n", "title must be text", 1),
    ("colour: red\n", "unknown setting 'colour'", 1),
    ("title: Mine\noutput: ../elsewhere\n", "output must be a folder inside the site", 2),
    ("main_topics: peace-treaty\n", "main_topics must be a list", 1),
])
def test_bad_settings_are_named_with_their_line(tmp_path: Path, capsys, text: str, message: str, line: int) -> None:
    assert main(["init", str(tmp_path)]) == 0
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert f"site.yaml:{line}: {message}" in capsys.readouterr().err


def test_every_theme_template_is_documented() -> None:
    repo = Path(__file__).resolve().parent.parent
    documented = (repo / "docs" / "templates.md").read_text(encoding="utf-8")
    for template in (repo / "src" / "readouts" / "theme" / "templates").glob("*.html"):
        assert f"`{template.name}`" in documented, f"{template.name} is missing from docs/templates.md"


def test_the_wheel_ships_the_theme_and_the_starter_site(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(tmp_path), str(repo)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("readouts-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("readouts/theme/templates/readout.html", "readouts/theme/static/style.css",
                   "readouts/theme/static/search.js", "readouts/starter/topics.yaml",
                   "readouts/cli.py"):
        assert needed in names, needed


def test_every_command_has_help_with_an_example(capsys) -> None:
    for command in ("init", "build", "serve", "import", "add", "check", "explain"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "example" in capsys.readouterr().out, command


def test_publishers_can_be_renamed_in_site_yaml(tmp_path: Path) -> None:
    site = tmp_path / "site-root"
    assert main(["init", str(site)]) == 0
    (site / "site.yaml").write_text("title: Mine\npublishers:\n  mofa-japan: MOFA (Tokyo)\n", encoding="utf-8")
    assert main(["--root", str(site), "add", str(FIXTURES / "sixth_readout.txt")]) == 0
    assert main(["--root", str(site), "build"]) == 0
    (page,) = (site / "site" / "readouts").glob("*.html")
    assert "MOFA (Tokyo)" in page.read_text(encoding="utf-8")


def test_init_in_a_folder_with_files_keeps_every_one_of_them(tmp_path: Path, capsys) -> None:
    (tmp_path / "README.md").write_text("# My project\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / ".gitkeep").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# My project\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n"
    assert (tmp_path / "templates" / ".gitkeep").read_text(encoding="utf-8") == "mine\n"
    assert f"kept {tmp_path / 'README.md'}: it exists, and init never writes over a file" in out
    assert f"created {tmp_path / 'site.yaml'}" in out and f"created {tmp_path / 'README.md'}" not in out
    assert (tmp_path / "content" / "topics.yaml").is_file()


def test_a_new_site_knows_the_people_of_japan_russia_talks(tmp_path: Path, capsys) -> None:
    """A new archive starts with the registry of officials, so its first imports find who met
    (a prime minister, an ambassador, a security secretary) rather than leave it for a person."""
    site = tmp_path / "archive"
    assert main(["init", str(site)]) == 0
    source = tmp_path / "talks.txt"
    source.write_text("Secretary of the Security Council Meets Secretary General Kitamura\n\n"
                      "TOKYO, September 13, 2019. Secretary of the Security Council of Russia Nikolai Patrushev "
                      "held talks with Secretary General of the National Security Secretariat Shigeru Kitamura.\n",
                      encoding="utf-8")
    assert main(["--root", str(site), "add", str(source)]) == 0
    (readout,) = (site / "content" / "readouts").glob("*.md")
    front = readout.read_text(encoding="utf-8").split("---")[1]
    assert "nikolai-patrushev" in front and "shigeru-kitamura" in front


def test_the_starter_registry_of_people_is_the_demo_sites() -> None:
    """One registry of officials, kept in two places: the demo site's and the one `init` copies."""
    root = Path(__file__).parent.parent
    starter = root / "src" / "readouts" / "starter" / "people.yaml"
    assert starter.read_text(encoding="utf-8") == (root / "content" / "people.yaml").read_text(encoding="utf-8")
