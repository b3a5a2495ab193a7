"""The facts a readout states about its meeting: which sentence reports it, when, on what occasion, how.

These read the wording every publisher shares ("held a meeting with", "on the margins of",
"for approximately 45 minutes"); adapters decide which lines to ask.
"""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, places

# Words that make a sentence the one that reports the meeting itself; the weaker ones only
# where no sentence has a stronger one ("a visit to Russia" is often a plan, not the meeting).
_COMMISSION = r"межправкомисси\w*|межправительственн\w+\s+комисси\w*|intergovernmental commission"
"""The two countries' intergovernmental commission, as both languages name it and shorten it."""
MEETING_WORDS = re.compile(
    r"\b(?:met|meets|meet|meetings?|held|holds|talks?|talked|conversation|consultations?|summit|conferred|"
    r"telephone|phone|call|summon(?:s|ed)?|received|courtesy call|lodged (?:a |the )?protests? with|"
    # news leads put what was said at talks first: "Hatoyama told his Russian counterpart
    # Dmitry Medvedev on Sunday that …"
    r"told (?:his|her) (?:[A-Z]\w+ )?counterpart|"
    r"встреч\w*|встрет\w*|переговор\w*|консультаци\w*|саммит\w*|"
    # the intergovernmental commission's session, as both languages shorten it
    rf"{_COMMISSION}|"
    # a commission's session: "Заседание состоялось в Токио со 2 по 6 апреля"
    r"заседани\w*|"
    r"разговор\w*|бесед\w*|обсуди\w*|"
    # a guest received, as Russian reports it, either way round: "Путин принял в Кремле премьер-министра
    # Японии", "главу японского правительства принял в Ново-Огареве президент" (not "принял участие")
    r"принял[аи]?\s+(?!участи|решени|мер|закон|документ|заявлени|резолюци)(?:(?:в|во)\s+[\w-]+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:глав|премьер|президент|министр|посл|делегаци|коллег|гост|консул|генконсул|губернатор|мэр|спикер|"
    r"председател|представител|замминистр|вице)\w*|"
    # or by name alone: "Константин Строганов сегодня принял Сюсукэ Ватанабе"
    r"принял[аи]?\s+(?-i:[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)|"
    r"(?:глав|премьер|президент|министр|посл|делегаци)\w*\s+(?:[\w-]+\s+){0,3}?принял[аи]?\s+во?\s+[А-ЯЁ]\w*|"
    # a summons and its protest, as Russian reports it: "был вызван в МИД", "вручил ноту протеста",
    # "протест … был вручен вице-министром"
    r"вызва[нл]\w*|(?:вручил|вручен|заявил|заявлен)\w*\s+(?:\w+\s+){0,3}?(?:протест|нот)\w*|"
    r"протест\w*\s+(?:\w+\s+){0,3}?(?:вручен|заявлен)\w*)\b",
    re.IGNORECASE,
)
WEAK_MEETING_WORDS = re.compile(r"\b(?:visit(?:ed|s)?|discuss(?:ed)?|exchanged (?:views|opinions)|визит\w*|"
                                # an ambassador's credentials, handed over in person: "when Muto
                                # submitted a copy of his credentials to the deputy minister"
                                r"(?:presented|submitted|handed)\s(?:\w+\s){0,4}credentials)\b",
                                re.IGNORECASE)
PHONE_WORDS = re.compile(r"\b(?:telephone|phone|video ?conference|телефон\w*|(?:по|со)?звони\w*|звонк\w*|звонок|"
                         r"(?<!courtesy )call(?!\s+on\s+(?:President|Prime|Premier|Minister|Foreign|Mr|Ms|H\.E)\b))\b",
                         re.IGNORECASE)
