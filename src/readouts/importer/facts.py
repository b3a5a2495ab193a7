"""The facts a readout states about its meeting: when, where, on what occasion, how long, who.

These read the wording every publisher shares ("held a meeting with", "on the margins of",
"for approximately 45 minutes"); adapters decide which lines to ask.
"""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, places
from readouts.names import NameIndex

# Words that make a sentence the one that reports the meeting itself; the weaker ones only
# where no sentence has a stronger one ("a visit to Russia" is often a plan, not the meeting).
MEETING_WORDS = re.compile(
    r"\b(?:met|meets|meet|meeting|held|holds|talks?|talked|conversation|consultations?|summit|conferred|"
    r"telephone|phone|call|summon(?:s|ed)?|received|courtesy call|lodged (?:a |the )?protests? with|"
    # news leads put what was said at talks first: "Hatoyama told his Russian counterpart
    # Dmitry Medvedev on Sunday that …"
    r"told (?:his|her) (?:[A-Z]\w+ )?counterpart|"
    r"встреч\w*|встрет\w*|переговор\w*|"
    r"разговор\w*|беседова\w*|обсуди\w*|"
    # a summons and its protest, as Russian reports it: "был вызван в МИД", "вручил ноту протеста",
    # "протест … был вручен вице-министром"
    r"вызва[нл]\w*|(?:вручил|вручен|заявил|заявлен)\w*\s+(?:\w+\s+){0,3}?(?:протест|нот)\w*|"
    r"протест\w*\s+(?:\w+\s+){0,3}?(?:вручен|заявлен)\w*)\b",
    re.IGNORECASE,
)
WEAK_MEETING_WORDS = re.compile(r"\b(?:visit(?:ed|s)?|discuss(?:ed)?|exchanged views|визит\w*)\b",
                                re.IGNORECASE)
PHONE_WORDS = re.compile(r"\b(?:telephone|phone|call|video ?conference|телефон\w*)\b",
                         re.IGNORECASE)
# What follows these is what the meeting was about, not who was there.
_ABOUT = re.compile(
    r"\s(?:about|concerning|regarding|on the (?:issue|subject|question|situation)|over the|"
    r"in connection with|communicated|conveyed|stressed|said|say|ahead of|in the run-up to|"
    r"in preparation for|preparations? for|(?:may|might|could) be \w+ed|prior to|before|until|"
    r"to (?:lay|pave|prepare)|groundwork|to protest|"
    # what was agreed or scheduled: "agreed that Russian Foreign Minister Lavrov will visit",
    # "failed to fix the precise date of President Putin's visit"
    r"agreed (?:that|to)|(?:set|fix|arrange|agree on) (?:(?:a|the) )?(?:\w+ )?date (?:for|of)|"
    r"discuss(?:es|ed)?(?!\s+with)|в связи с|по поводу|из-за)\s", re.IGNORECASE)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“А-Я])")
_ABBREVIATION = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|H\.E|St|No|U\.S|U\.N|Jr)\.$")


def sentences(text: str) -> list[str]:
    """Split running text into sentences, keeping "Mr. Lavrov" and "H.E. Mr." whole."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start:match.start()].strip()
        # an initial ends no sentence: "H. E. Mr.", and in Russian "А. Ю. Руденко"
        if _ABBREVIATION.search(candidate) or re.search(r"(?<![\w-])[A-ZА-ЯЁ]\.$", candidate):
            continue
        parts.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def meeting_sentence(paragraphs: list[str]) -> tuple[str | None, bool]:
    """The first sentence, among the opening paragraphs, that reports the meeting, and whether
    it says so with a strong word (met, talks, telephone) rather than a weak one (visit)."""
    for words, strong in ((MEETING_WORDS, True), (WEAK_MEETING_WORDS, False)):
        for paragraph in paragraphs[:3]:
            for sentence in sentences(paragraph):
                if words.search(sentence) and not REMEMBERED.search(sentence):
                    return sentence, strong
    return None, False


REMEMBERED = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|\bгг\.|(?<![\w-])помн\w*|\bremember\w*|"
                         r"\bprevious(?:ly)?\b|(?<![\w-])предыдущ\w*", re.IGNORECASE)
"""Meetings remembered ("Я хорошо помню наши встречи, когда Вы работали … в 2007-2008 гг.",
"our previous meeting"): another time's, not the one reported."""


