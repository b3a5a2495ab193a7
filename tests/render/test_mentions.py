"""People and glossary terms linked in a readout's text."""

from __future__ import annotations

import re
import sys
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from readouts.link.keys import fold
from readouts.model import Person, Term
from readouts.render.mentions import _WORD_START, Linker, _in_word, _lowered
from readouts.render.urls import Links


def test_the_longest_name_is_linked_whether_a_person_or_a_term() -> None:
    person = Person(id="abe-shinzo", name="Abe Shinzo", country=None, spellings=(), roles=())
    term = Term(id="abe", title="Abe (clan)", names={"neutral": ("Abe",)}, definition="")
    graph = SimpleNamespace(people={person.id: person}, corpus=SimpleNamespace(terms=(term,)))
    linked = Linker(graph).link(Markup("Abe Shinzo met the Abe elders."), Links("readouts/x.html"), set())  # type: ignore[arg-type]
    assert '<a class="mention" href="../people/abe-shinzo.html" title="Abe Shinzo">Abe Shinzo</a>' in linked
    assert 'href="../glossary.html#abe" title="Abe (clan). ">Abe</a> elders' in linked


_PEOPLE = (
    Person(id="abe-shinzo", name="Abe Shinzo", country=None, spellings=(), roles=()),
    Person(id="sergey-lavrov", name="Sergey Lavrov", country=None, spellings=("Lavrov S.",), roles=()),
    Person(id="ilham-aliyev", name="İlham Aliyev", country=None, spellings=(), roles=()),
    Person(id="odysseas-papas", name="ΟΔΥΣΣΕΑΣ ΠΑΠΑΣ", country=None, spellings=("Σωκράτης",), roles=()),
    Person(id="kostas-karamanlis", name="ΚΩΣΤΑΣ ΚΑΡΑΜΑΝΛΗΣ", country=None, spellings=(), roles=()),
    Person(id="sean-o-neil", name="Sean O'Neil", country=None, spellings=(), roles=()),
)
_TERMS = (Term(id="abe", title="Abe (clan)", names={"neutral": ("Abe",)}, definition=""),
          Term(id="kunashir", title="Kunashir", names={"japan": ("Kunashiri",), "russia": ("Kunashir", "Кунашир")},
               definition=""),
          # an acronym keeps its case: "TOR" is the term, "Tor" and "tor" are not
          Term(id="tor", title="Terms of reference", names={"neutral": ("TOR",)}, definition=""))
_PIECES = [
    "TOR", "Tor", "tor", "TORS",
    "Abe Shinzo", "Sergey Lavrov", "İlham Aliyev", "ΚΩΣΤΑΣ ΚΑΡΑΜΑΝΛΗΣ", "Sean O'Neil",
    "Abe", "abe", "ABE", "Shinzo", "Sergey", "Lavrov", "LAVROV", "İlham", "Ilham", "ilham", "Aliyev",
    "ΟΔΥΣΣΕΑΣ", "ΠΑΠΑΣ", "Σωκράτης", "ΣΩΚΡΑΤΗΣ", "σωκρατησ", "ΚΩΣΤΑΣ", "Κωστας", "ΚΑΡΑΜΑΝΛΗΣ",
    "Sean", "O'Neil", "O’Neil", "Kunashiri", "Kunashir", "КУНАШИР", "кунашир", "the", "talks", "x",
    "’", "'", "-", "_", " ", " ", ", ", ".", "(", "İ", "ς", "ß", "\u0307", "é",
]


