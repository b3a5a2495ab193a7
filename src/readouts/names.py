"""People's names as the texts print them → ids in people.yaml, and the names no entry explains.

Every way of writing a name contains the family name ("Lavrov, Sergey Viktorovich", "MOTEGI
Toshimitsu", "Minister Lavrov", "Сергеем Лавровым"), so a person is found by family name, and
by full name only where two people share one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass

from readouts.model import Person

# Titles that come before a name in readouts of either side.
_TITLES = (
    r"(?:Mr|Ms|Mrs|Dr|Messrs)\.?|H\.\s?E\.|His Holiness|His Excellency|Her Excellency|"
    r"(?:Prime|Foreign|Defen[cs]e|Deputy|Vice|First Deputy|Chief Cabinet)?\s?Minister(?: of [A-Z][a-z]+)?|"
    r"President|Premier|Chancellor|Ambassador|Secretary(?:-General)?|Chairman|Governor|Patriarch|"
    r"Senator|Speaker|Director(?:-General)?|Spokes(?:wo)?man|Counterpart"
)
_CANDIDATE = re.compile(
    # titles come in chains ("H.E. Mr. Vladimir Putin"): the name is what follows the last, on the
    # same line (a headline ending "… Japanese Premier" is not followed by a name in the dateline)
    rf"\b(?:{_TITLES})(?:[^\S\n]+(?:{_TITLES}))*[^\S\n]+((?:[A-Z][a-z’'-]+|[A-Z]{{2,}})"
    rf"(?:,?[^\S\n]+(?:[A-Z][a-z’'-]+|[A-Z]{{2,}})){{0,3}})"
)
_NOT_NAMES = {
    "Japan", "Russia", "Russian", "Japanese", "The", "Affairs", "Foreign", "Federation", "Of",
    "For", "And", "Minister", "President", "Prime", "In", "On", "At", "To", "State", "United",
    "Nations", "Defense", "Defence", "Economic", "Development", "Trade", "Industry", "Kingdom",
    "States", "America", "China", "Korea", "Republic", "People", "Council", "Security",
    "First", "Deputy", "Vice", "Chief", "Cabinet", "Secretary", "General", "Director",
    "Extraordinary", "Plenipotentiary",
    # an office after the name and a comma: "Mr. Prikhodjko Sergey, Aide to the President"
    "Aide", "Assistant", "Adviser", "Advisor", "Special", "Representative", "Ambassador", "Governor",
    "Chairman", "Head", "Senior", "Consul", "Envoy",
}


# Russian case endings of nouns and adjectives: a name declines like one ("Маэхара" →
# "Маэхары", "Сергей" → "Сергея", "Лавров" → "Лавровым"). A closed list, not any three letters,
# so that a short name does not find a longer word ("Кан" must not find "Канада").
_RU_ENDINGS = (r"(?:а|я|у|ю|е|и|ы|й|ь|ой|ей|ою|ею|ом|ем|ым|им|ых|их|ам|ям|ами|ями|ах|ях|ую|юю|"
               r"ая|яя|ого|его|ому|ему)?")
_RU_ADJECTIVE = r"(?:ий|ый|ой|ого|ому|им|ым|ом|ая|ую|ей)"
"""The endings of a family name that declines as an adjective, its stem without "ий"."""
# Romanisations of Russian names differ in i and y after a vowel (Sergei/Sergey, Shoigu/Shoygu,
# Yuri/Yury): the BGN/PCGN and the passport systems write the same letter й differently.
_VOWEL_IY = re.compile(r"(?<=[aeiouAEIOU])[iy]|(?<=[a-z])[iy]$")
# Hepburn romanisations of Japanese names differ in the syllabic n before b, m and p: the
# traditional system writes it m ("Gemba", "Homma"), the revised one and many outlets n ("Genba",
# "Honma").
_SYLLABIC_N = re.compile(r"[mn](?=[bmp])|[MN](?=[BMP])")


# Japanese names in Cyrillic: the Polivanov system writes "Ёсиро", "Такэо", "Синдзо", "Митико",
# while many Russian outlets write them as English spelling suggests ("Иосиро", "Такео", "Шинзо",
# "Мичико"): a spelling people.yaml gives in Polivanov's letters also finds those.
_POLIVANOV = (("Ё", "(?:Ё|Е|Йо|Ио)"), ("ё", "(?:ё|е|йо|ьо)"), ("Э", "[ЭЕ]"), ("э", "[эе]"),
              ("дз", "(?:дз|з|дж)"), ("Дз", "(?:Дз|З|Дж)"), ("си", "(?:си|ши)"), ("Си", "(?:Си|Ши)"),
              ("ти", "(?:ти|чи)"), ("Ти", "(?:Ти|Чи)"), ("цу", "(?:цу|тсу)"))


def _polivanov_variants(stem: str) -> str:
    """A Cyrillic stem as a pattern that also takes the usual spellings besides Polivanov's."""
    pattern = re.escape(stem)
    for letters, alternatives in _POLIVANOV:
        pattern = pattern.replace(letters, alternatives)
    return pattern