ATTRIBUTION = re.compile(r",\s+[^,]{0,120}?\b(?:said|says|told|(?:has |have )?announced|stated)\b(?P<how>[^,]*)$")
"""The attribution that ends a news sentence: ", Galuzin said in an interview with TASS.", ",
Foreign Minister Fumio Kishida has announced."."""


def unattributed(sentence: str | None) -> str | None:
    """A news sentence without the attribution that ends it, unless that names the talks
    ("…, Lavrov said after the talks with Kono"): who said it tells nothing of the meeting."""
    attributed = ATTRIBUTION.search(sentence) if sentence else None
    if attributed and not MEETING_WORDS.search(attributed.group("how")):
        return sentence[:attributed.start()]  # type: ignore[index]
    return sentence


def participants(title: str | None, lede: str | None, meeting: str | None,
                 speakers: list[str], index: NameIndex, opening: list[str],
                 day: dt.date | None) -> list[str]:
    """The people who met: named in the headline, the opening sentence or the sentence that
    reports the meeting (before it turns to what was discussed, and but for who announced it),
    or speaking in a transcript; then whoever a meeting of two sides, or of four ministers,
    still lacks (see below)."""
    found: list[str] = []
    # who announces a meeting to come ("…will resume negotiations, Foreign Minister Fumio Kishida
    # has announced") is not of it; who reports one held usually is
    lede, meeting = (unattributed(text) if text and FUTURE.search(text) else text for text in (lede, meeting))
    for text in (title, lede, meeting, *speakers):
        for person_id in _named_before_subject(text, index):
            if person_id not in found:
                found.append(person_id)
    if title and _VISIT.search(title):
        found.extend(p for p in _met_on_the_visit(opening, index) if p not in found)
    if not found:
        found.extend(_both_sides_named(opening, index))
    if len({index.country_of(p) for p in found} & set(_SIDES)) < 2:
        found.extend(p for p in _representatives(opening, index) if p not in found)
    found.extend(p for p in _other_side(found, title, lede, meeting, index, opening, day) if p not in found)
    if any(TWO_PLUS_TWO.search(text or "") for text in (title, lede, meeting)):
        found.extend(p for p in _defence_ministers(opening, index, day) if p not in found)
    return found


_VISIT = re.compile(r"\bvisit\b|\bвизит\w*", re.IGNORECASE)


def _met_on_the_visit(opening: list[str], index: NameIndex) -> list[str]:
    """A visit's overview reports each meeting of the visit in its opening paragraph: "held a
    foreign ministers' meeting with Mr. Lavrov … Subsequently, Foreign Minister Gemba paid a
    courtesy call on Mr. Putin"."""
    return [person_id for sentence in sentences(opening[0]) if opening
            if MEETING_WORDS.search(sentence) and not FUTURE.search(sentence)
            for person_id in _named_before_subject(sentence, index)]


_REPRESENTED_BY = re.compile(r"\brepresented by\b|(?<![\w-])представля(?:ет|ют|л|ла|ли)\b", re.IGNORECASE)


def _representatives(opening: list[str], index: NameIndex) -> list[str]:
    """Who headed each side, as reports of consultations name them: "Japan will be represented by
    former Ambassador to Moscow Chikahito Harada", "Российскую сторону на переговорах представляет
    замглавы МИДа Игорь Моргулов"."""
    found: list[str] = []
    for paragraph in opening[:4]:
        for sentence in sentences(paragraph):
            if said := _REPRESENTED_BY.search(sentence):
                found.extend(p for p in index.ids_in(sentence[said.end():]) if p not in found)
    return found


def _both_sides_named(opening: list[str], index: NameIndex) -> list[str]:
    """With no one named where the meeting is reported, the first opening sentence that names
    someone of each side names the two who met: "Вчера главы внешнеполитических ведомств двух
    стран Сергей Лавров и Сэйдзи Маэхара смогли … обменяться репликами"."""
    for paragraph in opening[:2]:
        for sentence in sentences(paragraph):
            named = _named_before_subject(sentence, index)
            if {index.country_of(p) for p in named} >= set(_SIDES):
                return named
    return []


