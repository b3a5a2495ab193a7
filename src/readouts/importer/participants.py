"""Who met: the people a readout's headline, opening and meeting sentence name as meeting, and
whoever a meeting of two sides, or of four ministers, still lacks.

What the sentences say is read by facts.py (which sentence reports the meeting, where it turns
to its subject); this module says which of the people named took part.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial

from readouts.importer.attribution import ATTRIBUTION, speaker_of_headline, told_of, unattributed
from readouts.importer.bystanders import blanked
from readouts.importer.facts import (
    ABOUT,
    FUTURE,
    MEETING_WORDS,
    before_agreed_meeting,
    of_another_time,
    sentences,
    two_plus_two_held,
)
from readouts.importer.offices import (
    COUNTERPART,
    SIDES,
    counterpart_of,
    counterpart_offices,
    holder_of_office_named,
    leaders_at_a_summit,
    two_plus_two_ministers,
    unknown_holder,
)
from readouts.importer.unlisted import people_in as unlisted_people_in
from readouts.names import NameIndex


def participants(title: str | None, lede: str | None, meeting: str | None,
                 speakers: list[str], index: NameIndex, opening: list[str],
                 day: dt.date | None, held: bool = False) -> list[str]:
    """The people who met: named in the headline, the opening sentence or the sentence that
    reports the meeting (before it turns to what was discussed, and but for who announced it),
    or speaking in a transcript; then whoever a meeting of two sides, or of four ministers,
    still lacks (see below)."""
    found: list[str] = []
    # who announces a meeting to come ("…will resume negotiations, Foreign Minister Fumio Kishida
    # has announced") is not of it, nor is a spokesperson; who reports one held usually is
    lede, meeting = told_of(lede), told_of(meeting)
    if lede and meeting and lede != meeting and _VISIT_TO_COME.search(lede) and not FUTURE.search(meeting):
        # "Губернатор … Хоккайдо Харуми Такахаси в октябре собирается посетить Сахалин": a lead
        # about a visit to come names its visitor; who met, the sentence that reports the meeting
        lede = None
    headline = told_of(speaker_of_headline(title, index))
    if title and (between := _MEETING_BETWEEN.search(title)):
        met = index.ids_in(title[between.end():])
        if {index.country_of(p) for p in met} >= set(SIDES):
            # "Lavrov comments on the outcome of the meeting between Dmitry Medvedev and Naoto
            # Kan": the one who speaks of the meeting the headline names was not at it
            headline = title[between.end():]
            speakers = [s for s in speakers if set(index.ids_in(s)) <= set(met)]
    for text in (headline, lede, meeting, *speakers):
        # a headline's capitals are no title's: "Economy Minister Marks Steady Development"
        for person_id in _named_before_subject(text, index, unlisted=text is not headline):
            if person_id not in found:
                found.append(person_id)
    if title and _VISIT.search(title):
        found.extend(p for p in _met_on_the_visit(opening, index) if p not in found)
    if not found:
        # "The foreign ministers of Japan and Russia … held bilateral talks … on May 23": the
        # offices' holders that day, before two people a later sentence names together; with no
        # year printed, the one holder of each whom the opening names ("… exchange views with
        # Sergey Lavrov")
        holders = [holder_of_office_named(title, lede, meeting, index, opening, day, side) for side in SIDES]
        found.extend(holder for holder in holders if holder and all(holders))
    if not found:
        found.extend(leaders_at_a_summit(title, lede, meeting, index, day))
    if not found:
        found.extend(_both_sides_named(opening, index, day))
    if len({index.country_of(p) for p in found} & set(SIDES)) < 2:
        found.extend(p for p in _representatives(opening, index) if p not in found)
    found.extend(p for p in _other_side(found, title, lede, meeting, index, opening, day, held) if p not in found)
    if any(two_plus_two_held(before_agreed_meeting(text or "")) for text in (title, lede, meeting)):
        # not the "2+2" agreed for later ("договорились о проведении … консультаций в формате «2+2»")
        found.extend(p for p in two_plus_two_ministers(opening[:3], index, day) if p not in found)
    return found


_MEETING_BETWEEN = re.compile(r"\b(?:meeting|talks|conversation|summit)\s+between\s|"
                              r"(?<![\w-])(?:встреч|переговор|бесед)\w*\s+между\s", re.IGNORECASE)
"""A headline's meeting with its people named after it: "the meeting between Medvedev and Kan"."""
_VISIT = re.compile(r"\bvisit\b|\bвизит\w*", re.IGNORECASE)


