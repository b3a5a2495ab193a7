"""The Jinja environment: a site's own templates/ first, the built-in theme second."""

from __future__ import annotations

from pathlib import Path

import jinja2

THEME = Path(__file__).resolve().parent.parent / "theme"


def make_env(site_templates: Path | None) -> jinja2.Environment:
    """StrictUndefined, so a misspelt variable fails the build; autoescape everything."""
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders.append(jinja2.FileSystemLoader(str(THEME / "templates")))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = number
    return env


def number(value: int) -> str:
    """A count as a reader reads it: 9997 → "9,997" (years are not counts, and stay 2019)."""
    return f"{value:,}"
