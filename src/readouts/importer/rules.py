"""The fact rules every adapter shares: each decides one thing about a Reading, in the order of
RULES at the end of this module.

A rule reads what the rules above it decided and writes its own fields; to add one, write a
`rule(reading) -> None` here (or in the module of its facts) and put it in RULES where what it
reads is decided. docs/writing-an-adapter.md names the convention each rule rests on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readouts.importer import (
    attribution,
    captions,
    dates,
    durations,
    facts,
    kinds,
    outlet,
    published,
    schedule,
    sentence_day,
    venue,
)
from readouts.importer import participants as participants_of
from readouts.importer.datelines import dateline
from readouts.importer.document import Change, Line, is_prose, shorten, words
from readouts.importer.furniture import clean_caption
from readouts.importer.header import headline_like, label_reason, split_header
from readouts.importer.meeting_day import meeting_date, printed_meeting_day
from readouts.importer.reading import Reading
from readouts.importer.structure import to_markdown
from readouts.importer.years import day_ending_headline, resolve_year

Rule = Callable[[Reading], None]


def header(reading: Reading) -> None:
    """The lines above the first line of running text."""
    reading.header = split_header(reading.doc.lines)


def title(reading: Reading) -> None:
    """The headline, as the adapter chooses it among the header's lines, spaces made single; a
    note on a line of its own right under it, "(Outline)", "(Summary of Results)", as the
    Japanese government heads its accounts, is part of it."""
    assert reading.header is not None
    found, lines = reading.choose_title(reading.header, reading.doc)
    if found is not None and lines:
        following = next((line for line in reading.header.lines if line.number > max(lines)), None)
        # the next line of the header, blank lines between them or not
        if (following is not None and kinds.GOVERNMENT_NOTE.fullmatch(following.text.strip())
                and not kinds.GOVERNMENT_NOTE.search(found)):
            found, lines = f"{found} {following.text.strip()}", (*lines, following.number)
    if found is not None:
        found = _TITLE_LABEL.sub("", re.sub(r"\s+", " ", clean_caption(found)).strip()) or None
    reading.title = found
    reading.used = set(lines)


_TITLE_LABEL = re.compile(r"^(?:#\d{1,4}\s+|(?i:news|новости?)\s*:\s+|новость\s+(?=[А-ЯЁ]))")
"""A label set before the headline on its line: a forum post's number ("#1 Japan protests …"), the
section's "NEWS : ", a site's lower-case "новость Глава МИД Японии …"."""


def published_from_date_line(reading: Reading) -> None:
    """The published date from the header's date line ("31 May 201911:01" read as a date and a time,
    recorded), the earlier of two (the later is an update's, or the masthead's day the page was
    saved), else the date the headline ends with, else the capture stamp the saved page carries."""
    assert reading.header is not None
    if reading.header.date_index is not None:
        found, line = min(((found, line) for line in reading.header.lines if (found := dates.date_line(line.text))),
                          key=lambda dated: dated[0].date)
        reading.published = found.date
        reading.used.add(line.number)
        if found.glued_time:
            reading.changes.append(Change(line.number, "normalised", line.text,
                                          f"time glued to the date: read as {found.date.isoformat()} "
                                          f"{line.text[found.end:].strip()}"))
    if reading.published is None and reading.title:
        reading.published = day_ending_headline(reading.title)
    if reading.published is None and reading.doc.stamp is not None:
        reading.published = reading.doc.stamp


def header_leftovers(reading: Reading) -> None:
    """Header lines that are neither the title nor the date are captions and section labels,
    removed and recorded, except those that open the text ("Ladies and gentlemen,")."""
    assert reading.header is not None
    body_lines: list[Line] = []
    for line in reading.header.lines:
        if line.number in reading.used:
            continue
        if reading.title and re.sub(r"\s+", " ", line.text) == reading.title:
            reading.changes.append(Change(line.number, "removed", shorten(line.text), "headline printed again"))
        elif ((line.text.endswith((",", ":")) and not headline_like(line.text))
              or (kinds.SPEAKER.match(line.text) and not label_reason(line.text))
              or kinds.RUSSIAN_SPEAKER.match(line.text)):
            # "Ladies and gentlemen," and a transcript's first words, "В.Путин: Уважаемый …!"
            body_lines.append(line)
        elif captions.deck_under(reading, line):
            reading.deck = line.text
            reading.changes.append(Change(line.number, "removed", shorten(line.text), "deck under the headline"))
        else:
            reading.changes.append(Change(line.number, "removed", shorten(line.text),
                                          label_reason(line.text) or "caption or section label above the text"))
    body_lines.extend(reading.header.body)
    if (len(body_lines) > 1 and reading.publisher == "other" and not reading.deck and dateline(body_lines[1].text)
            and not dateline(body_lines[0].text) and is_prose(body_lines[0].text)
            and len(facts.sentences(body_lines[0].text)) == 1):
        # the deck a news page sets above the story, whose first paragraph opens with the dateline:
        # "Участники встречи подвели итоги …" / "Владивосток, ИА Приморье24. Сегодня, 5 декабря, …"
        reading.deck = body_lines[0].text
        reading.changes.append(Change(body_lines[0].number, "removed", shorten(body_lines[0].text),
                                      "deck above the story's dateline"))
        body_lines = body_lines[1:]
    reading.body_lines = body_lines
    reading.paragraphs = [line.text for line in body_lines]
    reading.story = dateline(reading.paragraphs[0]) if reading.paragraphs else None


def lede(reading: Reading) -> None:
    """The opening sentence: the first of the running text, after a story's dateline."""
    # "Ladies and gentlemen," opens a speech; a long paragraph that ends in a comma is a text cut short
    reading.prose = [p for p in reading.paragraphs if is_prose(p) and not (p.endswith(",") and len(words(p)) < 12)]
    paragraph = reading.prose[0] if reading.prose else None
    if paragraph and (own := dateline(paragraph)):
        paragraph = paragraph[own.end:]
    unlabelled = [kinds.SPEAKER_LABEL.sub("", p) for p in ([paragraph] if paragraph else []) + reading.prose[1:2]]
    first = facts.sentences(unlabelled[0]) if unlabelled else []
    # a statement to the press opens with its salutation: the host's welcome, after it, is the lede
    if first and _SALUTATION.match(first[0]):
        first = first[1:] or (facts.sentences(unlabelled[1]) if len(unlabelled) > 1 else [])
    reading.lede = first[0] if first else None
    # and the sentence after it, in the same paragraph or the next, where a news report may say how the sides met
    after = first[1:] or (facts.sentences(reading.prose[1])[:1] if first and len(reading.prose) > 1 else [])
    reading.follow = after[0] if after else None


