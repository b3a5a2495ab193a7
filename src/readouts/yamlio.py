"""Safe YAML in, with the line of every mapping key kept for error messages.

Dates stay strings here (the stages parse them and say what was wrong), aliases are refused
(an alias bomb would expand to gigabytes), and no Python objects are ever constructed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from readouts.errors import ReadoutsError

MAX_DEPTH = 50
"""How deeply lists and mappings may nest. Content needs four levels at most; the composer and
the constructor recurse once per level, and 3,000 levels ("[[[[…") overflowed Python's stack."""

_TOO_DEEP = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: "2019-02-30" must be our error, not PyYAML's."""

    depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        # Aliases are refused outright: content never needs them, and "billion laughs"
        # documents use them to expand a few lines into gigabytes.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed",
                                              event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, _TOO_DEEP, self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_FastLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):
    class _CPlainLoader(yaml.CSafeLoader):
        """libyaml's parser with the same resolvers: it composes about ten times faster."""

    _CPlainLoader.yaml_implicit_resolvers = _PlainLoader.yaml_implicit_resolvers
    _FastLoader = _CPlainLoader

_ANCHOR_ALIAS_OR_TAG = re.compile(r"[&*!\t]|[|>][-+0-9]*#")


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when it is safe to, else with the Python composer.

    libyaml cannot refuse an alias as it comes, so it only reads text that holds no anchor,
    alias or tag character at all, and none of the few things it accepts and the Python composer
    refuses (tabs, a comment glued to `|` or `>`); its errors are reported by the Python composer,
    so a message reads the same whichever parser found the problem.
    """
    if _FastLoader is not None and not _ANCHOR_ALIAS_OR_TAG.search(text):
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_PlainLoader)


class Lines(dict):
    """A mapping loaded from YAML that remembers the line of each key (1-based)."""

    __slots__ = ("key_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}
        self.line = 0

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def read_yaml_file(path: Path) -> Any:
    """load_yaml of a file that must be UTF-8 text; None when there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise ReadoutsError("expected a YAML file, found a folder", str(path),
                            hint=f"move the folder away and put a file named {path.name} there") from None
    return load_yaml(decode_utf8(raw, str(path)), str(path))


def decode_utf8(raw: bytes, path: str) -> str:
    """Text from a file that must be UTF-8 (a byte-order mark allowed), or a message saying what
    it looks like instead."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        looks = ""
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
            looks = " (it looks like UTF-16)"
        raise ReadoutsError(f"the file is not UTF-8 text{looks}: {exc.reason} at byte {exc.start}", path,
                            hint="save it as UTF-8 in your editor (\"Save with encoding\" or similar)") from None


def load_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse YAML text; every mapping becomes a `Lines` dict. Lines count from `first_line`."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = first_line + mark.line if mark else None
        raise ReadoutsError(f"this is not valid YAML: {exc.problem}", path, line,
                            hint="check the indentation and quoting on that line") from None
    except yaml.YAMLError as exc:
        raise ReadoutsError(f"this is not valid YAML: {exc}", path) from None
    if node is None:
        return None
    return _construct(node, path, first_line)


def _construct(node: yaml.Node, path: str, first_line: int, depth: int = 0) -> Any:
    line = first_line + node.start_mark.line
    if depth > MAX_DEPTH:
        # libyaml composes up to 1,000 levels; the Python composer stops at MAX_DEPTH
        raise ReadoutsError(f"this is not valid YAML: {_TOO_DEEP}", path, line,
                            hint="content needs a few levels at most: check the brackets on that line")
    if node.tag not in _ALLOWED_TAGS:
        raise ReadoutsError(f"YAML tag {node.tag!r} is not allowed here", path, line,
                            hint="write plain values: text, numbers, lists and keys")
    if isinstance(node, yaml.MappingNode):
        result = Lines()
        result.line = line
        for key_node, value_node in node.value:
            key = _construct(key_node, path, first_line, depth + 1)
            if not isinstance(key, str):
                raise ReadoutsError(f"expected a name before the colon, got {key!r}", path,
                                    first_line + key_node.start_mark.line)
            if key in result:
                raise ReadoutsError(f"the key {key!r} appears twice", path,
                                    first_line + key_node.start_mark.line)
            result[key] = _construct(value_node, path, first_line, depth + 1)
            result.key_lines[key] = first_line + key_node.start_mark.line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path, first_line, depth + 1) for item in node.value]
    value = _SCALARS.construct_object(node, deep=True)
    # The loader remembers every node it constructed; forget them, or memory grows per file.
    _SCALARS.constructed_objects.clear()
    return value


_SCALARS = _PlainLoader("")
"""One loader, reused for constructing scalars: making one per scalar was a third of load time."""

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


def dump_yaml(data: Any) -> str:
    """YAML text with keys in the order given, Unicode kept as is."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=100)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        # The same date as published and meeting date must be written twice, not as &id001/*id001:
        # the loader refuses aliases, and a person reading the file should see both dates.
        return True


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Strings that look like dates stay unquoted: they are dates to the reader.
    style = None
    if "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(dt.date, _represent_date)
# An unknown value is written as nothing at all ("published:"), a blank for a person to fill in.
_Dumper.add_representer(type(None), lambda d, v: d.represent_scalar("tag:yaml.org,2002:null", ""))
_Dumper.add_representer(str, _represent_str)
# Lists of ids read best on one line; mappings in block style.
_Dumper.add_representer(list, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=all(isinstance(i, str) and len(i) < 40 for i in v)))
_Dumper.add_representer(dict, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=False))

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: Any, path: str, line: int | None) -> dt.date | None:
    """A front matter date: empty, or YYYY-MM-DD naming a day that exists."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not _ISO_DATE.fullmatch(text):
        raise ReadoutsError(f"expected a date like 2019-09-25, got {text!r}", path, line,
                            hint="write the date as YYYY-MM-DD, or leave it empty if unknown")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ReadoutsError(f"the date {text!r} does not exist", path, line) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ReadoutsError(f"expected a date in the years {FIRST_YEAR} to {LAST_YEAR}, got {text!r}", path, line,
                            hint="check the year; leave the date empty if it is unknown")
    return day


FIRST_YEAR, LAST_YEAR = 1000, 2999
"""The years a date may fall in. A meeting's calendar event ends the next day, and the stages
count days forwards and back: at 9999-12-31, the last day Python has, that overflowed."""