"""A call by telephone ("in a call on Thursday"); a courtesy call, and a call on someone by his
office, is a visit in person ("paying a courtesy call on President Vladimir Putin", "a call on
Prime Minister Mori")."""
# What follows these is what the meeting was about, not who was there.
ABOUT = re.compile(
    # "about" before a number is "approximately": "for about 20 minutes"
    r"\s(?:about(?!\s+(?:\d|(?:an? hour|one|two|three|four|five|half|ten|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"ninety)\b))|concerning|regarding|on the (?:issue|subject|question|situation)|over the|"
    r"in connection with|communicated|conveyed|stressed|said|say|ahead of|in the run-up to|"
    r"in preparation for|preparations? for|follows|comes (?:after|on the heels of)|"
    r"(?:may|might|could) be \w+ed|prior to|before|until|"
    r"to (?:lay|pave|prepare)|groundwork|to protest|"
    # the occasion of a call, not a party to it: "following Mr. Okada's reappointment as Minister
    # for Foreign Affairs under the new Government led by Prime Minister Naoto Kan"
    r"(?:following|after|on) (?:[\w.]+\s)*?(?:\w+['’]s |his |her )?(?:re)?(?:appointment|election|inauguration)|"
    r"under the (?:new )?(?:government|cabinet|administration)|"
    # the cause of a dispute, named by the one whose act it was: "summoned Russian ambassador
    # Mikhail Bely over President Dmitry Medvedev's visit", "a protest against Russian President
    # Dmitry Medvedev's visit" (a person's name, not a country's: "concern over Russia's …")
    # and so is an assessment of it: "qualified as unacceptable Tokyo's assessment of Russian Prime
    # Minister Mikhail Mishustin's visit"
    r"(?:over|against|assessment of|criticism of)(?=\s+(?-i:(?:[A-Z][\w.-]+\s+){1,4}[A-Z][\w-]+['’]s\s))|"
    # a cause, whoever it names: "summoned … in light of Mishustin's visit"
    r"in light of|in view of|because of|in response to|"
    # the ground talks stand on, not who held them: "… based on what Mori and Putin agreed to"
    r"based on|"
    # what was agreed or scheduled: "agreed that Russian Foreign Minister Lavrov will visit",
    # "failed to fix the precise date of President Putin's visit"
    r"agree[sd]? (?:\w+day )?(?:that|to|on)|(?:set|fix|arrange|agree on) (?:(?:a|the) )?(?:\w+ )?date (?:for|of)|"
    r"discuss(?:es|ed)?(?!\s+with)|в связи с|по поводу|из-за|"
    # what was talked of, in Russian: "говорили и о визите Владимира Путина в Японию" ("обсудил"
    # is not: Russian puts the subject after it, "… обсудил 9 ноября Владимир Путин с …")
    r"говорили\s+(?:и\s+)?о|речь шла\s+(?:и\s+)?о)\s", re.IGNORECASE)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“А-Я])")
_ABBREVIATION = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|H\.E|St|No|U\.S|U\.N|Jr|Sr|Rt|Hon|Gen|Lt|Col|Sen|Rep|Gov|Prof|Amb)\.$")
"""Titles and honorifics that a name follows: "the Rt. Hon. Jacinda Ardern", "Gen. Valery Gerasimov"."""


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


def meeting_sentence(paragraphs: list[str], published: dt.date | None = None) -> tuple[str | None, bool]:
    """The first sentence, among the opening paragraphs, that reports the meeting, and whether
    it says so with a strong word (met, talks, telephone) rather than a weak one (visit). A
    sentence whose full dates all lie a month or more from the text's own is of another time
    (the caption of an older story's photo: "… at the Senzaki station in Nagato, Japan,
    December 14, 2016, a day before their summit meeting", in a story of March 2017)."""
    for words, strong in ((MEETING_WORDS, True), (WEAK_MEETING_WORDS, False)):
        for paragraph in paragraphs[:3]:
            for sentence in sentences(paragraph):
                if ((words.search(_ATTENDED.sub("", sentence)) or (strong and _BILATERAL_BODY.search(sentence)))
                        and not REMEMBERED.search(sentence)
                        and not of_another_time(sentence, published)):
                    return sentence, strong
    return None, False


_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EARLIER_OPENING = re.compile(
    rf"^(?:last\s+(?:year|month|{_MONTH})|in\s+(?:{_MONTH}\s+)?(?:19|20)\d\d|в\s+прошлом\s+году|"
    r"в\s+(?:19|20)\d\d\s+году|в\s+\w+\s+(?:прошлого\s+года|(?:19|20)\d\d\s+года)|"
    r"(?:ранее|earlier|previously)(?!\s+(?:on\s+\w+day|сегодня|today|this\s|in the day|днем|днём|утром|"
    r"в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))|"
    r",?(?:\s+[\w-]+){0,4}?\s+(?:сообща|сообщи|заяви|заявля|сказа|говори|said|announced|reported|told|stated)))\b",
    re.IGNORECASE)
"""A sentence that opens with a past month or year ("Last November in Singapore, …", "In 2018, …",
"В прошлом году …"), or "Earlier" not of the same day ("Ранее лидеры двух стран встречались … в
Сочи"), tells of another time; but an earlier saying's words may be of this meeting ("Ранее Путин
сообщал, что его встреча … состоится")."""


def of_another_time(sentence: str, day: dt.date | None) -> bool:
    """Whether the sentence opens with another time, or every full date it prints lies a month or more from `day`."""
    if day is None or _EARLIER_OPENING.match(sentence):
        return _EARLIER_OPENING.match(sentence) is not None
    printed = dates.find_dates(sentence)
    return bool(printed) and all(abs((found.date - day).days) > 31 for found in printed)