_SALUTATION = re.compile(r"^(?:Уважаем\w*|Дорог\w*|Ladies and gentlemen|Dear|Good (?:morning|afternoon|evening)|Mr|"
                         r"Добрый (?:день|вечер)|Доброе утро)\b[^.!?]{0,60}[!,.]$", re.IGNORECASE)
""""Уважаемые дамы и господа!", "Ladies and gentlemen,": how a speech opens, before what it says."""


def meeting_sentence(reading: Reading) -> None:
    """The first sentence of the opening paragraphs that reports the meeting, and whether it
    speaks of the meeting as still to come ("has arrived …, where he is due to … meet with")."""
    reading.meeting_sentence, reading.strong_meeting = facts.meeting_sentence(reading.prose, reading.published)
    if reading.meeting_sentence:
        # who speaks it in a transcript ("Press Secretary Hashimoto: …") is no part of what it says
        reading.meeting_sentence = kinds.SPEAKER_LABEL.sub("", reading.meeting_sentence)
    # who said it, as news puts it last (", Russian Ambassador … said in an interview with TASS"),
    # tells nothing of the meeting, unless it names the talks ("…, Lavrov said after the talks")
    told = attribution.unattributed(_QUOTE.sub("", reading.meeting_sentence or "")) or ""
    # a relative clause tells what the meeting will bring, not that it is to come: "an economic
    # relationship that will benefit both sides"
    told = _WHAT_IT_WILL_BRING.sub("", told)
    reading.announces = bool((facts.FUTURE.search(told) or _TO_COME.search(told)) and not _TOOK_PLACE.search(told))
    said_there = attribution.ATTRIBUTION.search(reading.meeting_sentence or "")
    if (said_there and _MET_AT.search(said_there.group("how"))
            and facts.FUTURE.search(reading.meeting_sentence or "", 0, said_there.start())):
        # "The commission may meet on December 13 in Moscow, Oreshkin said at the meeting with …
        # Kono on the sidelines of the … Forum in Vladivostok": the meeting is where it was said,
        # and the day and city before it are the next one's
        reading.meeting_sentence = (reading.meeting_sentence or "")[said_there.start() + 1:].strip()
    if reading.announces and (held := attribution.announced_after_a_meeting(reading.prose, reading.meeting_sentence)):
        # "Консультации … пройдут 17 августа в Москве. Об этом сообщили в МИД РФ по итогам встречи
        # министров …, состоявшейся в понедельник … в Маниле": the news is of the meeting held;
        # what comes next is its outcome, and who will meet then none of its participants
        reading.meeting_sentence, reading.strong_meeting, reading.announces = held, True, False
        reading.lede, reading.headline_of_outcome = held, True


