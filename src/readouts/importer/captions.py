"""What a news page prints around its story rather than in it, read for the facts the story's
own sentences leave out: a photo's caption (who met, where, the full date) and the deck under
the headline. Both are removed from the text (document.py, rules.header_leftovers); these rules
read them."""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, facts, venue
from readouts.importer.document import Line
from readouts.importer.header import PHOTO_CREDIT, headline_like, spells_out
from readouts.importer.offices import two_plus_two_ministers
from readouts.importer.reading import Reading


def what_the_photo_shows(reading: Reading) -> None:
    """A news agency's photo caption names who met, where, and the full date: "Japanese Prime
    Minister Yoshiro Mori, as he talks to Russian President Vladimir Putin during a summit meeting
    at the Baikal Business Center in Irkutsk, Sunday, March 25, 2001. (AP Photo/…)". Removed from
    the text as a caption, it still fills what the text left empty, when it shows a meeting held
    (not a file photo) of everyone the text has met so far, and a week or less before the text's
    date, when the text has one."""
    if reading.announces or reading.is_phone:
        return
    names = reading.context.names.on(reading.meeting_date or reading.published)
    for caption in reading.doc.captions:
        # who is shown: the caption's first sentence ("… delivers a joint statement with …
        # Lavrov at … May 31, 2005."); what follows is background ("… a visit by President Putin")
        shown = names.ids_in((facts.sentences(caption) or [caption])[0])
        if (len(shown) < 2 or not set(reading.participants) <= set(shown)
                or not (facts.MEETING_WORDS.search(caption) or _TOGETHER.search(caption))
                or facts.FUTURE.search(caption) or re.search(r"\bfile\b", caption, re.IGNORECASE)):
            continue
        day = next((found.date for found in dates.find_dates(caption)), None)
        if day is not None and not _reported_soon_after(reading, day):
            continue
        reading.meeting_date = reading.meeting_date or day
        # the caption's "during a meeting in Yuzhno Sakhalinsk" outweighs the city the story was
        # filed from ("TOKYO -- …"), the weakest sign of where the sides met
        filed_from = venue.city_named(reading.story.city) if reading.story else None
        if reading.place is None or reading.place == filed_from:
            reading.place = venue.place_in(caption) or reading.place
        reading.participants.extend(p for p in shown if p not in reading.participants)
        reading.mentioned = [p for p in reading.mentioned if p not in reading.participants]
        return


def ministers_at_a_two_plus_two(reading: Reading) -> None:
    """A "2+2" seats the foreign and defence ministers of both sides, and an account that names
    two of them in its opening often names the others only further down ("…, заявил, открывая
    переговоры с главой японского МИД Фумио Кисидой, …") or under the photo ("Слева направо:
    Ицунори Онодэра, Таро Коно, Сергей Лавров, Сергей Шойгу"): each named there who held one of
    the four offices on the day (on some day, when the text gives none) was at the table."""
    if reading.meeting_format != "2+2" or reading.announces:
        return
    day = reading.meeting_date or reading.published
    # a caption over the headline is removed with the header's credits (header.label_reason)
    credits = [change.what for change in reading.changes if change.why == PHOTO_CREDIT]
    found = two_plus_two_ministers([*reading.paragraphs, *reading.doc.captions, *credits],
                                   reading.context.names.on(day), day)
    reading.participants.extend(p for p in found if p not in reading.participants)
    reading.mentioned = [p for p in reading.mentioned if p not in reading.participants]


def _reported_soon_after(reading: Reading, day: dt.date) -> bool:
    """Whether the text is dated a week or less after the photo's day: by its published date, or
    by the day its dateline prints without a year ("TOKYO, April 15 (UPI) --" under a photo of
    September 21, 2015, is a story of another visit)."""
    if reading.published is not None:
        return dt.timedelta(0) <= reading.published - day <= dates.REPORTED_WITHIN
    if reading.printed_day is not None:
        month, day_of_month = reading.printed_day
        try:
            printed = dt.date(day.year + (month < day.month), month, day_of_month)
        except ValueError:
            return False
        return printed - day <= dates.REPORTED_WITHIN
    return True


_TOGETHER = re.compile(r"\bshak(?:e|es|ing) hands\b|\bjoint (?:statement|press conference|news conference)\b",
                       re.IGNORECASE)
"""What a photo of two who met shows them doing: "shakes hands with", "delivers a joint statement
with"."""


def deck_under(reading: Reading, line: Line) -> bool:
    """Whether the line is the deck (standfirst) set right under a news headline (generic.py,
    header.spells_out): no sentence of the story, but like the headline it names who met and where
    (`Reading.headline_and_deck`)."""
    assert reading.header is not None
    numbers = [candidate.number for candidate in reading.header.lines]
    if reading.publisher != "other" or not reading.used or not reading.title or line.number not in numbers:
        return False
    at = numbers.index(line.number)
    return (at > 0 and numbers[at - 1] == max(reading.used) and at == len(numbers) - 1 and headline_like(line.text)
            and spells_out(reading.title, line.text))
