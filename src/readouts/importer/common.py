"""The reading every adapter shares: header and body apart, then the facts, then the Markdown.

An adapter differs from the others only where its publisher's pages differ: how the
headline sits among dates and captions, and what kind of document it usually is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from readouts.importer import dates, facts
from readouts.importer.document import Change, Document, Line, clean_caption, is_prose, shorten, words
from readouts.importer.structure import MarkdownBody, to_markdown
from readouts.model import Kind, MeetingFacts, Publisher
from readouts.names import NameIndex


@dataclass(frozen=True, slots=True)
class ImportedReadout:
    """What the importer read from one source; write.py turns it into a .md file."""

    source_path: str
    title: str | None
    """The document's own headline; None when it prints none."""
    publisher: Publisher
    kind: Kind
    published: dt.date | None
    meeting: MeetingFacts
    participants: tuple[str, ...]
    mentioned: tuple[str, ...]
    unresolved: tuple[str, ...]
    """Names printed after a title that no entry in people.yaml explains."""
    topics: tuple[str, ...]
    body: MarkdownBody
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    """What the reader of the import should know: dates left empty and why."""
    lede: str | None
    printed_day: tuple[int, int] | None = None
    """(month, day) the text prints without a year, kept so that another account of the same
    meeting can later propose the full date."""
    outlet: str | None = None
    """The news outlet the text credits ("Interfax", "Jiji Press"), for a publisher of its own."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the importer needs from the site's registries."""

    names: NameIndex
    topics_of: Callable[[str], tuple[str, ...]]
    """Text → the topic ids it discusses (the link stage's rules)."""


@dataclass(frozen=True, slots=True)
class Dateline:
    """"MANILA, August 7. /TASS/." or "MOSCOW. March 21 (Interfax) -" at the start of a story."""

    city: str
    agency: str
    date_text: str
    end: int


# "MANILA, August 7. /TASS/.", "МОСКВА, 14 января. /ТАСС/.", "Tokyo, Nov. 25 (Jiji Press)--":
# a city, perhaps a day, and the agency, which no sentence of running text has at its start.
_DATELINE = re.compile(
    r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{1,30}?|[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2})"
    r"(?:,\s*[A-Z][a-z]+(?=\s*[(/]))?[,.]?\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|\d{1,2}\s+[а-яё]{3,9})"
    r"(?:,?\s+(?:19|20)\d\d)?)?\.?\s*"
    r"(?:/(?P<agency>[A-Za-zА-ЯЁа-яё-]{2,20})/\.?|\((?P<agency2>[A-Z][A-Za-z -]{1,20})\))\s*[-–—]{0,2}\s*"
)


def dateline(text: str) -> Dateline | None:
    match = _DATELINE.match(text)
    if not match:
        return None
    return Dateline(match.group("city").strip(" .,"), match.group("agency") or match.group("agency2"),
                    match.group("date") or "", match.end())


def headline_like(text: str) -> bool:
    """A line that could be a headline: not running text, not a date, not the page's labels."""
    text = clean_caption(text)
    count = len(words(text))
    return (1 <= count <= 45 and not is_prose(text) and dates.date_line(text) is None
            and not text.endswith((",", ":", ";")) and dateline(text) is None
            and label_reason(text) is None)


# Lines around a headline that name, credit or place the page rather than the event. Each is a
# convention of news and ministry pages in general, not of one site:
_BYLINE = re.compile(  # "Posted: 4:44 pm, March 20, 2017 by Desk man", "Faizan Hashmi 2 minutes ago"
    r"^(?:posted|published|updated|written|by)\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b|"
    r"\|\s*\d|\b\d{1,2}:\d\d\b.*\bby\s+[A-Z]", re.IGNORECASE)
