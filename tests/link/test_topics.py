"""Topic rules: each phrase form, exceptions, headings lending their topics, and edits winning."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import readouts
from readouts.blocks import parse_blocks
from readouts.link import link
from readouts.link.keys import phrase_keys, word_keys
from readouts.link.topics import TopicRules, topics_by_block
from readouts.model import Blocks, Corpus, MeetingFacts, Readout, SiteConfig, SourceRef, Topic
from readouts.registries import load_topics


def _topic(topic_id: str, *phrases: str, exceptions: tuple[str, ...] = ()) -> Topic:
    return Topic(id=topic_id, title=topic_id, description="", phrases=phrases, exceptions=exceptions, main=False)


RULES = TopicRules.build([
    _topic("humanitarian", "grave visit*", "visit* ~ graves", "former island residents"),
    _topic("security", "security", exceptions=("Security Council",)),
    _topic("peace", "peace treaty", "мирн* договор*"),
])


@pytest.mark.parametrize(("text", "expected"), [
    ("They discussed grave visits by airplane.", ("humanitarian",)),          # * ends a word
    ("to visit their families' graves", ("humanitarian",)),                   # ~ spans words
    ("to visit the graves", ("humanitarian",)),
    ("a visit to the old capital of Russia; graves were not mentioned", ()),  # ~ is at most 3 words
    ("FORMER ISLAND RESIDENTS", ("humanitarian",)),                           # case does not matter
    ("the UN Security Council resolutions", ()),                              # exception masks the phrase
    ("the UN Security Council and regional security", ("security",)),
    ("вопросы мирного договора", ("peace",)),                                 # declined Russian forms
    ("peacetreaty", ()),                                                      # whole words only
])
def test_phrase_forms(text: str, expected: tuple[str, ...]) -> None:
    assert RULES.topics_of(text) == expected


def test_blocks_under_a_heading_carry_its_topics_unless_they_name_their_own() -> None:
    blocks = parse_blocks("## Peace treaty\n\n- The sides met.\n- Grave visits resume.\n\n## Other\n\nNothing.\n", 1)
    marks = topics_by_block(blocks, RULES, {"peace", "humanitarian"})
    assert [marks.get(b.anchor, ()) for b in blocks] == [("peace",), ("peace",), ("humanitarian",), (), ()]


def _readout(topics: tuple[str, ...]) -> Readout:
    body = "We discussed the peace treaty and grave visits.\n"
    return Readout(id="r1", title="R", publisher="other", kind="news", published=None,
                   meeting=MeetingFacts(None, None, None, None), participants=(), mentioned=(),
                   topics=topics, source=None, imported=None, blocks=Blocks(parse_blocks(body, 1)),
                   path=SourceRef("r1.md"))


def test_front_matter_topics_win_over_the_rules() -> None:
    config = SiteConfig("t", "", None, "en", (), "site")
    topics = (_topic("peace", "peace treaty"), _topic("humanitarian", "grave visit*"))
    corpus = Corpus(config=config, readouts=(_readout(("peace",)),), topics=topics, people=(), terms=())
    graph = link(corpus)
    assert graph.readouts_by_topic == {"peace": ("r1",)}
    assert [topic for topic, _ in graph.quoted["r1"]] == ["peace"]
    edited = dataclasses.replace(corpus, readouts=(_readout(("peace", "humanitarian")),))
    assert link(edited).readouts_by_topic["humanitarian"] == ("r1",)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ_- 12.éЖжİ\u0307'’\n")), max_size=40))
def test_word_keys_are_the_first_letters_of_each_word(text: str) -> None:
    """The pre-filter's keys, found by one regex, are exactly those of the words one by one."""
    words = re.findall(r"[^\W_]+", text)
    assert word_keys(text) == {w[:3].lower().replace("\u0307", "") for w in words if len(w) >= 3}


@pytest.mark.parametrize("phrase, needed", [("visit* ~ graves", {"vis", "gra"}), ("2+2", set()),
                                            ("ab* treaty", {"tre"}), ("Peace Treaty", {"pea", "tre"})])
def test_a_phrase_needs_the_keys_of_its_words(phrase: str, needed: set[str]) -> None:
    assert phrase_keys(phrase) == needed


