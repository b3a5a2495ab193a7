"""What kind of document a text is — a readout, a press conference, a statement, news — from
its headline's words and how its text opens.
"""

from __future__ import annotations

import re

from readouts.model import Kind

# A transcript opens by addressing its audience; a report about a press conference does not.
TRANSCRIPT_OPENING = re.compile(
    r"^(?:(?:уважаемые|dear|distinguished)\s+)?(?:ladies and gentlemen|colleagues|good (?:morning|afternoon|evening)|"
    r"dear (?:friends|colleagues)|friends|дамы и господа|коллеги|друзья|добрый (?:день|вечер)|здравствуйте)"
    r"(?![\w-])", re.IGNORECASE)
"""How one speaking to an audience begins: "Ladies and gentlemen,", "Уважаемые дамы и господа,"."""
TRANSCRIPT_TITLE = re.compile(r"\b(?:remarks|statement and answers|answers to (?:media )?questions|transcript)\b|"
                              r"^(?:press conference|news conference|briefing) by\b", re.IGNORECASE)

TRANSCRIPT_PART = re.compile(r"(?:(?:Opening|Closing) (?:Remarks|Statements?)(?: by(?: (?-i:[A-Z])[\w.’'-]*){1,8})?|"
                             r"Questions? and Answers?|Q\s?&\s?As?)\s*$", re.IGNORECASE)
"""The parts a press conference's transcript is set in, under its headline: "Opening Remarks",
"Opening Statement by Chief Cabinet Secretary Suga", "Q&As", as Japan's ministry and the Prime
Minister's Office set them: never the page's headline. A headline names the occasion too ("Opening
Statements by … at the joint press conference following …")."""

# A government's own press release is its account of the meeting, whoever reposts it; so is an
# "(Overview)", "(Outline)" or "(Summary of Results)", as the Japanese government (the ministry
# and the Prime Minister's Office) heads its accounts of meetings and press conferences.
MINISTRY_RELEASE_RU = (r"^О\s+(?:российско-японских\s+)?(?:встрече|переговорах|консультациях|телефонном разговоре|"
                       r"беседе|приеме|визите)\b")
"""The Russian Foreign Ministry heads its accounts "О встрече …", "О российско-японских
консультациях", "О телефонном разговоре …": so headed, a reposted page is still its account."""
GOVERNMENT_NOTE = re.compile(r"\(?(?:overview|outline|summary)(?: of (?:the )?results)?\)?\s*$|"
                             r"\(основное содержание(?: и оценка)?\)\s*$", re.IGNORECASE)
"""The note that closes such a headline, on its line or on one of its own under it; in the
Russian of Japan's embassy, "(основное содержание)", "(основное содержание и оценка)"."""
EVENT_HEADLINE = (r"^(?:telephone conversation|meeting|talks|conversation)\s+with\s|"
                  r"^(?:телефонный разговор|встреча|переговоры|беседа)\s+с\s")
"""The Kremlin and the Government head their accounts with the event and the guest, no verb: "Telephone
conversation with Japanese Prime Minister Naoto Kan", "Встреча с Премьер-министром Японии …"; news
headlines tell who did what."""
PRESS_RELEASE = re.compile(rf"^press release\b|пресс-релиз|{GOVERNMENT_NOTE.pattern}|{MINISTRY_RELEASE_RU}|"
                           rf"{EVENT_HEADLINE}", re.IGNORECASE)