def _named_before_subject(text: str | None, index: NameIndex) -> list[str]:
    if not text:
        return []
    said_he = _SAID_HE_MET.match(text)
    if said_he:
        # "Prime Minister Fumio Kishida said he spoke by phone with … Putin": the one who said
        # it met, and whom he met is told after "said"
        text = f"{said_he.group('speaker')} {said_he.group('rest')}"
    reported = _REPORTED_MEETING.match(text)
    if reported:
        # "Kremlin spokesman Dmitry Peskov confirmed that Putin held a phone conversation with
        # Suga": who met is told after "that"; who told it did not meet
        text = reported.group("rest")
    # what a quotation says is no part of the sentence's own turn to what was discussed
    cut = _ABOUT.search(_QUOTATION.sub(lambda quoted: " " * len(quoted.group()), text))
    named = index.ids_in(text[: cut.start()] if cut else text)
    if cut and (partner := _FOLLOWING_TALKS_WITH.search(text, cut.start())):
        # "…, Sugiyama said following bilateral consultations with visiting Russian Deputy
        # Foreign Minister Igor Morgulov": the one he met, though named after "said", and the one
        # who said it, named right before
        speaker = text[max(0, partner.start() - 80): partner.start()].split(",")[-1]
        # the partner, or an office and then the name set off by a comma ("talks with the
        # Japanese foreign minister, Nobutaka Machimura")
        partner_parts = text[partner.end():].split(",")
        met = index.ids_in(speaker) + (index.ids_in(partner_parts[0]) or index.ids_in(",".join(partner_parts[:2])))
        named += [p for p in met if p not in named]
    return named


_SAID_HE_MET = re.compile(
    r"^(?P<speaker>.{0,160}?)\s(?:said|says|told reporters|told a press conference)\s+(?:that\s+)?(?:he|she)\s+"
    r"(?P<rest>(?:had\s+)?(?:met|spoke|talked|held|had)\b.*)$", re.IGNORECASE | re.DOTALL)
_QUOTATION = re.compile(r"[“«\"][^”»\"]*[”»\"]")
"""Words in quotation marks."""
_REPORTED_MEETING = re.compile(
    r"^.{0,160}?\b(?:confirmed|announced|reported|said|stated|told (?:reporters|journalists|a press conference))\s+"
    r"that\s+(?P<rest>.*\b(?:met|held|talks|meeting|conversation|call|summit)\b.*)$", re.IGNORECASE | re.DOTALL)
_FOLLOWING_TALKS_WITH = re.compile(
    r"\b(?:following|after|at|during|in)\s+(?:(?:the|their|his|her|bilateral|a|an)\s+)*"
    r"(?:talks|consultations?|negotiations|meeting|conversation)\s+(?:(?:here|there|in \w+)\s+)?with\s+|"
    r"\bas (?:he|she) (?:conferred|met|talked|spoke) with\s+", re.IGNORECASE)


_SIDES = {"japan": "Japan", "russia": "Russian Federation"}
# An office named without its holder's name: "Press Conference by the Prime Minister" (who
# then says "I had a telephone talk"), "the Foreign Minister said".
_OFFICES = (
    # headlines write "PM": "Japanese PM urges Putin to seek …"
    (re.compile(r"\bPrime Minister\b|\bPM\b|премьер", re.IGNORECASE), "Prime Minister of (?:the )?{side}"),
    # "Foreign Ministers' Meeting", "consultations of foreign and defence ministers": the office
    # of both sides, the plural saying so
    (re.compile(r"\bForeign Ministers?\b|\bforeign (?:and defen[cs]e )?ministers\b|"
                r"Minister (?:for|of) Foreign Affairs|министр\w* иностранных дел",
                re.IGNORECASE), "Minister (?:for|of) Foreign Affairs of (?:the )?{side}"),
    (re.compile(r"\bPresident\b|президент", re.IGNORECASE), "^President of (?:the )?{side}"),
)
_COUNTERPART = re.compile(r"\bcounterparts?\b|коллег\w*", re.IGNORECASE)


