"""Who writes the sync engine's results: the desk's one writer.

The engine talks to the platform on whatever thread runs it, but its writes (pulled changes,
pushed rows leaving the outbox, problems, the pass's status) are handed to a
:class:`Writer`: in the window the database thread (the window waits for nothing, the network
thread waits for its write), in the CLI the calling thread itself (:func:`inline`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from local_cache.db import Database

T = TypeVar("T")


class Writer(Protocol):
    def __call__(self, job: Callable[[], T], /) -> T: ...


def inline(job: Callable[[], T]) -> T:
    return job()


@dataclass
class SessionWriter:
    """``write(fn)``: ``fn(session)`` in one write transaction, run by ``writer``."""

    database: Database
    writer: Callable[[], Writer]

    def __call__(self, fn: Callable[[Session], T]) -> T:
        def job() -> T:
            with self.database.write() as session:
                return fn(session)

        return self.writer()(job)

    def run(self, job: Callable[[], T]) -> T:
        """``job()`` (which opens its own transactions) on the writer."""
        return self.writer()(job)
