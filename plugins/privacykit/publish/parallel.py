"""Run independent pieces of a build in forked worker processes, results in order.

Forking (not spawning) lets workers start from the parent's loaded project, templates
and caches without pickling them: the task itself, a closure over all that, is handed to
each worker process as it is forked. Only chunk numbers travel to the workers (through one
queue they all take from) and only results travel back (each through its own pipe).
Where fork is not the platform's way (Windows, macOS), callers run serially.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import ContentError, Problem, UsageError

Task = Callable[[Any], list[tuple[int, Any]]]


def available() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


JOBS_VARIABLE = "PRIVACYKIT_JOBS"


def default_jobs() -> int:
    """Processes a build may use when its configuration leaves it open (`jobs: 0`): the
    `PRIVACYKIT_JOBS` environment variable when set (0, like an unset one, means one per core).
    A caller that already runs one build per core (a CI matrix, parallel test workers) sets
    it to 1: more processes than cores only add forks and contention. Any other value is a
    mistake said in one line, as `jobs` in mkdocs.yml is."""
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    if not value:
        return cpu_count()
    if not value.isdigit():
        raise UsageError(Problem(JOBS_VARIABLE, None, f"is {value!r}",
                                 "use 0 (one process per core) or a positive number, or leave it unset"))
    return int(value) or cpu_count()


def _serve(task: Task, chunks: list[Any], numbers: Any, connection: Connection) -> None:
    """A worker's loop: take the next chunk number from the shared queue, run `task` on it and
    send back its results (or the exception it raised), until the queue says None."""
    while (number := numbers.get()) is not None:
        try:
            reply: tuple[str, Any] = ("done", task(chunks[number]))
        except Exception as exc:  # every failure is reported to the parent, which raises it
            where = "".join(traceback.format_exception(exc))
            reply = ("failed", (exc, where))
        try:
            connection.send(reply)
        except Exception:  # an exception that cannot be pickled
            connection.send(("failed", (RuntimeError(reply[1][1]), reply[1][1])))
    connection.send(("finished", None))


def ordered(task: Task, chunks: list[Any], start: int, stop: int, workers: int) -> Iterator[Any]:
    """Yield the results of `task` over `chunks` as results `start`, ..., `stop - 1`.

    `task(chunk)` returns (index, result) pairs; a result is yielded as soon as every
    result before it has arrived. Workers take chunks from one queue, in the order given, as
    soon as they are free (put the heaviest first, to balance the load). An exception in a
    worker is raised here, in the parent; a worker that dies (the out-of-memory killer, a
    signal) stops the build with one line instead of leaving it waiting forever.
    """
    context = multiprocessing.get_context("fork")
    numbers = context.SimpleQueue()
    processes: dict[Connection, Any] = {}
    for _ in range(min(workers, len(chunks))):
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(task, chunks, numbers, theirs), daemon=True)
        process.start()
        theirs.close()
        processes[ours] = process
    for number in [*range(len(chunks)), *[None] * len(processes)]:
        numbers.put(number)
    # A worker's pipe and its process sentinel both lead back to its pipe.
    owner: dict[Any, Connection] = {**{c: c for c in processes}, **{p.sentinel: c for c, p in processes.items()}}
    working = set(processes)
    waiting: dict[int, Any] = {}
    following = start
    try:
        while following < stop and working:
            for ready in wait([*working, *(processes[c].sentinel for c in working)]):
                connection = owner[ready]
                if connection not in working:
                    continue
                results = _receive(connection)
                if results is None:
                    working.discard(connection)
                else:
                    waiting.update(results)
            while following in waiting:
                yield waiting.pop(following)
                following += 1
    finally:
        _stop(processes)
    if following != stop:
        raise RuntimeError(f"parallel build lost results: {following - start} of {stop - start}")


def _receive(connection: Connection) -> list[tuple[int, Any]] | None:
    """A worker's next results (None once it has finished); the exception it raised is raised
    here; one line if the worker died."""
    reply: tuple[str, Any] = ("died", None)
    try:
        if connection.poll():
            reply = connection.recv()
    except EOFError:
        pass
    status, result = reply
    if status == "failed":
        exc, where = result
        raise exc from RemoteTraceback(where)
    if status == "finished":
        return None
    if status != "done":
        raise ContentError(Problem("build", None, "a build worker process stopped unexpectedly (out of memory?)",
                                   "run again with --jobs 1, or with more memory"))
    return list(result)


class RemoteTraceback(Exception):
    """Where an exception raised in a worker came from (its traceback there, as text)."""

    def __str__(self) -> str:
        return str(self.args[0])


def _stop(processes: dict[Connection, Any]) -> None:
    """Wait for the workers to finish, and end any still working (a build stopped half-way)."""
    for connection, process in processes.items():
        process.join(timeout=1)
        if process.is_alive():
            process.terminate()
            process.join()
        connection.close()
