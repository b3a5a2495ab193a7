"""Any other outlet: news agencies, embassies' press digests, reposts.

With no publisher's layout to rely on, the headline is the last headline-like line before the
text (a caption above it is the usual thing to skip), and the document counts as news.
"""

from __future__ import annotations

import re

from readouts.importer import dates
from readouts.importer.common import Context, Header, ImportedReadout, last_headline, parse_document
from readouts.importer.datelines import dateline
from readouts.importer.document import Document, Line, is_prose, words
from readouts.importer.header import bare_photo_credit, headline_like, label_reason, spells_out
from readouts.importer.kinds import TRANSCRIPT_PART
from readouts.importer.outlet import KANTEI
from readouts.publishers import Publisher

NAME: Publisher = "other"
DOMAINS: tuple[str, ...] = ()


def detect(doc: Document) -> int:
    return 1


def choose_title(header: Header, doc: Document) -> tuple[str | None, tuple[int, ...]]:
    """The headline the breadcrumb ends with, else the one a page prints twice (in its title bar,
    perhaps with the site's name, and over the story), else the last headline above the text (site
    labels come before it), unless that is the deck set right under the headline (`_over_its_deck`).
    A photo's caption under its credit, a copy of the headline cut short and a teaser of another
    story are none."""
    # the line under a photo's credit is its caption: "Yomiuri Shimbun file photo" / "The Foreign
    # Ministry in Chiyoda Ward, Tokyo"
    lines = [line for at, line in enumerate(header.lines) if not (at and bare_photo_credit(header.lines[at - 1].text))]
    # nor is any item of a site's menu copied an item to a line ("News" / "Sports" / "Chat" / … /
    # "Comment on the Site")
    menu = _menu_items(header.lines)
    lines = [line for line in lines if line.number not in menu and not _in_a_run_together_trail(line, header.lines)]
    # and so is the line over a credit the page set on the next line ("Фото: ТАСС, Валерий
    # Шарифулин", removed as furniture), when a headline stands above it
    credited = {change.line - 1 for change in doc.changes if change.why == "photo credit"}
    over_credit = [line for line in lines if line.number in credited]
    if over_credit and any(headline_like(line.text) for line in lines if line.number < over_credit[0].number):
        lines = [line for line in lines if line not in over_credit]
    # a copy cut short, "Президент Дмитрий Медведев не откаж...", under the whole headline; and
    # the story's first sentence printed over it as a summary, whole or cut
    lead = _lead(header)
    lines = [line for line in lines if not _cut_short_copy(line.text, lines) and not _the_lead_again(line.text, lead)]
    # a teaser of another story, printed over this one and again inside it: "Премьер Японии:
    # «Владимир держал меня за руку»" under the headline and between two paragraphs (the headline
    # itself may be printed over the text twice and once more under it)
    header_texts = [line.text for line in lines]
    further_down = {line.text for line in header.body} - {text for text in header_texts if header_texts.count(text) > 1}
    if any(line.text not in further_down and headline_like(line.text) for line in lines):
        lines = [line for line in lines if line.text not in further_down]
    # a transcript's parts under its headline, "Opening Statement by …", "Q&As"
    if any(headline_like(line.text) and not TRANSCRIPT_PART.match(line.text) for line in lines):
        lines = [line for line in lines if not TRANSCRIPT_PART.match(line.text)]
    texts = [line.text for line in lines]
    # the breadcrumb's last crumb is the page's headline, printed again over the story
    crumbed = next((line for line in lines if line.text in doc.crumbs and headline_like(line.text)), None)
    twice = next((line for line in lines if headline_like(line.text)
                  and (texts.count(line.text) > 1 or _in_a_title_bar(line.text, texts))), None)
    line = (crumbed or twice or _over_its_byline(lines) or _over_its_deck(lines) or _under_the_stamp(lines, header)
            or _over_its_first_section(lines, header) or last_headline(lines))
    if line and (above := _wrapped_above(line, lines)):
        return f"{above.text} {line.text}", (above.number, line.number)
    return (line.text, (line.number,)) if line else (None, ())


def _in_a_title_bar(text: str, texts: list[str]) -> bool:
    """Whether another header line is the page's title bar, the headline with the site's name after
    or before a dash or a bar, as a copied page keeps it ("> Лавров передал премьеру Японии Абэ
    привет от Путина - Аргументы Недели" over the headline itself): the headline, printed twice."""
    for other in texts:
        bar = other.strip(" >»›")
        if bar == text or len(bar) > len(text) + 50:
            continue
        if (bar.startswith(text) and _SITE_AFTER.match(bar[len(text):])) or (
                bar.endswith(text) and _SITE_BEFORE.search(bar[:-len(text)])):
            return True
    return False


