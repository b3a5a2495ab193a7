"""SiteGraph → every file of the site, written under a given folder.

Pages are rendered in chronological, then id order, so two builds of the same content write
the same bytes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from readouts.errors import ReadoutsError
from readouts.model import SiteGraph
from readouts.render import context as ctx
from readouts.render import urls
from readouts.render.env import THEME, make_env
from readouts.render.exports import write_exports
from readouts.render.mentions import Linker
from readouts.render.search import write_search_index

Page = tuple[str, str, Callable[[], dict[str, Any]]]
"""(output path, template name, context builder)."""


def pages(graph: SiteGraph) -> Iterator[Page]:
    """Every HTML page of the site, with the template and context that make it."""
    yield urls.INDEX, "index.html", partial(ctx.index_context, graph)
    yield urls.TOPICS, "topics.html", partial(ctx.topics_index_context, graph)
    yield urls.PEOPLE, "people.html", partial(ctx.people_index_context, graph)
    yield urls.MEETINGS, "meetings.html", partial(ctx.meetings_index_context, graph)
    yield urls.NOT_FOUND, "404.html", partial(ctx.not_found_context, graph)
    yield urls.GLOSSARY, "glossary.html", partial(ctx.glossary_context, graph)
    yield urls.SEARCH, "search.html", partial(ctx.search_context, graph)
    yield urls.TIMELINE, "timeline.html", partial(ctx.timeline_context, graph)
    yield urls.PUBLISHERS, "publishers.html", partial(ctx.publishers_context, graph)
    linker = Linker(graph)
    for readout_id in graph.chronology:
        yield urls.readout_path(readout_id), "readout.html", partial(ctx.readout_context, graph, readout_id, linker)
    for topic in graph.corpus.topics:
        yield urls.topic_path(topic.id), "topic.html", partial(ctx.topic_context, graph, topic.id)
    for person in graph.corpus.people:
        yield urls.person_path(person.id), "person.html", partial(ctx.person_context, graph, person.id)
    for meeting_id in sorted(graph.meetings):
        yield urls.meeting_path(meeting_id), "meeting.html", partial(ctx.meeting_context, graph, meeting_id)


def write_site(graph: SiteGraph, root: Path, out: Path) -> int:
    """Render every page, copy the stylesheet, sources and Markdown into `out`; returns files written."""
    env = make_env(root / "templates")
    written = 0
    for path, template_name, build in pages(graph):
        html = render_page(env, template_name, build())
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written += 1
    written += _copy_static(root, out)
    written += write_search_index(graph, out)
    written += write_exports(graph, out)
    content = root / "content"
    for readout in graph.readouts.values():
        # The raw source and the Markdown sit beside the page: provenance a reader can check.
        if readout.source:
            source = content / readout.source.file
            if source.is_file():
                target = out / urls.source_path(readout.source.file)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                written += 1
        markdown = out / urls.readout_markdown_path(readout.id)
        markdown.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(readout.path.path, markdown)
        written += 1
    return written


def render_page(env: jinja2.Environment, template_name: str, context: dict[str, Any]) -> str:
    """Render one page; a template's mistake becomes an error naming the template and line."""
    try:
        return env.get_template(template_name).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise ReadoutsError(f"template syntax: {error.message}", error.filename or template_name,
                            error.lineno) from None
    except jinja2.TemplateError as error:
        filename, line = _template_frame(error)
        raise ReadoutsError(f"template error: {error}", filename or template_name, line,
                            hint="docs/templates.md lists what each page's template is given") from None


def _template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in a Jinja traceback."""
    found: tuple[str | None, int | None] = (None, None)
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _copy_static(root: Path, out: Path) -> int:
    """The theme's static files, then the site's own static/ over them, file by file."""
    count = 0
    for folder in (THEME / "static", root / "static"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                target = out / "static" / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                count += 1
    return count
