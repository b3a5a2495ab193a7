"""Who said it: the attribution that ends a news sentence (", Galuzin said in an interview with
TASS."), and a spokesperson's, whose words a government speaks through. Who reports a meeting or
announces one is not thereby at it; participants.py and the meeting sentence's reading ask here.
"""

from __future__ import annotations

import re

from readouts.importer.facts import FUTURE, MEETING_WORDS, sentences
from readouts.names import NameIndex

ATTRIBUTION = re.compile(r",[\"”’]?\s+[^,]{0,120}?\b(?:said|says|told|(?:has |have )?announced|stated|reports|"
                         r"reported)\b(?P<how>[^,]*)$")
"""The attribution that ends a news sentence: ", Galuzin said in an interview with TASS.", ",
Foreign Minister Fumio Kishida has announced.", or a quotation, English setting the comma inside
its closing mark: "… over the past year," Suzuki said at a meeting with …"."""


def unattributed(sentence: str | None) -> str | None:
    """A news sentence without the attribution that ends it, unless that names the talks
    ("…, Lavrov said after the talks with Kono"; a press conference is where he said it, not
    talks): who said it tells nothing of the meeting. Russian attributes a quotation after it:
    "«…», — сообщил генеральный секретарь кабинета министров Ёсихидэ Суга"."""
    if sentence and (quoted := ATTRIBUTION_RU.search(sentence)):
        return sentence[:quoted.start() + 1]
    attributed = (ATTRIBUTION.search(sentence) or ATTRIBUTION_RU_TOLD.search(sentence)) if sentence else None
    how = _PRESS_CONFERENCE.sub("", attributed.group("how")) if attributed else ""
    if attributed and not (MEETING_WORDS.search(how) or _NEGOTIATIONS.search(how)):
        # and the agency's after the speaker's: "…, Suga said at a press conference, TASS reports."
        return unattributed(sentence[:attributed.start()])  # type: ignore[index]
    return sentence


_NEGOTIATIONS = re.compile(r"\bnegotiations\b", re.IGNORECASE)
"""Talks by another word: "…," Machimura said after negotiations with … Lavrov"."""
ATTRIBUTION_RU = re.compile(r"[»\"”]\s*,?\s*[—–-]\s*(?:сообщи|заяви|сказа|отмети|подчеркну|добави|поясни|рассказа)\w*"
                            r"\s[^«»]{0,200}$")
"""Who said a Russian quotation, after its closing mark: "», — сообщил … Ёсихидэ Суга"."""
ATTRIBUTION_RU_TOLD = re.compile(r",\s+(?:[—–-]\s+)?(?:сообщи|заяви|сказа|отмети|подчеркну|добави|поясни|рассказа)\w*"
                                 r"(?P<how>\s[^,«»\"]{0,200})$")
"""The same in Russian, where the verb comes first: "…, сообщил журналистам в пятницу пресс-секретарь
президента РФ Дмитрий Песков."."""
_SAID = re.compile(r",\s+(?:[—–-]\s+)?(?:сообщи|заяви|сказа|отмети|подчеркну|добави|поясни|рассказа)\w*\s|"
                   r",\s+[^,]{0,120}?\b(?:said|says|told|stated)\b")
"""What was said, then who said it and where: "Визит Владимира Путина в Японию состоится до конца
2005 года, заявил … Матимура, выступая после встречи в Токио с … Лавровым", "Putin will visit
Japan this year, Kono said after talks with Lavrov". The visit to come is what he said; who met
is told after the verb."""
_PRESS_CONFERENCE = re.compile(r"\b(?:(?:regular|news|press)\s+)*(?:press|news)\s+conference\b|\bbriefing\b|"
                               r"пресс-конференци\w*|брифинг\w*", re.IGNORECASE)
"""Where words were said, which is no meeting of the sides: "said at a regular press conference"."""


SPOKESPERSON = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|chief cabinet secretary|"
                          r"official representative)\b|пресс-секретар\w+|официальн\w+ представител\w+|"
                          r"генеральн\w+ секретар\w+ (?:кабинета министров|правительства)",
                          re.IGNORECASE)
"""Whose words a government speaks through, never a side of the talks they tell of: "Kremlin
spokesman Dmitry Peskov told Sputnik", Japan's Chief Cabinet Secretary at his briefing."""


_SPEAKER_HEADLINE = re.compile(r"^(?P<speaker>[^:\d]{3,60}):\s+\S|"
                               r"^(?P<sayer>[^:\d,]{3,60}?)\s(?:says|said|заявил[аи]?|сообщил[аи]?)\b,?\s+\S")
_SPEAKER_AFTER = re.compile(r"^(?P<said>.{12,}?\S):\s+(?P<speaker>[A-ZА-ЯЁ][\w'’.-]+(?:\s[A-ZА-ЯЁ][\w'’.-]+)?)\s*$")
_OFFICE_WORDS = re.compile(r"minister|president|premier|\bPM\b|spokes|ambassador|envoy|министр|президент|премьер|"
                           r"посол|глава|представител", re.IGNORECASE)
"""A speaker's office before a headline's colon ("Экс-премьер Японии:"), where no name is given."""