def _met_on_the_visit(opening: list[str], index: NameIndex) -> list[str]:
    """A visit's overview reports each meeting of the visit in its opening paragraph: "held a
    foreign ministers' meeting with Mr. Lavrov … Subsequently, Foreign Minister Gemba paid a
    courtesy call on Mr. Putin"; not the spokesman who told of it."""
    if not opening:
        return []  # a page of photographs and their captions: no prose is left to read
    return [person_id for sentence in sentences(opening[0])
            if MEETING_WORDS.search(sentence) and not FUTURE.search(sentence)
            for person_id in _named_before_subject(told_of(sentence), index)]


_REPRESENTED_BY = re.compile(r"\b(?:represented|headed|attended|(?:co-?)?chaired) by\b|"
                             r"(?<![\w-])(?:представля|возглавля)(?:ет|ют|л|ла|ли)\b|"
                             r"(?<![\w-])(?:участвовал[аи]?|(?:при)?нял[аи]?\s+участие)(?![\w-])|"
                             r"(?<![\w-])возглавил[аи]?(?![\w-])|(?<![\w-])со?\s+(?:российской|японской)\s+стороны(?![\w-])",
                             re.IGNORECASE)


def _representatives(opening: list[str], index: NameIndex) -> list[str]:
    """Who headed each side, as reports of consultations name them: "Japan will be represented by
    former Ambassador to Moscow Chikahito Harada", "Российскую сторону на переговорах представляет
    замглавы МИДа Игорь Моргулов", "С российской стороны группу возглавляет глава
    Минэкономразвития Максим Орешкин"; or who attended it, as news names them after the quotes:
    "Tuesday's meeting … was attended by Mori and Special Advisor … Eiichi Hasegawa on the Japan
    side, and Russian Deputy Foreign Minister Igor Morgulov", "Во встрече также участвовали …"; or
    who chaired it, as a commission's session is reported: "the 15th session of the … Committee …,
    co-chaired by Oreshkin and Japanese Foreign Minister Toshimitsu Motegi"."""
    found: list[str] = []
    for paragraph in opening[:6]:
        for sentence in sentences(paragraph):
            if said := _REPRESENTED_BY.search(sentence):
                found.extend(p for p in unlisted_people_in(index, sentence[said.end():]) if p not in found)
    return found


def _both_sides_named(opening: list[str], index: NameIndex, day: dt.date | None) -> list[str]:
    """With no one named where the meeting is reported, the first opening sentence that names
    someone of each side names the two who met: "Вчера главы внешнеполитических ведомств двух
    стран Сергей Лавров и Сэйдзи Маэхара смогли … обменяться репликами"; or two people.yaml may
    not list, named as one subject of the talks' verb ("Олег Кожемяко и Коитиро Накамура
    обсудили …"); not one dated a month or more from the text (an older story's photo caption),
    nor who said it ("«… послу России, господину Галузину», — подчеркнул Хаяси")."""
    for paragraph in opening[:3]:
        for sentence in sentences(paragraph):
            if of_another_time(sentence, day):
                continue
            named = _named_before_subject(unattributed(sentence), index)
            if {index.country_of(p) for p in named} >= set(SIDES) or (
                    len(named) >= 2 and _TOGETHER.search(sentence) and not _LOOKS_BACK.search(sentence)):
                return named
    return []