KIND_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    # the words that open the talks, as a ministry publishes them, are its account of the talks
    (re.compile(r"\bopening (?:remarks|statement)\b[^.]{0,60}?\b(?:at|during|in the course of) (?:the )?"
                r"(?:talks|meeting|negotiations)\b|вступительное слово\b[^!?]{0,160}?(?<![\w-])(?:в ходе|на) "
                r"(?:переговор|встреч)", re.IGNORECASE), "readout"),
    (re.compile(r"\b(?:news|press) conference|press statements?|statements? for the press|"
                r"answers? to (?:an? )?(?:media |journalists['’] )?questions?\b|"
                r"joint press|briefing|пресс-конференц\w*|"
                # words to the press after the talks: "Lavrov's remarks following talks with …",
                # "заявление для прессы по итогам переговоров"
                r"\bremarks\b[^.]{0,40}?\b(?:following|after)\b|для (?:прессы|СМИ)\b[^.]{0,40}?по итогам",
                re.IGNORECASE), "press-conference"),
    (re.compile(r"^(?:statement|comment|remarks)\b|\bstatement by\b|\bcomments? on\b|заявлени\w*|комментари\w*",
                re.IGNORECASE), "statement"),
    (re.compile(r"\b(?:overview|meeting|summit|talks?|telephone|conversation|visit)\b",
                re.IGNORECASE), "readout"),
)
# A transcript names each speaker before their words: "Sergey Lavrov: Thank you."
_BY_INITIALS = r"[А-ЯЁA-Z]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яёА-ЯЁ-]+(?:\s*\([^()]{1,40}\))?"
SPEAKER = re.compile(rf"^([A-Z][^:.!?\d]{{1,80}}|{_BY_INITIALS}):\s+\S")
"""Also the Russian style, by initials: "В.Путин: …", "С.В.Лавров: …", and the guest's words as the
Kremlin prints them, the family name in capitals and the interpreting noted: "Т.АСО (как
переведено): …"."""
RUSSIAN_SPEAKER = re.compile(rf"^{_BY_INITIALS}:\s+\S")
"""A speaker by initials alone: however short his first words ("Д.Медведев: Господин
Премьер-министр!"), a transcript's first line, never a label above it."""


def speaker_name(label: str) -> str:
    """A speaker's label as a name to look up: "Т.АСО (как переведено)" → "Т.Асо"."""
    label = re.sub(r"\s*\([^()]*\)\s*$", "", label)
    return re.sub(r"(?<![\w-])([А-ЯЁ])([А-ЯЁ]{2,})(?![\w-])", lambda m: m.group(1) + m.group(2).lower(), label)
SPEAKER_LABEL = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?[А-ЯЁA-Z][а-яёa-z-]+|"
                           r"(?:(?:[A-ZА-ЯЁ][\w’'-]*|of|the)\s+){1,6}[A-ZА-ЯЁ][\w’'-]*):\s*")
"""A speaker's label to strip before his words ("В.Путин: ", "President of Russia Vladimir Putin: "):
stricter than SPEAKER, every word capitalised, so that no sentence ending in a colon ("Japan and
Russia agreed on the following:") loses its words."""


def is_transcript(title: str | None, paragraphs: list[str]) -> bool:
    """Whether the text is the words spoken (it addresses its audience, or names its speakers),
    rather than a report of them."""
    transcript = bool(paragraphs and TRANSCRIPT_OPENING.match(paragraphs[0])) or bool(
        title and TRANSCRIPT_TITLE.search(title))
    return transcript or bool(paragraphs and SPEAKER.match(paragraphs[0]))


# Words to the press after the talks, not the opening words of the talks: the press addressed, the
# talks spoken of as done ("our talks were substantive", "переговоры прошли").
AFTER_THE_TALKS = re.compile(r"\bladies and gentlemen\b|дамы и господа|\b(?:our|the) talks\b[^.]{0,80}?\b(?:were|have "
                             r"been|was)\b|переговоры\s+(?:были|прошли)|"
                             # the meeting told in the past: "I was delighted to meet here …", "Мне было
                             # очень приятно встретиться …", "During the negotiations we discussed …"
                             r"\bI was (?:delighted|glad|pleased|happy) to meet\b|"
                             r"(?<![\w-])мне было (?:очень )?приятно встретиться|"
                             r"\b(?:during|in the course of) (?:the|our) (?:talks|negotiations)\b,? "
                             r"we (?:discussed|agreed|confirmed)\b|"
                             r"(?<![\w-])в ходе переговоров мы (?:обсудили|договорились)",
                             re.IGNORECASE)


def kind_named(title: str | None, default: Kind, transcript: bool, opening: str = "") -> Kind:
    """The kind the headline names. A news outlet's piece stays news unless it is a transcript:
    "Gist of joint press conference" reports a press conference, "Ladies and gentlemen," is one."""
    if title and PRESS_RELEASE.search(title):
        named = next((kind for pattern, kind in KIND_CUES if pattern.search(title)), "readout")
        return "press-conference" if named == "press-conference" else "readout"
    if title:
        for pattern, kind in KIND_CUES:
            if pattern.search(title):
                if default == "news" and (kind == "readout" or not transcript):
                    break
                return kind  # type: ignore[return-value]
    if transcript and title is None and (default != "readout" or AFTER_THE_TALKS.search(opening)):
        # a page of speakers' words under no headline: "President of Russia Vladimir Putin: …";
        # on a site whose pages are accounts of meetings, the opening words of the talks unless
        # they speak to the press of the talks done
        return "press-conference"
    return default
