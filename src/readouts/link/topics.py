"""Topic rules from topics.yaml → the topics of each paragraph, and why each was given."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readouts.link.keys import KeyIndex, phrase_keys, word_keys, word_start
from readouts.model import Block, Topic


def compile_phrase(phrase: str) -> str:
    """"visit* ~ graves" → a regex: words on word boundaries, * a word ending, ~ up to 3 words."""
    tokens = phrase.split()
    # A phrase starting with a letter (not "~" or "*") starts its regex with it (keys.word_start).
    lettered = bool(tokens) and tokens[0] != "~" and not tokens[0].startswith("*")
    parts = []
    for index, token in enumerate(tokens):
        if token == "~":
            parts.append(r"(?:\S+\s+){0,3}?")
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
