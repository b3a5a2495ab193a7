"""Raw bytes → numbered, normalised lines with page furniture removed, and a record of each change.

Everything an adapter sees has passed through here, so no adapter has to know about
encodings, invisible characters or the menus that web pages wrap around a readout.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from readouts.errors import ReadoutsError
from readouts.importer.furniture import clean_caption, furniture_reason
from readouts.importer.glued import unglued
from readouts.importer.lines import Line, shorten, words
from readouts.model import Change

MAX_SOURCE_BYTES = 5_000_000
"""A readout is a few pages of text; anything larger is not a readout copied from a web page."""


@dataclass(frozen=True, slots=True)
class Document:
    """A source after decoding and furniture removal: what adapters parse."""

    path: str
    raw: str
    lines: tuple[Line, ...]
    """Non-empty lines, stripped, in order."""
    changes: tuple[Change, ...]
    stamp: dt.date | None = None
    """A date an archiving tool prefixed to the text (" date 2021-08-11 "): the day the page
    was captured with its publication date, which we take as the published date."""
    footers: tuple[str, ...] = field(default=())
    """Targets of "Back to X" links, which name the section the page sits in."""
    captions: tuple[str, ...] = field(default=())
    """Photo captions, cleaned: some pages print their headline only there."""
    address_day: tuple[int, int, int | None] | None = None
    """The year, month and perhaps day the page's address files it under ("/news/2022/03/…"), when
    the address is known (`readouts add --url`): they give a day the text prints without a year
    its year, and date a page that prints none."""
    crumbs: tuple[str, ...] = field(default=())
    """The last crumb of each breadcrumb ("Home / World / Lavrov to Kishida: …"): the page's own
    headline, which a page prints again over its story."""

    @property
    def text(self) -> str:
        """The remaining lines joined: the text without furniture or a capture stamp."""
        return "\n".join(line.text for line in self.lines)


def decode(data: bytes, path: str) -> str:
    """Bytes → text: UTF-8 first, then charset detection; binary and empty input is refused."""
    if not data.strip():
        raise ReadoutsError("the file is empty", path,
                            hint="copy the readout's text from the publisher's page into it")
    if len(data) > MAX_SOURCE_BYTES:
        raise ReadoutsError(
            f"the file is {len(data) / 1e6:.1f} MB; a readout copied from a web page is far smaller "
            f"(the limit is {MAX_SOURCE_BYTES / 1e6:.0f} MB)", path,
            hint="check that this is the text of one readout, not an archive or a data file")
    if b"\x00" in data[:8192]:
        raise ReadoutsError("this is a binary file, not text", path,
                            hint="save the readout as plain text (.txt)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only paid for by sources that need it

    matches = list(from_bytes(data))
    if not matches:
        raise ReadoutsError("the text is not UTF-8 and its encoding could not be recognised",
                            path, hint="save the file as UTF-8 and import it again")
    # Short texts often fit several code pages equally well ("Genève" reads in cp1250 and cp1252
    # alike); then the code pages these publishers' readers actually use win.
    best_score = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == best_score]
    tied.sort(key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    return str(tied[0])


_PREFERRED = ["cp1252", "cp1251", "koi8_r", "latin_1", "cp1250", "shift_jis", "euc_jp", "cp932"]


# Characters that web pages use for layout and that copy-paste carries along.
_INVISIBLE = dict.fromkeys([*range(0x200b, 0x2010), *range(0x202a, 0x202f), *range(0x2060, 0x206a), 0xfeff, 0xad,
                            0x61c, *range(9), *range(14, 32), 0x7f, *range(0x80, 0xa0)], None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t"), " ")

# Latin and Greek letters drawn like Cyrillic ones, which some sites put into Russian words to
# defeat copying ("Тоκио", "Моргулοв", with Greek kappa and omicron): read as the Cyrillic letter.
_LOOK_ALIKES = str.maketrans("aceopxyAEKMHOPCTXBοκαερτΚΟΑΕΡΤΜΒΧ", "асеорхуАЕКМНОРСТХВокаертКОАЕРТМВХ")
_MIXED_WORD = re.compile(r"[^\W\d_]*[а-яё][^\W\d_]*", re.IGNORECASE)
_FOREIGN = re.compile(r"[a-zA-Zα-ωΑ-Ω]")


def _cyrillic_restored(line: str) -> str:
    """Each Russian word with its look-alike Latin or Greek letters made Cyrillic again."""
    if not _FOREIGN.search(line) or not re.search(r"[а-яё]", line, re.IGNORECASE):
        return line
    return _MIXED_WORD.sub(lambda word: word.group().translate(_LOOK_ALIKES) if _FOREIGN.search(word.group())
                           and len(re.findall(r"[а-яё]", word.group(), re.IGNORECASE)) >= 2 else word.group(), line)


_EMPTY_CELLS = re.compile(r"(?<=\S)(?:\s*\|)+\s*$")
# " date 2021-08-11 TOKYO, August 11…": a capture date an archiving tool put before the text.
_STAMP = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b\s*")
_REPEATED_SECTION = "section label named in the breadcrumb"
_GLUED_CREDIT = re.compile(r"(?:[^\W\d_]|[.!?»\"”])(?P<credit>(?:Фото|Photo)\s*(?:©|:).{2,150})$")
"""A photo's credit the copy glued to the headline over it: "… мирного договораФото: официальный
сайт Президента России kremlin.ru"."""
_BACK_TO = re.compile(r"(?:[•·▪●◦‣*-]\s*)?back to (.{1,80})$", re.IGNORECASE)


