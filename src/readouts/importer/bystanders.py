"""People a sentence about talks names who are not of them: the one an envoy serves or brings a
letter from, the author of the plan discussed, the leaders whose decision the talks carry out, the
one whose visit they prepare, a predecessor, the one who sends his own envoy. participants.py blanks
them out, positions kept, before it reads who met.
"""

from __future__ import annotations

import re


def blanked(text: str) -> str:
    """The sentence with those it names who are not of the talks blanked out, positions kept."""
    # "a close aide to Russian President Vladimir Putin": the one he serves is not the one who
    # goes; nor is the one who sends him ("Абэ намерен направить в Москву своего советника")
    text = _PRINCIPAL.sub(lambda served: " " * len(served.group()), text)
    # nor whose message he brings ("передал от российского президента Владимира Путина привет")
    text = _MESSAGE_FROM.sub(lambda sender: " " * len(sender.group()), text)
    # nor who proposed the plan they discuss ("the plan proposed by Prime Minister Abe"), nor
    # whose visit to come the talks prepare ("связана с готовящимся визитом Владимира Путина")
    text = _PROPOSED_BY.sub(lambda author: " " * len(author.group()), text)
    text = _VISIT_PREPARED.sub(lambda visitor: " " * len(visitor.group()), text)
    # nor the leaders whose decision the talks carry out ("In accordance with the decision of
    # President Vladimir Putin and Prime Minister Shinzo Abe …, Taro Kono and I have held …")
    text = _LEADERS_DECIDED.sub(lambda leaders: " " * len(leaders.group()), text)
    # nor the one whose post someone takes ("Medvedev, who will replace Vladimir Putin as president"),
    # nor one who has died ("late former Prime Minister Shinzo Abe"), nor who made what the talks
    # stand on ("the ties … created by Russian President Vladimir Putin and …")
    text = _REPLACES.sub(lambda predecessor: " " * len(predecessor.group()), text)
    text = _DECEASED.sub(lambda deceased: " " * len(deceased.group()), text)
    text = _MADE_BY.sub(lambda makers: " " * len(makers.group()), text)
    if sender := _SENDS.match(text):
        text = " " * sender.end("sender") + text[sender.end("sender"):]
    return text




_PRINCIPAL = re.compile(
    # the one served follows "to" in English ("envoy Yoshiro Mori" is the envoy), the genitive in Russian
    r"(?:\b(?:aide|adviser|advisor|envoy|emissary|confidant)\s+(?:to|of|for)\s+|"
    r"(?<![\w-])(?:помощник\w*|советник\w*|посланник\w*)\s+)"
    r"(?:(?:the|Russian|Japanese|Russia's|Japan's|President|Prime|Minister|президента?|премьер\S*|России|Японии)\s+)*"
    r"(?:[A-ZА-ЯЁ][\w-]+\s+){0,2}[A-ZА-ЯЁ][\w-]+|"
    r"\b[A-Z][\w-]+['’]s\s+(?:(?:special|personal|close|top|senior|foreign[- ]policy)\s+)*"
    r"(?=(?:aide|adviser|advisor|envoy|emissary|confidant)\b)")
"""Whom an official serves, named with him: "a close aide to Russian President Vladimir Putin",
"Abe's special envoy Yoshiro Mori"."""

_MESSAGE_FROM = re.compile(
    r"\b[A-Z][\w-]+['’]s\s+(?i:personal\s+|written\s+)?(?i:message|letter|greetings)|"
    r"\b(?:message|letter|greetings?|regards|invitation)\s+from\s+"
    r"(?:(?:the|Russian|Japanese|Russia's|Japan's|President|Prime|Minister)\s+)*(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+|"
    r"(?<![\w-])от\s+(?:(?:российского|японского)\s+)?(?:президента|премьер\S*|лидера)\s+(?:[А-ЯЁ]\w+\s+){0,2}[А-ЯЁ]\w+|"
    r"(?<![\w-])(?:послани|письм|приветстви)\w*\s+(?:от\s+)?(?:(?:сво\w+|российского|японского|президента|"
    r"премьер\S*|лидера|главы|правительства|России|Японии|РФ)\s+)*(?:[А-ЯЁ]\w+\s+){0,2}[А-ЯЁ]\w+")
"""Whose message, letter or greetings someone brings or receives ("a message from President Putin",
"gets Abe's letter",
"передал от российского президента Владимира Путина", "передал послание своего премьера Синдзо
Абэ"): the sender is not at the talks."""

