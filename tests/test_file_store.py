"""The content-addressed file store on a real folder: put, dedupe, atomicity, the sweep."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from local_cache.file_store import TEMP_PREFIX, FileStore


def _files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def test_put_stores_by_sha256_in_a_two_level_fan_out(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    content = "申请书".encode() * 1000
    source = tmp_path / "申请书.pdf"
    source.write_bytes(content)

    stored = store.put(source)

    sha256 = hashlib.sha256(content).hexdigest()
    assert stored.sha256 == sha256
    assert stored.size == len(content)
    assert stored.path == tmp_path / "files" / sha256[:2] / sha256[2:4] / sha256
    assert stored.path.read_bytes() == content
    assert store.exists(sha256) and store.path_for(sha256) == stored.path
    assert _files(tmp_path / "files") == [stored.path]


def test_identical_content_is_stored_once(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    first = store.put(b"same bytes")
    second = store.put([b"same ", b"bytes"])
    assert first == second
    assert _files(tmp_path / "files") == [first.path]


def test_a_failed_put_leaves_nothing_under_any_name(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")

    def chunks() -> Iterator[bytes]:
        yield b"half of a scan"
        raise OSError("the scanner was unplugged")

    with pytest.raises(OSError, match="unplugged"):
        store.put(chunks())
    assert _files(tmp_path / "files") == []
    assert not store.exists(hashlib.sha256(b"half of a scan").hexdigest())


def test_sweep_removes_orphans_and_stray_temp_files_only(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    kept = store.put(b"referenced by a case")
    orphan = store.put(b"stored, then the desk was killed before the case was saved")
    stray = tmp_path / "files" / f"{TEMP_PREFIX}killed-mid-copy"
    stray.write_bytes(b"half")

    assert store.sweep_orphans({kept.sha256}) == 2

    assert _files(tmp_path / "files") == [kept.path]
    assert not orphan.path.parent.exists()
    assert store.sweep_orphans({kept.sha256}) == 0


def test_sweep_spares_files_younger_than_the_grace_period(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    fresh = store.put(b"just stored by another process")
    old = store.put(b"left by a crash yesterday")
    day_ago = time.time() - 86_400
    os.utime(old.path, (day_ago, day_ago))

    assert store.sweep_orphans(set(), grace_seconds=3600) == 1
    assert _files(tmp_path / "files") == [fresh.path]


def test_a_malformed_digest_never_becomes_a_path(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    with pytest.raises(ValueError, match="sha256"):
        store.path_for("../../desk.sqlite3")
