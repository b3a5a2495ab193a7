"""The dev server as a user runs it: serve, change a readout, see the served page change."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

MOFA = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


# A bug planted in a real serve process: with content/bug present, linking raises what it names.
_WITH_A_PLANTED_FAULT = """
import errno, sys
from pathlib import Path
import readouts.link
from readouts.cli import main

root = Path(sys.argv[1])
real_link = readouts.link.link

def link(*args, **kwargs):
    bug = root / "content" / "bug"
    if bug.exists():
        raise {"os": OSError(errno.ENOSPC, "No space left on device"), "bug": KeyError("planted")}[bug.read_text()]
    return real_link(*args, **kwargs)

readouts.link.link = link

import readouts.render.write
real_exports = readouts.render.write.export_files

def export_files(*args, **kwargs):
    # a fault met after the pages a person waits for are in place
    if (root / "content" / "late-bug").exists():
        raise OSError(errno.ENOSPC, "No space left on device")
    return real_exports(*args, **kwargs)

readouts.render.write.export_files = export_files
sys.exit(main(["--root", str(root), "serve", "--port", "0"]))
"""


def _start(root: Path, *, planted: bool = False) -> tuple[subprocess.Popen[str], str]:
    command = ([sys.executable, "-c", _WITH_A_PLANTED_FAULT, str(root)] if planted
               else [sys.executable, "-m", "readouts", "--root", str(root), "serve", "--port", "0"])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    url = None
    deadline = time.monotonic() + 120
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if " at http://127.0.0.1:" in line:
            url = line.split(" at ", 1)[1].split()[0]
        elif not line and process.poll() is not None:
            break
    assert url, "the server did not start"
    return process, url


@pytest.fixture
def server(demo_site: Path):  # type: ignore[no-untyped-def]
    process, url = _start(demo_site)
    yield url, demo_site
    process.terminate()
    process.wait(10)


@pytest.fixture
def planted_server(demo_site: Path):  # type: ignore[no-untyped-def]
    process, url = _start(demo_site, planted=True)
    yield url, demo_site, process
    process.terminate()
    process.wait(10)


def test_a_changed_readout_is_rebuilt_and_served(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    page = _get(f"{url}readouts/{MOFA}.html")
    assert "Japan-Russia Foreign Ministers’ Meeting" in page
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    readout.write_text(readout.read_text(encoding="utf-8").replace(
        "title: Japan-Russia Foreign Ministers’ Meeting", "title: A corrected title for the meeting"), encoding="utf-8")
    assert _wait_for(lambda: "A corrected title for the meeting" in _get(f"{url}readouts/{MOFA}.html"))


def test_the_cache_of_a_rebuild_is_written_once_serving_is_quiet(server) -> None:  # type: ignore[no-untyped-def]
    """The build a change starts does not wait for the last one's cache to be written: it is
    written when no change has come for a moment, so the next `readouts build` keeps its work."""
    url, root = server
    tables = root / ".readouts-cache"

    def written() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in tables.glob("*.pickle")}

    before = written()
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    readout.write_text(readout.read_text(encoding="utf-8").replace(
        "title: Japan-Russia Foreign Ministers’ Meeting", "title: Cached once quiet"), encoding="utf-8")
    assert _wait_for(lambda: "Cached once quiet" in _get(f"{url}readouts/{MOFA}.html"))
    assert _wait_for(lambda: written() != before)


def test_the_reload_script_is_served_but_never_written_into_the_site(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    assert "/__readouts/reload.js" in _get(f"{url}index.html")
    assert "/__readouts/reload.js" in _get(url)
    assert "EventSource" in _get(f"{url}__readouts/reload.js")
    assert "__readouts" not in (root / "site" / "index.html").read_text(encoding="utf-8")


def _events(url: str, page: str = "") -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """An open connection to the server's event stream, as a served page holds it."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/__readouts/events" + (f"?page={page}" if page else ""))
    return connection, connection.getresponse()


