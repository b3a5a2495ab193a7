"""The lines above a text's first sentence: which one is the headline, which are dates, bylines,
credits and section labels, and where a news story's dateline ends.

Adapters choose the headline among these lines (`choose_title`); the rules that tell a headline
from a label are news and ministry pages' general conventions, shared by every adapter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from readouts.importer import dates, russian, venue
from readouts.importer.datelines import dateline
from readouts.importer.document import Document, Line, is_prose, words
from readouts.importer.furniture import clean_caption


def spells_out(headline: str, under: str) -> bool:
    """Whether `under` is the deck (standfirst) a news page sets right under `headline`: half as
    long again or more, under a headline of four words or more. A label or a caption above a
    headline is shorter than it."""
    return 2 * len(words(under)) >= 3 * len(words(headline)) >= 12


def headline_like(text: str) -> bool:
    """A line that could be a headline: not running text, not a date, not the page's labels, not
    an item of a list ("4. Meeting with …" after "1. Home", "2. Embassy": a breadcrumb; "• Version
    for People with Disabilities": a menu; "- In a 25-minute phone call with Putin, …": a deck's
    point under the headline; headlines are never numbered nor bulleted)."""
    text = clean_caption(text)
    count = len(words(text))
    return (1 <= count <= 45 and (not is_prose(text) or question_headline(text)) and dates.date_line(text) is None
            and not re.match(r"\d{1,2}\.\s|[•·▪]|[-–—]\s", text)
            # a transcript's speaker by initial and family name, "В.Путин: Уважаемый …"
            and not re.match(r"[А-ЯЁA-Z]\.\s?[А-ЯЁA-Z][а-яёa-z-]+:", text)
            and not text.endswith((",", ":", ";")) and not _BROKEN_OFF.search(text) and dateline(text) is None
            and not _OPENS_WITH_ITS_DAY.match(text) and label_reason(text) is None)


_OPENS_WITH_ITS_DAY = re.compile(
    r"On\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\b,?\s")
"""A sentence that opens with its day ("On December 21, Foreign Minister Motegi held …") is a
story's first sentence, whatever its end: a headline never opens so."""


_BROKEN_OFF = re.compile(r"\s(?:в|во|и|с|со|на|о|об|по|к|из|за|для|от|the|a|an|of|and|with|for)$", re.IGNORECASE)
"""A line that ends on a preposition, an article or "and" is a sentence the page broke off ("…
не только в официальной обстановке, но и в" / "Государственном Эрмитаже …"): no headline ends so."""


# Lines around a headline that name, credit or place the page rather than the event. Each is a
# convention of news and ministry pages in general, not of one site:
_BYLINE = re.compile(  # "Posted: 4:44 pm, March 20, 2017 by Desk man", "Faizan Hashmi 2 minutes ago"
    # and the Russian press's author line, "Текст: Кира Латухина", "Автор:Николай Быков"
    r"^(?:posted|published|updated|modified|edited|written|by|обновлено|опубликовано|изменено)\b|"
    r"^(?:текст|автор|author)\s*:\s*[A-ZА-ЯЁ][a-zа-яё]+\s+[A-ZА-ЯЁ]|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b|"
    r"\|\s*\d|\b\d{1,2}:\d\d\b.*\bby\s+[A-Z]", re.IGNORECASE)
_STAFF_POST = re.compile(
    r"^(?:зав\.|заведующ\w*|руководител\w*|(?:главн\w+\s+|шеф-)?редактор\w*|обозревател\w*|"
    r"(?:специальн\w+\s+|собственн\w+\s+)?корреспондент\w*|(?:senior\s+|chief\s+)?(?:editor|correspondent|"
    r"reporter|columnist|writer)\b)(?:\s+(?:отдел\w*|of|at|for)\b)?", re.IGNORECASE)