def _named_before_subject(text: str | None, index: NameIndex, unlisted: bool = True) -> list[str]:
    if not text:
        return []
    people_in = partial(unlisted_people_in, index) if unlisted else index.ids_in
    attributed = ATTRIBUTION.search(text)
    if (attributed and _MET_WITH.search(attributed.group("how"))
            and index.ids_in(text[attributed.start():attributed.start("how")])):
        # "…Putin's visit to Japan and … Abe's visit to Russia, Japanese Foreign Minister Fumio
        # Kishida said at a meeting with … Igor Shuvalov": who met are the one who said it and
        # the one he met; what he said names others. Not when a ministry said it "after his
        # meeting with …": "his" is the one the sentence opens with
        text = text[attributed.start():]
    said_he = _SAID_HE_MET.match(text)
    if said_he:
        # "Prime Minister Fumio Kishida said he spoke by phone with … Putin": the one who said
        # it met, and whom he met is told after "said"
        text = f"{said_he.group('speaker')} {said_he.group('rest')}"
    said = _SAYS_THAT.match(text)
    if said and _MET_WITH.search(said.group("speaker")):
        # "Мори после встречи с президентом РФ заявил, что Путин … с Абэ": the speaker's meeting,
        # and what he said of others
        text, said = said.group("speaker"), None
    told_of = _TOLD_OF.match(text) if not said else None
    if told_of and MEETING_WORDS.search(told_of.group("rest")) and not _MET_WITH.search(told_of.group("speaker")):
        # "Лавров сообщил о сроках встречи Путина с Абэ": who announced it is not at it
        text = told_of.group("rest")
    if said and (_MEETING_TOLD.search(said.group("rest")) or _names_both_sides(said.group("rest"), index)):
        # "Kremlin spokesman Dmitry Peskov confirmed that Putin held a phone conversation with
        # Suga", "Лавров … отметил, что Медведев предложил Кану …": who met is told after
        # "that"; who told it did not meet
        text = said.group("rest")
    text = blanked(text)
    # what a quotation says is no part of the sentence's own turn to what was discussed
    cut = ABOUT.search(_QUOTATION.sub(lambda quoted: " " * len(quoted.group()), text))
    named = people_in(text[: cut.start()] if cut else text)
    if cut and (partner := _FOLLOWING_TALKS_WITH.search(text, cut.start())):
        # "…, Sugiyama said following bilateral consultations with visiting Russian Deputy
        # Foreign Minister Igor Morgulov": the one he met, though named after "said", and the one
        # who said it, named right before
        speaker = text[max(0, partner.start() - 80): partner.start()].split(",")[-1]
        # the partner, or an office and then the name set off by a comma ("talks with the
        # Japanese foreign minister, Nobutaka Machimura")
        partner_parts = text[partner.end():].split(",")
        met = people_in(speaker) + (people_in(partner_parts[0]) or people_in(",".join(partner_parts[:2])))
        named += [p for p in met if p not in named]
    if cut and (between := _AFTER_TALKS_BETWEEN.search(text, cut.start())):
        # "…, Japanese officials said after a meeting between Foreign Minister Masahiko Koumura
        # and his Russian counterpart Sergei Lavrov": the two named after "between" met
        pair = text[between.end():]
        end = ABOUT.search(pair)
        named += [p for p in people_in(pair[: end.start()] if end else pair) if p not in named]
    return named