_WORDISH = st.text(alphabet=st.sampled_from(list("abAB-_ 1.éЖİ\u0307'’\n*~")), min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(phrase=_WORDISH, text=st.text(alphabet=st.sampled_from(list("abAB-_ 1.éЖİ\u0307'’\nxyz")), max_size=40))
def test_a_phrase_matches_where_the_plain_word_boundary_form_matches(phrase: str, text: str) -> None:
    """Phrases and glossary names begin with their first letter and test the word boundary
    after it (keys.word_start, for speed): they match exactly where the plain form, a look-behind
    before the first letter, matches."""
    from readouts.link.glossary import name_pattern
    from readouts.link.topics import compile_phrase

    plain_phrase = (r"(?<![\w-])" + compile_phrase(phrase).replace(r"(?<![\w-].)", "")
                    if not compile_phrase(phrase).startswith(r"(?<![\w-])") else compile_phrase(phrase))
    for fast, plain, flags in ((compile_phrase(phrase), plain_phrase, re.IGNORECASE),
                               (name_pattern(phrase).pattern,
                                r"(?<![\w-])" + name_pattern(phrase).pattern.replace(r"(?<![\w-].)", ""),
                                name_pattern(phrase).flags)):
        if fast == r"(?!)":
            continue
        found = [m.span() for m in re.finditer(fast, text, flags)]
        assert found == [m.span() for m in re.finditer(plain, text, flags)]


def _explain_every_phrase(rules: TopicRules, text: str) -> list[tuple[str, str, str]]:
    """explain() as the rules read: every phrase of every topic tried in order, none skipped."""
    found = []
    for rule in rules.rules:
        subject = rule.mask.sub(lambda m: " " * len(m.group(0)), text) if rule.mask else text
        for phrase, _, pattern in rule.phrases:
            match = pattern.search(subject) if pattern.search(text) else None
            if match:
                found.append((rule.topic_id, phrase, text[match.start():match.end()]))
                break
    return found


_MANY_RULES = TopicRules.build([
    _topic("humanitarian", "grave visit*", "visit* ~ graves", "former island residents"),
    _topic("security", "security", "2+2", exceptions=("Security Council",)),
    _topic("peace", "peace treaty", "treaty", "мирн* договор*"),
    _topic("visits", "visit*", "*ing ~ graves", exceptions=("visit* ~ graves",)),
])
_RULE_WORDS = ["grave", "visits", "visit", "graves", "to", "the", "former", "island", "residents", "security",
               "Security", "Council", "2+2", "peace", "treaty", "мирного", "договора", "visiting", "-", ",", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS), max_size=14))
def test_explain_finds_what_trying_every_phrase_finds(words: list[str]) -> None:
    """The phrases are looked up by their words' keys; the answer is that of trying them all."""
    text = " ".join(words)
    assert _MANY_RULES.explain(text) == _explain_every_phrase(_MANY_RULES, text)


def test_a_phrase_matches_a_word_spelt_with_a_dotted_capital_i() -> None:
    """"İ" lower-cases to two characters; the regex compares it to "i" all the same, and so must
    the words' keys, or the phrase is never tried."""
    rules = TopicRules.build([_topic("istanbul", "istanbul talks")])
    assert rules.topics_of("The İstanbul talks went on.") == ("istanbul",)
    assert rules.topics_of("THE İSTANBUL TALKS") == ("istanbul",)


# Phrases come from a file anyone may edit: none may make a search take time that grows faster
# than the text ("~ ~ ~ ~ ~ ~ ~ ~ zq" made the demo build take minutes).
QUICK_PHRASES = ["~ ~ ~ ~ ~ ~ ~ ~ zq", "zq ~ ~ ~ ~ ~ ~ ~ ~", "a ~ ~ ~ ~ ~ ~ ~ ~ zq", "a ~ a ~ a ~ zq",
                 "* ~ ~ ~ ~ zq", "a* ~ ~ ~ ~ ~ ~ a* ~ zq", "wom*n", "- ~ ~ ~ ~ - zq"]
ADVERSARIAL_TEXTS = ["a " * 20_000, "a-" * 20_000, "! " * 20_000, "!" * 40_000, "a" * 40_000,
                     ("a " * 50 + "\n") * 400, "wom" + "m" * 40_000]


@pytest.mark.parametrize("phrase", QUICK_PHRASES)
def test_every_phrase_searches_in_time_that_grows_with_the_text(phrase: str) -> None:
    import time

    rules = TopicRules.build([_topic("t", phrase)])
    for text in ADVERSARIAL_TEXTS:
        started = time.perf_counter()
        rules.topics_of(text)
        assert time.perf_counter() - started < 1.0, f"{phrase!r} on {text[:12]!r}…"


def test_consecutive_gaps_are_one_gap_as_long_as_all_of_them() -> None:
    rules = TopicRules.build([_topic("t", "visit* ~ ~ graves")])
    assert rules.topics_of("visit one two three four five six graves") == ("t",)
    assert rules.topics_of("visit one two three four five six seven graves") == ()


@pytest.mark.parametrize(("phrase", "problem"), [
    ("", "needs at least one word"), ("~", "needs at least one word"), ("* ~ *", "needs at least one word"),
    ("a ~ b ~ c ~ d ~ e", "at most 3 gaps"), ("wo*m*n", "one to a word"), ("island**", "one to a word"),
])
def test_a_phrase_that_matches_everywhere_or_slowly_is_refused(phrase: str, problem: str) -> None:
    from readouts.link.topics import phrase_problem

    assert problem in (phrase_problem(phrase) or "")


STARTER_TOPICS = Path(readouts.__file__).parent / "starter" / "topics.yaml"


@pytest.mark.parametrize(("text", "visas"), [
    ("Стороны обсудили подготовку визита президента в Японию.", False),  # a visit is no visa
    ("О визите Лаврова в Токио договорились заранее.", False),
    ("Обсуждался безвизовый обмен для бывших жителей островов.", True),
    ("Россия упростит выдачу виз японским туристам.", True),
    ("Стороны обсудили визовый режим.", True),
    ("The sides agreed to ease visa requirements.", True),
])
def test_the_shipped_visa_topic_finds_visas_not_visits(text: str, visas: bool) -> None:
    rules = TopicRules.build(load_topics(STARTER_TOPICS))
    assert ("people-exchanges-visas" in rules.topics_of(text)) is visas
