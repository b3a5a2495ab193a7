"""The shape topics and people share: an overview page and a page per year, kept whole from the
last build while nothing they are made from changed.

Listing a topic or a person and fingerprinting its pages reads every one of its readouts: for a
site of 10,000 readouts that was most of the time of adding one. Dependencies.group_key names
everything a topic's or person's pages can read, as a value quick to make; a topic or person
whose key is unchanged has the same pages, so they are taken from GroupMemo without listing it.
One whose key changed is listed again, but of its year pages only those that list other readouts
or meetings than before, or any that link says changed, are fingerprinted again.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from readouts.cache import CacheTable
from readouts.model import SiteGraph
from readouts.render.depends import GROUP_KEY_MEMBERS, Dependencies
from readouts.render.listings import Year, YearListing
from readouts.render.pages.kind import SITE_PART, Page, Site

if TYPE_CHECKING:
    from readouts.render.pages.unchanged import UnchangedPages

OVERVIEW = "overview"
"""The part of a topic's or person's pages that is not a year's."""

MemoEntry = tuple[tuple[Any, ...], list[tuple[str, str, Any, str]], dict[Any, str]]
"""(group key, [(path, template, part, fingerprint)], year → what its page listed: YearSplitPages.
year_made_of); part is OVERVIEW or the year."""


def _group_keys(part: Mapping[tuple[str, str], MemoEntry]) -> frozenset[object]:
    """A topic's or person's pages follow from their group key."""
    return frozenset((group, hash(entry[0])) for group, entry in part.items())


GROUP_PAGES: CacheTable[tuple[str, str], MemoEntry] = CacheTable("groups", _group_keys)
"""(kind, topic or person id) → what its pages were made from, and their paths and fingerprints:
what GroupMemo keeps for the next build."""


@dataclass
class GroupMemo:
    """The pages of each topic and person as the last build made them, under their group key."""

    before: dict[tuple[str, str], MemoEntry]
    """(kind, id) → the last build's entry."""
    reusable: Callable[[str, str], bool]
    """Whether the last build's file at a path, with a fingerprint, can stay."""
    now: dict[tuple[str, str], MemoEntry] = field(default_factory=dict)

    def kept(self, group: tuple[str, str], key: tuple[Any, ...]) -> list[tuple[str, str, Any, str]] | None:
        """The group's pages when unchanged and still all in the site, else None."""
        entry = self.before.get(group)
        if entry is None or entry[0] != key:
            return None
        return self._taken(group, entry)

    def kept_unchanged(self, group: tuple[str, str], members: tuple[str, ...],
                       unchanged: UnchangedPages | None) -> list[tuple[str, str, Any, str]] | None:
        """The group's pages when link says none of its `members` changed since the last build
        (its key is the one kept, not made again), and still all in the site; else None."""
        entry = self.before.get(group)
        if unchanged is None or entry is None or not unchanged.group(members, entry[0][GROUP_KEY_MEMBERS]):
            return None
        return self._taken(group, entry)

    def _taken(self, group: tuple[str, str], entry: MemoEntry) -> list[tuple[str, str, Any, str]] | None:
        if not all(self.reusable(p, f) for p, _, _, f in entry[1]):
            return None
        self.now[group] = entry
        return entry[1]


