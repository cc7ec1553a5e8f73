"""Commands that meet a storage failure print one Chinese line saying what to do and exit 2;
the error chain goes to the data folder's log, never to the terminal."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import clerk_desk


def log_of(data_dir: Path) -> str:
    return (data_dir / "logs" / "clerk-desk.log").read_text(encoding="utf-8")


def test_a_damaged_database_is_one_line_and_the_chain_is_in_the_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / "desk.sqlite3"
    database.write_bytes(b"this is not a database" * 200)
    result = clerk_desk("catalog", "list", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"错误：本机数据库（{database}）已损坏。请停止在本机办件，运行“clerk-desk doctor”检查，"
        "并从备份恢复数据库"
    ]
    log = log_of(data_dir)
    assert f"ERROR local_cache.faults [MainThread] storage fault (corrupt) at {database}" in log
    assert "sqlite3.DatabaseError: file is not a database" in log


def test_an_emptied_database_is_refused_not_replaced(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert clerk_desk("catalog", "list", "--data-dir", str(data_dir)).returncode == 0
    database = data_dir / "desk.sqlite3"
    database.write_bytes(b"")
    result = clerk_desk("catalog", "list", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"错误：本机数据库（{database}）是空文件（0 字节）：本机数据已丢失。请从备份恢复数据库；"
        "如要改为启用一个新的空白窗口，请先把这个空文件移走"
    ]
    assert database.stat().st_size == 0
    assert f"storage fault (empty) at {database}" in log_of(data_dir)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 400 KiB file system (tmpfs): too small for a demo desk's catalogue."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", disk],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "--lazy", disk], check=True)


def test_a_full_disk_is_one_line(small_disk: Path) -> None:
    data_dir = small_disk / "data"
    result = clerk_desk("catalog", "list", "--demo", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"错误：存放本机数据的磁盘（{data_dir}）已满。请清理出磁盘空间后重试"
    ]