_SITE_AFTER = re.compile(r"^\s+[-–—|]\s+\S.{0,40}$")
_SITE_BEFORE = re.compile(r"^\S.{0,40}\s[-–—|]\s+$")


def _in_a_run_together_trail(line: Line, header_lines: tuple[Line, ...]) -> bool:
    """Whether a line above prints this one run together with the words around it, as a breadcrumb
    trail copied without its separators does ("TopWhat's up around the Prime MinisterOctober,
    2003" over "What's up around the Prime Minister"): the section's name, not the headline. A
    title bar sets the headline off by spaces and a bar or a dash, and does not count."""
    text = line.text.strip()
    if len(text) < 8:
        return False
    for above in header_lines:
        if above.number >= line.number:
            return False
        at = above.text.find(text)
        if at >= 0 and (above.text[at - 1:at].isalnum() or above.text[at + len(text):at + len(text) + 1].isalnum()):
            return True
    return False


def _wrapped_above(line: Line, lines: list[Line]) -> Line | None:
    """The first half of a headline in title case wrapped onto two lines, as older government pages
    set it ("Prime Minister Meets With Russian Presidential" / "Plenipotentiary to the Far Eastern
    Federal District"): the line right above, in title case too and ending in no stop."""
    above = next((other for other in lines if other.number == line.number - 1), None)
    if above is None or re.search(r"[.,:;!?]$", above.text.strip()) or not headline_like(above.text):
        return None
    return above if _TITLE_CASE.fullmatch(above.text.strip()) and _TITLE_CASE.fullmatch(line.text.strip()) else None


_TITLE_CASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|a|an|and|at|by|for|in|of|on|the|to|with))+")


def _menu_items(lines: tuple[Line, ...]) -> set[int]:
    """The numbers of lines in a run of five or more, one under another with no blank line between,
    of four words or fewer and no sentence's stop: a site's menu, an item to a line."""
    items: set[int] = set()
    run: list[int] = []
    for line in lines:
        item = len(words(line.text)) <= 4 and not re.search(r"[.!?:;]$", line.text.strip())
        if item and run and line.number == run[-1] + 1:
            run.append(line.number)
            continue
        items.update(run if len(run) >= 5 else ())
        run = [line.number] if item else []
    return items | set(run if len(run) >= 5 else ())


def _over_its_first_section(lines: list[Line], header: Header) -> Line | None:
    """A gist set in sections, each under a short heading ("Gist of Kono-Lavrov foreign
    ministerial on March 21" / "Japan-Russia summit in May" / "Foreign Minister Taro Kono: …" …
    "North Korea situation" / "Missile defense"): the last short line above the text is the first
    section's heading when the text has two more like it, and the headline is the one above."""
    headlines = [line for line in lines if headline_like(line.text)]
    if len(headlines) < 2 or not _section_heading(headlines[-1].text):
        return None
    return headlines[-2] if sum(_section_heading(line.text) for line in header.body) >= 2 else None


def _section_heading(text: str) -> bool:
    """A short line standing alone, no sentence nor a speaker's label: "Missile defense"."""
    return 1 <= len(words(text)) <= 8 and not is_prose(text) and not re.search(r"[.,:;!?]\s*$|:\s", text)


def _over_its_byline(lines: list[Line]) -> Line | None:
    """A news page sets the byline right under the headline: the line over the last "By …" (or
    other byline: "Fahad Shabbir (@FahadShabbir) 1 hour ago …") is the headline, whatever
    captions and credits follow the byline ("'Onsen summit': Vladimir Putin
    meets with Japan's Shinzo Abe" / "By Tokyo correspondent Rachel Mealey" / "Banner shows …"),
    or the headline over the deck there."""
    at = next((at for at in range(len(lines) - 1, 0, -1)
               if _BY.match(lines[at].text) or label_reason(lines[at].text) == "byline"), None)
    # the city the story was filed from, over the byline: "… / Tokyo / By Todd Crowell"
    while at is not None and at > 1 and label_reason(lines[at - 1].text) == "place or site name":
        at -= 1
    if at is None or not headline_like(lines[at - 1].text):
        return None
    # a deck between them: "Russia, Japan hold 1st round of peace treaty talks" / "Russia and
    # Japan have 'considerable disagreements' regarding peace treaty" / "By Elena Teslova"
    return _over_its_deck(lines[:at]) or lines[at - 1]


