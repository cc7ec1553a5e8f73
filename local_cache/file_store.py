"""The content-addressed file store: attached files and scanned pages, by their sha256.

A file is written to a temporary file in the store's root, fsynced, then renamed into
``ab/cd/<sha256>`` (two-level fan-out keeps folders small) and the folder fsynced, so a file
under its final name is always complete. The case that refers to a file is saved only after
:meth:`FileStore.put` returned; a crash in between leaves an orphan that
:meth:`FileStore.sweep_orphans` removes at the next start, together with stray temp files.
Identical content is stored once.

Another process on the same data directory (the CLI while the window runs) may sweep while
a file is between ``put`` and the save of its case: a sweep may therefore spare files younger
than a grace period, and ``put`` of content already stored refreshes its modification time.

Writing into the store fails on a full disk or a read-only or vanished data folder: that is
raised as the owner's fault exception (:mod:`local_cache.faults`); an unreadable source file
stays a plain :class:`OSError` for the caller to explain.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from local_cache.faults import FaultFactory, StorageFault, writing

TEMP_PREFIX = ".tmp-"
CHUNK_SIZE = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")

Source = str | os.PathLike[str] | bytes | Iterable[bytes]


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


class FileStore:
    def __init__(self, root: Path, fault: FaultFactory = StorageFault) -> None:
        self.root = root
        self.fault = fault

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Source) -> StoredFile:
        """Store a file (a path), bytes, or chunks of bytes; nothing is left behind on error."""
        chunks = iter(_chunks(source))
        with writing(self.fault, self.root):
            # Never parents=True: a vanished data folder must not come back half empty.
            self.root.mkdir(exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.root)
        temp = Path(temp_name)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(handle, "wb") as out:
                # Reading the source is outside the guard: its errors are the caller's to tell.
                while (chunk := next(chunks, None)) is not None:
                    digest.update(chunk)
                    with writing(self.fault, self.root):
                        out.write(chunk)
                    size += len(chunk)
                with writing(self.fault, self.root):
                    out.flush()
                    os.fsync(out.fileno())
            with writing(self.fault, self.root):
                final = self._file_away(temp, digest.hexdigest())
        except BaseException:
            with suppress(OSError):  # the folder may be gone; the error to report is the first
                temp.unlink()
            raise
        return StoredFile(digest.hexdigest(), size, final)

    def _file_away(self, temp: Path, sha256: str) -> Path:
        final = self.path_for(sha256)
        if final.is_file():
            temp.unlink()
            os.utime(final)
        else:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, final)
            for folder in (final.parent, final.parent.parent, self.root):
                _fsync_dir(folder)
        return final

    def is_empty(self) -> bool:
        return not self.root.is_dir() or not any(self.root.iterdir())

    def sweep_orphans(self, known: set[str], grace_seconds: float = 0.0) -> int:
        """Remove every file not in ``known`` and every stray temp file, except those
        modified within the last ``grace_seconds``; return how many were removed."""
        if not self.root.is_dir():
            return 0
        removed = 0
        cutoff = time.time() - grace_seconds
        for path in self.root.rglob("*"):
            if (
                path.is_file()
                and not self._is_known(path, known)
                and path.stat().st_mtime <= cutoff
            ):
                path.unlink()
                removed += 1
        for folder in sorted(self.root.glob("*/*"), reverse=True) + list(self.root.glob("*")):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed

    def _is_known(self, path: Path, known: set[str]) -> bool:
        name = path.name
        return bool(_SHA256.fullmatch(name)) and name in known and path == self.path_for(name)


def _chunks(source: Source) -> Iterator[bytes]:
    if isinstance(source, bytes):
        yield source
    elif isinstance(source, str | os.PathLike):
        with open(source, "rb") as file:
            while chunk := file.read(CHUNK_SIZE):
                yield chunk
    else:
        yield from source


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows cannot open a folder for fsync (NTFS journals it)."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