def _other_side(found: list[str], title: str | None, lede: str | None, meeting: str | None,
                index: NameIndex, opening: list[str], day: dt.date | None) -> list[str]:
    """A meeting between Japan and Russia has a person from each: when the people found so far
    are all from one side, the first person of the other side whom an opening sentence about
    the meeting names ("after meeting with Tokyo's Foreign Minister Takeaki Matsumoto"), else
    the holder on that day of an office the headline or opening names without a name."""
    sides = {index.country_of(p) for p in found} & set(_SIDES)
    if len(sides) != 1:
        return []
    missing = (set(_SIDES) - sides).pop()
    for paragraph in opening[:3]:
        for sentence in sentences(paragraph):
            if MEETING_WORDS.search(sentence) or _COUNTERPART.search(sentence):
                for person_id in _named_before_subject(sentence, index):
                    if index.country_of(person_id) == missing:
                        return [person_id]
                counterpart = _counterpart(sentence, found, missing, index, day)
                if counterpart:
                    return [counterpart]
    for text in (title, lede, meeting):
        for office, role in _OFFICES:
            if text and any(not _names_holder(text, match.end(), index) for match in office.finditer(text)):
                holder = index.holder_of(_office(role, missing), day)
                if holder:
                    return [holder]
    return _named_together(found, missing, index, opening)


def _named_together(found: list[str], missing: str, index: NameIndex, opening: list[str]) -> list[str]:
    """The first person of the missing side whom an opening sentence names as the subject with
    one already found: "Президент России Владимир Путин и премьер-министр Японии Фумио Кисида
    выразили взаимную заинтересованность" — who did something together met, unless the
    sentence looks back to another time."""
    for paragraph in opening[:2]:
        for sentence in sentences(paragraph):
            if _LOOKS_BACK.search(sentence):
                continue
            named = _named_before_subject(sentence, index)
            together = _TOGETHER.search(sentence)
            if together and set(named) & set(found):
                return [p for p in named if index.country_of(p) == missing][:1]
    return []


_TOGETHER = re.compile(r"^[^.,;:]{0,160}?\s(?:и|and)\s[^.;:]{0,120}?\s(?:выразил|обсудил|договорил|согласил|"
                       r"подтвердил|обменял|agreed|discussed|expressed|confirmed|exchanged)\w*", re.IGNORECASE)
"""Two named as one subject of a verb of talks: "A и B выразили", "A and B agreed"."""
_LOOKS_BACK = re.compile(r"\b(?:19|20)\d\d\b|\b(?:previous(?:ly)?|earlier|last (?:year|month))\b|"
                         r"ранее|предыдущ\w*|в прошлом", re.IGNORECASE)


def _counterpart(sentence: str, found: list[str], missing: str, index: NameIndex, day: dt.date | None) -> str | None:
    """"talks of Lavrov with his Japanese counterpart", whose name is misspelt or not given: the
    holder on that day of the office the named person held, on the other side."""
    if not _COUNTERPART.search(sentence) or not MEETING_WORDS.search(sentence):
        return None
    for person_id in found:
        side = index.country_of(person_id)
        for _, role in _OFFICES:
            if side in _SIDES and index.held(person_id, _office(role, side), day):
                holder = index.holder_of(_office(role, missing), day)
                if holder:
                    return holder
    return None


def _office(role: str, side: str) -> re.Pattern[str]:
    """An office of _OFFICES on one side: "Minister (?:for|of) Foreign Affairs of (?:the )?Japan"."""
    return re.compile(role.format(side=_SIDES[side]))


VIDEO_WORDS = re.compile(r"\bvideo ?(?:conference|link|call|talks?|meeting)\b|\bvideoconference\b|"
                         r"видеоконференц\w*|видеосвяз\w*", re.IGNORECASE)
_IN_PERSON = re.compile(r"\b(?:met|meets?|meeting|summit|talks|visit\w*|consultations?|summon\w*|received|"
                        r"courtesy call)\b|встрет\w*|встреч\w*|переговор\w*", re.IGNORECASE)