_CREDIT = re.compile(  # "Photo: Nicolas Datiche/Pool via AP", "(Screenshot from Reuters video)", "Фото: …"
    r"^(?:photograph|photo|picture|image) of\b|\b(?:photo|фото|image|screenshot|source|источник)\s*:|"
    r"\((?:photo|screenshot|video|file)\b[^)]*\)|"
    r"\b(?:left|right|center|centre|second from (?:left|right))\s*[,)]", re.IGNORECASE)
_NAME_CREDIT = re.compile(r"\((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+\)\s*$")  # "… Ukraine. (Yuichi Nobira)"
# What a headline reports: an event or an act. A short line without one is a section or site
# label: "Japan-Russia Relations", "Press Releases", "politics", "Images", "Newsfrom Japan".
_EVENT = re.compile(
    r"\b(?:meet\w*|met|talks?|talked|summit\w*|conversation|conference|visit\w*|statements?|"
    r"remarks|calls?|consultations?|protests?|summon\w*|discuss\w*|agree\w*|sign\w*|gist|"
    r"overview|interview|briefing|comments?|встреч\w*|переговор\w*|обсуди\w*|заявлени\w*|"
    r"визит\w*|разговор\w*|брифинг\w*|интервью|провел\w*|провёл\w*)\b", re.IGNORECASE)


def label_reason(text: str) -> str | None:
    """Why a short line above the text is a byline, a credit, a place or a label, not a headline."""
    if _BYLINE.search(text):
        return "byline"
    if _CREDIT.search(text) or _NAME_CREDIT.search(text):
        return "photo caption or credit"
    if re.fullmatch(r"\(.*\)|\[.*\]", text):
        return "bracketed note"
    count = len(words(text))
    if count <= 3 and (text.isupper() or facts.city_named(text)):
        return "place or site name"
    if count <= 4 and not _EVENT.search(text):
        return "section or site label"
    return None


@dataclass(frozen=True, slots=True)
class Header:
    lines: tuple[Line, ...]
    """The lines before the text proper: section labels, dates, captions, the headline."""
    body: tuple[Line, ...]
    date_index: int | None
    """Index in `lines` of the first line that is a date."""


def split_header(lines: tuple[Line, ...]) -> Header:
    """Header = the lines before the first line of running text (or a story's dateline)."""
    start = len(lines)
    for index, line in enumerate(lines):
        if is_prose(line.text) or dateline(line.text) or len(words(line.text)) > 45:
            start = index
            break
    # A short line ending in a comma or colon ("Ladies and gentlemen,") opens the text.
    while start > 0 and lines[start - 1].text.endswith((",", ":")) and not headline_like(lines[start - 1].text):
        start -= 1
    header = lines[:start]
    date_index = next((i for i, line in enumerate(header) if dates.date_line(line.text)), None)
    return Header(header, lines[start:], date_index)


TitleChooser = Callable[[Header, Document], "tuple[str | None, tuple[int, ...]]"]


def last_headline(candidates: list[Line]) -> Line | None:
    headlines = [line for line in candidates if headline_like(line.text)]
    return headlines[-1] if headlines else None


def first_headline(candidates: list[Line]) -> Line | None:
    headlines = [line for line in candidates if headline_like(line.text)]
    return headlines[0] if headlines else None


_SPEAKER = re.compile(r"^([A-Z][^:.!?]{1,80}):\s+\S")
# "…, Tokyo, May 31, 2019" at the end of a headline: the place and day of the meeting.
_TITLE_PLACE = re.compile(r",\s*([A-Z][A-Za-z .'-]{2,30}),\s*"
                          r"(?:[A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d)\s*$")