def test_open_pages_are_told_to_reload_after_a_rebuild(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    connection, response = _events(url)
    assert response.getheader("Content-Type") == "text/event-stream"
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    text = readout.read_text(encoding="utf-8")
    readout.write_text(text.replace("garbage disposal", "waste disposal"), encoding="utf-8")
    assert b"event: reload" in response.readline() + response.readline()
    connection.close()


def test_the_page_open_on_a_saved_readout_reloads_before_the_rest_of_the_site_is_built(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    page = f"readouts/{MOFA}.html"
    connection, response = _events(url, page)
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    readout.write_text(readout.read_text(encoding="utf-8").replace("garbage disposal", "waste disposal"),
                       encoding="utf-8")
    # first the page itself, in place ahead of the rest; then the whole site, which that page skips
    ahead, whole = _next_event(response), _next_event(response)
    reload = b"event: reload\ndata: "
    assert ahead == reload + json.dumps({"message": "", "pages": [page], "skip": []}).encode() + b"\n"
    assert whole == reload + json.dumps({"message": "", "pages": None, "skip": [page]}).encode() + b"\n"
    connection.close()


def test_a_failed_rebuild_keeps_the_last_good_site_and_says_why(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    connection, response = _events(url)
    (root / "content" / "readouts" / f"{MOFA}.md").write_text("no front matter\n", encoding="utf-8")
    lines = response.readline() + response.readline()
    assert b"event: failed" in lines and b"front matter" in lines
    assert "Japan-Russia Foreign Ministers’ Meeting" in _get(f"{url}readouts/{MOFA}.html")
    connection.close()
    with pytest.raises(urllib.error.HTTPError) as missing:
        _get(f"{url}no-such-page.html")
    assert missing.value.code == 404


def _next_event(response: http.client.HTTPResponse) -> bytes:
    """The next event of the stream (keep-alive comments skipped), or what came in a minute."""
    seen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = response.readline()
        if line.startswith(b"event:"):
            return line + response.readline()
        seen += line
    return seen


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_registry_saved_in_another_encoding_while_serving_keeps_the_server_and_the_site(
        server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    connection, response = _events(url)
    site = _tree(root / "site")
    people = root / "content" / "people.yaml"
    good = people.read_bytes()
    people.write_bytes(good.replace(b"Sergey Lavrov", b"Serg\xe9y Lavrov", 1))
    failed = _next_event(response)
    assert b"event: failed" in failed and b"people.yaml" in failed and b"not UTF-8" in failed, failed
    assert b"Traceback" not in failed
    assert "Japan-Russia Foreign Ministers’ Meeting" in _get(f"{url}readouts/{MOFA}.html")
    assert _tree(root / "site") == site
    people.write_bytes(good)
    assert b"event: reload" in _next_event(response)
    connection.close()


@pytest.mark.parametrize(("fault", "said"), [("os", b"No space left on device"), ("bug", b"this is a bug in readouts")])
def test_any_failure_of_a_rebuild_is_shown_and_the_last_good_site_stays_served(
        planted_server, fault: str, said: bytes) -> None:  # type: ignore[no-untyped-def]
    url, root, process = planted_server
    connection, response = _events(url)
    site = _tree(root / "site")
    (root / "content" / "bug").write_text(fault, encoding="utf-8")
    failed = _next_event(response)
    assert b"event: failed" in failed and said in failed, failed
    assert process.poll() is None, "the server must go on"
    assert "Japan-Russia Foreign Ministers’ Meeting" in _get(f"{url}readouts/{MOFA}.html")
    assert _tree(root / "site") == site
    (root / "content" / "bug").unlink()
    assert b"event: reload" in _next_event(response)
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    readout.write_text(readout.read_text(encoding="utf-8").replace(
        "title: Japan-Russia Foreign Ministers’ Meeting", "title: Rebuilt after the fault"), encoding="utf-8")
    assert _wait_for(lambda: "Rebuilt after the fault" in _get(f"{url}readouts/{MOFA}.html"))
    connection.close()
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output, output


def test_a_page_reloaded_ahead_of_a_build_that_then_fails_reloads_as_the_last_good_site(
        planted_server) -> None:  # type: ignore[no-untyped-def]
    url, root, _ = planted_server
    page = f"readouts/{MOFA}.html"
    connection, response = _events(url, page)
    site = _tree(root / "site")
    (root / "content" / "late-bug").write_text("", encoding="utf-8")
    readout = root / "content" / "readouts" / f"{MOFA}.md"
    readout.write_text(readout.read_text(encoding="utf-8").replace("garbage disposal", "waste disposal"),
                       encoding="utf-8")
    ahead, back, failed = _next_event(response), _next_event(response), _next_event(response)
    reload = b"event: reload\ndata: " + json.dumps({"message": "", "pages": [page], "skip": []}).encode() + b"\n"
    assert ahead == back == reload
    assert b"event: failed" in failed and b"No space left on device" in failed, failed
    assert _tree(root / "site") == site
    connection.close()


def test_a_port_in_use_gets_a_message(demo_site: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "readouts", "--root", str(demo_site), "serve", "--port",
                                 str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"error: cannot serve at 127.0.0.1:{port}: Address already in use" in result.stderr, result.stderr
    assert "hint: another program" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (demo_site / "site").exists()


def test_settings_that_cannot_be_read_at_start_are_said_and_serving_goes_on(demo_site: Path) -> None:
    settings = demo_site / "site.yaml"
    good = settings.read_bytes()
    settings.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    process, url = _start(demo_site)
    try:
        connection, response = _events(url)
        failed = _next_event(response)
        assert b"event: failed" in failed and b"site.yaml" in failed and b"not UTF-8" in failed, failed
        settings.write_bytes(good)
        assert b"event: reload" in _next_event(response)
        assert "Japan-Russia Foreign Ministers’ Meeting" in _get(f"{url}readouts/{MOFA}.html")
        connection.close()
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output, output


def test_the_watcher_tells_a_running_build_of_a_newer_change_but_not_of_the_builds_own_files(tmp_path: Path) -> None:
    """While a build runs, a saved readout is news it can stop for; what the build writes (the
    site, the cache) and an editor's hidden swap file are not."""
    import threading

    from readouts.serve import _Watcher

    for folder in ("content/readouts", "site", ".readouts-cache"):
        (tmp_path / folder).mkdir(parents=True)
    stop = threading.Event()
    watcher = _Watcher(tmp_path, tmp_path / "site", stop)
    try:
        assert _wait_for(lambda: watcher.next_changes() is not None)  # watching
        (tmp_path / "site" / "index.html").write_text("<p>built</p>", encoding="utf-8")
        (tmp_path / ".readouts-cache" / "pages-0.pickle").write_bytes(b"x")
        (tmp_path / "content" / "readouts" / ".x.md.swp").write_bytes(b"x")
        time.sleep(1.0)
        assert not watcher.changed_since_taken()
        saved = tmp_path / "content" / "readouts" / "saved.md"
        saved.write_text("---\nid: saved\n---\n", encoding="utf-8")
        assert _wait_for(watcher.changed_since_taken, 10)
        assert _wait_for(lambda: any(path.endswith("saved.md") for _, path in (watcher.next_changes() or ())), 10)
        assert not watcher.changed_since_taken()
    finally:
        stop.set()
        watcher.thread.join(5)


def test_what_a_rebuild_writes_into_content_itself_starts_no_further_build(demo_site: Path) -> None:
    """A readout of a new meeting makes its build record the meeting's address in
    content/addresses.yaml; serve sees that file change, and knows it for its own writing."""
    import threading

    from readouts.serve import serve

    said: list[str] = []
    ready: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(demo_site, "127.0.0.1", 0, said.append, ready.append, stop),
                              daemon=True)
    thread.start()
    try:
        assert _wait_for(lambda: bool(ready), 120)
        addresses = demo_site / "content" / "addresses.yaml"
        recorded = addresses.read_text(encoding="utf-8")
        readouts = demo_site / "content" / "readouts"
        text = (readouts / f"{MOFA}.md").read_text(encoding="utf-8")
        (readouts / "2020-01-15-mofa-a-new-meeting.md").write_text(
            text.replace(f"id: {MOFA}", "id: 2020-01-15-mofa-a-new-meeting").replace("2019-09-2", "2020-01-1"),
            encoding="utf-8")
        assert _wait_for(lambda: addresses.read_text(encoding="utf-8") != recorded)
        time.sleep(2.0)  # the watcher has long reported the file by now
        assert len([line for line in said if line.startswith("built")]) == 2, said  # the first, and the change's
    finally:
        stop.set()
        thread.join(60)
