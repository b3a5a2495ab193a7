"""Topic rules from topics.yaml → the topics of each paragraph, and why each was given."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readouts.link.keys import KeyIndex, phrase_keys, word_keys, word_start
from readouts.model import Block, Topic

MAX_GAPS = 3
"""Gaps (~) a phrase may hold between its words. Each gap tries up to four lengths wherever the
words before it match, so the tries multiply with every gap: three keep them to 64 per start."""


def phrase_problem(phrase: str) -> str | None:
    """What makes a phrase unusable, or None: one that matches everywhere, or whose regex could
    take time that grows faster than the text."""
    tokens = _tokens(phrase)
    words = [t for t in tokens if isinstance(t, str) and t != "*"]
    if not words:
        return "a phrase needs at least one word (on its own, ~ or * matches every paragraph)"
    if sum(isinstance(t, int) for t in tokens) > MAX_GAPS:
        return f"a phrase may hold at most {MAX_GAPS} gaps (~) between its words"
    if any(t.count("*") > 1 for t in words):
        return "a * stands for a word's ending: one to a word, as in island*"
    return None


def _tokens(phrase: str) -> list[str | int]:
    """The words of a phrase, each run of ~ as the number of words it may stand for (three each):
    "~ ~ ~ zq" is one gap of up to nine words, not three gaps whose lengths the regex would try in
    every combination. A gap before the first word or after the last is dropped: a phrase is
    searched for, so it finds the same paragraphs without."""
    tokens: list[str | int] = []
    for word in phrase.split():
        if word != "~":
            tokens.append(word)
        elif tokens and isinstance(tokens[-1], int):
            tokens[-1] += 3
        elif tokens:
            tokens.append(3)
    while tokens and isinstance(tokens[-1], int):
        tokens.pop()
    return tokens


def compile_phrase(phrase: str) -> str:
    """"visit* ~ graves" → a regex: words on word boundaries, * a word ending, ~ up to 3 words."""
    tokens = _tokens(phrase)
    # A phrase starting with a letter (not "*") starts its regex with it (keys.word_start).
    lettered = bool(tokens) and isinstance(tokens[0], str) and not tokens[0].startswith("*")
    parts = []
    for index, token in enumerate(tokens):
        if isinstance(token, int):
            parts.append(rf"(?:\S+\s+){{0,{token}}}?")
            continue
        if index == 0 and lettered:
            parts.append(word_start(token[0]) + _literal(token[1:]) + r"\s+")
        else:
            parts.append(_literal(token) + r"\s+")
    pattern = "".join(parts)
    if pattern.endswith(r"\s+"):
        pattern = pattern[: -len(r"\s+")]
    return ("" if lettered else r"(?<![\w-])") + pattern + r"(?![\w-])"


def _literal(token: str) -> str:
    """A word of a phrase → regex source: its letters as they are, * any word ending."""
    return re.escape(token.replace("*", "\x00")).replace("\x00", r"\w*")


@dataclass(frozen=True, slots=True)
class TopicRule:
    topic_id: str
    phrases: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...]
    """(phrase, the word keys a text needs for it to match, compiled pattern)."""
    mask: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class TopicRules:
    """Compiled rules for every topic, in topics.yaml order."""

    rules: tuple[TopicRule, ...]
    index: KeyIndex
    """The phrases by word key: a paragraph is tried only against those it may match."""

    @classmethod
    def build(cls, topics: Iterable[Topic]) -> TopicRules:
        rules = []
        for topic in topics:
            phrases = tuple((p, phrase_keys(p), re.compile(compile_phrase(p), re.IGNORECASE)) for p in topic.phrases)
            mask = (re.compile("|".join(compile_phrase(p) for p in topic.exceptions), re.IGNORECASE)
                    if topic.exceptions else None)
            rules.append(TopicRule(topic.id, phrases, mask))
        return cls(tuple(rules), KeyIndex.of([needed for _, needed, _ in rule.phrases] for rule in rules))

    def explain(self, text: str) -> list[tuple[str, str, str]]:
        """(topic id, phrase, matched text) for every topic the text discusses: for each topic,
        its first phrase (in topics.yaml order) that matches outside the topic's exceptions."""
        keys = word_keys(text)
        found = []
        done = -1  # the rule last found: its later phrases need no trying
        subjects: dict[int, str] = {}
        for rule_number, phrase_number in self.index.candidates(keys):
            if rule_number == done:
                continue
            rule = self.rules[rule_number]
            phrase, needed, pattern = rule.phrases[phrase_number]
            # The exceptions are blanked out only once a phrase matches the text as it is:
            # blanking cannot make a match (phrases and exceptions both end on word bounds).
            if not needed <= keys or not pattern.search(text):
                continue
            subject = subjects.get(rule_number)
            if subject is None:
                subject = subjects[rule_number] = (rule.mask.sub(lambda m: " " * len(m.group(0)), text)
                                                   if rule.mask else text)
            match = pattern.search(subject)
            if match:
                found.append((rule.topic_id, phrase, text[match.start():match.end()]))
                done = rule_number
        return found

    def topics_of(self, text: str) -> tuple[str, ...]:
        return tuple(topic_id for topic_id, _, _ in self.explain(text))


def topics_by_block(blocks: Sequence[Block], rules: TopicRules, chosen: set[str]) -> dict[str, tuple[str, ...]]:
    """Block anchor → the topics it discusses: its own, or, when it names none, those of the
    heading it sits under.

    A section titled "(1) Joint economic activities" is about them in every bullet below it,
    even when a bullet only says "the field survey"; but a bullet that names its own topic is
    about that one, whatever broader heading it sits under. Only `chosen` topics (the readout's
    front matter) are kept, so a person who removes a topic there removes it from every block.
    """
    result: dict[str, tuple[str, ...]] = {}
    open_headings: dict[int, tuple[str, ...]] = {}
    for block in blocks:
        own = rules.topics_of(block.text)
        if block.kind == "heading":
            open_headings = {lvl: t for lvl, t in open_headings.items() if lvl < block.level}
            open_headings[block.level] = own
            inherited: tuple[str, ...] = ()
        else:
            inherited = open_headings[max(open_headings)] if open_headings and not own else ()
        found = tuple(t for t in dict.fromkeys(own + inherited) if t in chosen)
        if found:
            result[block.anchor] = found
    return result
