"""Citations of a readout: plain text, BibTeX, RIS and CSL-JSON, and the citation_* meta tags
reference managers (Zotero) read from the page head.

The access date is left to the reader: a build never writes today's date into a citation, and
the plain text ends without one; cite.js adds "Accessed <today>." when a reader copies it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from readouts.model import Readout
from readouts.publishers import PUBLISHERS

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}").replace("^", r"\^{}")
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def _closed(text: str) -> str:
    """`text` ending in one full stop: "n.d." and a title that ends "?" get none added ("n.d.." was printed)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def citations(readout: Readout, publisher: str, kind: str, permalink: str, archive: str) -> dict[str, str]:
    """The readout cited in each format, pointing at `permalink` in the archive (the site) named `archive`."""
    day = readout.published or readout.meeting.date
    date_text = f"{day.day} {day:%B %Y}" if day else "n.d."
    original = f" Originally published at {readout.source.url}." if readout.source and readout.source.url else ""
    text = (f"{_closed(publisher)} “{_closed(readout.title)}” {kind}, {_closed(date_text)} {_closed(archive)} "
            f"{permalink}.{original}")

    fields = [f"  author = {{{{{_bibtex_escape(publisher)}}}}}",
              f"  title = {{{{{_bibtex_escape(readout.title)}}}}}"]
    if day:
        fields += [f"  year = {{{day.year}}}", f"  month = {_MONTHS[day.month - 1]}"]
    fields += [f"  howpublished = {{\\url{{{permalink}}}}}", f"  url = {{{permalink}}}",
               f"  note = {{{_bibtex_escape(kind)}}}"]
    bibtex = f"@misc{{readouts:{readout.id},\n" + ",\n".join(fields) + "\n}"

    ris = [f"TY  - {PUBLISHERS[readout.publisher].ris_type}", f"TI  - {readout.title}", f"AU  - {publisher}",
           f"PB  - {publisher}"]
    if day:
        ris += [f"PY  - {day.year}", f"DA  - {day:%Y/%m/%d}/"]
    ris += [f"M3  - {kind}", f"UR  - {permalink}", f"ID  - {readout.id}", "ER  - "]

    csl: dict[str, Any] = {"id": readout.id, "type": PUBLISHERS[readout.publisher].csl_type, "title": readout.title,
                           "author": [{"literal": publisher}], "publisher": publisher, "genre": kind,
                           "URL": permalink}
    if day:
        csl["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    return {"text": text, "bibtex": bibtex, "ris": "\n".join(ris), "csl_json": json.dumps([csl], indent=2,
                                                                                           ensure_ascii=False)}


def meta_tags(readout: Readout, publisher: str, permalink: str | None) -> list[tuple[str, str]]:
    """(name, content) pairs for the page head, in the Highwire Press form Zotero reads."""
    tags = [("citation_title", readout.title), ("citation_author", publisher), ("citation_publisher", publisher)]
    day = readout.published or readout.meeting.date
    if day:
        tags.append(("citation_publication_date", day.strftime("%Y/%m/%d")))
        tags.append(("citation_date", day.strftime("%Y/%m/%d")))
    if permalink:
        tags.append(("citation_public_url", permalink))
    tags.append(("citation_language", "ru" if any(b.lang == "ru" for b in readout.blocks[:3]) else "en"))
    return tags