def _word_pattern(word: str, variants: bool) -> str:
    if re.search(r"[\u0400-\u04FF]", word):
        # a family name in "-ский", "-ый", "-ой" declines as an adjective: "Пуликовский" →
        # "Пуликовским", "Слуцкого"
        adjectival = len(word) > 4 and word[-2:] in ("ий", "ый", "ой")
        stem = word[:-2] if adjectival else word[:-1] if len(word) > 3 and word[-1] in "аяйь" else word
        endings = _RU_ADJECTIVE if adjectival else _RU_ENDINGS
        return (_polivanov_variants(stem) if variants else re.escape(stem)) + endings
    if variants and word.isascii():
        parts = _VOWEL_IY.split(word)
        return "[iy]".join(_SYLLABIC_N.sub(_either_n, re.escape(part)) for part in parts)
    return re.escape(word)


def _either_n(letter: re.Match[str]) -> str:
    return "[mn]" if letter.group().islower() else "[MN]"


def name_pattern(name: str, variants: bool = False) -> str:
    """A way of writing a name → regex source: any spacing, Russian case endings, and with
    `variants` the i/y spellings of one Russian name in Latin letters and the m/n before b, m, p
    of one Japanese name."""
    return r",?\s+".join(_word_pattern(w, variants) for w in name.replace(",", " ").split())


def family_bearers(people: tuple[Person, ...]) -> dict[str, tuple[str, ...]]:
    """Family name, in every script people.yaml writes it ("Kono", "Коно") → the ids of the
    people who bear it."""
    bearers: dict[str, list[str]] = {}
    for person in people:
        for name in (person.name, *person.spellings):
            ids = bearers.setdefault(family_of(name), [])
            if person.id not in ids:
                ids.append(person.id)
    return {family: tuple(ids) for family, ids in bearers.items()}


def name_forms(people: tuple[Person, ...]) -> list[tuple[str, list[str]]]:
    """(person id, the literal forms that name them): full names, spellings, and the family name
    alone (also in capitals, "MOTEGI") unless two people share it."""
    bearers = family_bearers(people)
    result = []
    for person in people:
        forms: list[str] = []
        for name in (person.name, *person.spellings):
            forms.append(name)
            family = family_of(name)
            given = name.split()[:-1] if "," not in name else []
            if len(given) == 1 and family.isascii():
                # Family name first, as Japan's ministry writes its own people since 2020 and
                # Russian lists write everyone: "MORI Takeo", "Lavrov, Sergey".
                forms.extend((f"{family} {given[0]}", f"{family.upper()} {given[0]}",
                              f"{family}, {given[0]}", f"{family.upper()}, {given[0]}"))
            if len(bearers.get(family, ())) <= 1 and len(family) > 2:
                forms.append(family)
                if family.isascii():
                    forms.append(family.upper())
        result.append((person.id, list(dict.fromkeys(forms))))
    return result


_OFFICES_BEFORE_A_NAME = (
    # "the Japanese Prime Minister, Mr Mori", "Премьер-министром Японии господином Мори"
    (re.compile(r"(?:\bPrime Minister|\bPM|\bPremier|премьер(?:-министр)?\w*)(?:\s+(?:of\s+)?Japan(?:ese)?|\s+Японии)?"
                r",?\s+(?:(?:Mr\.?|господин\w*)\s+)?$", re.IGNORECASE), "Prime Minister"),
    (re.compile(r"(?:\bForeign Minister|министр\w* иностранных дел(?:\s+Японии)?),?\s+(?:(?:Mr\.?|господин\w*)\s+)?$",
                re.IGNORECASE), "Foreign Affairs"),
)
"""An office written right before a family name, and the words of people.yaml's title for it."""


