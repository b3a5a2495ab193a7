"""The one place where ids become output paths and links between pages.

Every link is relative, so the site works from a web server, a static host and straight from
disk (file://), and can be zipped and handed on.
"""

from __future__ import annotations

from urllib.parse import quote


def readout_path(readout_id: str) -> str:
    return f"readouts/{readout_id}.html"


def readout_id_of(path: str) -> str | None:
    """The readout whose page is at `path` ("readouts/<id>.html"), else None."""
    return _id_in(path, "readouts/")


def _id_in(path: str, folder: str) -> str | None:
    if path.startswith(folder) and path.endswith(".html") and "/" not in path[len(folder):]:
        return path[len(folder):-len(".html")]
    return None


def readout_markdown_path(readout_id: str) -> str:
    return f"readouts/{readout_id}.md"


def source_path(source_file: str) -> str:
    """A raw source as published on the site: content/sources/x.txt → sources/x.txt."""
    return source_file


def href(path: str) -> str:
    """An output path as it goes into a link. Every path readouts makes up is safe as it is; a
    source keeps the name it was added under, where `#`, `?`, `%`, a space or a quote would end
    the path, start a query or stand for another character."""
    return quote(path, safe="/")


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.html"


def person_path(person_id: str) -> str:
    return f"people/{person_id}.html"


def _year_name(year: int | None) -> str:
    return str(year) if year is not None else "undated"


def topic_year_path(topic_id: str, year: int | None) -> str:
    """A topic's readouts of one year, in a folder beside its overview page:
    topics/<id>/2019.html, and topics/<id>/undated.html for readouts without a date. The address
    depends on the year alone, so it stays the same however many readouts the topic gains."""
    return f"topics/{topic_id}/{_year_name(year)}.html"


def person_year_path(person_id: str, year: int | None) -> str:
    """A person's meetings and mentions of one year: people/<id>/2019.html, .../undated.html."""
    return f"people/{person_id}/{_year_name(year)}.html"


def meeting_path(meeting_id: str) -> str:
    return f"meetings/{meeting_id}.html"


def meeting_id_of(path: str) -> str | None:
    """The meeting whose page is at `path` ("meetings/<id>.html"), else None."""
    return _id_in(path, "meetings/")


def timeline_year_path(year: int | None) -> str:
    """The readouts of one year: timeline/2019.html, and timeline/undated.html."""
    return f"timeline/{_year_name(year)}.html"


def meetings_year_path(year: int | None) -> str:
    """The meetings of one year: meetings/years/2019.html, .../undated.html. In a folder of its
    own because a person may give a meeting any id, "2019" among them, and meeting ids (registries.ID)
    hold no slash, so no meeting page can take a year page's address."""
    return f"meetings/years/{_year_name(year)}.html"


INDEX = "index.html"
TOPICS = "topics/index.html"
PEOPLE = "people/index.html"
MEETINGS = "meetings/index.html"
GLOSSARY = "glossary.html"
SEARCH = "search.html"
TIMELINE = "timeline.html"
PUBLISHERS = "publishers.html"
NOT_FOUND = "404.html"
STYLESHEET = "static/style.css"
ICON = "static/icon.svg"
CITE_SCRIPT = "static/cite.js"
SEARCH_SCRIPT = "static/search.js"
SEARCH_FILTERS_SCRIPT = "static/search-filters.js"
SEARCH_INDEX_SCRIPT = "static/search-index.js"
SEARCH_INDEX = "search/index.js"
"""The search index's table of contents; render/search.py describes the files beside it."""


def search_terms_path(shard: str, name: str) -> str:
    return f"search/{shard}/terms/{name}.js"


def search_places_path(shard: str, name: str) -> str:
    return f"search/{shard}/pos/{name}.js"


def search_facets_path(shard: str) -> str:
    return f"search/{shard}/facets.js"


def search_docs_path(shard: str, number: int) -> str:
    return f"search/{shard}/docs/{number}.js"