"""The author's post at the paper on a line of its own, under his name ("Зав. отделом
международной политики «Независимой газеты»", "Senior correspondent"): the paper's, never the
story's (the note about him and the story's tags are furniture everywhere: furniture.py)."""
_COMMENT_COUNT = re.compile(r"^\W*comments?\W+\d+\b|\b\d+\s+comments?\s*$|^\W*комментари\w*\W+\d+", re.IGNORECASE)
"""A story's comment counter: ", Comments 0 comments", "Комментарии: 3"."""
_BYLINE_WITH_ROLE = re.compile(
    r"(?:[A-ZА-ЯЁ][a-zа-яё-]+\s+){1,2}[A-ZА-ЯЁ][a-zа-яё-]+\s*(?:\(|,\s)[^()]{0,60}?(?:редактор|корреспондент|"
    r"обозревател|editor|correspondent|reporter|writer|columnist)[^()]{0,60}\)?", re.IGNORECASE)
"""The author and his post on the paper: "Семен Александров (старший редактор отдела Мир)",
"Владимир Ардаев, обозреватель РИА Новости"."""
_COOKIE_NOTICE = re.compile(r"\bcookies?\b.{0,80}\b(?:use|uses|using|используют\w*|применя\w*)\b|"
                            r"\b(?:use|uses|using|используют\w*|применя\w*)\b.{0,80}\bcookies?\b|файл\w* cookie",
                            re.IGNORECASE)
"""The notice a site shows about its cookies ("На сайте используются cookies. Продолжая …", "This
website uses cookies"): the site's, never the story's."""
_CREDIT = re.compile(  # "Photo: Nicolas Datiche/Pool via AP", "(Screenshot from Reuters video)", "Фото: …"
    r"^(?:photograph|photo|picture|image) of\b|\b(?:photo|фото|image|изображение|screenshot|source|источник|текст)\s*:|"
    # a caption that ends with its credit: "… по главным проблемам. Фото автора"
    r"\b(?:фото автора|photo(?:graph)? by the author)\.?\s*$|"
    # the owner of the picture: "© Новости Дня / Михаил Воскресенский…", "Фото © Михаил
    # Климентьев / ТАСС"; the agency after "Фото" at a caption's end: "… среди картин. Фото ИТАР-ТАСС |"
    r"^(?:фото\s*|photo\s*)?©|(?<![\w-])фото\s+(?:[А-ЯЁA-Z][\w-]*\s?){1,3}\|?\s*$|"
    # "… Фото предоставлено канцелярией премьер-министра Японии", "Photo courtesy of …"
    r"(?<![\w-])фото предоставлен\w*|\bphoto (?:courtesy of|provided by)\b|"
    # a photographer and the agency after a caption: "… on May 30, 2019. (KAZUHIRO NOGI / AFP)"
    r"\((?:[A-Z][\w.'-]*\s){1,3}/\s?[A-Z][\w. -]{1,20}\)\s*$|"
    r"\((?:photo|screenshot|video|file)\b[^)]*\)|"
    # an agency's photo from its archive: "… exchanges between the two nations have been smooth. (AFP/file)"
    r"\((?:UPI|AP(?: Photo)?|AFP|EPA|Reuters|Kyodo|TASS|Sputnik|Xinhua|Getty Images)\s?/\s?file(?: photo)?\)\s*$|"
    # who the photo shows, in brackets: "Синдзо Абэ (на фото)", "(pictured)", "(слева)"
    r"\((?:на фото|pictured|in the photo|слева|справа|в центре)\b[^)]*\)|"

    r"\b(?:left|right|center|centre|second from (?:left|right))\s*[,)]|"
    # wire captions: where each one stands, "(C)", "(2nd R)", "(Top C)", and the agency's photographer
    # at the end, "… June 27, 2010. UPI/Alex Volgin | License Photo"
    r"\((?:top |bottom |front |back |\d(?:st|nd|rd|th) )?[LRC]\)|"
    r"\b(?:UPI|AP|AFP|EPA|Reuters|Kyodo|TASS|Sputnik|Xinhua)\s?/\s?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}\s*(?:\|[^|]*)?$",
    re.IGNORECASE)