def prepare(text: str, path: str) -> Document:
    """Normalise characters, split into numbered lines, and strip page furniture."""
    changes: list[Change] = []
    stamp: dt.date | None = None
    footers: list[str] = []
    captions: list[str] = []
    credits: list[Line] = []
    crumbs: list[str] = []
    lines: list[Line] = []
    sections: set[str] = set()
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = _cyrillic_restored(unicodedata.normalize("NFC", raw_line).translate(_INVISIBLE).translate(_SPACES))
        # a table copied from a page leaves its empty cells' bars after the text: "… outlined below: | |"
        line = _EMPTY_CELLS.sub("", line).strip()
        if not line:
            continue
        if number == 1 or not lines:
            match = _STAMP.match(line)
            if match:
                try:
                    stamp = dt.date.fromisoformat(match.group(1))
                except ValueError:
                    stamp = None
                changes.append(Change(number, "removed", match.group(0).strip(),
                                      "capture date put before the text; used as the published date"))
                line = line[match.end():].strip()
                if not line:
                    continue
        if (glued := _GLUED_CREDIT.search(line)) and furniture_reason(glued.group("credit")) == "photo credit":
            changes.append(Change(number, "removed", shorten(glued.group("credit")), "photo credit glued to the line"))
            line = line[:glued.start("credit")]
        back = _BACK_TO.match(line)
        if back:
            footers.append(back.group(1).strip())
        why = furniture_reason(line) or (_REPEATED_SECTION if line.casefold() in sections else None)
        if why:
            changes.append(Change(number, "removed", shorten(line), why))
            if why == "photo caption":
                captions.append(clean_caption(line))
            if why == "photo credit":
                credits.append(Line(number, line))
            if why == "breadcrumb":
                # the sections a breadcrumb passes through ("Home > News > The Prime Minister in
                # Action > …") are printed again over the page as its section's label
                parts = re.split(r"\s[>/]\s", line)
                sections.update(crumb.strip().casefold() for crumb in parts[:-1])
                crumbs.append(parts[-1].strip())
            continue
        lines.append(Line(number, line))
    lines = _without_numbered_captions(lines, changes, captions)
    lines = _without_captions_again(lines, changes, credits)
    lines = _without_the_sites_clock(lines, changes)
    lines = _paragraphs_joined(lines, changes)
    lines = unglued(lines, changes)
    if not lines:
        raise ReadoutsError("the file holds no text once page menus and captions are removed",
                            path, hint="copy the readout's own text from the publisher's page")
    return Document(path=path, raw=text, lines=tuple(lines), changes=tuple(changes),
                    stamp=stamp, footers=tuple(footers), captions=tuple(c for c in captions if c),
                    crumbs=tuple(crumbs))


_CLOCK = re.compile(r"(?:сейчас|now|местное время|local time)\s*:?\s*[0-2]?\d:[0-5]\d", re.IGNORECASE)


def _without_the_sites_clock(lines: list[Line], changes: list[Change]) -> list[Line]:
    """A site's header may show today's date over its clock ("5 Апреля 2025" / "Сейчас 22:58"): the
    day the page was copied, not the story's, wherever the header prints it."""
    at = next((at for at, line in enumerate(lines[:20]) if at and _CLOCK.fullmatch(line.text)), None)
    if at is None or not re.search(r"\d", lines[at - 1].text) or len(words(lines[at - 1].text)) > 6:
        return lines
    today = lines[at - 1].text
    dropped = {line.number for line in lines[:at + 1] if line.text == today} | {lines[at].number}
    changes.extend(Change(number, "removed", shorten(today if number != lines[at].number else lines[at].text),
                          "the site's date and clock of today") for number in sorted(dropped))
    return [line for line in lines if line.number not in dropped]


