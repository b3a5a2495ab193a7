"""Topic rules from topics.yaml → the topics of each paragraph, and why each was given."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from readouts.model import Topic


def compile_phrase(phrase: str) -> str:
    """"visit* ~ graves" → a regex: words on word boundaries, * a word ending, ~ up to 3 words."""
    parts = []
    for token in phrase.split():
        if token == "~":
            parts.append(r"(?:\S+\s+){0,3}?")
            continue
        text = re.escape(token.replace("*", "\x00")).replace("\x00", r"\w*")
        parts.append(text + r"\s+")
    pattern = "".join(parts)
    if pattern.endswith(r"\s+"):
        pattern = pattern[: -len(r"\s+")]
    return r"(?<![\w-])" + pattern + r"(?![\w-])"


@dataclass(frozen=True, slots=True)
class TopicRules:
    """Compiled rules for every topic, in topics.yaml order."""

    rules: tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str] | None], ...]

    @classmethod
    def build(cls, topics: Iterable[Topic]) -> TopicRules:
        rules = []
        for topic in topics:
            phrases = tuple((p, re.compile(compile_phrase(p), re.IGNORECASE)) for p in topic.phrases)
            excluded = topic.exceptions
            mask = re.compile("|".join(compile_phrase(p) for p in excluded), re.IGNORECASE) if excluded else None
            rules.append((topic.id, phrases, mask))
        return cls(tuple(rules))

    def explain(self, text: str) -> list[tuple[str, str, str]]:
        """(topic id, phrase, matched text) for every topic the text discusses."""
        found = []
        for topic_id, phrases, mask in self.rules:
            subject = mask.sub(lambda m: " " * len(m.group(0)), text) if mask else text
            for phrase, pattern in phrases:
                match = pattern.search(subject)
                if match:
                    found.append((topic_id, phrase, text[match.start():match.end()]))
                    break
        return found

    def topics_of(self, text: str) -> tuple[str, ...]:
        return tuple(topic_id for topic_id, _, _ in self.explain(text))