def _word_by_word(linker: Linker, text: str, links: Links, seen: set[str]) -> str:
    """Linking as it was done before the trie: every word of the text tried in turn."""
    pieces: list[str] = []
    done = 0
    for word in re.finditer(r"(?<![\w-])[\w’'-]{3,}", text):
        if word.start() < done:
            continue
        for pattern, target, *_ in linker.index.get(fold(word.group(0)[:3]), ()):
            match = pattern.match(text, word.start())
            if match is None or linker.anothers(text, match, target):
                continue
            if target.path not in seen:
                seen.add(target.path)
                pieces.append(text[done:match.start()])
                pieces.append(f'<a class="mention" href="{escape(links.to(target.path))}" '
                              f'title="{escape(target.title)}">{match.group(0)}</a>')
                done = match.end()
            break
    pieces.append(text[done:])
    return "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sets(st.sampled_from(
    ["people/abe-shinzo.html", "people/sergey-lavrov.html", "glossary.html#abe"])))
def test_names_are_linked_where_trying_every_word_would_link_them(pieces: list[str], seen: set[str]) -> None:
    graph = SimpleNamespace(people={p.id: p for p in _PEOPLE}, corpus=SimpleNamespace(terms=_TERMS))
    linker = Linker(graph)  # type: ignore[arg-type]
    text = "".join(pieces)
    links = Links("readouts/x.html")
    expected_seen, found_seen = set(seen), set(seen)
    assert linker._link_text(text, links, found_seen) == _word_by_word(linker, text, links, expected_seen)
    assert found_seen == expected_seen


def test_a_name_in_capitals_with_a_final_sigma_and_a_dotted_capital_i_is_linked() -> None:
    graph = SimpleNamespace(people={p.id: p for p in _PEOPLE}, corpus=SimpleNamespace(terms=_TERMS))
    linker = Linker(graph)  # type: ignore[arg-type]
    assert ">ΚΩΣΤΑΣ ΚΑΡΑΜΑΝΛΗΣ</a> met" in linker.link(Markup("ΚΩΣΤΑΣ ΚΑΡΑΜΑΝΛΗΣ met"), Links("x.html"), set())
    assert ">İlham Aliyev</a> met" in linker.link(Markup("İlham Aliyev met"), Links("x.html"), set())


def test_a_family_name_after_another_given_name_links_to_nobody() -> None:
    people = (Person(id="katsunobu-kato", name="Katsunobu Kato", country=None, spellings=(), roles=()),
              Person(id="hirofumi-hirano", name="Hirofumi Hirano", country=None, spellings=("Хирофуми Хирано",),
                     roles=()))
    graph = SimpleNamespace(people={p.id: p for p in people}, corpus=SimpleNamespace(terms=()))
    linker = Linker(graph)  # type: ignore[arg-type]
    links = Links("readouts/x.html")
    linked = linker.link(Markup("Deputy Minister Ryozo Kato met the press; Kato said so."), links, set())
    assert "Ryozo Kato met" in linked and 'title="Katsunobu Kato">Kato</a> said' in linked
    linked = linker.link(Markup("Губернатор встретился с консулом Коити Хирано."), links, set())
    assert "mention" not in linked
    assert "mention" in linker.link(Markup("Министр Хирано прибыл."), links, set())


