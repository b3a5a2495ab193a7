"""Python's cyclic garbage collector during a build.

A build makes millions of objects and frees few until it ends: the cache it loads, the graph it
links, the plan of every page. With the collector's defaults, a pass over the youngest objects
every 700 new ones and over everything now and then, a command-line build adding one readout to
10,000 spent 0.16–0.20 s in the collector (gc.callbacks, measured), a tenth of the build. What
lives to the end of the build is frozen out of the collector's passes as it is made (cache.py
freezes the cache), and the youngest objects are looked at every BUILD_THRESHOLD new ones.

A build that ends its process soon after (the command line's) runs no pass at all: the 63 passes
left over the youngest objects of an add at 10,000 found next to nothing to free (32–42 ms,
gc.callbacks), as its objects live to its end, and its peak memory stayed the same without them.
A process that goes on building (readouts serve) keeps the passes, so that what a build leaves
in cycles is freed before the next. A worker forked from a build with the collector off turns it
on again: it parses and renders for as long as the build runs, and its garbage is its own.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

BUILD_THRESHOLD = 10_000
"""New objects between two passes over the youngest while a build runs (Python's default: 700)."""

_turned_off = False
"""Whether this process's build turned the collector off (`eased(passes=False)`)."""


@contextlib.contextmanager
def eased(passes: bool = True) -> Iterator[None]:
    """Run a build with the collector eased, or without its passes in this process (`passes`
    False: a build whose objects all live until it ends); afterwards the collector is as before,
    and all the build froze is the collector's again."""
    global _turned_off
    before, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(max(before[0], BUILD_THRESHOLD), *before[1:])
    if not passes and enabled:
        gc.disable()
        _turned_off = True
    try:
        yield
    finally:
        _turned_off = False
        gc.set_threshold(*before)
        gc.unfreeze()
        if enabled:
            gc.enable()


def _on_in_a_worker() -> None:
    """A forked worker of a build that turned the collector off runs with it eased, as before."""
    global _turned_off
    if _turned_off:
        _turned_off = False
        gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_on_in_a_worker)


def kept_to_the_end() -> None:
    """Everything made so far lives until the build ends (the graph once linked, the page plan):
    the collector's passes leave it out until `eased` ends."""
    gc.freeze()
