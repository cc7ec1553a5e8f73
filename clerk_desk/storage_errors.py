"""The storage error: the desk's data cannot be read or written now, for a reason outside the
program, with what to do. Apart from :mod:`clerk_desk.errors` because it rests on
:mod:`local_cache.faults`, which the platform (importing the shared errors) must not load."""

from __future__ import annotations

from pathlib import Path

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from local_cache.faults import StorageKind

_STORAGE_MESSAGES = {
    StorageKind.FULL: QT_TRANSLATE_NOOP(
        "core",
        "The disk holding the desk's data ({path}) is full. Free some disk space, then try again",
    ),
    StorageKind.READ_ONLY: QT_TRANSLATE_NOOP(
        "core",
        "The desk's data folder ({path}) cannot be written (read-only). Check the disk, "
        "USB drive or network share, then try again",
    ),
    StorageKind.MISSING: QT_TRANSLATE_NOOP(
        "core",
        "The desk's data folder ({path}) is missing or cannot be reached. Check that the "
        "disk, USB drive or network share is connected, then try again",
    ),
    StorageKind.BUSY: QT_TRANSLATE_NOOP(
        "core",
        "Another program is holding the desk's database ({path}). Close it (or the other "
        "clerk-desk window), then try again",
    ),
    StorageKind.CORRUPT: QT_TRANSLATE_NOOP(
        "core",
        "The desk's database ({path}) is damaged. Stop working at this desk, run "
        "'clerk-desk doctor' and restore the database from a backup",
    ),
    StorageKind.IO: QT_TRANSLATE_NOOP(
        "core",
        "The disk holding the desk's data ({path}) reported a read or write error. Check "
        "the disk, USB drive or network share, then try again",
    ),
    StorageKind.EMPTY: QT_TRANSLATE_NOOP(
        "core",
        "The desk's database ({path}) is empty (0 bytes): this desk's data is lost. Restore "
        "the database from a backup; to start a new, empty desk instead, move the empty "
        "file away",
    ),
}


_FILE_KINDS = {StorageKind.BUSY, StorageKind.CORRUPT, StorageKind.EMPTY}


class StorageError(UserError):
    """The desk's data cannot be read or written now (full disk, read-only or vanished
    folder, a lock held by another program, damage); the message says what to do and the
    original error chain is in the log (see :mod:`local_cache.faults`)."""

    def __init__(self, kind: StorageKind, path: Path) -> None:
        """``path`` is the file that failed; messages about the folder name its folder."""
        shown = path if kind in _FILE_KINDS else path.parent
        super().__init__(_STORAGE_MESSAGES[kind], path=str(shown))
        self.kind = kind
        self.path = path