_NUMBERED = re.compile(r"^(.{8,240}?)\s+(\d{1,2})$")


def _without_numbered_captions(lines: list[Line], changes: list[Change], captions: list[str]) -> list[Line]:
    """A photo gallery prints one caption per photo, numbered: "Japan-Russia Summit Meeting 1",
    "… 2". Two or more lines that differ only in that number are captions, not text."""
    stems = [m.group(1) if (m := _NUMBERED.match(line.text)) else None for line in lines]
    repeated = {stem for stem in stems if stem is not None and stems.count(stem) >= 2}
    kept = []
    for line, stem in zip(lines, stems, strict=True):
        if stem in repeated:
            changes.append(Change(line.number, "removed", shorten(line.text), "photo caption"))
            if stem not in captions:
                captions.append(stem)
        else:
            kept.append(line)
    return kept


def _without_captions_again(lines: list[Line], changes: list[Change], credits: list[Line]) -> list[Line]:
    """A reposting site prints a photo's caption run together with its credit ("© REUTERS / Tomohiro
    Ohsumi/PoolVladimir Putin, Russia's president, and Shinzo Abe …") and then again on the next
    line, as the picture's text: a line right under a credit whose opening words the credit holds
    is that caption again, never the story's lead."""
    kept = []
    for line in lines:
        if len(line.text) >= 40 and any(credit.number < line.number <= credit.number + 2
                                        and line.text[:40] in credit.text for credit in credits):
            changes.append(Change(line.number, "removed", shorten(line.text), "photo caption"))
        else:
            kept.append(line)
    return kept


_FINISHED = re.compile(r"[.!?:;]['\"”’»)]*$|[.!?]\s*['\"”’»]+$|''$")
"""A line that ends a sentence, quoted or not: where a wrapped paragraph may end."""
_WRAP_WIDTH_AT_MOST = 90
"""Wire copy and mailed text wrap at 64–80 columns; a page's paragraphs run far longer."""


def _paragraphs_joined(lines: list[Line], changes: list[Change]) -> list[Line]:
    """Join the source lines that continue the line right above them: the lines of a paragraph
    hard-wrapped at a fixed width (`_wrapped_runs_on`), and a line broken off by the page
    (`_continues`)."""
    if not lines:
        return lines
    wrapped, width = _wrapped_runs_on(lines)
    joined = [lines[0]]
    first_wrapped: int | None = None
    for previous, line in itertools.pairwise(lines):
        if line.number != previous.number + 1:
            joined.append(line)
        elif wrapped is not None and wrapped(previous, line):
            joined[-1] = Line(joined[-1].number, f"{joined[-1].text} {line.text}")
            first_wrapped = first_wrapped or joined[-1].number
        elif _continues(previous, line):
            # "North Korea" + "'s denuclearization": an ending or a comma takes no space before it
            space = "" if _ENDING_OR_COMMA.match(line.text) else " "
            joined[-1] = Line(joined[-1].number, f"{joined[-1].text}{space}{line.text}")
            changes.append(Change(line.number, "normalised", shorten(line.text, 40),
                                  "joined to the line above: it continues it"))
        else:
            joined.append(line)
    if first_wrapped is not None:
        changes.append(Change(first_wrapped, "normalised", f"lines wrapped at {width} characters",
                              "joined into the paragraphs they were broken from"))
    return joined


def _wrapped_runs_on(lines: list[Line]) -> tuple[Callable[[Line, Line], bool] | None, int]:
    """Whether a line runs on into the next as a hard-wrapped paragraph's do, for a text that is
    wrapped (None for one that is not), and the width it is wrapped at.

    A news agency's wire copy and text sent by mail break every paragraph into lines of at most
    70–80 characters ("Japanese Prime Minister Yukio Hatoyama told his Russian counterpart
    Dmitry / Medvedev on Sunday that …"): read line by line, a paragraph's second line would be
    a headline and its name split in two. A text is wrapped when nearly all its long lines fit
    one width and several of them break off mid-sentence; then a line that fills the width and
    ends mid-sentence runs on into the next line when that one fills the width too or ends the
    sentence. A blank line, a short line (a headline, a dateline) or a finished sentence ends
    the paragraph."""
    long_lines = [len(line.text) for line in lines if len(line.text) >= 40]
    if len(long_lines) < 5 or sum(n <= _WRAP_WIDTH_AT_MOST for n in long_lines) < 0.9 * len(long_lines):
        return None, 0
    width = max(n for n in long_lines if n <= _WRAP_WIDTH_AT_MOST)
    full = width - 20

    def runs_on(line: Line, following: Line) -> bool:
        # a line longer than the width is a paragraph of its own, not a wrapped one's: the story's
        # first, under a headline that fills the width ("Medvedev says Russia ready to discuss …" /
        # "NEW YORK, September 23 (Itar-Tass) -- Russia is ready …" on one line)
        return (following.number == line.number + 1 and len(line.text) >= full and not _FINISHED.search(line.text)
                and len(following.text) <= width
                and (len(following.text) >= full or bool(_FINISHED.search(following.text))))

    if sum(runs_on(a, b) for a, b in itertools.pairwise(lines)) < 3:
        return None, 0
    return runs_on, width


