"""The Jinja environment: a site's own templates/ first, the built-in theme second."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from markupsafe import Markup, escape

try:
    from markupsafe._speedups import _escape_inner
except ImportError:  # MarkupSafe without its compiled part, or before 3.0: its public escape
    def _escape_inner(text: str, /) -> str:
        return str(escape(text))

THEME = Path(__file__).resolve().parent.parent / "theme"


def make_env(site_templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """StrictUndefined, so a misspelt variable fails the build; autoescape everything.

    `compiled` is a folder to keep the templates compiled to Python in between builds (Jinja's
    bytecode cache, keyed by each template's source): compiling the theme's templates took a
    build that rewrites a handful of pages a fifth of a second.

    Templates are not checked for changes once loaded: every build makes its own environment,
    and looking at each template's file time again on every page cost a twentieth of a cold
    build (measured)."""
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders.append(jinja2.FileSystemLoader(str(THEME / "templates")))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(compiled),
        auto_reload=False,
    )
    env.filters["number"] = number
    return env


_DICT_ATTRIBUTES = frozenset(dir(dict))

_new_string = str.__new__


def _escaped(value: Any) -> Markup:
    """markupsafe.escape, a string's Markup made without Markup's own constructor.

    Every value a template prints is escaped, and most are plain strings: Markup's constructor
    (written in Python, asking each string for `__html__`) took two thirds of the time
    (0.35 µs a value against 0.13 µs this way), 7 % of a cold build's CPU with escape itself.
    The Markup made holds the same text.

    Markup already (a paragraph's HTML, a macro's output) is given back as it is, where
    `escape` made a copy through the constructor; a whole number prints its digits, which
    need no escaping (`escape` made its string, escaped it and made Markup of it)."""
    kind = type(value)
    if kind is str:
        return _new_string(Markup, _escape_inner(value))
    if kind is Markup:
        return value
    if kind is int:
        return _new_string(Markup, str(value))
    return escape(value)


class _Template(jinja2.Template):
    """A template whose compiled code escapes with `_escaped`: the code finds `escape` among
    its module's names, set here before it first runs, and `_escape_text` beside it (_Compiler)."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: Any, globals: Any) -> Any:
        namespace["escape"] = _escaped
        namespace["_escape_text"] = _escape_inner
        return super()._from_namespace(environment, namespace, globals)


class _Compiler(CodeGenerator):
    """Jinja's code generator, with a printed string escaped and a dict's key read in the
    template's own code rather than through a function call each.

    A readout page prints hundreds of values and reads over a thousand attributes; `escape(value)`
    and `environment.getattr(item, "name")` were a Python call each, `_escaped` and
    `_Environment.getattr` themselves 7 % of a cold build's samples at 10,000. `{{ value }}`
    becomes `(_escape_text(v) if type(v := value) is str else escape(v))`: a string's escaped
    text is printed as it is, without making Markup of it (the page is joined into one string
    either way); anything else goes through `escape` as before. `item.name`, where `name` is none
    of dict's own attributes, reads the key when `item` is a dict holding it, and asks the
    environment otherwise (the same value `_Environment.getattr` gives). What a
    template prints is the same."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("(_escape_text(_printed) if type(_printed := ")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_post(node, frame, finalize)
            return
        self.write(") is str else escape(_printed))")

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if self.environment.is_async or node.attr in _DICT_ATTRIBUTES:
            super().visit_Getattr(node, frame)
            return
        key = repr(node.attr)
        self.write(f"(_read[{key}] if type(_read := ")
        self.visit(node.node, frame)
        self.write(f") is dict and {key} in _read else environment.getattr(_read, {key}))")


class _Environment(jinja2.Environment):
    """Jinja's environment, with `item.name` on a dict looking up the key first.

    The pages' contexts are dicts, and Jinja tries `item.name` as an attribute before the key:
    every such lookup raised and caught an AttributeError, over a thousand per readout page
    (0.51 µs a lookup against 0.07 µs this way). What a template gets is the same: a name that is
    not one of dict's own attributes is never found as an attribute of a dict."""

    template_class = _Template
    code_generator_class = _Compiler

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def number(value: int) -> str:
    """A count as a reader reads it: 9997 → "9,997" (years are not counts, and stay 2019)."""
    return f"{value:,}"


class _SealedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, each file sealed with the user's key (seal.py):
    compiled templates are code, and one this user's readouts did not write is compiled again,
    never run. A build goes on when it cannot write there (a cache folder made by another user):
    a template not kept is compiled again next time."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        from readouts.seal import unseal

        try:
            with open(self._get_cache_filename(bucket), "rb") as stream:
                blob = stream.read()
        except OSError:
            return
        data = unseal(blob)
        if data is not None:
            bucket.bytecode_from_string(bytes(data))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        from readouts.atomic import write_atomic_bytes
        from readouts.seal import seal

        with contextlib.suppress(OSError):  # a cache only saves time
            write_atomic_bytes(Path(self._get_cache_filename(bucket)), seal(bucket.bytecode_to_string()))


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates in a folder named by the code's digest: another version of readouts
    may compile the same source differently (Jinja keys them by source alone)."""
    if folder is None:
        return None
    from readouts.cache import code_digest

    current = folder / code_digest()
    try:
        current.mkdir(parents=True, exist_ok=True)
        for other in folder.iterdir():
            if other != current and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        return None  # a cache only saves time: without a folder for it, templates compile
    return _SealedBytecodeCache(str(current))