def search_text_path(readout_id: str) -> str:
    return f"search/text/{readout_id}.js"


FEED = "feed.xml"
TOPIC_FEED = "topics/{topic_id}.xml"
"""A main topic's feed beside its page: TOPIC_FEED.format(topic_id=...)."""
SITEMAP = "sitemap.xml"
"""A sitemap index (sitemaps.org) listing the parts below, which list the pages."""


def sitemap_part_path(name: str) -> str:
    """A part of the sitemap, beside sitemap.xml at the site's root: the protocol lets a sitemap
    list only addresses under its own folder, and the pages are in many."""
    return f"sitemap-{name}.xml"


def sitemap_year_path(year: int | None) -> str:
    """The part listing a year's pages: sitemap-2019.xml, and sitemap-undated.xml."""
    return sitemap_part_path(_year_name(year))


SITEMAP_SITE = sitemap_part_path("site")
"""The part listing every page that belongs to no year: overviews, indexes, the site's own pages."""
READOUTS_JSON = "readouts.json"
"""The site's settings and the list of the files below, where the readouts are."""


def readouts_year_path(year: int | None) -> str:
    """The records of one year's readouts: data/readouts-2019.json, data/readouts-undated.json."""
    return f"data/readouts-{_year_name(year)}.json"


READOUTS_CSV = "readouts.csv"
MEETINGS_ICS = "meetings.ics"


def relative(from_page: str, to_path: str) -> str:
    """The link from one output file to another, e.g. topics/x.html → ../readouts/y.html.

    Written out rather than posixpath.relpath, which resolves against the working directory
    and was a tenth of a build's time; a page at the top or one folder down (nearly every page,
    each linking hundreds of times) is answered without splitting either path.
    """
    slash = from_page.find("/")
    if slash < 0:
        return to_path
    if from_page.find("/", slash + 1) < 0:
        folder = from_page[:slash + 1]
        return to_path[slash + 1:] if to_path.startswith(folder) else "../" + to_path
    from_dirs = from_page.split("/")[:-1]
    to_parts = to_path.split("/")
    common = 0
    while common < len(from_dirs) and common < len(to_parts) - 1 and from_dirs[common] == to_parts[common]:
        common += 1
    return "../" * (len(from_dirs) - common) + "/".join(to_parts[common:])


def in_page(page_link: str, anchor: str) -> str:
    """The link to a place in a page, from the link to the page: what Links.readout(id, anchor)
    gives, since an anchor holds no slash and `relative` moves no part of a path after its last.
    A meeting's or topic's page links every paragraph it quotes, and working the path out for
    each took 2 % of a cold build."""
    return f"{page_link}#{anchor}"


class Links:
    """Links from one page, so context builders never compute a path by hand."""

    __slots__ = ("base", "page")

    def __init__(self, page: str, base: str | None = None) -> None:
        self.page = page
        # With a base (base_url), links are absolute: for a page a host serves at any address (404.html).
        self.base = base

    def to(self, path: str) -> str:
        return f"{self.base}{path}" if self.base else relative(self.page, path)

    def readout(self, readout_id: str, anchor: str | None = None) -> str:
        path = readout_path(readout_id)
        return self.to(f"{path}#{anchor}" if anchor else path)

    def source(self, source_file: str) -> str:
        return self.to(href(source_path(source_file)))

    def topic(self, topic_id: str) -> str:
        return self.to(topic_path(topic_id))

    def person(self, person_id: str) -> str:
        return self.to(person_path(person_id))

    def topic_year(self, topic_id: str, year: int | None) -> str:
        return self.to(topic_year_path(topic_id, year))

    def person_year(self, person_id: str, year: int | None) -> str:
        return self.to(person_year_path(person_id, year))

    def meeting(self, meeting_id: str) -> str:
        return self.to(meeting_path(meeting_id))

    def timeline_year(self, year: int | None) -> str:
        return self.to(timeline_year_path(year))

    def meetings_year(self, year: int | None) -> str:
        return self.to(meetings_year_path(year))
