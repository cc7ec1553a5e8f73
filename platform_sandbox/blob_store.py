"""Blob bytes on disk, content-addressed and resumable.

``<blob dir>/<sha256>.part`` grows by appends at the offset the database row records; each
append is fsynced before the row moves on, and an append first cuts the file back to that
offset, so bytes written before a crash but never recorded are overwritten, not kept. When
the last byte arrives the file is hashed, and renamed to ``<blob dir>/<sha256>`` (fsynced)
only if it matches its name; otherwise it is deleted (422 ``hash_mismatch``).
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from platform_sandbox.errors import ApiError, Problem, invalid
from platform_sandbox.models import BlobRow
from platform_sandbox.platform import Platform

MAX_BLOB_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1024 * 1024
# Appends to one blob run one at a time; striped so the table of locks stays small.
_LOCKS = tuple(threading.Lock() for _ in range(64))


@dataclass(frozen=True)
class BlobStatus:
    held: int
    length: int | None
    complete: bool


def status(platform: Platform, sha256: str) -> BlobStatus | None:
    with platform.database.read() as session:
        row = session.get(BlobRow, sha256)
        return None if row is None else BlobStatus(row.held, row.length, row.complete)


def complete_path(platform: Platform, sha256: str) -> Path | None:
    found = status(platform, sha256)
    path = platform.blob_dir / sha256
    return path if found is not None and found.complete and path.exists() else None


def offset_mismatch(held: int) -> ApiError:
    return ApiError(
        409,
        "offset_mismatch",
        f"平台已持有该文件的{held}字节，请从该位置继续上传",
        headers={"Upload-Offset": str(held)},
    )


def too_large() -> ApiError:
    return ApiError(413, "too_large", "文件超过64 MiB，平台不接收")


def append(platform: Platform, sha256: str, offset: int, length: int, data: bytes) -> BlobStatus:
    """Append ``data`` at ``offset`` of a blob of ``length`` bytes; verify it when complete."""
    with _LOCKS[int(sha256[:2], 16) % len(_LOCKS)]:
        current = status(platform, sha256) or BlobStatus(0, None, False)
        if current.complete:
            if offset == current.held and not data:
                return current
            raise offset_mismatch(current.held)
        if offset != current.held:
            raise offset_mismatch(current.held)
        if current.length is not None and current.length != length:
            raise invalid([Problem(field="header.upload-length", message=f"应为{current.length}")])
        if offset + len(data) > length:
            raise invalid([Problem(field="body", message="数据超出Upload-Length")])
        if not data and length > 0:
            return current
        held = _write(platform.blob_dir / f"{sha256}.part", offset, data)
        complete = held == length
        if complete:
            _finish(platform, sha256)
        with platform.database.write() as session:
            row = session.get(BlobRow, sha256)
            if row is None:
                row = BlobRow(sha256=sha256)
                session.add(row)
            row.length, row.held, row.complete = length, held, complete
        return BlobStatus(held, length, complete)


def _write(part: Path, offset: int, data: bytes) -> int:
    with open(part, "r+b" if part.exists() else "wb") as file:
        file.truncate(offset)
        file.seek(offset)
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    return offset + len(data)


def _finish(platform: Platform, sha256: str) -> None:
    part = platform.blob_dir / f"{sha256}.part"
    if file_sha256(part) != sha256:
        part.unlink()
        with platform.database.write() as session:
            row = session.get(BlobRow, sha256)
            if row is not None:
                session.delete(row)
        raise ApiError(422, "hash_mismatch", "文件内容与其SHA-256不符，已丢弃，请重新上传整个文件")
    os.replace(part, platform.blob_dir / sha256)
    _fsync_dir(platform.blob_dir)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
