"""Work spread over every core, for the stages whose work is one independent piece per readout.

Workers are forked, so they inherit the function and its inputs without pickling them; only
results travel back, each worker's in one message. Small batches run in this process: starting
workers costs more than it saves below a few hundred readouts, and platforms without fork always
run serially.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
from typing import Any, TypeVar

from readouts.errors import ReadoutsError

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


def map_in_workers(function: Callable[[Item], Result], items: Sequence[Item],
                   parallel_from: int | None = None) -> list[Result]:
    """[function(item) for item in items], on every core when there are `parallel_from` items or
    more (PARALLEL_FROM unless given: fewer, larger items — a search shard of a few hundred
    readouts — pay from fewer).

    `function` must not raise: wrap failures in its result, so one bad file cannot hide others.
    """
    if len(items) < (PARALLEL_FROM if parallel_from is None else parallel_from) or not can_fork():
        return [function(item) for item in items]
    global _JOB
    _JOB = (function, items)
    count = workers()
    try:
        # Every n-th item to each worker: long and short items even out across workers.
        with forked(_share, count) as wait:
            shares = wait()
    finally:
        _JOB = None
    results: list[Any] = [None] * len(items)
    for start, share in enumerate(shares):
        results[start::count] = share
    return results


def _share(start: int, step: int) -> list[Any]:
    assert _JOB is not None
    function, items = _JOB
    return [function(item) for item in items[start::step]]


WAIT_STEP = 0.01
"""Seconds between calls of `forked`'s `while_waiting`: a serving build told of a newer change while
its workers render stops within this, not when they are done (a tenth of a second at 10,000)."""


@contextlib.contextmanager
def forked(share: Callable[[int, int], Any], count: int, on_share: Callable[[Any], None] | None = None,
           while_waiting: Callable[[], None] | None = None) -> Iterator[Callable[[], list[Any]]]:
    """Run share(start, count) for each start in range(count), each in a forked process. Gives a
    function that waits for them all and returns their results by start (`on_share` is told each
    as it comes; `while_waiting` is called every WAIT_STEP seconds meanwhile, and may raise to stop
    waiting). The workers are this process's own children, not a pool's: a worker that dies
    without its result (killed, out of memory) is an error here, where a pool waits for it forever,
    and no thread runs in this process while they work. Leaving the block before the results are
    in (an error, Ctrl-C, `while_waiting` raising) kills the workers."""
    context = multiprocessing.get_context("fork")
    processes: list[Any] = []
    receivers: list[Connection] = []
    try:
        for start in range(count):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_run_share, args=(share, start, count, sender), daemon=True)
            process.start()
            sender.close()
            processes.append(process)
            receivers.append(receiver)
        def collect() -> list[Any]:
            results: list[Any] = [None] * count
            pending = set(range(count))
            while pending:
                ready = connection_wait([receivers[i] for i in pending] + [processes[i].sentinel for i in pending],
                                        timeout=WAIT_STEP if while_waiting else None)
                if while_waiting is not None:
                    while_waiting()
                for start in sorted(pending):
                    # A result sent just before its worker ended is read before the end is heeded.
                    if receivers[start] in ready or (processes[start].sentinel in ready and receivers[start].poll()):
                        try:
                            done, value = receivers[start].recv()
                        except EOFError:
                            done, value = False, None
                    elif processes[start].sentinel in ready:
                        done, value = False, None
                    else:
                        continue
                    if not done:
                        if isinstance(value, BaseException):
                            raise value
                        processes[start].join()
                        raise ReadoutsError(f"a worker process stopped before its work was done "
                                            f"(exit code {processes[start].exitcode})",
                                            hint="it may have run out of memory; the previous site is as it was")
                    results[start] = value
                    pending.discard(start)
                    if on_share is not None:
                        on_share(value)
            return results

        yield collect
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        for receiver in receivers:
            receiver.close()


def _run_share(share: Callable[[int, int], Any], start: int, count: int, sender: Connection) -> None:
    """In the worker: its share's result, or what stopped it, sent back whole."""
    try:
        outcome: tuple[bool, Any] = (True, share(start, count))
    except BaseException as error:  # every failure travels back, to be raised there
        outcome = (False, error)
    try:
        sender.send(outcome)
    except Exception as error:  # an error that cannot be pickled still says what it was
        sender.send((False, ReadoutsError(f"{type(error).__name__}: {error}")))
    sender.close()
