"""Fetching a file this desk does not hold (a page of a case taken in at another window).

Runs on the network lane, never in the window's thread. The bytes arrive in ranges of
:data:`CHUNK_SIZE` and are appended to a partial file beside the file store, so a fetch cut off
anywhere (a dropped connection, the desk closed) continues from what arrived. The whole file
must match its sha256 before it enters the store; a file already in the store is returned
without asking the platform.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.errors import TransportFailure
from local_cache.faults import writing
from local_cache.file_store import CHUNK_SIZE, FileStore

PARTIAL_FOLDER = "downloads"
Progress = Callable[[int, int], None]  # bytes held, bytes in all


def partial_path(files: FileStore, sha256: str) -> Path:
    """Where the bytes of ``sha256`` fetched so far are kept (beside the store, so the
    store's sweep of stray files never takes a fetch half done)."""
    files.path_for(sha256)  # refuses anything but a sha256
    return files.root.parent / PARTIAL_FOLDER / f"{sha256}.part"


def fetch_blob(
    client: PlatformClient,
    token: str,
    files: FileStore,
    sha256: str,
    size: int,
    progress: Progress | None = None,
) -> Path:
    """The stored file of ``sha256`` (``size`` bytes), fetched from the platform if this desk
    does not hold it. Raises :class:`TransportFailure` (try again: what arrived is kept) or
    :class:`~clerk_desk.sync.errors.Refused` (the platform does not have it, or says no)."""
    if files.exists(sha256):
        return files.path_for(sha256)
    partial = partial_path(files, sha256)
    with writing(files.fault, partial.parent):
        partial.parent.mkdir(exist_ok=True)
        held = partial.stat().st_size if partial.exists() else 0
        if held > size:
            partial.unlink()
            held = 0
    while held < size:
        part = client.blob_range(token, sha256, held, CHUNK_SIZE)
        if part.total != size or not part.data or part.start > held:
            raise _failure(
                # 平台发来的文件与所需的不符（大小不对），稍后重新获取
                QT_TRANSLATE_NOOP(
                    "core", "The platform sent a file of another size; it is fetched again later"
                )
            )
        held = _write(files, partial, part.start, part.data)
        if progress is not None:
            progress(min(held, size), size)
    return _store(files, partial, sha256)


def _write(files: FileStore, partial: Path, start: int, data: bytes) -> int:
    """Write ``data`` at ``start`` (what lies beyond is dropped); the bytes now held."""
    with writing(files.fault, partial), partial.open("r+b" if partial.exists() else "wb") as out:
        out.seek(start)
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())
        return out.tell()


def _store(files: FileStore, partial: Path, sha256: str) -> Path:
    digest = hashlib.sha256()
    with partial.open("rb") as source:
        while chunk := source.read(CHUNK_SIZE):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        partial.unlink()
        raise _failure(
            # 平台发来的文件与其校验值不符，已丢弃，稍后重新获取
            QT_TRANSLATE_NOOP(
                "core",
                "The file from the platform does not match its checksum; it was dropped "
                "and is fetched again later",
            )
        )
    stored = files.put(partial)
    partial.unlink()
    return stored.path


def _failure(template: str) -> TransportFailure:
    return TransportFailure(Message(template, {}))
