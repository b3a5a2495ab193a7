"""`readouts serve`: build, serve the site on this machine, rebuild on every change, reload pages.

Pages are served with a small script added on the way out (never written into site/): it listens
for the end of each rebuild and reloads the page, or shows the build's error over the page while
the last good site stays served.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from readouts.build import BuildReport, WaitingPages, build_site
from readouts.cache import CACHE_DIR, signature_of
from readouts.config import load_config
from readouts.errors import ReadoutsError, Superseded, bug_report, from_os_error

EVENTS = "/__readouts/events"
RELOAD_SCRIPT = "/__readouts/reload.js"
_SCRIPT_TAG = f'<script src="{RELOAD_SCRIPT}"></script>'.encode()

_RELOAD_JS = """\
// Added by `readouts serve` to the pages it serves; never part of the built site.
(function () {
  var overlay = null;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:9999;max-height:50vh;overflow:auto;" +
        "background:#5c0f0f;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem;border-radius:6px;" +
        "white-space:pre-wrap;box-shadow:0 4px 20px rgba(0,0,0,.4)";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The last build failed; this is the last good site.\\n\\n" + message;
  }
  // The page as the site's files name it: "/" and "/people/" are their folders' index.html.
  var here = decodeURIComponent(window.location.pathname).replace(/^[/]/, "");
  if (here === "" || here.charAt(here.length - 1) === "/") here += "index.html";
  var source = new EventSource("/__readouts/events?page=" + encodeURIComponent(here));
  source.addEventListener("reload", function (event) {
    // A page put in place ahead of the rest of the build has reloaded already.
    var data = JSON.parse(event.data);
    if (data.pages && data.pages.indexOf(here) < 0) return;
    if (data.skip && data.skip.indexOf(here) >= 0) return;
    window.location.reload();
  });
  source.addEventListener("failed", function (event) { show(JSON.parse(event.data).message); });
})();
"""


Event = tuple[str, dict[str, Any]]
"""(name, data) of one event to the open pages: "reload" or "failed"."""


class Events:
    """The state browsers follow: the events of the last builds, numbered, the last build's
    error, and the pages open in browsers (output paths, each with how many show it)."""

    KEPT = 16
    """Events kept for a page whose stream was busy while several were published."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.generation = 0
        self.error: str | None = None
        self.recent: list[tuple[int, Event]] = []
        self.shown: Counter[str] = Counter()

    def publish(self, error: str | None, pages: tuple[str, ...] | None = None, skip: tuple[str, ...] = ()) -> None:
        """A build ended (or put `pages` in place ahead of its end): open pages reload, all or
        those of `pages`, except those of `skip` (which reloaded ahead) — or show `error`."""
        event: Event = ("failed", {"message": error}) if error else (
            "reload", {"message": "", "pages": list(pages) if pages is not None else None, "skip": list(skip)})
        with self.changed:
            self.generation += 1
            if pages is None:
                self.error = error
            self.recent = [*self.recent[-self.KEPT + 1:], (self.generation, event)]
            self.changed.notify_all()

    def since(self, seen: int) -> list[Event]:
        """The events after `seen`; a page so far behind that some are gone reloads."""
        events = [event for generation, event in self.recent if generation > seen]
        if len(events) < self.generation - seen:
            return [("reload", {"message": ""})] if not self.error else [("failed", {"message": self.error})]
        return events

    def showing(self, page: str, shown: bool) -> None:
        with self.changed:
            self.shown[page] += 1 if shown else -1
            if self.shown[page] <= 0:
                del self.shown[page]

    def shown_pages(self) -> frozenset[str]:
        with self.changed:
            return frozenset(self.shown)


class Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder, with the reload script added to HTML."""

    events: Events

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        address = urlsplit(self.path)
        if address.path == EVENTS:
            page = parse_qs(address.query).get("page", [""])[0]
            self._stream_events(page if page and ".." not in page.split("/") else None)
            return
        if self.path == RELOAD_SCRIPT:
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", _RELOAD_JS.encode())
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            at = html.rfind(b"</body>")
            html = html[:at] + _SCRIPT_TAG + html[at:] if at >= 0 else html + _SCRIPT_TAG
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", html)
            return
        if not path.exists():
            not_found = Path(self.directory) / "404.html"
            if not_found.is_file():
                self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", not_found.read_bytes())
                return
        super().do_GET()

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _stream_events(self, page: str | None) -> None:
        events = self.events
        with events.changed:  # before the headers: a build that ends meanwhile is not missed
            seen = events.generation
            pending_error = events.error
        if page:
            events.showing(page, True)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            if pending_error:
                self._event("failed", {"message": pending_error})
            while True:
                with events.changed:
                    events.changed.wait_for(partial(_moved_on, events, seen), timeout=15)
                    generation, news = events.generation, events.since(seen)
                if generation == seen:
                    self.wfile.write(b": still here\n\n")  # keeps proxies from closing the stream
                    self.wfile.flush()
                    continue
                seen = generation
                for name, data in news:
                    self._event(name, data)
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            if page:
                events.showing(page, False)

    def _event(self, name: str, data: dict[str, Any]) -> None:
        self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
        self.wfile.flush()


def _moved_on(events: Events, seen: int) -> bool:
    return events.generation != seen


def watched_paths(root: Path) -> list[Path]:
    return [p for p in (root / "content", root / "templates", root / "static", root / "site.yaml") if p.exists()]


def _server(host: str, port: int, output: Path, events: Events) -> ThreadingHTTPServer:
    handler = partial(type("BoundHandler", (Handler,), {"events": events}), directory=str(output))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise ReadoutsError(f"cannot serve at {host}:{port}: {error.strerror or error}",
                            hint="another program may listen there: pick another port with --port, "
                                 "or --port 0 for a free one") from None


def _rebuild(root: Path, events: Events, log: Callable[[str], None], first: bool,
             superseded: Callable[[], bool] | None = None, changed: Iterable[Path] | None = None
             ) -> dict[Path, tuple[int, ...]]:
    """Build, and tell open pages to reload when files changed (or the last build had failed).

    The promise is that the last good site stays served whatever a build meets: a bad save, a
    full disk, or a bug. Each is said here and over the page, and the next change builds again;
    only Ctrl-C ends serving. A build that a newer change `superseded` stops once the pages a
    person waits for are in place, and the next build goes on from there. Returns the inputs the
    build wrote itself (BuildReport.wrote) by their resolved paths: seen changed, still so, they
    are not changes to build. `changed`: the files the watcher saw change since the last build
    began, the only inputs looked at again (None: all)."""
    ahead: list[str] = []

    def ready(pages: tuple[str, ...]) -> None:
        ahead.extend(pages)
        events.publish(None, pages=pages)

    try:
        report: BuildReport = build_site(root, cache_in_memory=True, cache_saved_later=True,
                                         waiting=WaitingPages(events.shown_pages(), ready), superseded=superseded,
                                         changed=changed)
    except Superseded:
        return {}  # the pages it put in place ahead have reloaded; the newer change builds the rest
    except ReadoutsError as error:
        message = str(error)
    except OSError as error:
        message = str(from_os_error(error))
    except Exception as error:
        message = bug_report(error)
    else:
        log(f"built {report.readouts} readouts: {report.written} files written, "
            f"{report.unchanged} unchanged, {report.seconds:.2f} s")
        if first or report.written or events.error:
            events.publish(None, skip=tuple(ahead))
        return {(root / path).resolve(): signature for path, signature in report.wrote}
    log(f"error: {message}")
    if ahead:
        # the pages reloaded ahead were put back as the last good site has them
        events.publish(None, pages=tuple(ahead))
    events.publish(message)
    return {}


def serve(root: Path, host: str, port: int, log: Callable[[str], None],
          on_ready: Callable[[str], None], stop: threading.Event | None = None) -> None:
    """Build, serve and watch until `stop` is set (or Ctrl-C)."""
    # The code this process runs is the code it loaded now: load every stage and name it once,
    # so that its builds are never recorded as made by code changed on disk since.
    import readouts.importer.run
    import readouts.link
    import readouts.load
    import readouts.render.write  # noqa: F401
    from readouts.cache import code_digest

    code_digest()
    events = Events()
    try:
        output = root / load_config(root).output_dir
    except ReadoutsError as error:
        # Served all the same: the settings are watched, and the first good build fills it.
        log(f"error: {error}")
        output = root / "site"
    server = _server(host, port, output, events)
    rebuild = partial(_rebuild, root, events, log)
    wrote = rebuild(first=True)
    output.mkdir(parents=True, exist_ok=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stop = stop or threading.Event()
    watcher = _Watcher(root, output, stop)
    ready = False
    last_built = time.monotonic()
    # What the watcher saw change since the last build began: that build looked at the rest. None
    # until a build begins with the watcher watching: the next build looks at every input.
    seen_since: set[Path] | None = None
    try:
        # The watcher reports an empty set when it has been quiet for a while; the first one
        # means it is watching, and only then is the server announced, so no change is missed.
        while not stop.is_set():
            changes = watcher.next_changes()
            if changes is None:
                continue
            if not ready:
                ready = True
                on_ready(f"http://{host}:{server.server_address[1]}/")
            if not changes:
                if time.monotonic() - last_built >= QUIET_BEFORE_SAVING:
                    _save_cache(root, log, watcher.changed_since_taken)  # quiet: written till a change comes
                continue
            if seen_since is not None:
                seen_since.update(Path(change[1]) for change in changes)
            if all(_as_written(change[1], wrote) for change in changes):
                continue  # the last build's own writing (content/addresses.yaml): built already
            changed, seen_since = seen_since, set()
            wrote = rebuild(first=False, superseded=watcher.changed_since_taken, changed=changed)
            seen_since.update(wrote)  # written after its look, they are changes to its look
            last_built = time.monotonic()
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        _save_cache(root, log, None, wait_seconds=30.0)


def _as_written(path: str, wrote: dict[Path, tuple[int, ...]]) -> bool:
    """Whether the file at `path` is as the last build wrote it."""
    resolved = Path(path).resolve()
    if resolved not in wrote:
        return False
    try:
        return tuple(signature_of(os.stat(resolved))) == wrote[resolved]
    except OSError:
        return False


class _Watcher:
    """The site's inputs watched on a thread of their own, so that a build can be told a newer
    change has come while it runs (`changed_since_taken`). What the build writes (the output
    folder, the cache) and hidden files (an editor's swap file) are not changes."""

    def __init__(self, root: Path, output: Path, stop: threading.Event) -> None:
        self.queue: queue.Queue[set[Any]] = queue.Queue()
        self.changed = threading.Event()
        self.failed: Exception | None = None
        self.ignored = (output.resolve(), (root / CACHE_DIR).resolve())
        self.thread = threading.Thread(target=self._watch, args=(root, stop), daemon=True)
        self.thread.start()

    def _watch(self, root: Path, stop: threading.Event) -> None:
        from watchfiles import watch  # the dev server's own dependency, not paid for by builds

        try:
            # a change is reported once nothing more has come for `step` ms (an editor's write
            # and rename come within one): at the default 50 it waited two steps, 0.1 s
            for changes in watch(*watched_paths(root), stop_event=stop, debounce=200, step=20, rust_timeout=300,
                                 yield_on_timeout=True, raise_interrupt=False):
                relevant = {change for change in changes if not self._ignored(Path(change[1]))}
                if changes and not relevant:
                    continue
                if relevant:
                    self.changed.set()
                self.queue.put(relevant)
        except Exception as error:  # the watcher cannot go on: serving ends with its reason
            self.failed = error
            self.queue.put(set())

    def _ignored(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved.is_relative_to(i) for i in self.ignored) or resolved.name.startswith(".")

    def next_changes(self) -> set[Any] | None:
        """The changes since the last call (an empty set: quiet for a moment), all taken at once;
        None when nothing came within half a second."""
        try:
            changes = self.queue.get(timeout=0.5)
        except queue.Empty:
            return None
        if self.failed is not None:
            raise self.failed
        self.changed.clear()
        while not self.queue.empty():
            changes |= self.queue.get_nowait()
        return changes

    def changed_since_taken(self) -> bool:
        return self.changed.is_set()


QUIET_BEFORE_SAVING = 2.0
"""Seconds without a change before the cache is written: a person saves again soon after looking
at the page, and the writing of a part would hold that save's build back."""


def _save_cache(root: Path, log: Callable[[str], None], stop: Callable[[], bool] | None,
                wait_seconds: float = 0.0) -> None:
    """Write the cache the last build kept in memory, under the build lock, until `stop` says a
    change has come: that change then waits for one part's writing at most (a few hundredths
    of a second at 10,000 readouts), and the rest is written at the next quiet moment. While a
    build of another process holds the lock it is left for that moment too; a failure to write is
    worth a line: the next build of another process then does more work, nothing is lost."""
    from readouts.cache import save_kept
    from readouts.publish import build_lock

    try:
        with build_lock(root, wait_seconds=wait_seconds):
            save_kept(root, stop)
    except ReadoutsError:
        return  # another process is building this site
    except OSError as error:
        log(f"the build cache was not saved, so the next build does more work: {from_os_error(error)}")
