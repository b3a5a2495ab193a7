"""The news outlet a piece credits, for texts the generic adapter reads: its dateline's agency, a
headline credit, a closing credit, a masthead, a credit after the date line, or a copyright line.
"""

from __future__ import annotations

import re

from readouts.importer import dates, russian
from readouts.importer.datelines import Dateline, dateline
from readouts.importer.header import AGENCY_REPORT
from readouts.importer.reading import Reading

# News agencies and papers a headline names after a dash: "Kishida holds talks with Lavrov – NHK".
_OUTLETS = ("Kyodo", "Kyodo News", "Jiji", "Jiji Press", "NHK", "NHK World", "Reuters", "AP", "AFP", "Bloomberg",
            "Interfax", "RIA Novosti", "Sputnik", "RT", "Mainichi", "The Asahi Shimbun", "Asahi", "Yomiuri",
            "Nikkei", "The Japan Times", "Kommersant", "Izvestia", "Rossiyskaya Gazeta", "Xinhua", "Yonhap")
KANTEI = re.compile(r"^(?:.*>\s*)?(?:The Prime Minister in Action|What(?:'|’)s up around the Prime Minister)|"
                    r"^Official Residence\b|Prime Minister(?:'|’)s Office of Japan|"
                    r"^Japan(?:ese)? Prime Minister(?:'|’)s Office\b|^Prime Minister of Japan and His Cabinet\b|"
                    r"\bkantei\.go\.jp|"
                    # its photo gallery's own words (2000s): "Click photographs to enlarge", and
                    # its pictures' alternative text: "Photograph of Prime Minister Aso shaking hands …"
                    r"^Click photographs to enlarge|^Photograph of (?:the )?Prime Minister\b", re.MULTILINE)
"""The Prime Minister's Office's English site names itself ("Japan Prime Minister's Office", "Prime
Minister of Japan and His Cabinet") and its
own sections in every page's header: "Home >
News > The Prime Minister in Action > …", "What's up around the Prime Minister", "Official Residence
TOP"."""
_KNOWN_OUTLETS = {name.casefold(): name for name in _OUTLETS}
_CLOSING_CREDIT = re.compile(r"[.!?”\"]\s*\((?P<name>[A-Z][\w .&]{1,30})\)\s*$")  # "… said. (Mainichi)"
_DASH_CREDIT = re.compile(r"[.!?”\"]\s+[–—-]\s*(?P<name>[A-Z][\w&.]*(?:[\s-][A-Z][\w&.]*){0,2})\s*$")
"""A credit after a dash at the end of the story: "– Sapa-AFP", "— Reuters"; a name in capitals
("AFP") or a known outlet, not a writer's sign-off."""
_TITLE_CREDIT = re.compile(r"\s[-–—]\s(?P<name>[A-Z][\w .&]{1,30})$")
_MASTHEAD = re.compile(r"^(?:the\s+)?[A-Za-z][\w .&-]{1,40}?(?:\bshimbun|\btimes|\bpost|\bherald|\bdaily|"
                       r"\bgazette|\btribune|\bjournal|\bexaminer|\.com)$", re.IGNORECASE)


def outlet(header: list[str], title: str | None, story: Dateline | None, paragraphs: list[str]) -> str | None:
    """The outlet a news item credits: its dateline's agency ("Tokyo, Nov. 25 (Jiji Press)--",
    "МОСКВА, 22 янв – РИА Новости."), a Russian agency's "Сообщение …" line under the headline, a
    known outlet on a line of its own above the text or in a translation's source note, an agency
    after a dash in the headline, a closing credit ("… (Mainichi)"), the masthead above it ("THE
    ASAHI SHIMBUN"), or the paper's own sign in the text ("корреспондент "Ъ"")."""
    if story and story.agency:
        return story.agency
    # wire copy's dateline on a line of its own above the text ("SINGAPORE, Nov. 15 Kyodo -")
    if agency := next((story_line.agency for line in header[:8]
                       if (story_line := dateline(line)) and story_line.agency), None):
        return agency
    # "Сообщение Тихоокеанского информационного агентства «Острова».", the name in the genitive
    if credit := next((report for line in header[:8] if (report := AGENCY_REPORT.match(line))), None):
        words, mark, quoted = credit.group("name").partition("«")
        return f"{russian.nominative(words.strip())} {mark}{quoted}".strip()
    known = _KNOWN_OUTLETS
    for line in header[:8]:
        # a credit line of its own, "• Kyodo", "• , Yomiuri", or the source note of a translated
        # article, "(Yomiuri: November 17, 2015 – p. 4)"
        name = re.sub(r"^[\s•·,(]+|[\s,)]+$", "", line.split(":")[0])
        if name.casefold() in known:
            return known[name.casefold()]
    if title and (match := _TITLE_CREDIT.search(title)):
        name = match.group("name").strip()
        if name.isupper() or name.casefold() in known:
            return known.get(name.casefold(), name)
    for paragraph in paragraphs[:8]:
        match = _CLOSING_CREDIT.search(paragraph)
        if match and match.group("name").casefold() in known:
            return known[match.group("name").casefold()]
    for paragraph in paragraphs[-2:]:
        # a wire credit after a dash at the story's end: "… has been minimal. – Sapa-AFP"
        match = _DASH_CREDIT.search(paragraph)
        if match and (match.group("name").casefold() in known or re.search(r"\b[A-Z]{2,5}\b", match.group("name"))):
            return known.get(match.group("name").casefold(), match.group("name"))
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
    if any(_KOMMERSANT.search(paragraph) for paragraph in paragraphs):
        return "Kommersant"
    return None


_KOMMERSANT = re.compile(r"[«\"“]Ъ[»\"”]")
"""Kommersant names itself by its hard sign in quotes: "специальный корреспондент «Ъ»", "сообщили "Ъ"."""


_DATED_CREDIT = re.compile(r"^[\s,0-9:]*[—–-]\s*(?P<name>[^\W\d_][^—–]{2,60}?)\s*(?:[—–-]\s*[^—–]{2,12})?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*)?(?P<name>[A-Za-zА-ЯЁа-яё][\w .&-]{1,40})$",
                        re.IGNORECASE)


def news_outlet(reading: Reading) -> None:
    """The outlet a publisher of its own ("other") credits: the rule (rules.RULES) over `outlet`."""
    if reading.publisher == "other":
        assert reading.header is not None
        # the Prime Minister's Office names its site's sections above every page (furniture)
        reading.outlet = "Prime Minister's Office of Japan" if KANTEI.search(reading.doc.raw) else outlet(
            [line.text for line in reading.header.lines], reading.title, reading.story, reading.paragraphs)
