"""Storage failures caused by the machine, not by a bug: kept apart from bugs, as qutebrowser's
``misc/sql.py`` keeps its "known errors" apart.

SQLite's FULL, IOERR, READONLY, BUSY/LOCKED, CORRUPT/NOTADB and CANTOPEN, and the file
system's ENOSPC, EDQUOT, EROFS, EACCES, EPERM, ENOENT, ENOTDIR and EIO, each become one
:class:`StorageKind`. The database and the file store raise the exception their owner gives
them (by default :class:`StorageFault`), chained to the original error; the original error
and its traceback go to the log (ERROR for damage or loss, WARNING for the rest).
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

log = logging.getLogger("local_cache.faults")


class StorageKind(StrEnum):
    FULL = "full"
    READ_ONLY = "read_only"
    MISSING = "missing"
    BUSY = "busy"
    CORRUPT = "corrupt"
    IO = "io"
    EMPTY = "empty"


class StorageFault(Exception):
    """The desk's data could not be read or written for a reason outside the program."""

    def __init__(self, kind: StorageKind, path: Path) -> None:
        super().__init__(f"storage fault ({kind}) at {path}")
        self.kind = kind
        self.path = path


# Builds the exception to raise for a fault; the desk's core passes its user-facing one.
FaultFactory = Callable[[StorageKind, Path], Exception]

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
_SQLITE_KINDS = {
    5: StorageKind.BUSY,  # SQLITE_BUSY
    6: StorageKind.BUSY,  # SQLITE_LOCKED
    8: StorageKind.READ_ONLY,  # SQLITE_READONLY
    10: StorageKind.IO,  # SQLITE_IOERR
    11: StorageKind.CORRUPT,  # SQLITE_CORRUPT
    13: StorageKind.FULL,  # SQLITE_FULL
    14: StorageKind.MISSING,  # SQLITE_CANTOPEN
    15: StorageKind.BUSY,  # SQLITE_PROTOCOL: a lock race between processes
    26: StorageKind.CORRUPT,  # SQLITE_NOTADB
}
# SQLITE_READONLY_DBMOVED: the file was deleted or renamed while open (the folder vanished).
_SQLITE_DBMOVED = 8 | (4 << 8)

_OS_KINDS = {
    errno.ENOSPC: StorageKind.FULL,
    errno.EDQUOT: StorageKind.FULL,
    errno.EROFS: StorageKind.READ_ONLY,
    errno.EACCES: StorageKind.READ_ONLY,
    errno.EPERM: StorageKind.READ_ONLY,
    errno.ENOENT: StorageKind.MISSING,
    errno.ENOTDIR: StorageKind.MISSING,
    errno.EIO: StorageKind.IO,
}


def sqlite_kind(error: BaseException) -> StorageKind | None:
    """The kind of an error of the sqlite3 driver, or ``None`` when it is not the machine's."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.Error) or code is None:
        return None
    if code == _SQLITE_DBMOVED:
        return StorageKind.MISSING
    return _SQLITE_KINDS.get(code & 0xFF)


def os_kind(error: OSError) -> StorageKind | None:
    return _OS_KINDS.get(error.errno) if error.errno is not None else None


def raise_fault(
    fault: FaultFactory, kind: StorageKind, path: Path, error: BaseException | None
) -> NoReturn:
    """Log the fault with ``error``'s traceback, then raise ``fault(kind, path)`` chained to
    ``error``."""
    level = logging.ERROR if kind in (StorageKind.CORRUPT, StorageKind.EMPTY) else logging.WARNING
    log.log(level, "storage fault (%s) at %s", kind, path, exc_info=error)
    raise fault(kind, path) from error


@contextmanager
def writing(fault: FaultFactory, path: Path) -> Iterator[None]:
    """Writing to ``path``: an :class:`OSError` of a known kind becomes ``fault(kind, path)``."""
    try:
        yield
    except OSError as error:
        kind = os_kind(error)
        if kind is None:
            raise
        raise_fault(fault, kind, path, error)
