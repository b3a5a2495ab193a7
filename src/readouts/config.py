"""site.yaml → SiteConfig, with a clear message for every unknown key or wrong type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError
from readouts.model import SiteConfig
from readouts.publishers import PUBLISHERS
from readouts.yamlio import Lines, load_yaml

CONFIG_FILE = "site.yaml"

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
    data: Any = Lines()
    if path.exists():
        data = load_yaml(path.read_text(encoding="utf-8"), str(path)) or Lines()
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
    if values["base_url"] is not None and not isinstance(values["base_url"], str):
        raise ReadoutsError(f"base_url must be a URL, got {values['base_url']!r}", str(path),
                            data.line_of("base_url"))
    main = values["main_topics"]
    if not isinstance(main, list) or not all(isinstance(t, str) for t in main):
        raise ReadoutsError("main_topics must be a list of topic ids", str(path), data.line_of("main_topics"))
    output = values["output"]
    if Path(output).is_absolute() or ".." in Path(output).parts or output in ("", ".", "content"):
        raise ReadoutsError(f"output must be a folder inside the site, like `site`, got {output!r}",
                            str(path), data.line_of("output"))
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
    base_url = values["base_url"]
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return SiteConfig(title=values["title"], description=values["description"].strip(),
                      base_url=base_url, language=values["language"], main_topics=tuple(main),
                      output_dir=output, pagefind=values["pagefind"],
                      publisher_names={**{p.id: p.name for p in PUBLISHERS.values()}, **publishers})