# Where the meeting sentence turns to something else: "…with Mr. Lavrov, who was visiting Japan
# for the "2+2" Ministerial Meeting" names another meeting in its relative clause.
_CLAUSE = re.compile(r",?\s(?:who|which|where|when)\s", re.IGNORECASE)


_REPORTED = re.compile(r"\s(?:that|что)\s", re.IGNORECASE)
"""Where reported speech starts: what follows is what was said ("…told Putin that the two
countries will start afresh in talks"), not how the sides met."""
_MET = re.compile(r"\b(?:met|meets?|meeting|summit)\b|встрет\w*|встреч\w*", re.IGNORECASE)
"""Words that say the sides met in person, in the sentence after the lead ("talks" may be
negotiations there)."""
_EARLIER = re.compile(r"\b(?:earlier|previously|last (?:week|month|year)|ago|(?:19|20)\d\d)\b|ранее|прошл\w*",
                      re.IGNORECASE)


def meeting_format(title: str | None, meeting: str | None, lede: str | None,
                   follow: str | None = None) -> str | None:
    """"2+2", "video", "telephone" or "in-person", as the headline or the meeting sentence (up
    to a relative clause or reported speech) says; else a call or a meeting named in the sentence
    after the opening one (a news report says how the sides met in its lead or the sentence
    after: "In a 5-minute telephone conversation, Noda told Putin…"), unless that sentence looks
    back to an earlier time. None when nothing says how the sides met."""
    head = _REPORTED.split(_CLAUSE.split(meeting)[0])[0] if meeting else ""
    for text in (title or "", head):
        if TWO_PLUS_TWO.search(text):
            return "2+2"
        if VIDEO_WORDS.search(text):
            return "video"
        if PHONE_WORDS.search(text):
            return "telephone"
    if lede and PHONE_WORDS.search(_CLAUSE.split(lede)[0]):
        return "telephone"
    if _IN_PERSON.search(title or "") or _IN_PERSON.search(head):
        return "in-person"
    if follow and not _EARLIER.search(follow):
        if PHONE_WORDS.search(follow):
            return "telephone"
        if _MET.search(follow):
            return "in-person"
    return None


def _names_holder(text: str, end: int, index: NameIndex) -> bool:
    """Whether an office is followed by its holder's name ("Foreign Minister Sergey Lavrov")."""
    found = index.find(text[end: end + 40])
    return bool(found) and found[0][0] <= 3


TWO_PLUS_TWO = re.compile(r"\b2\s?\+\s?2\b|two[- ]plus[- ]two|\b2 plus 2\b|foreign and defen[cs]e ministers|"
                          r"«2\+2»|«?два плюс два»?|министров иностранных дел и обороны", re.IGNORECASE)
_DEFENCE = re.compile(r"Minister (?:of|for) Defen[cs]e")


def _defence_ministers(opening: list[str], index: NameIndex, day: dt.date | None) -> list[str]:
    """In a "2+2", the defence ministers sit at the table too: those the opening names who held
    that office on the day (on some day, when the text gives none)."""
    return [person_id for person_id in index.ids_in(" ".join(opening[:3]))
            if index.held(person_id, _DEFENCE, day)]


