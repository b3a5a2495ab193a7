"""Raw readout text → ImportedReadout, through the adapter whose signatures fit best.

A new publisher is one new module with NAME, DOMAINS (the hosts of its site), detect(doc) →
score and parse(doc, context), named by its row in readouts/publishers.py. The generic adapter
scores 1 and so wins only when no other recognises the text.
"""

from __future__ import annotations

import dataclasses
from importlib import import_module
from types import ModuleType
from urllib.parse import urlsplit

from readouts.importer import dates, generic
from readouts.importer.common import Context, ImportedReadout
from readouts.importer.document import decode, prepare
from readouts.publishers import PUBLISHERS

ADAPTERS: dict[str, ModuleType] = {
    publisher.id: import_module(f"readouts.importer.{publisher.adapter}") for publisher in PUBLISHERS.values()
}

# A publisher's signatures must add up to this before its adapter is trusted over the generic one.
_MIN_SCORE = 4


def pick(doc, url: str | None = None) -> ModuleType:  # type: ignore[no-untyped-def]
    """The adapter for a prepared document: the publisher whose site the address is on, else
    the one whose signatures the text carries most."""
    host = (urlsplit(url).hostname or "") if url else ""
    for module in ADAPTERS.values():
        if any(host == domain or host.endswith("." + domain) for domain in module.DOMAINS):
            return module
    best = max(ADAPTERS.values(), key=lambda module: module.detect(doc))
    return best if best.detect(doc) >= _MIN_SCORE else generic


def read_source(data: bytes, path: str, context: Context, url: str | None = None) -> ImportedReadout:
    """Raw bytes of one source → what it says. Raises ReadoutsError for unreadable input."""
    doc = prepare(decode(data, path), path)
    if url and (address_day := dates.day_in_address(url)):
        doc = dataclasses.replace(doc, address_day=address_day)
    imported: ImportedReadout = pick(doc, url).parse(doc, context)
    if imported.publisher == "other" and imported.outlet is None and url:
        # an outlet the text does not name is still known by its site
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        imported = dataclasses.replace(imported, outlet=host or None)
    return imported