def parse_document(doc: Document, context: Context, *, publisher: Publisher, default_kind: Kind,
                   choose_title: TitleChooser) -> ImportedReadout:
    """Read a prepared document into an ImportedReadout; the adapter supplies its differences."""
    changes = list(doc.changes)
    notes: list[str] = []
    header = split_header(doc.lines)
    title, title_lines = choose_title(header, doc)
    if title is not None:
        title = re.sub(r"\s+", " ", clean_caption(title)).strip() or None

    # The published date: a date line in the header, else a capture stamp, else the dateline.
    published: dt.date | None = None
    used: set[int] = set(title_lines)
    if header.date_index is not None:
        line = header.lines[header.date_index]
        found = dates.date_line(line.text)
        assert found is not None
        published = found.date
        used.add(line.number)
        if found.glued_time:
            changes.append(Change(line.number, "normalised", line.text,
                                  f"time glued to the date: read as {found.date.isoformat()} "
                                  f"{line.text[found.end:].strip()}"))
    if published is None and doc.stamp is not None:
        published = doc.stamp

    # Header lines that are neither the title nor the date are captions and section labels,
    # except those that open the text ("Ladies and gentlemen,").
    body_lines: list[Line] = []
    for line in header.lines:
        if line.number in used:
            continue
        if title and re.sub(r"\s+", " ", line.text) == title:
            changes.append(Change(line.number, "removed", shorten(line.text), "headline printed again"))
        elif line.text.endswith((",", ":")) and not headline_like(line.text):
            body_lines.append(line)
        else:
            changes.append(Change(line.number, "removed", shorten(line.text),
                                  label_reason(line.text) or "caption or section label above the text"))
    body_lines.extend(header.body)

    paragraphs = [line.text for line in body_lines]
    printed_day: tuple[int, int] | None = None
    story = dateline(paragraphs[0]) if paragraphs else None
    if story and published is None:
        printed = dates.find_dates(story.date_text)
        if printed:
            published = printed[0].date
        elif story.date_text:
            partial = dates.find_partial_dates(story.date_text)
            if partial:
                printed_day = (partial[0].month, partial[0].day)
            notes.append(f"line {body_lines[0].number}: the dateline prints \"{story.date_text}\" with no year: "
                         f"the published date is left empty for a person to fill in")
    if published is None and not notes:
        notes.append("no publication date found: the published date is left empty")

    prose = [p for p in paragraphs if is_prose(p) and not p.endswith(",")]
    lede_paragraph = prose[0] if prose else None
    if lede_paragraph and (own := dateline(lede_paragraph)):
        lede_paragraph = lede_paragraph[own.end:]
    lede = facts.sentences(lede_paragraph)[0] if lede_paragraph else None
    meeting_sentence, strong_meeting = facts.meeting_sentence(prose)
    meeting_format = facts.meeting_format(title, meeting_sentence, lede)
    is_phone = meeting_format in ("telephone", "video") or bool(
        meeting_sentence and facts.PHONE_WORDS.search(meeting_sentence))
    transcript = bool(paragraphs and facts.TRANSCRIPT_OPENING.match(paragraphs[0])) or bool(
        title and facts.TRANSCRIPT_TITLE.search(title))
    transcript = transcript or bool(paragraphs and _SPEAKER.match(paragraphs[0]))
    kind = _kind(title, default_kind, transcript)
    meeting_date = _meeting_date(title, lede, meeting_sentence, published, kind, publisher)
    if meeting_date is None and meeting_sentence and (partial := dates.find_partial_dates(meeting_sentence)):
        number = next((b.number for b in body_lines if meeting_sentence in b.text), None)
        where = f"line {number}: " if number else ""
        notes.append(f"{where}the meeting's day is printed without a year (\"{shorten(meeting_sentence, 80)}\"): "
                     f"the meeting date is left empty")
        printed_day = printed_day or (partial[0].month, partial[0].day)
    if meeting_date is None and title and (partial := dates.find_partial_dates(title)):
        # "Gist of Japan-Russia summit on Nov. 10": the headline names the meeting's day.
        printed_day = printed_day or (partial[0].month, partial[0].day)
    speakers = [m.group(1) for p in paragraphs if (m := _SPEAKER.match(p))]
    participants = facts.participants(title, lede, meeting_sentence, speakers, context.names,
                                      prose, meeting_date or published)
    everyone = context.names.ids_in("\n".join([title or "", *paragraphs]))
    mentioned = [p for p in everyone if p not in participants]
    context_text = " ".join(t for t in (title, lede, meeting_sentence) if t)
    occasion, occasion_city = facts.occasion(context_text, " ".join(prose[:3]))
    place = None
    if not is_phone:
        announcement = bool(meeting_date and published and meeting_date > published)
        place = _place(title, header, context_text, prose, occasion_city, story, lede,
                       meeting_sentence if strong_meeting else None, announcement)
    duration = facts.duration_minutes(context_text) or facts.duration_minutes(" ".join(prose[:3]))

    body = to_markdown(body_lines)
    changes.extend(body.changes)
    text_for_topics = "\n".join(paragraphs)
    return ImportedReadout(
        source_path=doc.path, title=title, publisher=publisher, kind=kind, published=published,
        meeting=MeetingFacts(meeting_date, place, occasion, duration, format=meeting_format),  # type: ignore[arg-type]
        participants=tuple(participants), mentioned=tuple(mentioned),
        unresolved=tuple(context.names.unresolved("\n".join([title or "", *paragraphs]))),
        topics=context.topics_of(text_for_topics), body=body,
        changes=tuple(sorted(changes, key=lambda c: c.line)), notes=tuple(notes), lede=lede,
        printed_day=printed_day if published is None or meeting_date is None else None,
        outlet=outlet([line.text for line in header.lines], title, story, paragraphs)
        if publisher == "other" else None)