_PHOTOGRAPHER_AND_AGENCY = re.compile(r"\b[A-Z][a-z'’-]+\s[A-Z][a-z'’-]+\s?/\s?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}\s*$")
"""A caption that ends with its photographer and his agency, a slash between: "The Kuril islands
Sergei Krasnoukhov / TASS", "… Kirill Kudryavtsev / AFP", "… Путина/ Kazuhiro Nogi/ AFP"."""
_DAY_OF_MONTH_STAMP = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+of\s+[A-Z][a-z]+,?(?:\s+\d{4},?)?(?:\s+\d{1,2}:\d\d)?")
"""A page's date and time in the English of Russian sites, "16 of December, 09:35": no headline."""
_IMAGE_FILES = re.compile(r"(?:\S+\.(?:jpe?g|png|gif|webp)\s*)+", re.IGNORECASE)
"""Pictures' file names where the page's copy lost the pictures: "20130429_2.jpg 20130429_3.jpg"."""
_CREDIT_BROKEN_OFF = re.compile(r"\(\s*$|^(?:AP|AFP|EPA|Reuters|Kyodo|TASS|Sputnik|Xinhua|Getty Images|AAP|ABC News)"
                                r":\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\)?\s*$")
"""A caption whose credit the page set on the next line, the bracket left open ("Mr Abe hopes to
… the Yamaguchi onsen.(" / "Reuters: Toru Hanai"), and that credit, the agency and its
photographer, as ABC and others print them."""
_NAME_CREDIT = re.compile(r"\((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+\)\s*$")  # "… Ukraine. (Yuichi Nobira)"
# What a headline reports: an event or an act. A short line without one is a section or site
# label: "Japan-Russia Relations", "Press Releases", "politics", "Images", "Newsfrom Japan".
_EVENT = re.compile(
    r"\b(?:meet\w*|met|talks?|talked|summit\w*|conversation|conference|visit\w*|statements?|"
    r"remarks|calls?|consultations?|protests?|summon\w*|discuss\w*|agree\w*|sign\w*|gist|"
    r"overview|interview|briefing|comments?|встреч\w*|переговор\w*|обсуди\w*|заявлени\w*|"
    r"визит\w*|разговор\w*|брифинг\w*|интервью|провел\w*|провёл\w*|консультаци\w*|бесед\w*|саммит\w*|"
    r"протест\w*)\b", re.IGNORECASE)


