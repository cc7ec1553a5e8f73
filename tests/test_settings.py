"""Desk settings: declared defaults, JSON round trip, atomic save, versioned migrations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clerk_desk.settings import OPTIONS, SETTINGS_VERSION, Settings, SettingsError
from clerk_desk.storage_errors import StorageError
from local_cache.faults import StorageKind


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_missing_file_gives_every_default_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    settings = Settings.load(path)
    assert settings.as_dict() == {option.name: option.default for option in OPTIONS}
    assert settings.get("mode") == "production"
    assert settings.get("idle_lock_minutes") == 5
    assert settings.get("platform_url") == ""
    assert not path.exists()


def test_saved_values_come_back(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    settings = Settings.load(path)
    settings.update(centre_name="合肥市政务服务中心", window_number=7, font_scale=1.5)
    settings.save()

    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["settings_version"] == SETTINGS_VERSION
    assert "合肥市政务服务中心" in path.read_text(encoding="utf-8")  # readable, not \\u escapes
    again = Settings.load(path)
    assert again.as_dict() == settings.as_dict()
    assert again.get("window_number") == 7


def test_save_replaces_the_file_whole(tmp_path: Path) -> None:
    """A reader that opened the old file keeps reading the complete old file."""
    path = tmp_path / "config.json"
    first = Settings.load(path)
    first.update(centre_name="旧中心")
    first.save()
    with path.open(encoding="utf-8") as old_reader:
        second = Settings.load(path)
        second.update(centre_name="新中心")
        second.save()
        assert json.load(old_reader)["centre_name"] == "旧中心"
    assert Settings.load(path).get("centre_name") == "新中心"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_a_crash_while_saving_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.json"
    settings = Settings.load(path)
    settings.update(centre_name="旧中心")
    settings.save()
    before = path.read_bytes()

    def disk_failure(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_failure)
    settings.update(centre_name="新中心")
    with pytest.raises(StorageError) as refused:
        settings.save()
    assert refused.value.kind is StorageKind.FULL
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


@pytest.mark.parametrize("version_field", [{"settings_version": 1}, {}])
def test_a_v1_file_is_upgraded(tmp_path: Path, version_field: dict[str, int]) -> None:
    """v1 kept the idle lock in seconds; files without a version are v1."""
    path = tmp_path / "config.json"
    _write(path, {**version_field, "lock_after_seconds": 600, "centre_code": "340100"})

    settings = Settings.load(path)
    assert settings.get("idle_lock_minutes") == 10
    assert settings.get("centre_code") == "340100"

    settings.save()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["settings_version"] == SETTINGS_VERSION
    assert stored["idle_lock_minutes"] == 10
    assert "lock_after_seconds" not in stored


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    _write(path, {"settings_version": SETTINGS_VERSION + 1, "centre_code": "340100"})
    with pytest.raises(SettingsError) as refused:
        Settings.load(path)
    message = refused.value.render("en")
    assert "newer clerk_desk" in message
    assert f"version {SETTINGS_VERSION + 1}" in message
    assert "update this program" in message
    assert str(SETTINGS_VERSION + 1) in refused.value.render("zh_CN")


@pytest.mark.parametrize(
    ("name", "value"),
    [("window_number", "3"), ("window_number", True), ("centre_code", 340100), ("font_scale", "1")],
)
def test_a_value_of_the_wrong_type_is_refused(tmp_path: Path, name: str, value: object) -> None:
    path = tmp_path / "config.json"
    _write(path, {"settings_version": SETTINGS_VERSION, name: value})
    with pytest.raises(SettingsError) as refused:
        Settings.load(path)
    assert f"Setting {name} must be of type" in refused.value.render("en")
    with pytest.raises(SettingsError):
        Settings.load(tmp_path / "other.json").set(name, value)


def test_an_int_is_accepted_where_a_float_is_declared(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    _write(path, {"settings_version": SETTINGS_VERSION, "font_scale": 2})
    assert Settings.load(path).get("font_scale") == 2.0


def test_a_broken_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"centre_code": ', encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        Settings.load(path)
    assert str(path) in refused.value.render("en")


def test_unknown_names_cannot_be_set(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        Settings.load(tmp_path / "config.json").set("no_such_option", 1)