_SAYS_THAT = re.compile(
    r"^(?P<speaker>.{0,200}?)\s(?:said|noted|stated|stressed|added|explained|confirmed|announced|reported|"
    r"told [^,]{0,40}?|"
    r"(?:заяви|отмети|сообщи|подчеркну|рассказа|поясни|сказа|добави)\w*(?:\s+(?:на|в|журналистам)\b[^,.]{0,40}?)?)"
    r",?\s+(?:that|что)\s+(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)
"""Someone's words reported: "X confirmed that …", "X said that …", "X заявил, что …", "X сообщил на
пресс-конференции, что …"."""
_MEETING_TOLD = re.compile(r"\b(?:met|held|talks|meeting|conversation|call|summit)\b", re.IGNORECASE)
"""What was said tells of a meeting: who told it is not said to have been at it."""
_TOLD_OF = re.compile(r"^(?P<speaker>.{0,200}?)\s(?:сообщи|рассказа|объяви|назва)\w*\s+(?:о\s+)?"
                      r"(?P<rest>(?:срок|дат|планах|предстоящ)\w*\s.*)$", re.IGNORECASE | re.DOTALL)
"""Someone announcing when a meeting will be, in Russian: "Лавров сообщил о сроках встречи Путина
с Абэ", "назвал дату встречи"."""
_MET_WITH = re.compile(r"\b(?:talks|meeting|consultations?|negotiations|conversation|met|dinner)\s+with\b|"
                       r"(?:встреч|переговор|бесед|ужин)\w*\s+с\s", re.IGNORECASE)


def _names_both_sides(said: str, index: NameIndex) -> bool:
    """Whether what someone said names a person of each side: "Lavrov commented on the outcome of
    the meeting and noted that Medvedev offered Kan …" reports a meeting of others, unless the
    speaker is said to have met someone ("Mori said after his meeting with the president that
    Putin …" is the speaker's meeting)."""
    return {index.country_of(p) for p in index.ids_in(said)} >= set(SIDES)



_SAID_HE_MET = re.compile(
    r"^(?P<speaker>.{0,160}?)\s(?:said|says|told reporters|told a press conference)\s+(?:that\s+)?(?:he|she)\s+"
    r"(?P<rest>(?:had\s+)?(?:met|spoke|talked|held|had)\b.*)$", re.IGNORECASE | re.DOTALL)
_QUOTATION = re.compile(r"[“«\"][^”»\"]*[”»\"]")
"""Words in quotation marks."""
_AFTER_TALKS_BETWEEN = re.compile(r"\b(?:following|after|at|during)\s+(?:(?:the|their|a|an)\s+)?(?:[\w-]+\s+)?"
                                  r"(?:talks|consultations?|meeting)\s+between\s+", re.IGNORECASE)
_FOLLOWING_TALKS_WITH = re.compile(
    r"\b(?:following|after|at|during|in|before|prior to|ahead of)\s+(?:(?:the|their|his|her|bilateral|a|an)\s+)*"
    r"(?:talks|consultations?|negotiations|meeting|conversation)\s+(?:(?:here|there|in \w+)\s+)?with\s+|"
    r"\bas (?:he|she) (?:conferred|met|talked|spoke) with\s+|"
    # "Kishida discussed … with Russian counterpart Sergey Lavrov during talks": his counterpart
    r"\bwith\s+(?:his\s+|her\s+|the\s+)?(?:Russian|Japanese)\s+counterpart,?\s+(?=[A-Z])|"
    r"(?<![\w-])со?\s+(?:своим\s+)?(?:российским|японским)\s+коллегой,?\s+(?=[А-ЯЁ])", re.IGNORECASE)


def _other_side(found: list[str], title: str | None, lede: str | None, meeting: str | None,
                index: NameIndex, opening: list[str], day: dt.date | None, held: bool = False) -> list[str]:
    """A meeting between Japan and Russia has a person from each: when the people found so far
    are all from one side, the first person of the other side whom a sentence about the meeting
    in the first three paragraphs names ("after meeting with Tokyo's Foreign Minister Takeaki
    Matsumoto"), or in the two after them with one already found (news stories often name the
    counterpart only after the lead, the quotes and the background: "В ходе визита … состоится
    встреча Яти с его российским коллегой Николаем Патрушевым"; but in a report of talks `held`,
    not in a sentence about a meeting to come), else the counterpart's office the first such
    sentence infers ("met with his Russian counterpart": a name printed later wins over it), else
    the holder on that day of an office the headline or opening names without a name."""
    sides = {index.country_of(p) for p in found} & set(SIDES)
    if len(sides) != 1:
        return []
    missing = (set(SIDES) - sides).pop()
    if any(_side_told(p, missing, (title, lede, meeting)) for p in found if index.country_of(p) is None):
        # one people.yaml does not list is of the other side by the words before his name:
        # "talks between Russian Deputy Defense Minister Alexander Fomin and Japanese Ambassador …"
        return []
    if any(unknown_holder(text, missing, index) for text in (title, lede, meeting) if text):
        return []  # "talks with visiting Russian Deputy Prime Minister Boris Nemtsov": met, though unknown
    envoy_found = any(index.held(p, _AMBASSADOR_ROLE, None) for p in found)
    inferred = None
    for at, paragraph in enumerate(opening[:5]):
        for sentence in sentences(paragraph):
            if held and _MEETING_TO_COME.search(sentence) and sentence != meeting:
                # a report of talks held, in so many words: who is to meet later ("Встреча …
                # Путина и … Абэ состоится в мае") is not of them
                continue
            # an ambassador summoned is spoken of by his post where the one who received him is
            # named: "замглавы МИД Игорь Моргулов обратил внимание посла на …"
            to_the_envoy = envoy_found and bool(_THE_AMBASSADOR.search(sentence))
            if MEETING_WORDS.search(sentence) or COUNTERPART.search(sentence) or to_the_envoy or (
                    _ARRIVED_ON_A_VISIT.search(sentence)):
                named = _named_before_subject(sentence, index)
                if at >= 3 and not set(named) & set(found) and not to_the_envoy:
                    continue  # deeper in a story, only a sentence of the one found meeting the other
                for person_id in named:
                    if index.country_of(person_id) == missing:
                        return [person_id]
                inferred = inferred or counterpart_of(sentence, found, missing, index, day)
    if inferred:
        return [inferred]
    holder = holder_of_office_named(title, lede, meeting, index, opening, day, missing)
    if holder:
        return [holder]
    return _named_together(found, missing, index, opening) or _counterpart_named_most(
        found, missing, index, [title or "", *opening], day)


def _counterpart_named_most(found: list[str], missing: str, index: NameIndex, paragraphs: list[str],
                            day: dt.date | None) -> list[str]:
    """A meeting of Japan and Russia seats each side's holder of an office opposite the other's
    (the foreign ministers; Japan's prime minister and Russia's president): when the sentences
    that report it name only one side, the other's is the holder, on the day, of the counterpart
    office whom the story names in most paragraphs ("Abe" through a story of Putin's talks in
    Sochi that names him as "the Japanese premier" in its lead). An ambassador or a deputy
    minister has no such counterpart: a summoned envoy's story names its minister in vain."""
    if any(index.country_of(p) not in SIDES for p in found):
        return []  # one people.yaml does not list may be the other side's
    counterparts = [office for person_id in found for office in counterpart_offices(person_id, missing, index, day)]
    named: dict[str, int] = {}
    for paragraph in paragraphs:
        for person_id in index.ids_in(paragraph):
            if any(index.held(person_id, office, day) for office in counterparts):
                named[person_id] = named.get(person_id, 0) + 1
    # the most named; of as many, the first named (dicts keep the order names were first met)
    return [max(named, key=lambda person_id: named[person_id])] if named else []


_SIDE_WORD = {"russia": re.compile(r"\b(?:Russian|Russia's)\s+(?:[A-Z][\w-]*\s+){0,5}$"),
              "japan": re.compile(r"\b(?:Japanese|Japan's)\s+(?:[A-Z][\w-]*\s+){0,5}$")}
"""A side's adjective before a post and a name: "Russian Deputy Defense Minister …"."""


def _side_told(person_id: str, side: str, texts: tuple[str | None, ...]) -> bool:
    """Whether a sentence names an unlisted person (by the words of the id an entry would give
    them, in English) right after `side`'s adjective and their post."""
    name = re.compile(r"\b" + r"\s+".join(map(re.escape, person_id.split("-"))) + r"\b", re.IGNORECASE)
    return any((at := name.search(text)) and _SIDE_WORD[side].search(text, max(0, at.start() - 80), at.start())
               for text in texts if text)


_VISIT_TO_COME = re.compile(
    r"(?<![\w-])(?:собира(?:ется|ются)|намерен[аы]?|планиру(?:ет|ют))\s+(?:\w+\s+){0,2}?(?:посетить|приехать|прибыть)|"
    r"(?<![\w-])(?:посет(?:ит|ят)|прибуд(?:ет|ут))(?![\w-])|\bwill (?:visit|travel to|come to)\b|"
    r"\b(?:plans?|intends?|is going) to (?:visit|travel to|come to)\b", re.IGNORECASE)
"""A visit to come: "собирается посетить Сахалин", "will visit Tokyo"."""
_ARRIVED_ON_A_VISIT = re.compile(r"(?<![\w-])прибыл[аи]?\s+(?:\S+\s+){0,6}?с\s+(?:\w+\s+)?визитом|"
                                 r"(?<![\w-])с\s+(?:\w+\s+)?визитом\s+(?:\S+\s+){0,3}?прибыл|"
                                 r"\barrived\b[^.]{0,60}\bvisit\b", re.IGNORECASE)
"""The guest's arrival: "в Россию с официальным визитом прибыл премьер-министр Японии Синдзо Абэ"."""
_THE_AMBASSADOR = re.compile(r"(?<![\w-])(?:посл(?:а|у|ом)|дипломат(?:а|у|ом))(?![\w-])|"
                             r"\bthe (?:ambassador|envoy|diplomat)\b", re.IGNORECASE)
"""The ambassador spoken of by his post, or as "the diplomat": "сделал дипломату представление"."""
_AMBASSADOR_ROLE = re.compile(r"\bAmbassador\b")


_MEETING_TO_COME = re.compile(
    r"(?<![\w-])(?:встреч|переговор|саммит|визит)\w*[^.]{0,80}?(?<![\w-])(?:состоится|состоятся|пройд(?:ет|ут))(?![\w-])|"
    r"\b(?:will|is to|are to)\s+(?:meet|hold|visit)\b|"
    r"\b(?:upcoming|forthcoming|scheduled|planned)\s+(?:meeting|summit|visit|talks)\b", re.IGNORECASE)
"""A sentence about a meeting to come: "Встреча … состоится в мае", "will meet", "the upcoming summit"."""


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


