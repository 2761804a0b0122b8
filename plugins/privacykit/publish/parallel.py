"""Run independent pieces of a build in forked worker processes, results in order.

Forking (not spawning) lets workers start from the parent's loaded project, templates
and caches without pickling them; only results travel back. Where fork is not the
platform's way (Windows, macOS), callers run serially.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import ContentError, Problem

_TASK: Callable[[Any], list[tuple[int, Any]]] | None = None


def available() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _run(chunk: Any) -> list[tuple[int, Any]]:
    assert _TASK is not None
    return _TASK(chunk)


def ordered(task: Callable[[Any], list[tuple[int, Any]]], chunks: list[Any], start: int, stop: int,
            workers: int) -> Iterator[Any]:
    """Yield the results of `task` over `chunks` as results `start`, ..., `stop - 1`.

    `task(chunk)` returns (index, result) pairs; a result is yielded as soon as every
    result before it has arrived. Chunks are handed out in the order given (put the heaviest
    first, to balance the load). An exception in a worker is raised here, in the parent; a
    worker that dies (the out-of-memory killer, a signal) stops the build with one line
    instead of leaving it waiting forever.
    """
    global _TASK
    waiting: dict[int, Any] = {}
    following = start
    _TASK = task
    # Every worker is forked before the executor starts its own thread (fork is not safe
    # to do from a process with threads).
    pool = ProcessPoolExecutor(min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork"))
    try:
        futures = [pool.submit(_run, chunk) for chunk in chunks]
        for future in as_completed(futures):
            try:
                waiting.update(future.result())
            except BrokenProcessPool:
                raise ContentError(Problem("build", None, "a build worker process stopped unexpectedly "
                                           "(out of memory?)", "run again with --jobs 1, or with more memory")) \
                    from None
            while following in waiting:
                yield waiting.pop(following)
                following += 1
    finally:
        _TASK = None
        pool.shutdown(wait=True, cancel_futures=True)
    if following != stop:
        raise RuntimeError(f"parallel build lost results: {following - start} of {stop - start}")