PHOTO_CREDIT = "photo caption or credit"
_NAME = r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁa-zа-яё][a-zа-яё]+)?\s+[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"
_NAMES_ONLY = re.compile(rf"{_NAME}(?:\s*(?:,|and|&|и)\s*{_NAME})+\.?")
"""The people a photo shows, named and nothing else: "Koichiro Gemba and Vladimir Putin"."""
_BARE_CREDIT = re.compile(r"(?:[A-Z][\w.'’-]*\s){0,4}(?:file\s)?photo")


def bare_photo_credit(text: str) -> bool:
    """A photo's credit on a line of its own, over its caption: "Yomiuri Shimbun file photo",
    "Kyodo photo"."""
    return bool(_BARE_CREDIT.fullmatch(text.strip()))


AGENCY_REPORT = re.compile(r"^Сообщение\s+(?P<name>(?:[А-ЯЁа-яё-]+\s+){0,3}?(?:агентства|издания|газеты)"
                           r"(?:\s+[«\"][^»\"]{2,40}[»\"])?)\.?$")
"""A Russian agency's credit on a line of its own under the headline: "Сообщение Тихоокеанского
информационного агентства «Острова»." (outlet.py reads its name)."""


def label_reason(text: str) -> str | None:
    """Why a short line above the text is a byline, a credit, a place or a label, not a headline."""
    if _BYLINE.search(text) or _BYLINE_WITH_ROLE.fullmatch(text) or _STAFF_POST.search(text):
        return "byline"
    if AGENCY_REPORT.match(text):
        return "agency's credit"
    if _COOKIE_NOTICE.search(text):
        return "the site's cookie notice"
    if _COMMENT_COUNT.search(text):
        return "comment counter"
    if (_CREDIT.search(text) or _NAME_CREDIT.search(text) or _PHOTOGRAPHER_AND_AGENCY.search(text)
            or _CREDIT_BROKEN_OFF.search(text)
            or bare_photo_credit(text) or _NAMES_ONLY.fullmatch(text)):
        return PHOTO_CREDIT
    if _IMAGE_FILES.fullmatch(text.strip()):
        return "pictures' file names"
    if _DAY_OF_MONTH_STAMP.fullmatch(text.strip()):
        return "date and time"
    if re.fullmatch(r"\(.*\)|\[.*\]", text):
        return "bracketed note"
    if _WEB_ADDRESS.search(text):
        return "web address"
    if text.count(" | ") >= 2:
        return "site menu"  # "Политика | В России | За рубежом": a headline has one bar at most
    if _ISSUE.search(text):
        return "periodical's issue"
    count = len(words(text))
    if count <= 3 and (text.isupper() or venue.city_named(text)):
        return "place or site name"
    if count <= 4 and not _EVENT.search(text) and not reports_an_act(text):
        return "section or site label"
    return None


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|\b[\w-]+\.(?:com|net|org|info|ru|jp)/?$", re.IGNORECASE)
"""A line that ends in a site's address is its plug or its name, "Please also visit: KATAKAMI.BLOGSPOT.COM"."""

_ISSUE = re.compile(r"\b(?:volume|vol\.)\s*:?\s*\d+\b.{0,20}?\b(?:issue|no\.|number)\s*:?\s*\d+|"
                    r"^publication\s*:|(?<![\w-])(?:выпуск|номер)\W{0,3}№\s*\d+", re.IGNORECASE)
"""A periodical's issue line: "Publication: Monitor Volume: 4 Issue: 211", "Vol. 12, No. 3",
"Российская газета - Федеральный выпуск: №131 (6999)"."""

# A headline reports an act even where it names no event: in headlinese, the present tense after
# the actor ("Putin receives Abe", "Russia expels Japanese diplomat"), in Russian a verb in a
# tense ("Лавров прибыл в Токио"), or someone's words in quotation marks. A section or site label
# is a noun phrase: "Japan-Russia relations", "Press Releases", "Политика", "Поделиться".
_ACTOR = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_HEADLINE_VERB = re.compile(  # "Putin receives Abe"; two actors: "Abe, Putin eye treaty"
    rf"^(?:{_ACTOR}\s+[a-z]{{2,}}s|{_ACTOR}(?:,|\s+(?:and|&))\s+{_ACTOR}\s+[a-z]{{2,}})\s+\S")
_QUOTED = re.compile(r"[“«\"][^”»\"]{2,}[”»\"]")
_RUSSIAN_WORD = re.compile(r"[а-яё]{3,}", re.IGNORECASE)


def reports_an_act(text: str) -> bool:
    """Whether a short line reports an act: a headline, though it names no meeting or visit."""
    if _HEADLINE_VERB.match(text) or _QUOTED.search(text):
        return True
    # a capitalised word after the first is a name, whatever else it spells: "Спор вокруг Курил"
    # (of the Kuril Islands, not "smoked")
    words_in = [m for m in _RUSSIAN_WORD.finditer(text)]
    return any(russian.is_finite_verb(m.group()) for m in words_in
               if m.start() == words_in[0].start() or not m.group()[0].isupper())


@dataclass(frozen=True, slots=True)
class Header:
    lines: tuple[Line, ...]
    """The lines before the text proper: section labels, dates, captions, the headline."""
    body: tuple[Line, ...]
    date_index: int | None
    """Index in `lines` of the first line that is a date."""


_DATE_AND_BYLINE = re.compile(r"^[^|]{6,40}\|\s*(?:by|от|автор)\b", re.IGNORECASE)
"""A date and a byline between a bar, as a sentence ends: "November 13, 1998|By From Tribune
News Services." — a header line, not the text's first."""


def question_headline(text: str) -> bool:
    """A headline put as a question ("О чем говорили Путин и Абэ?", "Will Abe and Putin sign a
    treaty?"): one short sentence that asks, where running text that asks goes on."""
    text = text.strip()
    return text.endswith("?") and len(words(text)) <= 12 and not re.search(r"[.!?:;]\s", text)


def split_header(lines: tuple[Line, ...]) -> Header:
    """Header = the lines before the first line of running text (or a story's dateline); a
    question among the first lines is a headline, not the text's start."""
    start = len(lines)
    for index, line in enumerate(lines):
        if ((is_prose(line.text) and not (index < 8 and _DATE_AND_BYLINE.match(line.text))
             and not (index < 8 and question_headline(line.text)))
                or dateline(line.text) or len(words(line.text)) > 45):
            start = index
            break
    # A banner in sentences over the page ("Russia is currently at war in Ukraine. Are you in Russia and
    # need consular assistance? …"), above a breadcrumb copied without its separators that ends in the
    # headline printed under it ("Home News Japan congratulates Putin …" / "Japan congratulates
    # Putin …"): the story starts after the headline.
    crumbed = next((at for at in range(start, min(start + 6, len(lines) - 1))
                    if _crumbs_over(lines[at], lines[at + 1])), None)
    if crumbed is not None:
        start = next((at for at in range(crumbed + 2, len(lines)) if is_prose(lines[at].text)), len(lines))
    # A site's tagline in a sentence over the headline ("Get the latest news from around the world,
    # …" / "Wrap: Putin meets with …" / "MOSCOW, November 18 (RIA Novosti) - …"), or a deck over
    # the story's byline or time stamp ("Russia and Japan held crisis talks …" / "Updated: Feb 12,
    # 2011" / "Moscow: Crisis talks …"): where a dateline follows within a few lines with a
    # headline, a byline or a date between and no other sentence, the story starts at the dateline.
    story = next((at for at in range(start + 1, min(start + 5, len(lines))) if dateline(lines[at].text)), None)
    between = lines[start + 1:story] if story is not None else ()
    if (story is not None and not dateline(lines[start].text)
            and any(headline_like(line.text) or label_reason(line.text) == "byline" or dates.date_line(line.text)
                    for line in between)
            and not any(is_prose(line.text) for line in between) and len(words(lines[start].text)) <= _TAGLINE_AT_MOST):
        start = story
    # A short line ending in a comma or colon ("Ladies and gentlemen,") opens the text.
    while start > 0 and lines[start - 1].text.endswith((",", ":")) and not headline_like(lines[start - 1].text):
        start -= 1
    header = lines[:start]
    date_index = next((i for i, line in enumerate(header) if dates.date_line(line.text)), None)
    return Header(header, lines[start:], date_index)


def _crumbs_over(trail: Line, headline: Line) -> bool:
    """Whether `trail` is a breadcrumb without its separators that ends in the `headline` under it:
    a site's sections, one to four capitalised words, then the headline."""
    sections = trail.text[:-len(headline.text)] if trail.text.endswith(" " + headline.text) else ""
    return (bool(sections) and headline_like(headline.text)
            and re.fullmatch(r"(?:[A-ZА-ЯЁ][\w’'-]*\s){1,4}", sections) is not None)


_TAGLINE_AT_MOST = 30
"""Words in a site's tagline at most; a story's lead of fifty words over a photo's caption and a
related story's headline ("… Konstantin Kosachev told reporters in Tokyo on Thursday after a
meeting with the head of the Japanese government.") is the text's start."""


TitleChooser = Callable[[Header, Document], "tuple[str | None, tuple[int, ...]]"]


def last_headline(candidates: list[Line]) -> Line | None:
    headlines = [line for line in candidates if headline_like(line.text)]
    return headlines[-1] if headlines else None


def first_headline(candidates: list[Line]) -> Line | None:
    headlines = [line for line in candidates if headline_like(line.text)]
    return headlines[0] if headlines else None