_EN_NAMED = (r"(?:(?:the|Russian|Japanese|Russia's|Japan's|Russia’s|Japan’s|President|Prime|Minister|of|Japan|"
             r"Russia)\s+)*"
             r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+")
_VISIT_PREPARED = re.compile(
    r"\b(?i:preparations? (?:for|of)|ahead of|in the run-up to|to prepare(?: for)?|in preparation for)\s+"
    r"(?:the\s+)?(?:(?:upcoming|forthcoming|planned|official|state)\s+)*(?:visit|meeting|summit|talks)\s+"
    rf"(?:of|by|between)\s+{_EN_NAMED}(?:\s+and\s+{_EN_NAMED})?"
    # and a second visit the talks prepare: "… to Russia, as well as a possible visit of … Putin to Japan"
    r"(?:\s+to\s+[A-Z]\w+)?(?:,?\s+(?:and|as well as)\s+(?:an?\s+|the\s+)?(?:(?:possible|return|upcoming|planned)\s+)?"
    rf"visit\s+(?:of|by)\s+{_EN_NAMED})?|"
    r"\b(?i:preparations? (?:for|of)|ahead of|in the run-up to|to prepare(?: for)?|in preparation for)\s+"
    r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+['’]s\s+(?:(?:upcoming|forthcoming|planned|official|state)\s+)*visit\b|"
    r"(?<![\w-])(?:(?:в преддверии|в рамках подготовки к|для подготовки|подготовк\w*\s+к)\s+(?:[а-яё]+\s+)?|"
    r"(?:готовящ|предстоящ|планируем)\w*\s+)визит\w*\s+"
    r"(?:(?i:президента|премьер\S*|министра|главы|России|Японии|РФ|японского|российского|господина|г-на)\s+)*"
    r"(?:[А-ЯЁ]\w+\s+){0,2}[А-ЯЁ]\w+")
"""Whose visit or meeting to come the talks prepare, named with it: "ahead of the upcoming visit of
President Putin", "to prepare the visit of … Abe to Russia, as well as a possible visit of …
Putin", "Ahead of the planned meeting between Prime Minister Shinzo Abe and President
Vladimir Putin", "in preparation for Abe's visit", "в преддверии визита премьера Синдзо Абэ", "с
готовящимся визитом Владимира Путина", "по подготовке к визиту Президента России Владимира Путина".
The visitor is not at the talks that prepare it."""

_LEADERS_DECIDED = re.compile(
    r"\b(?i:in accordance with|pursuant to|in line with|based on|following|under)\s+(?:the\s+|an?\s+)?"
    r"(?i:decisions?|agreements?|instructions?|understandings?)\s+(?:reached\s+)?"
    # "under an agreement reached during the official visit to Japan by … Putin"
    r"(?i:(?:during|at|in the course of)\s+(?:the\s+|an?\s+|his\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:visit|summit|talks|meeting)\s+(?:to\s+[A-Z]\w+\s+)?)?(?:of|by|between)\s+"
    rf"{_EN_NAMED}(?:\s+and\s+{_EN_NAMED})?|"
    r"(?<![\w-])(?:договоренност|поручени|решени|указани)\w*\s+(?:[\w-]+,?\s+){0,5}?"
    r"(?:достигнут|принят|данн|дан)\w*\s+(?:[\w-]+\s+){0,6}?[А-ЯЁ]\w+(?:\s+[А-ЯЁ]\w+)?\s+и\s+"
    r"(?:[\w-]+\s+){0,3}?[А-ЯЁ]\w+(?:\s+[А-ЯЁ]\w+)?")
"""The leaders whose decision or agreement talks carry out, named with it: "In accordance with the
decision of Russian President Vladimir Putin and Prime Minister of Japan Shinzo Abe", "следовать
договоренностям …, достигнутым президентом России Владимиром Путиным и японским премьер-министром
Синдзо Абэ"."""

_PROPOSED_BY = re.compile(
    r"\b(?:proposed|offered|put forward|suggested|initiated|advanced)\s+by\s+"
    r"(?:(?:the|Russian|Japanese|Russia's|Japan's|Russia’s|Japan’s|President|Prime|Minister)\s+)*"
    r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+|"
    r"(?<![\w-])предложенн\w+\s+(?:(?:российским|японским|президентом|премьер\S*|лидером)\s+)*"
    r"(?:[А-ЯЁ]\w+\s+){0,2}[А-ЯЁ]\w+")
"""Who proposed the plan the talks took up ("the plan proposed by Japan's Prime Minister Shinzo
Abe during his visit to Sochi", "план, предложенный премьером Абэ") is its author, not one of
those who met to carry it out."""

_REPLACES = re.compile(r"\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?)\s+(?:[A-Z][\w.-]+\s+){0,4}[A-Z][\w-]+|"
                       r"(?<![\w-])(?:смени(?:т|л|ть|вш\w+)|сменяющ\w+)\s+(?:\w+\s+){0,3}?[А-ЯЁ]\w+\s+[А-ЯЁ]\w+")
"""A predecessor: "who will replace Vladimir Putin as Russia's president", "сменит Синдзо Абэ"."""
_SENDS = re.compile(
    r"^(?P<sender>[^.;]{0,160}?)(?<![\w-])(?:направ(?:ит|ляет|ил|ить|ят)|отправ(?:ит|ляет|ил|ить)|sends?|sent|send|"
    r"dispatch(?:es|ed)?)\b(?=[^.;]{0,80}?\b(?:сво(?:его|ю|их)|his|her)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:советник|посланник|представител|помощник|спецпредставител|envoy|adviser|advisor|aide|emissary|"
    r"representative))", re.IGNORECASE)
"""One who sends his own envoy ("Abe will send his special envoy …", "Абэ намерен направить в
Москву своего ближайшего советника") is not at the envoy's talks."""
_DECEASED = re.compile(
    r"\blate\s+(?:former\s+)?(?:(?:Russian|Japanese|Prime|Minister|President|Foreign|Premier)\s+)*"
    r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+|"
    r"(?<![\w-])(?:ныне\s+)?покойн\w+\s+(?:[\w-]+\s+){0,3}?[А-ЯЁ]\w+\s+[А-ЯЁ]\w+")
"""One who has died, and so met no one: "late former Prime Minister Shinzo Abe", "покойного Синдзо Абэ"."""
_MADE_BY = re.compile(rf"\b(?:created|established|built|laid|forged|launched|initiated)\s+by\s+{_EN_NAMED}"
                      rf"(?:\s+and\s+{_EN_NAMED})?")
"""Who made, before, what the talks stand on: "the ties … created by Russian President Vladimir Putin"."""
