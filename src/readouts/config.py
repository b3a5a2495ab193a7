"""site.yaml → SiteConfig, with a clear message for every unknown key or wrong type."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError
from readouts.model import SiteConfig
from readouts.publishers import PUBLISHERS
from readouts.yamlio import Lines, read_yaml_file

CONFIG_FILE = "site.yaml"

_WEB_ADDRESS = re.compile(r"https?://[^\x00-\x20\x7f-\x9f\"'<>\\^`{|}]+", re.IGNORECASE)

_INPUTS = ("content", "templates", "static", "site.yaml", ".readouts-cache", ".readouts.lock")
"""What the output folder may not be, nor lie in: the site's own inputs and the build's files."""

_DEFAULTS: dict[str, Any] = {
    "title": "Readouts",
    "description": "",
    "base_url": None,
    "language": "en",
    "main_topics": ["peace-treaty", "joint-economic-activities", "humanitarian-measures"],
    "output": "site",
    "publishers": {},
    "pagefind": False,
}


def load_config(root: Path) -> SiteConfig:
    """Read root/site.yaml; a site without one gets the defaults."""
    path = root / CONFIG_FILE
    data: Any = read_yaml_file(path) or Lines()
    if not isinstance(data, Lines):
        raise ReadoutsError("expected keys like `title: My site`, got a list or a single value",
                            str(path), 1)
    for key in data:
        if key not in _DEFAULTS:
            raise ReadoutsError(f"unknown setting {key!r}; expected one of: {', '.join(_DEFAULTS)}",
                                str(path), data.line_of(key))
    values = {**_DEFAULTS, **data}
    for key in ("title", "description", "language", "output"):
        if not isinstance(values[key], str):
            raise ReadoutsError(f"{key} must be text, got {values[key]!r}", str(path), data.line_of(key))
    base_url = values["base_url"]
    # Feeds, the sitemap and the calendar print it into every link: a line break there splits a
    # calendar line (an iCalendar library refused it with a traceback), and a `javascript:` link
    # would run when followed.
    if base_url is not None and (not isinstance(base_url, str) or not _WEB_ADDRESS.fullmatch(base_url)):
        raise ReadoutsError(f"expected base_url as a web address like https://example.org/readouts/, "
                            f"got {base_url!r}", str(path), data.line_of("base_url"),
                            hint="start it with https:// or http://; leave out spaces and line breaks")
    main = values["main_topics"]
    if not isinstance(main, list) or not all(isinstance(t, str) for t in main):
        raise ReadoutsError("main_topics must be a list of topic ids", str(path), data.line_of("main_topics"))
    output = values["output"]
    parts = Path(output).parts
    if Path(output).is_absolute() or ".." in parts or not parts or parts[0] in _INPUTS:
        raise ReadoutsError(f"output must be a folder inside the site, like `site`, got {output!r}",
                            str(path), data.line_of("output"),
                            hint=f"a build replaces that folder, so it cannot be one of: {', '.join(_INPUTS)}")
    if not isinstance(values["pagefind"], bool):
        raise ReadoutsError(f"pagefind must be true or false, got {values['pagefind']!r}", str(path),
                            data.line_of("pagefind"))
    publishers = values["publishers"]
    if not isinstance(publishers, dict) or not all(isinstance(v, str) for v in publishers.values()):
        raise ReadoutsError("publishers must map a publisher id to its name, like `tass: TASS news agency`",
                            str(path), data.line_of("publishers"))
    for key in publishers:
        if key not in PUBLISHERS:
            raise ReadoutsError(f"unknown publisher {key!r}; expected one of: {', '.join(PUBLISHERS)}",
                                str(path), publishers.line_of(key) if isinstance(publishers, Lines) else None)
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return SiteConfig(title=values["title"], description=values["description"].strip(),
                      base_url=base_url, language=values["language"], main_topics=tuple(main),
                      output_dir=output, pagefind=values["pagefind"],
                      publisher_names={**{p.id: p.name for p in PUBLISHERS.values()}, **publishers})
