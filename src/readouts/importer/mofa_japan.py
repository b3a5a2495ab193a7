"""Japan's Ministry of Foreign Affairs: "(Overview)" pages under a region's section.

Their pages put a section name ("Japan-Russia Relations") and the date above photo captions and
the headline, often printed twice, and end with "Back to <section>".
"""

from __future__ import annotations

import re

from readouts.importer.common import Context, Header, ImportedReadout, headline_like, last_headline, parse_document
from readouts.importer.document import Document
from readouts.importer.furniture import clean_caption
from readouts.importer.kinds import TRANSCRIPT_PART
from readouts.importer.outlet import KANTEI
from readouts.publishers import Publisher

NAME: Publisher = "mofa-japan"
DOMAINS = ("mofa.go.jp",)
"""The site the publisher publishes on: an address there settles who published a text."""

# Each sign is a house convention of MOFA's English pages, across their layouts since 2010,
# weighed by how rarely other publishers share it.
_SIGNS = (
    # "The overview of the meeting is as follows." closes the opening of every MOFA readout
    (re.compile(r"\b(?:the|an) (?:overview|outline|summary) of the (?:meeting|talks?|summit|conversation|"
                r"visit|call|consultations?|dialogue) is as follows", re.I), 4),
    # the older pages' wording of it: "The following is an outline of the Summit", "… a summary
    # of their discussion"; a newspaper's digest may say so too, so it weighs less
    (re.compile(r"\b(?:The )?following is (?:an?|the) (?:overview|outline|summary) of (?:the |their )?"
                r"(?:[\w-]+ )?(?:discussion|talks?|meeting|summit|conversation)", re.I), 3),
    # the note under or beside the older pages' headline
    (re.compile(r"^\(?(?:Outline|Overview of Results|Summary of Results)\)?$|\((?:Outline|Overview of Results|"
                r"Summary of Results)\)$", re.M), 2),
    # Japan's own titles as the ministry writes them; the press says "Foreign Minister"
    (re.compile(r"\b(?:Vice-|Parliamentary Vice-|State )?Minister for Foreign Affairs\b"), 2),
    # "Mr. Katsuya Okada, Minister for…", "Mr. KISHIDA Fumio, Prime Minister of Japan", "H.E. Mr."
    (re.compile(r"\bMr\. (?:[A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{2,} [A-Z][a-z]+|[A-Z][a-z]+, [A-Z][a-z]+), "
                r"(?:Minister|Prime Minister|Vice-Minister|Ambassador|President|(?:Deputy )?Chief Cabinet|"
                r"Deputy|Senior Vice-|State Minister|Parliamentary|Special Advis|Aide|Director-General)"), 2),
    # the remarks of each side set out in numbered points: "1. Aide to the President Prikhodjko made
    # the following remarks. (1) …"
    (re.compile(r"\bmade the following (?:remarks|points|statement)\b", re.I), 2),
    (re.compile(r"\bH\.E\. Mr\."), 2),
    (re.compile(r"\(Overview\)"), 2),
    (re.compile(r"\((?:local|Tokyo|Japan) time\)", re.I), 2),
    (re.compile(r"\bprovisional translation\b", re.I), 1),
    # the disclaimer under translated press releases of the older layouts
    (re.compile(r"foregoing is a provisional translation|date of issue of the original", re.I), 3),
    (re.compile(r"^Press Conference by (?:Foreign Minister|the Press Secretary|Deputy Press Secretary)",
                re.M), 4),
    # the spokesman's own releases of the 2000s: "Special Announcement by the Press Secretary",
    # "Statement by the Press Secretary/Director-General for Press and Public Relations"
    (re.compile(r"^(?:Special )?(?:Announcement|Statement|Comment) by the (?:Press Secretary|Deputy Press "
                r"Secretary|Director-General for Press and Public Relations)", re.M), 4),
    (re.compile(r"Four Northern Islands|Northern Territories", re.I), 1),
    (re.compile(r"former island residents", re.I), 1),
    # the older pages' issuing office on a line of its own under the date, in the ministry's
    # day-first English, or month first in others: "15 September 2000" / "Ministry of Foreign
    # Affairs", "September 5, 2000" / "Ministry of Foreign Affairs", or with its country: "15
    # November 2000" / "Ministry of Foreign Affairs, Japan"
    (re.compile(r"^(?:\d{1,2} [A-Z][a-z]+,?|[A-Z][a-z]+ \d{1,2},) (?:19|20)\d\d\s*\n\s*Ministry of Foreign Affairs"
                r"(?:,? (?:of )?Japan)?\s*$", re.M), 3),
    # section labels above the date, links back below the text
    (re.compile(r"^(?:Japan-[A-Z][a-z]+ Relations|Press Releases)$", re.M), 2),
    (re.compile(r"^Back to (?:Japan-\w+ Relations|Index)", re.I | re.M), 2),
    # the ministry's headline for a meeting, Japan first, on the page's first line: "Japan-Russia
    # Summit Meeting", "Japan- Russia Summit Telephone Conversation", "Japan-Russia Foreign
    # Ministers' Meeting", "Japan-Russia Summit Meeting in Irkutsk"
    (re.compile(r"\A\s*(?:.*\n){0,2}?\s*Japan-\s?Russia (?:Summit|Foreign Ministers['’]?|Vice-Ministerial|Leaders['’]?)"
                r"(?: Telephone)? (?:Meeting|Talks?|Conversation|Consultations?)(?: in [A-Z][\w-]+)?\s*$", re.M), 2),
    # the other side's leader with his state's full name after, as the ministry writes: "President
    # Vladimir Putin of the Russian Federation", "Dr. Dmitry Medvedev, President of the Russian
    # Federation"; the press says "Russian President"
    (re.compile(r"\b(?:President|Prime Minister) (?:[A-Z][a-z]+ ){1,3}of the Russian Federation\b|"
                r"\b(?:Mr|Dr|H\.E\. Mr)\. [A-Z][a-z]+ [A-Z][a-z]+, (?:President|Prime Minister) "
                r"of the Russian Federation\b"), 2),
    # numbered sections with "(1)" points: "2. (1) On Japan-Russia relations…"
    (re.compile(r"^\s*\d\.\s+(?:\(\d\)\s+)?\S.*\n(?:.*\n){0,3}?\s*(?:[•·]\s*)?\(\d\)\s", re.M), 1),
)
# A news agency's dateline or credit says the text is the agency's report of what MOFA said.
_NEWS = re.compile(r"/TASS/|/ТАСС/|\((?:Jiji Press|Kyodo|Reuters|AP|AFP|Interfax|Mainichi|NHK|Sputnik)\)|"
                   r"\b(?:the (?:Japanese |Foreign )?ministry said|ministry said in a statement)")


