"""Storage failures during work, made for real: each is one StorageError whose Chinese message
says what to do, the failed write leaves nothing half done, and what was saved stays."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from storage_helpers import held_by_another_program, pragmas_on_new_connections, read_only

from clerk_desk import diagnostics
from clerk_desk.desk import Desk, DeskOpenError
from clerk_desk.domain.case import Applicant, Case
from clerk_desk.domain.identity import make_id_number
from clerk_desk.storage_errors import StorageError
from local_cache.db import Database
from local_cache.faults import StorageKind

FOOD_LICENCE = "000142130101"


def new_draft(desk: Desk, name: str) -> Case:
    case = desk.intake.create_draft([FOOD_LICENCE], "clerk")
    case.applicant = Applicant(name=name, id_number=make_id_number("340104", date(1990, 5, 1), 12))
    desk.intake.save_draft(case)
    return case


def saved_name(desk: Desk, case: Case) -> str:
    stored = desk.intake.case(case.uuid)
    assert stored is not None
    return stored.applicant.name


def test_a_full_disk_refuses_the_save_and_keeps_the_last_one(demo_desk: Desk) -> None:
    case = new_draft(demo_desk, "张三")
    case.applicant.name = "李四"
    case.materials[0].note = "很长的备注" * 50_000  # needs new pages in the file
    pages = demo_desk.database.pragma("page_count")
    with (
        pragmas_on_new_connections(demo_desk.database, max_page_count=pages),
        pytest.raises(StorageError) as refused,
    ):
        demo_desk.intake.save_draft(case)
    assert refused.value.kind is StorageKind.FULL
    assert refused.value.render() == (
        f"存放本机数据的磁盘（{demo_desk.data_dir.root}）已满。请清理出磁盘空间后重试"
    )
    assert saved_name(demo_desk, case) == "张三"
    demo_desk.intake.save_draft(case)  # space again: the same draft saves
    assert saved_name(demo_desk, case) == "李四"


def test_a_database_held_by_another_program_is_busy(demo_desk: Desk) -> None:
    case = new_draft(demo_desk, "张三")
    case.applicant.name = "李四"
    with held_by_another_program(demo_desk.database), pytest.raises(StorageError) as refused:
        demo_desk.intake.save_draft(case)
    assert refused.value.kind is StorageKind.BUSY
    assert refused.value.render() == (
        f"另一个程序正占用本机数据库（{demo_desk.data_dir.database}）。"
        "请关闭该程序（或另一个综合窗口程序）后重试"
    )
    assert saved_name(demo_desk, case) == "张三"
    demo_desk.intake.save_draft(case)
    assert saved_name(demo_desk, case) == "李四"


@pytest.mark.expected_error_log(r"^local_cache\.faults: storage fault \(corrupt\)")
def test_a_database_damaged_during_work_is_corrupt(demo_desk: Desk) -> None:
    case = new_draft(demo_desk, "张三")
    database = demo_desk.data_dir.database
    demo_desk.database.pragma("wal_checkpoint(TRUNCATE)")
    page_size = demo_desk.database.pragma("page_size")
    with database.open("r+b") as file:  # every page but the first (the schema) overwritten
        file.seek(page_size)
        file.write(b"\xa5" * (database.stat().st_size - page_size))
    demo_desk.database.engine.dispose()  # the next connection reads the file, not a cache
    with pytest.raises(StorageError) as refused:
        demo_desk.intake.list_drafts("clerk")
    assert refused.value.kind is StorageKind.CORRUPT
    assert refused.value.render() == (
        f"本机数据库（{database}）已损坏。请停止在本机办件，运行“clerk-desk doctor”检查，"
        "并从备份恢复数据库"
    )
    del case


def test_a_vanished_data_folder_is_said_and_nothing_goes_into_the_void(
    demo_desk: Desk, tmp_path: Path
) -> None:
    case = new_draft(demo_desk, "张三")
    case.applicant.name = "李四"
    root = demo_desk.data_dir.root
    shutil.move(root, tmp_path / "unplugged")
    message = (
        f"找不到或无法访问本机数据文件夹（{root}）。请检查磁盘、U 盘或网络共享是否已连接，然后重试"
    )
    for attempt in (
        lambda: demo_desk.intake.save_draft(case),
        lambda: demo_desk.intake.files.put(b"%PDF-1.4 page"),
    ):
        with pytest.raises(StorageError) as refused:
            attempt()
        assert refused.value.kind is StorageKind.MISSING
        assert refused.value.render() == message
    assert not root.exists()  # the store did not make a new, empty data folder
    shutil.move(tmp_path / "unplugged", root)  # plugged in again: the work goes on
    assert saved_name(demo_desk, case) == "张三"
    demo_desk.intake.save_draft(case)
    assert saved_name(demo_desk, case) == "李四"


def test_a_data_folder_replaced_by_a_file_is_missing(demo_desk: Desk, tmp_path: Path) -> None:
    root = demo_desk.data_dir.root
    shutil.move(root, tmp_path / "elsewhere")
    root.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StorageError) as refused:
        demo_desk.intake.files.put(b"page")
    assert refused.value.kind is StorageKind.MISSING


def test_a_read_only_data_folder_is_said(demo_desk: Desk) -> None:
    case = new_draft(demo_desk, "张三")
    case.applicant.name = "李四"
    root = demo_desk.data_dir.root
    message = f"本机数据文件夹（{root}）无法写入（只读）。请检查磁盘、U 盘或网络共享后重试"
    with read_only(root):
        demo_desk.database.engine.dispose()  # connections opened from now on see the mount
        for attempt in (
            lambda: demo_desk.intake.save_draft(case),
            lambda: demo_desk.intake.files.put(b"%PDF-1.4 page"),
        ):
            with pytest.raises(StorageError) as refused:
                attempt()
            assert refused.value.kind is StorageKind.READ_ONLY
            assert refused.value.render() == message
        assert saved_name(demo_desk, case) == "张三"  # reading still works
    demo_desk.database.engine.dispose()
    demo_desk.intake.save_draft(case)
    assert saved_name(demo_desk, case) == "李四"


@pytest.mark.expected_error_log(r"^local_cache\.faults: storage fault \(empty\)")
def test_an_emptied_database_is_lost_data_not_a_new_desk(tmp_path: Path) -> None:
    root = tmp_path / "data"
    Desk.open(root).close()
    database = root / "desk.sqlite3"
    database.write_bytes(b"")
    with pytest.raises(StorageError) as refused:
        Desk.open(root)
    assert refused.value.kind is StorageKind.EMPTY
    assert refused.value.render() == (
        f"本机数据库（{database}）是空文件（0 字节）：本机数据已丢失。请从备份恢复数据库；"
        "如要改为启用一个新的空白窗口，请先把这个空文件移走"
    )
    assert database.stat().st_size == 0  # left as found, for whoever restores it
    database.unlink()
    Desk.open(root).close()  # moved away: a new desk starts


def test_the_database_and_its_wal_are_owner_only(fresh_desk: Desk) -> None:
    fresh_desk.accounts.count()
    database = fresh_desk.data_dir.database
    files = [database, *database.parent.glob("desk.sqlite3-*")]
    assert {path.name for path in files} == {"desk.sqlite3", "desk.sqlite3-wal", "desk.sqlite3-shm"}
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in files} == {
        path.name: 0o600 for path in files
    }


def test_settings_on_a_read_only_folder_are_refused_and_the_old_file_stays(
    demo_desk: Desk,
) -> None:
    config = demo_desk.data_dir.config_file
    before = config.read_bytes()
    demo_desk.settings.set("idle_lock_minutes", 3)
    with read_only(demo_desk.data_dir.root), pytest.raises(StorageError) as refused:
        demo_desk.settings.save()
    assert refused.value.kind is StorageKind.READ_ONLY
    assert "无法写入（只读）" in refused.value.render()
    assert config.read_bytes() == before


@pytest.mark.expected_error_log(r"^local_cache\.faults: storage fault \(empty\)")
def test_doctor_names_an_emptied_database(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    database.write_bytes(b"")
    result = diagnostics.check_database(database)
    assert result.is_error
    assert result.detail.render().startswith(f"本机数据库（{database}）是空文件（0 字节）")
    assert result.remedy is not None and result.remedy.render() == "请从备份恢复数据库"


@pytest.mark.expected_error_log(r"^clerk_desk\.desk: cannot open or migrate ")
def test_a_database_that_cannot_be_migrated_is_refused_and_logged(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    with closing(sqlite3.connect(root / "desk.sqlite3")) as other:
        other.execute("CREATE TABLE accounts (x)")  # in the way of the first migration
    with pytest.raises(DeskOpenError) as refused:
        Desk.open(root)
    assert refused.value.render().startswith(f"无法打开本机数据库 {root / 'desk.sqlite3'}（")


def test_an_older_world_readable_database_becomes_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    with closing(sqlite3.connect(path)) as older:
        older.execute("PRAGMA journal_mode = WAL")
        older.execute("CREATE TABLE t (x)")
        path.chmod(0o644)
        Database(path).dispose()
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {"desk.sqlite3": 0o600, "desk.sqlite3-wal": 0o600, "desk.sqlite3-shm": 0o600}


def test_settings_in_a_vanished_folder_do_not_make_a_new_one(
    demo_desk: Desk, tmp_path: Path
) -> None:
    root = demo_desk.data_dir.root
    shutil.move(root, tmp_path / "unplugged")
    demo_desk.settings.set("idle_lock_minutes", 3)
    with pytest.raises(StorageError) as refused:
        demo_desk.settings.save()
    assert refused.value.kind is StorageKind.MISSING
    assert not root.exists()