_INITIAL_BEFORE = re.compile(r"(?<![\w.])(?P<initial>[A-ZА-ЯЁ])\.\s?(?:[A-ZА-ЯЁ]\.\s?)?$")
"""A given name's initial right before a family name: "Ё.", "T. ", "В.В."."""
_WORD_BEFORE = re.compile(r"(?P<word>[A-ZА-ЯЁ][a-zа-яё]{2,})\s+$")
"""The capitalised word right before a name."""
_SENTENCE_OPENS = re.compile(r"(?:^|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bH\.E)[.!?:«“\"]\s*|\n\s*)$")
"""Where a sentence or a paragraph opens: a capitalised word there may be any word. Not after a
title's full stop: in "Mr. Koichi Hirano" the given name tells him from Hirofumi Hirano."""
_TITLE_WORDS = frozenset((
    "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "minister", "ministers", "president", "premier",
    "secretary", "ambassador", "envoy", "chairman", "chairwoman", "chair", "governor", "mayor", "speaker",
    "deputy", "vice", "chief", "prime", "foreign", "defense", "defence", "general", "director", "senator",
    "representative", "spokesman", "spokeswoman", "spokesperson", "counterpart", "colleague", "leader", "emperor",
    "king", "lord", "excellency", "counsellor", "counselor", "consul", "adviser", "advisor", "aide", "lawmaker",
    "former", "then", "new", "japanese", "russian", "affairs", "federation", "ministry", "embassy", "government",
    "soviet", "kremlin", "cabinet", "state",
))
"""Words that stand before a family name without being a given name: titles and offices
("Minister of Foreign Affairs Lavrov"); a country's name is one too ("Ambassador to Japan
Galuzin")."""
_RUSSIAN_TITLE_STEMS = ("президент", "премьер", "министр", "посл", "посол", "глав", "председател", "спикер",
                        "губернатор", "мэр", "генсек", "госсекретар", "господин", "госпож", "япони", "японск", "росси")