_MET_AT = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:at|during|after|following)\s+(?:the\s+|a\s+|his\s+|their\s+)?"
                     r"(?:[\w-]+\s+)?(?:meeting|talks|consultations)\s+with\b", re.IGNORECASE)  # "said at the meeting"
_WHAT_IT_WILL_BRING = re.compile(r"\b(?:that|which)\s+(?:will|would)\b[^,;.]*")


_TO_COME = re.compile(r"\b(?:is|are)\s+(?:due|expected|set|going)\s+to\b|\bожида\w+|\bнамерен\w*", re.IGNORECASE)
"""A plan told in the present: "is due to meet", "are expected to discuss", "ожидается"."""
_TOOK_PLACE = re.compile(r"\b(?:met|(?<!\bbe\s)held|had|discussed|talked|exchanged|agreed|expressed|conveyed|confirmed|"
                         r"stressed|said|told|after|following)\b|провел\w*|провёл|обсудил\w*|встретил\w*|"
                         r"заявил\w*|состоял\w*|по итогам", re.IGNORECASE)
"""A sentence that also reports something done ("discussed … the preparations for a meeting
scheduled for May 31") reports a meeting held, whatever it says of the next one; "to be held"
is a plan."""


def meeting_format(reading: Reading) -> None:
    """In person, telephone, video or "2+2"; a meeting sentence about a call makes it one even
    where the format is not named."""
    reading.meeting_format = facts.meeting_format(reading.title, reading.meeting_sentence, reading.lede,
                                                   reading.follow)
    reading.is_phone = reading.meeting_format in ("telephone", "video") or bool(
        reading.meeting_sentence and facts.PHONE_WORDS.search(reading.meeting_sentence))


def kind(reading: Reading) -> None:
    """Readout, press conference, statement or news (kinds.py)."""
    transcript = kinds.is_transcript(reading.title, reading.paragraphs)
    reading.kind = kinds.kind_named(reading.title, reading.default_kind, transcript, " ".join(reading.paragraphs[:2]))


def participants(reading: Reading) -> None:
    """Who met (participants.py); everyone else people.yaml knows in the text is mentioned."""
    # a family name two people bear is the one's who held office then
    day = reading.meeting_date or reading.published
    names = reading.context.names.on(day)
    # a transcript's speakers, but for a spokesperson's briefing ("Press Secretary Hashimoto:")
    speakers = [kinds.speaker_name(m.group(1)) for p in reading.paragraphs
                if (m := kinds.SPEAKER.match(p)) and not attribution.SPOKESPERSON.search(m.group(1))]
    found = participants_of.participants(
        reading.headline_and_deck, reading.lede, reading.meeting_sentence, speakers, names, reading.prose,
        day, held=reading.strong_meeting and not reading.announces)
    # nor one whose office the registry says speaks for a government ("Maria Zakharova's answer to
    # a media question about … consultations")
    reading.participants = [person for person in found if not names.held(person, attribution.PRESS_OFFICE, day)]
    everyone = names.ids_in("\n".join([reading.title or "", *reading.paragraphs]))
    reading.mentioned = [p for p in everyone if p not in reading.participants]


_SAID_THERE = re.compile(
    r"\b(?:said|stated|told|noted|made this statement)\b[^.]{0,80}?\b(?:at|after|following)\s+(?:the\s+|a\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:talks|meeting|press conference|news conference)\b|"
    r"\bзаяви\w*[^.]{0,80}?\b(?:на|по итогам)\s+(?:переговор|встреч|пресс-конференц)\w*", re.IGNORECASE)
"""Words reported as said at the talks, or at the press conference after them."""
_QUOTE = re.compile(r"[“«\"][^”»\"]*[”»\"]|^[^“«\"”»]*[”»]|^[^“«\"”»]*\"(?=[^\"]*$)")
"""What was said, in quotes (or its end, when the quote began sentences before: a closing mark, or
a straight one with no other in the sentence, which opens as well as closes): its "will" is the
speaker's, not a plan the report announces."""