_BY = re.compile(r"By\s+[A-Z]")
"""A byline: "By Reuters", "By Tokyo correspondent Rachel Mealey"."""


def _lead(header: Header) -> str:
    """The story's first paragraph, after its dateline."""
    if not header.body:
        return ""
    first = header.body[0].text
    story = dateline(first)
    return first[story.end:] if story else first


def _the_lead_again(text: str, lead: str) -> bool:
    """Whether a line of fifteen words or more is the start of the story's lead: a summary the page
    prints over the story ("Russian Foreign Minister Sergey Lavrov expressed hope on Thursday at a
    meeting with …"), not a headline."""
    stem = text.rstrip(".… ")
    return len(stem.split()) >= 15 and lead.startswith(stem)


def _cut_short_copy(text: str, lines: list[Line]) -> bool:
    """Whether `text` ends in an ellipsis and begins another line: a teaser's cut of it."""
    stem = text.rstrip(".… ")
    return stem != text.rstrip() and len(stem) >= 12 and any(
        line.text != text and line.text.startswith(stem) for line in lines)


def _over_its_deck(lines: list[Line]) -> Line | None:
    """A news page sets a deck (standfirst) right under the headline, which it spells out at
    half as long again or more: "Россия и Япония помирились под сакурой" over "Шойгу заявил о
    готовности восстановить военное сотрудничество с Японией"; "Japan eyes possible dialogue with
    Russia at various levels — cabinet" over "According to Chief Secretary … Katsunobu Kato,
    currently there is no agreement on …" (header.spells_out)."""
    # the page's date set under both ("20:00, 15 февраля 2016 Политика") or between them ("17:05
    # 28.04.2018 •")
    lines = [line for line in lines if not dates.date_line(line.text)]
    if len(lines) < 2 or not (headline_like(lines[-1].text) and headline_like(lines[-2].text)):
        return None
    if bool(_JAPANESE.search(lines[-2].text)) != bool(_JAPANESE.search(lines[-1].text)):
        return None  # a Japanese headline over its English one (Jiji prints both), not a deck
    headline, under = lines[-2].text, lines[-1].text
    # a rubric or a site's label over a headline is four words at most: a line of five or more over
    # one as long is the headline over its deck ("Сергей Нарышкин в июне планирует посетить Японию" /
    # "Для продолжения встреч с руководством Палаты представителей японского парламента"); neither
    # with a year or a colon, as a page's stamp has ("Last updated: 07/27/2016"), nor one headline
    # wrapped onto two lines
    as_long = (len(words(under)) >= len(words(headline)) >= _HEADLINE_AT_LEAST
               and not any(re.search(r"\b(?:19|20)\d\d\b|:", text) for text in (headline, under))
               and _wrapped_above(lines[-1], lines) is None)
    return lines[-2] if spells_out(headline, under) or as_long or _CARRIES_ON.match(under) else None


_HEADLINE_AT_LEAST = 5
"""Words of a line that is no rubric nor site label (those are four words at most: header.label_reason)."""


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


_CARRIES_ON = re.compile(r"(?:И|А|Но|And|But)\s", re.IGNORECASE)
"""A deck that opens with "and" or "but" carries on from the headline above it ("Идет подготовка
к переговорам …" / "И по актуальным международным проблемам"): a headline never opens so."""


def _under_the_stamp(lines: list[Line], header: Header) -> Line | None:
    """The page's date and time stamp, then the headline, then its deck, then the story: of the
    two lines right under the stamp, the first is the headline, though the deck under it is no
    longer ("НовостиПолитика21 марта 2018 3:42" / "Лавров в Токио обсудил с японским коллегой …" /
    "Глава МИД России отметил, что отношения двух стран развиваются динамично")."""
    if header.date_index is None or len(lines) < 2:
        return None
    stamp = header.lines[header.date_index].number
    first, second = lines[-2], lines[-1]
    below = [line.number for line in header.lines if line.number > stamp]
    if below[:2] == [first.number, second.number] and headline_like(first.text) and headline_like(second.text):
        return first
    return None


def parse(doc: Document, context: Context) -> ImportedReadout:
    # The Prime Minister's Office publishes its own accounts of meetings and press conferences,
    # never news of them
    return parse_document(doc, context, publisher=NAME, default_kind="readout" if KANTEI.search(doc.raw) else "news",
                          choose_title=choose_title)