# News agencies and papers a headline names after a dash: "Kishida holds talks with Lavrov – NHK".
_OUTLETS = ("Kyodo", "Kyodo News", "Jiji", "Jiji Press", "NHK", "NHK World", "Reuters", "AP", "AFP", "Bloomberg",
            "Interfax", "RIA Novosti", "Sputnik", "RT", "Mainichi", "The Asahi Shimbun", "Asahi", "Yomiuri",
            "Nikkei", "The Japan Times", "Kommersant", "Izvestia", "Rossiyskaya Gazeta", "Xinhua", "Yonhap")
_KNOWN_OUTLETS = {name.casefold(): name for name in _OUTLETS}
_CLOSING_CREDIT = re.compile(r"[.!?”\"]\s*\((?P<name>[A-Z][\w .&]{1,30})\)\s*$")  # "… said. (Mainichi)"
_TITLE_CREDIT = re.compile(r"\s[-–—]\s(?P<name>[A-Z][\w .&]{1,30})$")
_MASTHEAD = re.compile(r"^(?:the\s+)?[A-Za-z][\w .&-]{1,40}?(?:\bshimbun|\btimes|\bpost|\bherald|\bdaily|"
                       r"\bgazette|\btribune|\bjournal|\bexaminer|\.com)$", re.IGNORECASE)


def outlet(header: list[str], title: str | None, story: Dateline | None, paragraphs: list[str]) -> str | None:
    """The outlet a news item credits: its dateline's agency ("Tokyo, Nov. 25 (Jiji Press)--"),
    an agency after a dash in the headline, a closing credit ("… (Mainichi)"), or the masthead
    above it ("THE ASAHI SHIMBUN")."""
    if story and story.agency:
        return story.agency
    known = _KNOWN_OUTLETS
    if title and (match := _TITLE_CREDIT.search(title)):
        name = match.group("name").strip()
        if name.isupper() or name.casefold() in known:
            return known.get(name.casefold(), name)
    for paragraph in paragraphs[:8]:
        match = _CLOSING_CREDIT.search(paragraph)
        if match and match.group("name").casefold() in known:
            return known[match.group("name").casefold()]
    for line in header[:6]:
        if line != title and _MASTHEAD.match(line) and len(line.split()) <= 5:
            return line.title() if line.isupper() else line
        # "30 января 2023, 21:30 — Общественная служба новостей — ОСН": the outlet after its date
        if (found := dates.date_line(line)) and (match := _DATED_CREDIT.match(line[found.end:])):
            return match.group("name").strip()
    for paragraph in paragraphs:
        if match := _COPYRIGHT.match(paragraph):  # "© KYODO" under the story
            name = match.group("name").strip()
            return known.get(name.casefold(), name.title() if name.isupper() and len(name) > 4 else name)
    return None


