"""Work spread over every core, for the stages whose work is one independent piece per readout.

Workers are forked, so they inherit the function and its inputs without pickling them; only
results travel back. Small batches run in this process: starting workers costs more than it
saves below a few hundred readouts, and platforms without fork always run serially.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 200
"""Fewer items than this are handled in this process."""

_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items the forked workers share, set just before they start."""


def workers() -> int:
    return min(os.cpu_count() or 1, 8)


def can_fork() -> bool:
    return workers() > 1 and "fork" in multiprocessing.get_all_start_methods()


def map_in_workers(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """[function(item) for item in items], on every core when there are many items.

    `function` must not raise: wrap failures in its result, so one bad file cannot hide others.
    """
    if len(items) < PARALLEL_FROM or not can_fork():
        return [function(item) for item in items]
    global _JOB
    _JOB = (function, items)
    count = workers()
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            # Every n-th item to each worker: long and short items even out across workers.
            shares = pool.map(_share, [(start, count) for start in range(count)])
    finally:
        _JOB = None
    results: list[Any] = [None] * len(items)
    for start, share in enumerate(shares):
        results[start::count] = share
    return results


def _share(args: tuple[int, int]) -> list[Any]:
    start, step = args
    assert _JOB is not None
    function, items = _JOB
    return [function(item) for item in items[start::step]]
