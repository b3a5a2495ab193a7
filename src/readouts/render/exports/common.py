"""What the export files share: their constants, the pieces kept between builds (`Fragments`),
and how a readout becomes a link, an id and plain text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from readouts.cache import CacheTable, unchanged_under_keys
from readouts.model import Block, Readout, SiteGraph
from readouts.render import urls
from readouts.render.depends import digest, digest_of_fields
from readouts.render.exports.records import PublishedRecords

FEED_ENTRIES = 50
"""Feed readers fetch the whole file on every poll: the newest readouts are what they need."""

ATOM = "http://www.w3.org/2005/Atom"
"""What the sitemaps.org protocol allows one sitemap file: a part that would hold more is split."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PRODID = "-//readouts//readouts//EN"
CSV_COLUMNS = ("id", "title", "publisher", "kind", "published", "meeting_date", "place", "occasion",
               "duration_minutes", "participants", "mentioned", "topics", "meeting_id", "url")

# CommonMark's backslash escapes: a backslash before any ASCII punctuation character.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Characters XML 1.0 cannot hold even escaped (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


EXPORT_FRAGMENTS: CacheTable[str, bytes] = CacheTable("fragments", unchanged_under_keys)
"""Digest of inputs → a piece of an export file (a readout's CSV row, a meeting's event):
what Fragments keeps for the next build."""


class Fragments:
    """Pieces of export files from the last build, by the digest of what each is made from, and
    the readouts' records in the year files it published (`records`).

    A piece is kept while a file of the site is made from it, even when that file is not made
    again in this build: a later change to one of its neighbours then costs one piece."""

    def __init__(self, store: dict[str, bytes] | None, records: PublishedRecords | None = None) -> None:
        self.store = store if store is not None else {}
        self.used: set[str] = set()
        self.records = records if records is not None else PublishedRecords()

    def key(self, inputs: tuple[Any, ...]) -> str:
        """The key of the piece made from `inputs`, which is kept for the next build (a CSV row's
        and an event's for every readout and meeting: digested from marshal's bytes where they
        are text and numbers, depends.digest_of_fields)."""
        key = digest_of_fields(inputs)
        self.used.add(key)
        return key

    def use(self, keys: list[str]) -> list[str]:
        """Mark the pieces of `keys`, made without Fragments.key, as in use; returns `keys`."""
        self.used.update(keys)
        return keys

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        self.used.add(key)
        fragment = self.store.get(key)
        if fragment is None:
            fragment = self.store[key] = make()
        return fragment

    def joined(self, keys: list[str], make: Callable[[int], bytes]) -> bytes:
        """The pieces of `keys`, marked in use already (key, use), joined; the piece of the i-th
        key is made by `make(i)` when not kept. Made so rather than by get() for each, which
        took a callable and a set's update per piece: 10,000 of each for the CSV and as many
        for the calendar, a new readout changing one piece of each."""
        store = self.store
        pieces = []
        for index, key in enumerate(keys):
            piece = store.get(key)
            if piece is None:
                piece = store[key] = make(index)
            pieces.append(piece)
        return b"".join(pieces)

    def forget_unused(self) -> None:
        for key in set(self.store) - self.used:
            del self.store[key]


def _made_from(readout: Readout) -> object:
    """What a readout's facts and text follow from: its digest, or itself when made in memory."""
    return readout.digest or readout


def readout_piece_keys(graph: SiteGraph, family: str, readout_ids: Iterable[str]) -> list[str]:
    """The key of each readout's piece of a `family` of export files (its CSV row, its JSON record)
    made from the readout's bytes and its meeting's id: the words themselves, not a digest of
    them. Ids are made of letters, digits and dashes and a readout's digest is hex, so the words
    joined by spaces say what they were made from; digesting 10,000 tuples took a tenth of a
    new readout's exports at 10,000. A readout made in memory has no digest: its key is a
    digest of itself."""
    readouts, meeting_of = graph.readouts, graph.meeting_of
    keys = []
    for readout_id in readout_ids:
        made_from = readouts[readout_id].digest
        if made_from:
            keys.append(f"{family} {readout_id} {made_from} {meeting_of.get(readout_id) or ''}")
        else:
            keys.append(f"{family}* " + digest((readout_id, readouts[readout_id], meeting_of.get(readout_id))))
    return keys


def keys_digest(*words: str | None, keys: Sequence[str]) -> str:
    """The fingerprint of a file made from the pieces of `keys` (and `words`), digested as one text
    rather than as the repr of a list of thousands (a key holds no line break)."""
    text = "\n".join([*(word or "" for word in words), *keys])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()



def absolute_or_relative(graph: SiteGraph, from_file: str, path: str) -> str:
    """base_url + path when the site has a base URL; otherwise the link from one output file to another."""
    base_url = graph.corpus.config.base_url
    return f"{base_url}{path}" if base_url else urls.relative(from_file, path)


def site_slug(graph: SiteGraph) -> str:
    """The site title as ASCII words, for `urn:` ids: stable for as long as the title is."""
    words = re.sub(r"\W+", " ", graph.corpus.config.title.lower())  # "Japan–Russia" is two words
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_words)) or "site"


def readout_uri(graph: SiteGraph, readout_id: str) -> str:
    """A readout's permanent id in feeds: its page's URL, else a `urn:` that no build changes."""
    base_url = graph.corpus.config.base_url
    if base_url:
        return f"{base_url}{urls.readout_path(readout_id)}"
    return f"urn:readouts:{site_slug(graph)}:{readout_id}"


def unescaped_text(markdown: str) -> str:
    """A block's Markdown with backslash escapes removed: imported text escapes every special
    character, and otherwise holds no markup. Feeds and data exports give the text as written,
    so an asterisk a person typed stays; search.snippet_text, for reading, drops emphasis too."""
    return _MARKDOWN_ESCAPE.sub(r"\1", markdown)


def summary_block(readout: Readout) -> Block | None:
    """The first paragraph; a readout without one is summed up by its first block that is not a heading."""
    paragraphs = [b for b in readout.blocks if b.kind == "paragraph"] or [
        b for b in readout.blocks if b.kind != "heading"]
    return paragraphs[0] if paragraphs else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