def meeting_date_of_words_said_there(reading: Reading) -> None:
    """A news story that reports words said at the talks, or at the press conference after them,
    is filed the day they were said: the lead's day ("Kishida said on Monday"), else the dateline's
    ("МОСКВА, 22 января. /ТАСС/. … заявил … на переговорах"), its year from the text's own date."""
    # the story's dateline, in its first paragraph or in one of its own below a photo's caption
    story = reading.story or next((found for p in reading.prose[:2] if (found := dateline(p))), None)
    if (reading.meeting_date is not None or story is None or reading.published is None or reading.kind != "news"
            or reading.announces):
        return
    # The words may be quoted first and attributed after the quote ("… old problems," Putin said
    # at a meeting with …): the whole of the first two paragraphs, not their first sentences.
    opening = [s for p in reading.prose[:2] for s in facts.sentences(p)]
    # what was said may be of days to come ("… may meet on December 13, Oreshkin said at the meeting")
    said = next((s for s in opening if (there := _SAID_THERE.search(s))
                 and not facts.FUTURE.search(_QUOTE.sub("", s[there.start():]))), None)
    if said is None:
        return
    told = next((day for s in opening[:3] if (day := sentence_day.meeting_date(s, reading.counted_from))), None)
    partial = dates.find_partial_dates(story.date_text)
    filed = resolve_year(partial[0], reading.published) if partial else None
    reading.meeting_date = told or filed


def occasion(reading: Reading) -> None:
    """The summit or forum the meeting was held on the margins of, and its fixed city if any; a
    call has no margins (the summit it names is one the callers will meet at)."""
    if reading.meeting_format not in ("telephone", "video"):
        reading.occasion, reading.occasion_city = facts.occasion(reading.meeting_context, " ".join(reading.prose[:3]))


def place(reading: Reading) -> None:
    """The city of the meeting (venue.meeting_place); a call or video meeting has none."""
    if reading.is_phone:
        return
    assert reading.header is not None
    # a news preview announces its meeting; a ministry's words after talks may look ahead to
    # another ("В следующем году в Санкт-Петербурге пройдет встреча … «большой восьмерки»")
    announcement = (reading.announces and reading.kind == "news") or bool(
        reading.meeting_date and reading.published and reading.meeting_date > reading.published)
    # a paragraph that opens dated a month or more from the text is of another time (an older
    # story's photo caption: "… in Nagato, Japan, December 14, 2016, … A new start from here in Nagato.")
    opening = [p for p in reading.prose[:3]
               if not facts.of_another_time((facts.sentences(p) or [p])[0], reading.published)]
    reading.place = venue.meeting_place(
        reading.headline_and_deck, reading.header, reading.meeting_context, opening, reading.occasion_city,
        reading.story, reading.lede, reading.meeting_sentence if reading.strong_meeting else None, announcement)
    if reading.place is None and announcement and reading.follow and _TAKES_PLACE.search(reading.follow):
        # a preview says where in the sentence after the one that announces the meeting: "30 и 31
        # мая … проведут консультации в формате «2+2» … Мероприятие пройдёт в Токио."
        reading.place = venue.place_in(reading.follow, True)


_TAKES_PLACE = re.compile(r"(?<![\w-])(?:пройд[её]т|состоится|будет проходить)(?![\w-])|"
                          r"\bwill (?:be held|take place)\b", re.IGNORECASE)


def body(reading: Reading) -> None:
    """The text as Markdown (structure.py), its changes recorded."""
    reading.body = to_markdown(reading.body_lines)
    reading.changes.extend(reading.body.changes)


def topics(reading: Reading) -> None:
    """The topics the text discusses, by the link stage's rules."""
    reading.topics = reading.context.topics_of("\n".join(reading.paragraphs))


def unresolved(reading: Reading) -> None:
    """Names printed after a title that no entry in people.yaml explains."""
    reading.unresolved = tuple(reading.context.names.unresolved("\n".join([reading.title or "", *reading.paragraphs])))


RULES: tuple[Rule, ...] = (
    header,
    title,
    published_from_date_line,
    header_leftovers,
    published.published_from_dateline,
    lede,
    meeting_sentence,
    meeting_format,
    kind,
    meeting_date,
    printed_meeting_day,
    participants,
    schedule.meeting_date_stated_later,
    schedule.meeting_in_the_schedule,
    schedule.meeting_on_the_day_in_local_time,
    meeting_date_of_words_said_there,
    occasion,
    place,
    captions.what_the_photo_shows,
    captions.ministers_at_a_two_plus_two,
    durations.duration,
    body,
    topics,
    unresolved,
    outlet.news_outlet,
)
"""Every rule, in the order they run: the header and the title first, then the dates, the text's
opening, and the meeting's facts, each after the facts it reads."""
