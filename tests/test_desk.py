"""Opening a desk: data directories, demo mode, first setup, and where files end up."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_desk import demo, paths
from clerk_desk.desk import Desk, SetupError
from clerk_desk.domain.roles import Role
from clerk_desk.services.accounts import AccountError

VALID_SETUP = {
    "centre_code": "340104",
    "centre_name": "蜀山区政务服务中心",
    "window_number": 5,
    "window_category": "社会事务",
    "admin_username": "admin",
    "admin_password": "admin-password",
    "admin_display_name": "刘洋",
}


def test_demo_mode_has_its_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "base"))
    assert paths.default_root(demo=False) == tmp_path / "base"
    assert paths.default_root(demo=True) == tmp_path / "base" / "demo"

    desk = Desk.open(demo_mode=True)
    try:
        assert desk.data_dir.root == tmp_path / "base" / "demo"
        assert desk.demo_mode
    finally:
        desk.close()
    assert not (tmp_path / "base" / "desk.sqlite3").exists()


def test_the_default_folder_is_the_users_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    real = paths.default_root(demo=False)
    assert real.name == paths.APP_NAME
    assert paths.default_root(demo=True) == real / "demo"


def test_a_demo_desk_is_seeded(demo_desk: Desk) -> None:
    assert {clerk.username for clerk in demo_desk.accounts.accounts()} == {
        account.username for account in demo.DEMO_ACCOUNTS
    }
    for account in demo.DEMO_ACCOUNTS:
        clerk = demo_desk.accounts.sign_in(account.username, account.password)
        assert clerk.display_name == account.display_name
    assert demo_desk.settings.get("centre_name") == demo.DEMO_SETTINGS["centre_name"]
    assert demo_desk.catalog.count() > 0
    assert not demo_desk.needs_setup()


def test_reopening_a_demo_desk_does_not_seed_twice(tmp_path: Path) -> None:
    for _ in range(2):
        desk = Desk.open(tmp_path / "demo-data", demo_mode=True)
        count = len(desk.accounts.accounts())
        items = desk.catalog.count()
        desk.close()
    assert count == len(demo.DEMO_ACCOUNTS)
    assert items > 0


@pytest.mark.parametrize(
    ("first", "then", "found", "wanted", "chinese"),
    [
        (True, False, "demo / training", "production", "演示/培训模式的工作台，不能以正式模式"),
        (False, True, "production", "demo / training", "正式模式的工作台，不能以演示/培训模式"),
    ],
)
def test_a_folder_serves_one_mode_only(
    tmp_path: Path, first: bool, then: bool, found: str, wanted: str, chinese: str
) -> None:
    folder = tmp_path / "data"
    Desk.open(folder, demo_mode=first).close()
    with pytest.raises(paths.DataDirError) as refused:
        Desk.open(folder, demo_mode=then)
    assert refused.value.render("en") == (
        f"{folder} holds a {found} desk and cannot be opened in {wanted} mode; "
        "use another data directory"
    )
    assert chinese in refused.value.render("zh_CN")


def test_a_file_is_not_a_data_directory(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(paths.DataDirError) as refused:
        Desk.open(not_a_folder)
    assert refused.value.render("en") == (
        f"{not_a_folder} exists and is not a folder; choose another data directory"
    )


def test_a_new_production_desk_needs_setup(fresh_desk: Desk) -> None:
    assert fresh_desk.needs_setup()
    assert fresh_desk.accounts.count() == 0
    assert fresh_desk.catalog.count() == 0
    assert not fresh_desk.demo_mode


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"centre_code": "34010"}, "Centre code must be the 6-digit division code, e.g. 340100"),
        ({"centre_name": "  "}, "Enter the centre's name"),
        ({"window_number": 0}, "Window number must be from 1 to 999"),
        ({"window_number": 1000}, "Window number must be from 1 to 999"),
        (
            {"window_category": "综合"},
            "Window category must be one of: 企业开办、投资建设、生产经营准入、社会事务",
        ),
    ],
)
def test_setup_input_is_checked(fresh_desk: Desk, change: dict[str, object], expected: str) -> None:
    with pytest.raises(SetupError) as refused:
        fresh_desk.complete_setup(**{**VALID_SETUP, **change})
    assert refused.value.render("en") == expected
    assert fresh_desk.needs_setup()
    assert fresh_desk.accounts.count() == 0


def test_setup_refuses_a_weak_admin_password(fresh_desk: Desk) -> None:
    with pytest.raises(AccountError):
        fresh_desk.complete_setup(**{**VALID_SETUP, "admin_password": "short"})
    assert fresh_desk.needs_setup()


def test_completed_setup_survives_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "desk-data"
    desk = Desk.open(folder)
    desk.complete_setup(**VALID_SETUP)
    desk.close()

    again = Desk.open(folder)
    try:
        assert not again.needs_setup()
        assert again.settings.get("centre_code") == "340104"
        assert again.settings.get("window_category") == "社会事务"
        admin = again.accounts.sign_in("admin", "admin-password")
        assert admin.roles == (Role.ADMIN,)
    finally:
        again.close()


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_every_file_lives_under_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HOME, XDG folders and the working directory stay empty; only the data dir fills."""
    home, cwd, data = tmp_path / "home", tmp_path / "cwd", tmp_path / "data"
    for folder in (home, cwd):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.chdir(cwd)

    desk = Desk.open(data, demo_mode=True)
    try:
        desk.accounts.sign_in("clerk", "demo-clerk")
        desk.settings.update(font_scale=1.25)
        desk.settings.save()
        desk.catalog.record_use(desk.catalog.items()[0].basic_code)
    finally:
        desk.close()

    assert _tree(home) == []
    assert _tree(cwd) == []
    assert set(_tree(data)) <= {
        "config.json",
        "desk.sqlite3",
        "desk.sqlite3-wal",
        "desk.sqlite3-shm",
        "logs",
        "files",
        "crash",
    }
    assert {"config.json", "desk.sqlite3"} <= set(_tree(data))