"""The same in Russian, in every case: "Президента Путина", "Послом Японии", "главы МИД России"."""


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Finds people.yaml's people in text."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    people: tuple[Person, ...] = ()
    name_parts: frozenset[str] = frozenset()
    """Every word of every known person's name and spellings, case-folded: "Mr. MORI" or
    "President Vladimir V. Putin" names someone people.yaml knows, not someone unknown."""
    shared_families: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    """A family name two people or more bear ("Kono": Yohei, Taro), and who bears it: alone it
    names nobody, unless a day is known on which one of them only held office (`on`)."""
    day: dt.date | None = None

    @classmethod
    def build(cls, people: tuple[Person, ...]) -> NameIndex:
        patterns = []
        for person_id, forms in name_forms(people):
            alternatives = sorted({name_pattern(form, variants=True) for form in forms}, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")
            patterns.append((person_id, pattern))
        parts = frozenset(word.casefold() for person in people for form in (person.name, *person.spellings)
                          for word in re.split(r"[\s,]+", form) if word)
        shared = tuple((re.compile(r"(?<![\w-])" + name_pattern(family, variants=True) + r"(?![\w])"), ids)
                       for family, ids in sorted(family_bearers(people).items()) if len(ids) > 1 and len(family) > 2)
        return cls(tuple(patterns), people, parts, shared)

    def on(self, day: dt.date | None) -> NameIndex:
        """This index reading a family name two people bear as the one of them who held office
        on `day`: "Foreign Minister Kono" in 2000 is Yohei Kono, in 2018 Taro Kono."""
        return self if day == self.day else dataclasses.replace(self, day=day)

    def country_of(self, person_id: str) -> str | None:
        return next((p.country for p in self.people if p.id == person_id), None)

    def held(self, person_id: str, office: re.Pattern[str], day: dt.date | None) -> bool:
        """Whether the person held an office matching `office` on `day` (on any day if None)."""
        return any(office.search(role.title) and (day is None or (role.start is not None and role.held_on(day)))
                   for person in self.people if person.id == person_id for role in person.roles)

    def holder_of(self, office: re.Pattern[str], day: dt.date | None) -> str | None:
        """The one person whose dated role matching `office` was held on `day`, else None."""
        if day is None:
            return None
        holders = {person.id for person in self.people for role in person.roles
                   if role.start is not None and role.held_on(day) and office.search(role.title)}
        return holders.pop() if len(holders) == 1 else None

    def holder_throughout(self, person_id: str, own: re.Pattern[str], office: re.Pattern[str]) -> str | None:
        """The one person who held `office` on every day the person held a dated role matching
        `own`, when no day is known: Koichiro Gemba's counterpart as foreign minister (2011–2012)
        was Sergey Lavrov whichever day they met; Yoshihiko Noda's as prime minister (2011–2012)
        was Medvedev, then Putin, so no one."""
        spans = [(role.start, role.end or dt.date.max) for person in self.people if person.id == person_id
                 for role in person.roles if role.start is not None and own.search(role.title)]
        holders = {person.id for person in self.people for role in person.roles
                   if role.start is not None and office.search(role.title)
                   and any(role.start <= end and (role.end or dt.date.max) >= start for start, end in spans)}
        covered = all(any(role.start is not None and role.start <= start and (role.end or dt.date.max) >= end
                          for person in self.people if person.id in holders for role in person.roles
                          if office.search(role.title)) for start, end in spans)
        return holders.pop() if spans and len(holders) == 1 and covered else None

    def find(self, text: str) -> list[tuple[int, str]]:
        """(position of first mention, person id) for each person named, in text order."""
        text = text.translate(_PLAIN_LETTERS)
        found = []
        for person_id, pattern in self.patterns:
            match = next((m for m in pattern.finditer(text) if not self._someone_else(text, m, person_id)), None)
            if match:
                found.append((match.start(), person_id))
        named = {person_id for _, person_id in found}
        for pattern, bearers in self.shared_families:
            if named.isdisjoint(bearers) and (match := pattern.search(text)):
                in_office = [p for p in bearers if self._in_office(p, self.day)] if self.day else []
                if len(in_office) != 1:
                    in_office = (self._by_initial(text[:match.start()], bearers)
                                 or self._office_before(text[:match.start()], bearers))
                if len(in_office) == 1:
                    found.append((match.start(), in_office[0]))
        return sorted(found)

    def _someone_else(self, text: str, match: re.Match[str], person_id: str) -> bool:
        """Whether a family name alone is another's (`another_given_name_before`)."""
        if " " in match.group().strip():
            return False
        return another_given_name_before(text, match.start(), [
            given for person in self.people if person.id == person_id for given in given_names(person)])

    def _office_before(self, before: str, bearers: tuple[str, ...]) -> list[str]:
        """The bearers of a shared family name who ever held the office named right before it:
        "Премьер-министром Японии господином Мори" is Yoshiro Mori, prime minister, and not Takeo
        Mori, a vice-minister; "Foreign Minister Kono" names neither Kono, both having held it."""
        for office, title in _OFFICES_BEFORE_A_NAME:
            if office.search(before):
                return [p for p in bearers for person in self.people if person.id == p
                        if any(title in role.title for role in person.roles)]
        return []

    def _by_initial(self, before: str, bearers: tuple[str, ...]) -> list[str]:
        """The bearers of a shared family name whose given name the initial right before it
        begins: "Ё.Мори" is Yoshiro Mori, "T. Mori" Takeo Mori, as Russian and English texts
        shorten given names."""
        initial = _INITIAL_BEFORE.search(before)
        if initial is None:
            return []
        letter = initial.group("initial")
        return [p for p in bearers for person in self.people if person.id == p
                if any(name.translate(_PLAIN_LETTERS)[0] == letter for name in (person.name, *person.spellings)
                       if len(name.split()) > 1 and "," not in name)]

    def _in_office(self, person_id: str, day: dt.date) -> bool:
        return any(role.start is not None and role.held_on(day)
                   for person in self.people if person.id == person_id for role in person.roles)

    def ids_in(self, text: str) -> list[str]:
        return [person_id for _, person_id in self.find(text)]

    def unresolved(self, text: str) -> list[str]:
        """Names after a title ("Mr. Igor Shuvalov") that match nobody in people.yaml."""
        return [name for name, _, _ in self.unresolved_at(text)]

    def unresolved_at(self, text: str, found_here: frozenset[str] | None = None) -> list[tuple[str, int, int]]:
        """Each name `unresolved` finds, with where its titles start and the name ends in `text`;
        given `found_here`, the people people.yaml's names found in the whole text, also a name
        whose family alone some listed person bears but who is not among them ("Mr. Koichi
        Hirano", where the given name told him from Hirofumi Hirano)."""
        names: list[tuple[str, int, int]] = []
        for match in _CANDIDATE.finditer(text):
            candidate = match.group(1)
            # "Foreign Minister Kono's": the possessive is no part of the name
            tokens = [re.sub(r"['’]s$", "", t) for t in re.split(r"[\s,]+", candidate) if t]
            while tokens and tokens[-1] in _NOT_NAMES:
                tokens.pop()
            if not tokens or any(t in _NOT_NAMES for t in tokens):
                continue
            name = " ".join(tokens)
            before = text[:match.start(1)].split()[-1:]
            if _is_country(name) or _is_country(" ".join([*before, name])):
                continue  # "Prime Minister of New Zealand": the office's country, its name cut by the title
            if len(tokens) == 1 and tokens[0].casefold() in self.name_parts:
                continue  # "Mr. MORI", "President Vladimir V. Putin": part of a name people.yaml knows
            listed = self.ids_in(name)
            if (not listed or (found_here is not None and found_here.isdisjoint(listed))) and all(
                    name != found for found, _, _ in names):
                names.append((name, match.start(), match.end()))
        return names


def given_names(person: Person) -> list[str]:
    """The first word of each of a person's names of two words or more, case-folded."""
    return [name.split()[0].casefold() for name in (person.name, *person.spellings)
            if len(name.split()) > 1 and "," not in name]


def another_given_name_before(text: str, start: int, own: list[str]) -> bool:
    """Whether the family name at `start` follows a given name that is none of `own` (the
    person's own, `given_names`): "Deputy Minister for Foreign Affairs Ryozo Kato" and a
    photographer's "(Issei Kato, Pool, AP)" are not Katsunobu Kato, "Коити Хирано" is not
    Hirofumi Hirano. A title before it ("Chief Cabinet Secretary Kato") or a spelling of his own
    given name ("Evgeny Primakov") is no other name, and a word that opens a sentence cannot tell."""
    if not (word := _WORD_BEFORE.search(text, 0, start)):
        return False
    given = word.group("word")
    if (given.casefold() in _TITLE_WORDS or given.casefold().startswith(_RUSSIAN_TITLE_STEMS)
            or _SENTENCE_OPENS.search(text, 0, word.start("word")) or _is_country(given)):
        return False
    return not any(_own_given_name(given.casefold(), name) for name in own)


def _own_given_name(given: str, name: str) -> bool:
    """Whether `given` spells `name`: Latin spellings vary ("Evgeny", "Yevgeny"); Russian declines
    a given name by its last letters ("Сергей", "Сергеем"), and "Синтаро", so close to "Синдзо" by
    its letters, is another man's."""
    if given[:1].isascii() != name[:1].isascii():
        return False
    if given.isascii():
        return difflib.SequenceMatcher(None, given, name).ratio() >= 0.6
    stem = name[:-1] if name[-1:] in "аеёийоуыьэюя" else name
    return ((given.startswith(stem) and len(given) - len(stem) <= 3)
            or difflib.SequenceMatcher(None, given, name).ratio() >= 0.8)


def id_for(name: str) -> str | None:
    """The id people.yaml would give a person it does not list yet, from a full name as a text
    prints it: "Anatoly Safonov" → "anatoly-safonov"; MOFA's family name in capitals first, "KOYA
    Takashi", is turned round and a Russian's patronymic left out. The site shows such an id as
    the name ("Anatoly Safonov") without a link, `readouts check` asks for the entry, and once
    people.yaml has it every readout that names them links to their page. None for a family name
    alone or initials: no id is guessed."""
    tokens = [t for t in name.split() if not re.fullmatch(r"[A-Z]\.?|[A-Z]\.[A-Z]\.?", t)]
    if len(tokens) == 3 and re.search(r"(?:vich|vna|ich|ichna)$", tokens[1]):
        del tokens[1]  # a Russian's patronymic: "Anatoly Yefimovich Safonov"
    if len(tokens) != 2:
        return None
    if tokens[0].isupper() and not tokens[1].isupper():
        tokens.reverse()
    plain = unicodedata.normalize("NFKD", "-".join(tokens)).encode("ascii", "ignore").decode().casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug if re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+", slug) else None


def _is_country(name: str) -> bool:
    """Whether GeoNames names a country so: "New Zealand" is no person's name."""
    from readouts.importer.places import is_country  # GeoNames, read only when a name is in doubt

    return is_country(name)


# Hepburn's long vowels (Shinzō, Kōno, Yūko) and other accented Latin letters, read as their
# plain letter: one character for one, so positions in the text stay where they were.
_PLAIN_LETTERS = str.maketrans("āēīōūâêîôûäëïöüáéíóúàèìòùĀĒĪŌŪÂÊÎÔÛÄËÏÖÜÁÉÍÓÚÀÈÌÒÙ",
                               "aeiouaeiouaeiouaeiouaeiouAEIOUAEIOUAEIOUAEIOUAEIOU")


def family_of(name: str) -> str:
    """The family name: "Lavrov, Sergey" → "Lavrov"; "Sergey Lavrov" → "Lavrov"."""
    if "," in name:
        return name.split(",")[0].strip()
    return name.split()[-1]