_DATED_CREDIT = re.compile(r"^[\s,0-9:]*[—–-]\s*(?P<name>[^—–\d][^—–]{2,60}?)\s*(?:[—–-]\s*[^—–]{2,12})?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*)?(?P<name>[A-Za-zА-ЯЁа-яё][\w .&-]{1,40})$",
                        re.IGNORECASE)


def _kind(title: str | None, default: Kind, transcript: bool) -> Kind:
    """The kind the headline names. A news outlet's piece stays news unless it is a transcript:
    "Gist of joint press conference" reports a press conference, "Ladies and gentlemen," is one."""
    if title and facts.PRESS_RELEASE.search(title):
        return "readout"
    if title:
        for pattern, kind in facts.KIND_CUES:
            if pattern.search(title):
                if default == "news" and (kind == "readout" or not transcript):
                    break
                return kind  # type: ignore[return-value]
    if transcript and title is None:
        # a page of speakers' words under no headline: "President of Russia Vladimir Putin: …"
        return "press-conference"
    return default


def _meeting_date(title: str | None, lede: str | None, sentence: str | None,
                  published: dt.date | None, kind: Kind, publisher: Publisher) -> dt.date | None:
    if title:
        in_title = dates.find_dates(title)
        if in_title:
            return in_title[-1].date
    found = facts.meeting_date(sentence, published)
    if found:
        return found
    if kind == "press-conference":
        # Press statements are made the day of the talks they follow.
        return published
    if kind == "readout" and publisher != "other":
        # A ministry's or the Kremlin's own account is dated the day of the meeting it reports:
        # "November 13, 2010, Yokohama" above "Dmitry Medvedev met with Naoto Kan".
        return published
    return None


def _place(title: str | None, header: Header, text: str, opening: list[str],
           occasion_city: str | None, story: Dateline | None, lede: str | None,
           meeting: str | None, announcement: bool = False) -> str | None:
    """The city of the meeting: from the headline's closing place and date, the date line's
    place, the sentences that report the meeting, the occasion's fixed city, then any opening
    sentence about the meeting ("The talks took place in Moscow"); last, a story's dateline,
    unless the story relays what a ministry or another outlet said: then the dateline names
    where the reporter filed from, not where the ministers sat."""
    if title:
        match = _TITLE_PLACE.search(title)
        if match:
            return facts.city_named(match.group(1)) or match.group(1).strip()
    if announcement and meeting and (found := facts.place_in(meeting, announcement=True)):
        # the text announces its meeting ("will be held in Tokyo on February 15"): that is its place
        return found
    if header.date_index is not None:
        # "April 27, 2017, The Kremlin, Moscow"
        line = header.lines[header.date_index].text
        city = facts.city_named(line.rsplit(",", 1)[-1]) if "," in line else None
        if city:
            return city
    found = facts.place_in(text)
    if found:
        return found
    if occasion_city:
        return occasion_city
    for paragraph in opening[:3]:
        for sentence in facts.sentences(paragraph):
            if facts.MEETING_WORDS.search(sentence) and (found := facts.place_in(sentence)):
                return found
    if story and meeting and lede and not _RELAYED.search(lede):
        return facts.city_named(story.city)
    return None


# "…, the Japanese foreign ministry reported.", "…, Kyodo reports.", "according to the ministry"
_RELAYED = re.compile(r"\b(?:ministry|agency|office|kyodo|jiji|reuters|nhk|interfax|sputnik)\b[^.]{0,30}"
                      r"\b(?:said|says|announced)\b|\baccording to\b|\b(?:reported|reports)\b", re.IGNORECASE)