def speaker_of_headline(title: str | None, index: NameIndex) -> str | None:
    """A headline that puts a speaker before a colon and his words after it ("Экс-премьер Японии:
    Путин доверяет Абэ", "Lavrov: Tokyo must accept the results of the war"), or before "says"
    ("Tokyo says Putin's visit … gave positive impetus"), names the people who met there only. A
    rubric there ("Russia: Putin holding talks …") names no one
    and no office, and one that names a meeting ("Japan-Russia summit: Abe and Putin agree …") is
    no speaker's. Wire copy names the speaker after a colon at the end ("Putin to visit Japan May
    11-13 to meet with Aso: Kawamura"): the words before it name who met."""
    if (said := _SPEAKER_AFTER.match(title or "")) and index.ids_in(said.group("speaker")):
        return said.group("said")
    headline = _SPEAKER_HEADLINE.match(title or "")
    if headline is None:
        return title
    speaker = headline.group("speaker") or headline.group("sayer")
    if MEETING_WORDS.search(speaker):
        return title
    if headline.group("sayer"):
        # "Tokyo says Putin's visit … gave positive impetus", "Lavrov says …": whom the words name
        # is what was said, not who met; the speaker, named or not, may be
        return speaker
    if not (_OFFICE_WORDS.search(speaker) or index.ids_in(speaker)):
        return title
    return speaker


def told_of(text: str | None) -> str | None:
    """The sentence but for the attribution that ends it, where that names who announces a
    meeting to come, or a spokesperson (or that opens it, naming a spokesperson); and only the
    attribution where it tells of the talks after which a meeting to come was announced (`_SAID`)."""
    if not text:
        return text
    if (first := _SAID_FIRST.match(text)) and SPOKESPERSON.search(first.group()):
        return told_of(text[first.end():])
    said = _SAID.search(text)
    if said and FUTURE.search(text[:said.start()]) and MEETING_WORDS.search(
            _PRESS_CONFERENCE.sub("", text[said.end():])):
        return text[said.start():]
    bare = unattributed(text) or ""
    if FUTURE.search(text) or SPOKESPERSON.search(text[len(bare):]):
        return bare
    return text


_SAID_FIRST = re.compile(r"^(?:Как\s+(?:сообщи|заяви|сказа|отмети|подчеркну|поясни|рассказа|переда)\w*|По\s+словам|"
                         r"According to|As\s+(?:\w+\s+){0,6}?(?:said|told|announced|stated))\s+[^,]{0,160}?,\s+",
                         re.IGNORECASE)
"""Who said it, before what was said: "Как сообщил генеральный секретарь кабинета министров …,
японский премьер на встрече с … обсудит …", "According to Kremlin spokesman Dmitry Peskov, …"."""


PRESS_OFFICE = re.compile(r"\bspokes(?:man|woman|person)\b|\bpress secretary\b|\bInformation and Press\b|"
                           r"\bPress Department\b|\bofficial representative\b", re.IGNORECASE)
"""An office that speaks for a government (the registry's "Press Secretary of the President",
"Director of the Information and Press Department")."""


def announced_after_a_meeting(prose: list[str], announcing: str | None) -> str | None:
    """The sentence right after the one that announces a meeting, in the same paragraph, when it
    says the announcement followed a meeting held; or one of the next two, in this paragraph or
    the next, that says the announcer's words were spoken at a meeting ("…, — сказал глава МИД РФ
    в ходе встречи с японским коллегой Таро Коно")."""
    said = [sentence for paragraph in prose[:2] for sentence in sentences(paragraph)]
    if not prose or announcing not in sentences(prose[0]):
        return None
    at = said.index(announcing)
    if at + 1 < len(said) and said[at + 1] in sentences(prose[0]) and _FOLLOWING_A_MEETING.search(said[at + 1]):
        return said[at + 1]
    return next((following for following in said[at + 1: at + 3] if _SAID_AT_A_MEETING.search(following)), None)


_SAID_AT_A_MEETING = re.compile(
    r"\b(?:said|stated|noted|told \w+)\b[^.]{0,60}?\b(?:during|at|in)\s+(?:a|the|his|their)\s+"
    r"(?:meeting|talks)\s+with\b|"
    r"(?<![\w-])(?:сказал|заявил|отметил|подчеркнул)\w*[^.]{0,60}?(?:в ходе|во время|на)\s+(?:\w+\s+)?"
    r"(?:встреч|переговор|бесед)\w*\s+со?\s", re.IGNORECASE)
"""Words said at a meeting held: "said during a meeting with …", "сказал … в ходе встречи с …"."""


_FOLLOWING_A_MEETING = re.compile(
    r"(?:по итогам|после|following|after)\s+(?:[\w-]+\s+){0,3}?(?:встреч|переговор|консультаци|бесед|talks|meeting|"
    r"consultations)\w*|"
    # the joint press conference that closes talks: "Об этом заявил … Таро Коно на совместной
    # пресс-конференции с главой МИД РФ Сергеем Лавровым в Москве"
    r"совместн\w+ пресс-конференци\w*|\bjoint (?:press|news) conference\b", re.IGNORECASE)
