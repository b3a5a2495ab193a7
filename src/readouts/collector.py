"""Python's cyclic garbage collector during a build.

A build makes millions of objects and frees few until it ends: the cache it loads, the graph it
links, the plan of every page. With the collector's defaults, a pass over the youngest objects
every 700 new ones and over everything now and then, a command-line build adding one readout to
10,000 spent 0.16–0.20 s in the collector (gc.callbacks, measured), a tenth of the build. What
lives to the end of the build is frozen out of the collector's passes as it is made (cache.py
freezes the cache), and the youngest objects are looked at every BUILD_THRESHOLD new ones.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

BUILD_THRESHOLD = 10_000
"""New objects between two passes over the youngest while a build runs (Python's default: 700)."""


@contextlib.contextmanager
def eased() -> Iterator[None]:
    """Run a build with the collector eased; afterwards its thresholds are as before, and all the
    build froze is the collector's again."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], BUILD_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def kept_to_the_end() -> None:
    """Everything made so far lives until the build ends (the graph once linked, the page plan):
    the collector's passes leave it out until `eased` ends."""
    gc.freeze()