_BILATERAL_BODY = re.compile(rf"{_COMMISSION}|стратегическ\w+\s+диалог\w*|strategic dialogue", re.IGNORECASE)
"""The two countries' own bodies: to attend their session is to meet ("посетит Токио для участия в
заседании Межправительственной комиссии"), unlike an international meeting attended."""
_ATTENDED = re.compile(r"\b(?:to attend|attending|to participate in|to take part in)\s(?:(?!\band\b)[^,;.]){0,160}|"
                       r"(?<![\w-])(?:для участия|чтобы принять участие)\s(?:(?!\bи\b)[^,;.]){0,160}",
                       re.IGNORECASE)
"""The event someone came to attend ("visited Da Nang to attend the APEC Economic Leaders' Meeting
and other events"): the occasion of a day's meetings, not one of them. What follows "and" is
what else he came for ("to attend a plenary meeting of the forum and meet with Putin")."""


REMEMBERED = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|\bгг\.|(?<![\w-])помн\w*|\bremember\w*|"
                         r"\bprevious(?:ly)?\b|(?<![\w-])предыдущ\w*|"
                         r"(?<![\w-])в развитие (?:итогов|договоренност\w*|договорённост\w*)|"
                         r"\bfollow(?:ing|s)?[- ]up (?:on |to )?the (?:results|outcome)s? of\b", re.IGNORECASE)
"""Meetings remembered ("Я хорошо помню наши встречи, когда Вы работали … в 2007-2008 гг.",
"our previous meeting"), and one whose results the talks build on ("в развитие итогов … встречи на
высшем уровне … в Лиме"): another time's, not the one reported."""


VIDEO_WORDS = re.compile(r"\bvideo[ -]?(?:conference|link|call|talks?|meeting)s?\b|\bvideoconferenc\w*|"
                         r"\bteleconferenc\w*|\bvirtual (?:meeting|talks|summit|session|conference)\b|"
                         r"видеоконференц\w*|видеосвяз\w*|(?<![\w-])онлайн-(?:формат|режим)\w*", re.IGNORECASE)
"""Talks held on screen: "a video conference", Japan's English "teleconference", "a virtual
meeting", "по видеосвязи", "в онлайн-формате"."""
_IN_PERSON = re.compile(r"\b(?:met|meets?|meeting|summit|talks|visit\w*|consultations?|summon\w*|received|"
                        r"courtesy call)\b|встрет\w*|встреч\w*|переговор\w*|(?<![\w-])принял[аи]?\s", re.IGNORECASE)
# Where the meeting sentence turns to something else: "…with Mr. Lavrov, who was visiting Japan
# for the "2+2" Ministerial Meeting" names another meeting in its relative clause.
_CLAUSE = re.compile(r",?\s(?:who|which|where|when)\s", re.IGNORECASE)


_REPORTED = re.compile(r"\s(?:that|что)\s", re.IGNORECASE)
"""Where reported speech starts: what follows is what was said ("…told Putin that the two
countries will start afresh in talks"), not how the sides met."""
_MET = re.compile(r"\b(?:met|meets?|meeting|summit)\b|встрет\w*|встреч\w*", re.IGNORECASE)
"""Words that say the sides met in person, in the sentence after the lead ("talks" may be
negotiations there)."""
_PROPOSED = re.compile(r"(?<![\w-])(?:предлож|пригласи)\w*|\b(?:propos|invit|offer)\w*", re.IGNORECASE)
"""A meeting proposed ("предложил … провести встречу на полях саммита"): one to come, which the
sentence after may tell was proposed in a call."""
_EARLIER = re.compile(r"\b(?:earlier|previously|last (?:week|month|year)|ago|(?:19|20)\d\d)\b|ранее|прошл\w*",
                      re.IGNORECASE)


_AGREED_TO_HOLD = re.compile(r"\bagreed (?:to hold|on holding|to convene|to have)\b|"
                             r"(?<![\w-])договорил\w*\s+(?:о\s+проведении|провести)(?![\w-])", re.IGNORECASE)


def before_agreed_meeting(text: str) -> str:
    """The text up to where, having reported a meeting, it turns to another the sides agreed there
    to hold ("в ходе встречи … договорились о проведении 20 марта … консультаций"); the whole text
    when it reports no meeting before (a preview: "agreed to hold talks on March 20")."""
    agreed = _AGREED_TO_HOLD.search(text)
    return text[:agreed.start()] if agreed and MEETING_WORDS.search(text, 0, agreed.start()) else text