# Occasions a meeting is held on, in either side's wording, with the city where the occasion
# is always held (None where it moves).
OCCASIONS: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), name, city) for pattern, name, city in (
        (r"\b(?:United Nations|UN)(?: \(UN\))? General Assembly|\bUNGA\b|Генеральн\w+ Ассамбле\w+ ООН",
         "United Nations General Assembly", "New York"),
        (r"\bG20\b|\bG-20\b|Group of Twenty|\bG20\b|«?Группы двадцати»?", "G20", None),
        (r"\bG7\b|\bG8\b|Group of Seven", "G7", None),
        (r"\bAPEC\b|Asia-Pacific Economic Cooperation|\bАТЭС\b", "APEC", None),
        (r"\bASEAN\b|\bАСЕАН\b|East Asia Summit", "ASEAN meetings", None),
        (r"Munich Security Conference|Мюнхенск\w+ конференци\w+ по безопасности",
         "Munich Security Conference", "Munich"),
        (r"Eastern Economic Forum|Восточн\w+ экономическ\w+ форум\w*", "Eastern Economic Forum",
         "Vladivostok"),
        (r"St\.? Petersburg International Economic Forum|\bSPIEF\b", "St. Petersburg International Economic Forum",
         "St. Petersburg"),
        (r"\bOSCE\b", "OSCE Ministerial Council", None),
        (r"Nuclear Security Summit", "Nuclear Security Summit", None),
    )
)
_MARGINS = re.compile(
    r"\b(?:on the (?:margins?|sidelines?) of|at the margins? of|on the occasion of|"
    r"in the (?:margins?|sidelines?) of|to attend|during|на полях|в кулуарах)[\s\"«»“”]+(?:the\s+)?",
    re.IGNORECASE)


def occasion(text: str, opening: str = "") -> tuple[str | None, str | None]:
    """(occasion, the city it implies) from "on the margins of the UN General Assembly" in the
    meeting's own sentences, else in the opening paragraphs."""
    # In the opening paragraphs, a sentence about what is planned names another meeting's
    # occasion: "a meeting … scheduled to take place on the sidelines of the G20 summit".
    present = " ".join(s for s in sentences(opening) if not FUTURE.search(s))
    found = _occasion_after_cue(text) or _occasion_after_cue(present)
    if found:
        return found
    for pattern, name, city in OCCASIONS:
        if city and pattern.search(text):
            # A fixed-venue occasion named anywhere in the meeting sentence.
            return name, city
    return None, None


FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|plans?|upcoming|next|is to|are to|would|"
                     r"forthcoming|agreed to hold|to be held|arranged for|slated|set for|"
                     r"may (?:talk|meet|hold|visit|speak))\b|будет|состоится|планиру|предстоящ\w*|"
                     r"на следующей неделе|в (?:следующем|будущем) году|пройд(?:ет|ут)|может встретиться|"
                     r"ожида\w+ визит", re.IGNORECASE)


def _occasion_after_cue(text: str) -> tuple[str, str | None] | None:
    for match in _MARGINS.finditer(text):
        tail = text[match.end(): match.end() + 120]
        for pattern, name, city in OCCASIONS:
            hit = pattern.search(tail)
            if hit and hit.start() < 60:
                return name, city or _host_city(tail[hit.end():])
    return None


# "the G20 Buenos Aires Summit", "the G20 Osaka Summit": the city between an occasion that moves
# and its "Summit" is where it was held that year
_HOST_CITY = re.compile(r"\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)\s+(?:Summit|Leaders|Economic Leaders)\b")


def _host_city(after: str) -> str | None:
    match = _HOST_CITY.match(after)
    return places.city(match.group(1)) if match else None


def meeting_date(sentence: str | None, anchor: dt.date | None) -> dt.date | None:
    """The day the meeting sentence names ("On Tuesday, September 25", "on Friday", "today",
    "в субботу"), given the date of the text; None when the text does not pin the year."""
    if not sentence or dates.SPAN_OF_DAYS.search(sentence):
        # "From 28 April to 6 May Prime Minister Mori made a round of visits …, where he met
        # with the respective leaders": which of those days was this meeting's is said elsewhere
        return None
    full = dates.find_dates(sentence)
    if full:
        return full[0].date
    partial = dates.find_partial_dates(sentence)
    if partial:
        return dates.resolve_year(partial[0], anchor, ahead=bool(FUTURE.search(sentence)))
    if anchor is None:
        return None
    relative = dates.RELATIVE_WEEKDAY.search(sentence)
    if relative:
        # "will visit Sakhalin on Wednesday": the coming one, when the sentence speaks of the future first
        return dates.resolve_weekday(dates.weekday_of(relative), anchor,
                                     ahead=bool(FUTURE.search(sentence[:relative.start()])))
    day = dates.RELATIVE_DAY.search(sentence)
    if day:
        return anchor - dt.timedelta(days=dates.days_back(day))
    return None