def detect(doc: Document) -> int:
    """How strongly the text reads like a MOFA page (0 = not at all). The Prime Minister's Office
    writes as MOFA does ("H.E. Mr.", "(local time)") but its pages are its own (outlet.KANTEI)."""
    score = sum(weight for sign, weight in _SIGNS if sign.search(doc.raw))
    return score - (6 if _NEWS.search(doc.raw) or KANTEI.search(doc.raw) else 0)


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The last headline after the date (a transcript's parts, "Opening Remarks", are none); else
    the headline above it; else a photo caption.
    The older layout puts the headline above the date and a caption of names below it
    ("Foreign Minister Lavrov and Foreign Minister Machimura"): a headline above that names the
    meeting wins over a line below that does not."""
    lines = list(header.lines)
    split = header.date_index if header.date_index is not None else -1
    after = last_headline([line for line in lines[split + 1:] if not TRANSCRIPT_PART.match(line.text)])
    sections = {footer.lower() for footer in doc.footers}
    before = [line for line in lines[: max(split, 0)]
              if headline_like(line.text) and line.text.lower() not in sections]
    if after is not None and not (before and _EVENT.search(before[0].text) and not _EVENT.search(after.text)):
        return clean_caption(after.text), (after.number,)
    if before:
        return before[0].text, (before[0].number,)
    if doc.captions:
        return doc.captions[-1], ()
    return None, ()


_EVENT = re.compile(r"\b(?:Meeting|Summit|Talks?|Conversation|Consultations?|Visit|Dialogue)\b", re.IGNORECASE)


def parse(doc: Document, context: Context) -> ImportedReadout:
    return parse_document(doc, context, publisher=NAME, default_kind="readout",
                          choose_title=choose_title)
