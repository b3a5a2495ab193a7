"""The dev server as a user runs it: serve, change a readout, see the served page change."""

from __future__ import annotations

import http.client
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


@pytest.fixture
def server(demo_site: Path):  # type: ignore[no-untyped-def]
    process = subprocess.Popen([sys.executable, "-m", "readouts", "--root", str(demo_site), "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
    yield url, demo_site
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


def test_the_reload_script_is_served_but_never_written_into_the_site(server) -> None:  # type: ignore[no-untyped-def]
    url, root = server
    assert "/__readouts/reload.js" in _get(f"{url}index.html")
    assert "/__readouts/reload.js" in _get(url)
    assert "EventSource" in _get(f"{url}__readouts/reload.js")
    assert "__readouts" not in (root / "site" / "index.html").read_text(encoding="utf-8")


def _events(url: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """An open connection to the server's event stream, as a served page holds it."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/__readouts/events")
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