def _trie(words: list[str]) -> str:
    """The keys as a regex trie, as the linker found where names may start before the automaton."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def source(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + source(child) if letter else "" for letter, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return source(tree) if tree else "(?!)"


def _by_regex_scan(linker: Linker, text: str, links: Links, seen: set[str]) -> str:
    """Linking as it was done before the automaton: one regex over the lower-cased text."""
    starts_pattern = re.compile(_WORD_START + _trie(sorted({_lowered(key) for key in linker.index})))
    starts = re.finditer(_WORD_START, text) if "\u0130" in text else starts_pattern.finditer(_lowered(text))
    pieces: list[str] = []
    done = 0
    for start in starts:
        at = start.start()
        if at < done:
            continue
        letter = text[at]
        for pattern, target, _, first in linker.index.get(fold(text[at:at + 3]), ()):
            if first is not None and first != letter:
                continue
            match = pattern.match(text, at)
            if match is None or linker.anothers(text, match, target):
                continue
            if target.path not in seen:
                seen.add(target.path)
                pieces.append(text[done:match.start()])
                pieces.append(f'<a class="mention" href="{escape(links.to(target.path))}" '
                              f'title="{escape(target.title)}">{match.group(0)}</a>')
                done = match.end()
            break
    pieces.append(text[done:])
    return "".join(pieces)


# Letters whose case, length or word-ness is unusual: sigmas (final and not), a dotted capital I
# and its combining dot, a sharp s, a Kelvin sign, a long s, digits, an underscore, quotes inside
# words, hyphens; Cyrillic, Greek and Latin names sharing their first letters.
_HOSTILE = ["Σ", "σ", "ς", "İ", "i", "I", "\u0307", "ß", "ss", "\u212a", "k", "K", "ſ", "s", "1", "_", "’", "'",
            "-", "é", "e\u0301", "😀", "ǅ", "Кун", "кун", "КУН", "ΑΣΣ", "ασς", "Abe", "ABE", "abe", "Tor", "TOR"]
_HOSTILE_NAMES = st.lists(st.sampled_from(_HOSTILE), min_size=1, max_size=5).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HOSTILE_NAMES, st.lists(_HOSTILE_NAMES, max_size=2)), max_size=4),
       st.lists(st.tuples(_HOSTILE_NAMES, st.booleans()), max_size=4),
       st.lists(st.sampled_from([*_PIECES, *_HOSTILE, " ", " ", ". ", "(", "\n"]), max_size=40))
def test_names_are_found_where_the_regex_scan_found_them(
        people: list[tuple[str, list[str]]], terms: list[tuple[str, bool]], pieces: list[str]) -> None:
    persons = [*_PEOPLE, *(Person(id=f"p{number}", name=" ".join([given, family]), country=None,
                                  spellings=(family,), roles=())
                           for number, (family, givens) in enumerate(people) for given in givens[:1] or ["Ivan"])]
    glossary = (*_TERMS, *(Term(id=f"t{number}", title="T", names={"neutral": (name.upper() if upper else name,)},
                                definition="") for number, (name, upper) in enumerate(terms)))
    graph = SimpleNamespace(people={p.id: p for p in persons}, corpus=SimpleNamespace(terms=glossary))
    linker = Linker(graph)  # type: ignore[arg-type]
    links = Links("readouts/x.html")
    for text in ("".join(pieces), " ".join(pieces), "".join(pieces).upper()):
        expected_seen: set[str] = set()
        found_seen: set[str] = set()
        assert linker._link_text(text, links, found_seen) == _by_regex_scan(linker, text, links, expected_seen)
        assert found_seen == expected_seen


def test_a_word_character_is_one_for_the_regex_engine() -> None:
    """The automaton's starts are checked for a word character before them with str.isalnum."""
    word = re.compile(r"[\w’'-]")
    assert all(bool(word.match(char)) == _in_word(char) for char in map(chr, range(sys.maxunicode + 1)))


def test_a_name_after_any_character_is_found_where_the_regex_scan_found_it() -> None:
    graph = SimpleNamespace(people={p.id: p for p in _PEOPLE}, corpus=SimpleNamespace(terms=_TERMS))
    linker = Linker(graph)  # type: ignore[arg-type]
    links = Links("readouts/x.html")
    for char in map(chr, range(0x3100)):
        text = f"{char}Abe Shinzo met{char}Lavrov,{char}kunashir"
        assert linker._link_text(text, links, set()) == _by_regex_scan(linker, text, links, set()), repr(char)


def test_a_site_without_people_or_terms_links_nothing() -> None:
    graph = SimpleNamespace(people={}, corpus=SimpleNamespace(terms=()))
    linker = Linker(graph)  # type: ignore[arg-type]
    assert linker.link(Markup("Abe Shinzo met İlham Aliyev."), Links("x.html"), set()) == "Abe Shinzo met İlham Aliyev."
