"""content/topics.yaml, people.yaml and glossary.yaml → Topics, People and Terms, validated.

Also the rule for an id and the readers of one registry entry's fields, which the readouts'
front matter shares (readout_file.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError
from readouts.model import Person, Role, Term, Topic
from readouts.paths import check_link
from readouts.yamlio import Lines, parse_date, read_yaml_file

ID = re.compile(r"(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:-|$)|index$)[a-z0-9][a-z0-9-]{0,120}")
"""An id: it names files, so it is lower-case letters, digits and hyphens, never a name Windows
reserves for devices ("con", "nul"), and never "index", the name of each folder's list page."""


def registry_kind(load: Callable[[Path], Any]) -> str:
    """The FileMemo kind under which a build keeps what a registry loader made (load.registry)."""
    return f"registry:{load.__module__}.{load.__qualname__}"


def why_not_id(value: object) -> str:
    """Why a value that looks like an id is not one, for the end of a message."""
    return " (a folder's list page is called index)" if value == "index" else ""


def _expect_list(data: Any, path: Path, what: str) -> list[Lines]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReadoutsError(f"expected a list of {what}, each starting with `- id:`", str(path), 1)
    for item in data:
        if not isinstance(item, Lines):
            raise ReadoutsError(f"expected each entry to be a {what[:-1]} with `id:` and more keys, got {item!r}",
                                str(path))
    return data


def _id(entry: Lines, path: Path) -> str:
    value = entry.get("id")
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise ReadoutsError("expected an id of lower-case letters, digits and hyphens, "
                            f"got {value!r}{why_not_id(value)}", str(path), entry.line_of("id"))
    return value


def _strings(entry: Lines, key: str, path: Path) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ReadoutsError(f"{key} must be a list of text, got {value!r}", str(path), entry.line_of(key))
    return tuple(str(v) for v in value)


def _phrases(entry: Lines, key: str, path: Path) -> tuple[str, ...]:
    """A topic's phrases (or exceptions): text, each with a word, in a shape whose regex stays
    quick (link.topics.phrase_problem)."""
    from readouts.link.topics import phrase_problem

    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    line = entry.line_of(key)
    if not isinstance(value, list):
        raise ReadoutsError(f"{key} must be a list of phrases, like [peace treaty], got {value!r}", str(path), line)
    for phrase in value:
        # `true` and `12345` are YAML's booleans and numbers: quoted, they are text
        if not isinstance(phrase, str):
            raise ReadoutsError(f"expected each of {key} as text, got {phrase!r}", str(path), line,
                                hint=_quoted(phrase))
        problem = phrase_problem(phrase)
        if problem:
            raise ReadoutsError(f"the phrase {phrase!r} cannot be used: {problem}", str(path), line)
    return tuple(value)


def _quoted(value: object) -> str | None:
    """How to write a YAML boolean or number as the text it was meant to be."""
    if isinstance(value, bool):
        return f'put it in quotes: "{str(value).lower()}"'
    if isinstance(value, (int, float)):
        return f'put it in quotes: "{value}"'
    return None


def _flag(entry: Lines, key: str, path: Path) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        # "no" in quotes is text, and any text counted as true
        raise ReadoutsError(f"{key} must be true or false, got {value!r}", str(path), entry.line_of(key),
                            hint=f"write `{key}: true` or `{key}: false`, without quotes")
    return value


def text_field(entry: Lines, key: str, path: Path, required: bool = False) -> str:
    value = entry.get(key)
    if value is None or (required and isinstance(value, str) and not value.strip()):
        if required:
            raise ReadoutsError(f"missing {key!r}", str(path), entry.line_of(key) if key in entry else entry.line)
        return ""
    if not isinstance(value, (str, int, float)):
        raise ReadoutsError(f"{key} must be text, got {value!r}", str(path), entry.line_of(key))
    return str(value).strip()


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        check_link(None, path)  # a link that loops is refused, not taken for a missing registry
        return None
    return read_yaml_file(path)


def load_topics(path: Path) -> tuple[Topic, ...]:
    """content/topics.yaml → topics in file order."""
    topics = []
    for entry in _expect_list(_read_yaml(path), path, "topics"):
        topics.append(Topic(id=_id(entry, path), title=text_field(entry, "title", path, required=True),
                            description=text_field(entry, "description", path),
                            phrases=_phrases(entry, "phrases", path),
                            exceptions=_phrases(entry, "except", path),
                            main=_flag(entry, "main", path)))
    _no_duplicates(topics, path)
    return tuple(topics)


def load_people(path: Path) -> tuple[Person, ...]:
    """content/people.yaml → people in file order."""
    people = []
    for entry in _expect_list(_read_yaml(path), path, "people"):
        roles = []
        for role in entry.get("roles") or []:
            if not isinstance(role, Lines) or not isinstance(role.get("title"), str) or not role["title"].strip():
                raise ReadoutsError("expected each role as {title: …, start: YYYY-MM-DD, end: YYYY-MM-DD}",
                                    str(path), role.line if isinstance(role, Lines) else entry.line_of("roles"))
            roles.append(Role(title=role["title"].strip(),
                              start=parse_date(role.get("start"), str(path), role.line_of("start")),
                              end=parse_date(role.get("end"), str(path), role.line_of("end"))))
        people.append(Person(id=_id(entry, path), name=text_field(entry, "name", path, required=True),
                             country=text_field(entry, "country", path) or None,
                             spellings=_strings(entry, "spellings", path), roles=tuple(roles)))
    _no_duplicates(people, path)
    return tuple(people)


def load_terms(path: Path) -> tuple[Term, ...]:
    """content/glossary.yaml → glossary terms in file order."""
    terms = []
    for entry in _expect_list(_read_yaml(path), path, "terms"):
        names = entry.get("names") or Lines()
        if not isinstance(names, Lines):
            raise ReadoutsError("names must map a side to its names, like `japan: [Northern Territories]`",
                                str(path), entry.line_of("names"))
        terms.append(Term(id=_id(entry, path), title=text_field(entry, "title", path, required=True),
                          names={side: _distinct_names(_strings(names, side, path)) for side in names},
                          definition=text_field(entry, "definition", path)))
    _no_duplicates(terms, path)
    return tuple(terms)


def _distinct_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A side's names, those differing only in case as one, the first listed kept: a name is found
    in any case ("Eight-Point Cooperation Plan" finds "Eight-point cooperation plan"), so two such
    spellings would count the same readouts twice. An acronym ("TOR") keeps its case: it is found
    only as written (link/glossary.name_pattern)."""
    kept: dict[str, str] = {}
    for name in names:
        kept.setdefault(name if name.isupper() else name.casefold(), name)
    return tuple(kept.values())


def _no_duplicates(items: list[Any], path: Path) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ReadoutsError(f"the id {item.id!r} appears twice", str(path))
        seen.add(item.id)