@dataclass(frozen=True, slots=True)
class YearSplitPages:
    """How one family's overview and year pages are made from its listing."""

    kind: str
    """Also the name of its templates: `<kind>.html` and `<kind>_year.html`."""
    members: Callable[[SiteGraph, str], tuple[str, ...]]
    """The readouts of a topic or person: what Dependencies.group_key is made from."""
    listing: Callable[[SiteGraph, str], Any]
    path: Callable[[str], str]
    context: Callable[..., dict[str, Any]]
    fingerprint: Callable[[Dependencies, Any], str]
    year_path: Callable[[str, Year], str]
    year_context: Callable[..., dict[str, Any]]
    year_fingerprint: Callable[[Dependencies, Any, Any], str]
    year_members: Callable[[Any], tuple[tuple[str, ...], tuple[str | None, ...]]]
    """A year's part of the listing → (the readouts its page shows, the meetings): all that its
    fingerprint reads of the graph, each readout by its digest and each meeting by its fields."""

    @property
    def template(self) -> str:
        return f"{self.kind}.html"

    @property
    def year_template(self) -> str:
        return f"{self.kind}_year.html"

    def page_context(self, graph: SiteGraph, owner: str, part: Any) -> dict[str, Any]:
        """The context of one page kept from the memo, listed anew (its file went missing)."""
        listing = self.listing(graph, owner)
        return self.context(graph, listing) if part == OVERVIEW else self.year_context(graph, listing, part)

    def __post_init__(self) -> None:
        YEAR_SPLITS[self.kind] = self

    def pages(self, site: Site, owner: str) -> Iterator[Page]:
        """The overview and year pages of one topic or person: from the memo when nothing they
        read changed, else listed and fingerprinted anew (and remembered). Each page's
        fingerprint is made just before the page is given (pages.audit tells them apart so)."""
        graph, depends, memo = site.graph, site.depends, site.memo
        members = self.members(graph, owner)
        kept = memo.kept_unchanged((self.kind, owner), members, site.unchanged)
        key: tuple[Any, ...] = ()
        if kept is None:
            key = depends.group_key(members)
            kept = memo.kept((self.kind, owner), key)
        if kept is not None:
            # Rendered only if its file went missing from the site after reusable() looked.
            for path, template, part, fingerprint in kept:
                yield Page(path, template, partial(self.page_context, graph, owner, part), fingerprint,
                           SITE_PART if part == OVERVIEW else part)
            return
        listing = self.listing(graph, owner)
        remembered: list[tuple[str, str, Any, str]] = []
        made_of: dict[Any, str] = {}
        memo.now[(self.kind, owner)] = (key, remembered, made_of)
        page = Page(self.path(owner), self.template, partial(self.context, graph, listing),
                    self.fingerprint(depends, listing))
        remembered.append((page.path, page.template, OVERVIEW, page.fingerprint))
        yield page
        kept_years = self._kept_years(site, owner)
        years = [part.year for part in listing.years]
        for part in listing.years:
            made_of[part.year] = listed = self.year_made_of(years, part)
            page = Page(self.year_path(owner, part.year), self.year_template,
                        partial(self.year_context, graph, listing, part.year),
                        kept_years(part, listed) or self.year_fingerprint(depends, listing, part), part.year)
            remembered.append((page.path, page.template, part.year, page.fingerprint))
            yield page

    def year_made_of(self, years: list[Any], part: Any) -> str:
        """What a year's page lists, as a digest: the years that have a page (it links them), its
        readouts and its meetings, by id."""
        return hashlib.blake2b(marshal.dumps((years, part.year, self.year_members(part)), 2),
                               digest_size=16).hexdigest()

    def _kept_years(self, site: Site, owner: str) -> Callable[[Any, str], str | None]:
        """(a year's part, year_made_of it) → the fingerprint the last build gave its page, when
        that page listed the same readouts and meetings and link says none of them changed since
        (UnchangedPages.year), else None. A readout added to a topic of a few thousand readouts
        changes its year's page; fingerprinting every other year's again took a third of
        planning the topic's pages at 10,000 readouts."""
        entry = site.memo.before.get((self.kind, owner))
        unchanged = site.unchanged
        if unchanged is None or entry is None:
            return lambda part, made_of: None
        fingerprints = {part: fingerprint for _, _, part, fingerprint in entry[1] if part != OVERVIEW}
        listed = entry[2]

        def kept(part: Any, made_of: str) -> str | None:
            if listed.get(part.year) != made_of or not unchanged.year(*self.year_members(part)):
                return None
            return fingerprints.get(part.year)
        return kept


@dataclass(frozen=True, slots=True)
class SiteYearPages:
    """A site-wide list split by year — the timeline's readouts, the meetings — as an overview at
    `path` and a page per year, so a new entry rewrites its year's page and the overview."""

    name: str
    """The templates are `<name>.html` and `<name>_year.html`."""
    path: str
    year_path: Callable[[Year], str]
    context: Callable[[SiteGraph, YearListing], dict[str, Any]]
    fingerprint: Callable[[Dependencies, YearListing], str]
    year_context: Callable[[SiteGraph, YearListing, Year], dict[str, Any]]
    year_fingerprint: Callable[[Dependencies, YearListing, Year], str]

    def pages(self, site: Site, listing: YearListing) -> Iterator[Page]:
        graph, depends = site.graph, site.depends
        yield Page(self.path, f"{self.name}.html", partial(self.context, graph, listing),
                   self.fingerprint(depends, listing))
        for year, _ in listing.years:
            yield Page(self.year_path(year), f"{self.name}_year.html", partial(self.year_context, graph, listing, year),
                       self.year_fingerprint(depends, listing, year), year)


YEAR_SPLITS: dict[str, YearSplitPages] = {}
"""Each family of overview and year pages by its kind's name, as GroupMemo keys them."""