_ENDING_OR_COMMA = re.compile(r"['’]s\s|[,;]\s")
_RUNS_ON = re.compile(rf"[a-zа-яё]|{_ENDING_OR_COMMA.pattern}")
"""A line that starts in lower case continues the one above it, as does one that starts with a
possessive's ending or a comma: the page broke the line off at a name ("… North Korea / 's
denuclearization, the foreign ministry said.", "… the summit / , the ministry said")."""
_DASH_AT_END = re.compile(r"\s[-–—]{1,2}$")


def _continues(above: Line, line: Line) -> bool:
    """Whether `line` continues the source line above it: it starts in lower case (three words
    or more: a word or two in lower case is a section label, "politics") and the one above
    leaves its sentence open — a headline set on two lines ("Outline of Japan-Russian Federation
    Foreign Ministers Meeting / on the Occasion of the United Nations General Assembly Meeting"),
    a sentence broken where the page's column ended; or the line above ends in a dash, as wire
    copy's dateline does ("MOSCOW, Sept. 8 Kyodo -")."""
    return bool(_DASH_AT_END.search(above.text)) or bool(
        _RUNS_ON.match(line.text) and len(words(line.text)) >= 3 and not _FINISHED.search(above.text))


# News items often close with their outlet in brackets: "…, the Japanese ministry said. (Mainichi)";
# a photo caption closes with its photographer or source, and stays a caption.
_CLOSING_CREDIT = re.compile(r"(?<=[.!?”\"])\s*\([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2}\)\s*$")
_CLOSING_DATE = re.compile(r"\s*\([^()]*\b(?:19|20)\d\d\s*(?:г\.|года)?\)\s*$")
_ENDS_IN_INITIALS = re.compile(r"[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?$")
_CAPTION_CUE = re.compile(r"\b(?:left|right|cent(?:er|re))\s*[,)]|\b(?:photo\w*|screenshot|video)\b",
                          re.IGNORECASE)


_FUNCTION_WORDS = frozenset({"the", "and", "for", "but", "nor", "yet", "off", "per", "via", "out", "its", "his", "her",
                             "with", "from", "into", "over", "than", "that", "this", "upon", "onto", "amid", "after",
                             "about", "under", "before", "between", "against", "during", "without", "within"})


def _title_cased(text: str) -> bool:
    """Whether every word of three letters or more but the small function words is capitalised,
    as English headlines are set, and there are three such words at least: "Prime Minister Yoshiro
    Mori met with President Vladimir Putin" is a sentence of names, but its verb is in small letters."""
    long_words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
                  if len(w) >= 3 and w.lower() not in _FUNCTION_WORDS]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def is_prose(text: str) -> bool:
    """A line of running text rather than a headline, date or label."""
    count = len(words(text))
    if count >= 45:
        return True
    if not _CAPTION_CUE.search(text):
        text = _CLOSING_CREDIT.sub("", text)
    # a statement's title closes with its date in brackets, "… в Москве (22 января 2019 г.)": the
    # abbreviation's period ends no sentence
    text = _CLOSING_DATE.sub("", text)
    if _ENDS_IN_INITIALS.search(text):
        # "О телефонном разговоре … Помощника Президента РФ Приходько С.Э.": the period is the
        # initials', as Russian official texts write a name, and no sentence ends there
        return False
    if count < 25 and _title_cased(text):
        # a headline in title case may end with a period ("Kishida to Hold Phone Talks with Putin
        # Later on Thurs."); running text capitalises only names, never its verbs and nouns all
        return False
    if count < 45 and text.isupper():
        # a headline set in capitals, as newsletters and wire copy print it, may end with a
        # period ("YELTSIN FALTERS, BUT MOSCOW AND TOKYO CLAIM SUMMIT SUCCESS."); running text
        # is never set so
        return False
    return count >= 6 and text.rstrip("”\"’')] ").endswith((".", "!", "?", ":", ";", ","))