def meeting_format(title: str | None, meeting: str | None, lede: str | None,
                   follow: str | None = None) -> str | None:
    """"2+2", "video", "telephone" or "in-person", as the headline or the meeting sentence (up
    to a relative clause or reported speech) says; else a call or a meeting named in the sentence
    after the opening one (a news report says how the sides met in its lead or the sentence
    after: "In a 5-minute telephone conversation, Noda told Putin…"), unless that sentence looks
    back to an earlier time. None when nothing says how the sides met."""
    head = _REPORTED.split(_CLAUSE.split(meeting)[0])[0] if meeting else ""
    # what the sides agreed to hold is another meeting ("…в ходе встречи … в Бонне договорились о
    # проведении … консультаций в формате «2+2»")
    head = before_agreed_meeting(head)
    for text in (title or "", head):
        if two_plus_two_held(text):
            return "2+2"
        if VIDEO_WORDS.search(text):
            return "video"
        if PHONE_WORDS.search(text):
            return "telephone"
    if lede and PHONE_WORDS.search(_CLAUSE.split(lede)[0]):
        return "telephone"
    if _PROPOSED.search(head) and follow and PHONE_WORDS.search(follow) and not _EARLIER.search(follow):
        return "telephone"  # "Абэ предложил Путину провести встречу …" / "… в ходе телефонного разговора …"
    if _IN_PERSON.search(title or "") or _IN_PERSON.search(head):
        return "in-person"
    if follow and not _EARLIER.search(follow):
        if PHONE_WORDS.search(follow):
            return "telephone"
        if _MET.search(follow):
            return "in-person"
    return None


TWO_PLUS_TWO = re.compile(r"\b2\s?\+\s?2\b|two[- ]plus[- ]two|\b2 plus 2\b|foreign and defen[cs]e ministers|"
                          r"«2\+2»|«?два плюс два»?|министров иностранных дел и обороны", re.IGNORECASE)
_TO_COME_BEFORE = re.compile(r"(?:forthcoming|upcoming|next|planned|future|предстоящ\w*|очередн\w*|будущ\w*|"
                             r"следующ\w*)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


def two_plus_two_held(text: str) -> bool:
    """Whether the text names a "2+2" meeting as the one it reports: not "forthcoming consultations
    in the 2+2 format were in focus of talks between …", a meeting to come that others discussed."""
    return any(not _TO_COME_BEFORE.search(text, max(0, found.start() - 60), found.start())
               for found in TWO_PLUS_TWO.finditer(text))
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


FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|plan(?:s|ning)?|upcoming|next|is to|are to|would|"
                     r"forthcoming|agreed to hold|to be held|arranged for|slated|set for|"
                     r"may (?:talk|meet|hold|visit|speak)|"
                     # an intention: "wants to hold phone talks with Putin on Tuesday"
                     r"(?:wants?|hopes?|intends?|seeks?|wishes|is eager) to (?:hold|meet|talk|visit|speak|have))\b|"
                     r"будет|будут|состоится|состоятся|планиру|предстоящ\w*|"
                     r"на следующей неделе|в (?:следующем|будущем) году|пройд(?:ет|ут)|в ближайш\w+|"
                     # "договорённость о следующей встрече на саммите АТЭС": the next meeting's
                     r"(?<![\w-])следующ\w+\s+(?:\w+\s+)?(?:встреч|саммит|раунд|визит|переговор|заседани)\w*|"
                     r"мо(?:жет|гут)\s+(?:\w+\s+){0,2}?(?:встретиться|посетить|провести|состояться|пройти)|"
                     r"ожида\w+ визит|запланирова\w*|"
                     # Russian says what will happen by the perfective present: "встретятся",
                     # "проведут переговоры", "посетит", "отправится с визитом", "прибудет"
                     r"(?<![\w-])(?:встрет(?:ит|ят)ся|провед(?:ет|ут)|посет(?:ит|ят)|отправ(?:ит|ят)ся|прибуд(?:ет|ут)|"
                     r"обсуд(?:ит|ят))(?![\w-])|"
                     # a meeting that may yet come: "does not rule out …", "is mulling to hold …"
                     r"(?:does|do|did) not rule out|\bmull(?:s|ing|ed)\b|consider(?:s|ing)? (?:holding|a meeting)|"
                     r"(?:studying|exploring|looking into|seeking) (?:the |an )?(?:possibilit\w+|opportunit\w+)|"
                     r"being (?:worked out|arranged|coordinated|prepared)|"
                     r"не исключа\w*|рассматрива\w+ возможност\w*", re.IGNORECASE)


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
    """The host city a summit is named after; a resort too small for the gazetteer is taken as
    the summit's name gives it ("the G8 Gleneagles Summit", "the Sea Island Summit")."""
    match = _HOST_CITY.match(after)
    if not match:
        return None
    name = match.group(1)
    if city := places.city(name):
        return city
    return name if not (_NOT_A_HOST.search(name) or places.is_country(name)) else None


_NOT_A_HOST = re.compile(r"\b(?:Leaders|Economic|Ministerial|Heads|Business|Energy|Nuclear|Security|Finance|"
                         r"Special|Extraordinary|Informal|Annual|Anniversary|Summit|Meeting)\b|\d")
"""Words that name what kind of summit it is, not where: "the G20 Leaders Summit"."""
