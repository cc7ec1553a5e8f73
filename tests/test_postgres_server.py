"""The throwaway PostgreSQL's binaries: the newest version Debian installed, or a clear failure."""

from __future__ import annotations

from pathlib import Path

import postgres_server
import pytest


def _install(root: Path, version: str) -> Path:
    bin_dir = root / version / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("initdb", "pg_ctl"):
        (bin_dir / name).touch()
    return bin_dir


def test_the_newest_installed_version_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres_server, "BINARIES", tmp_path)
    for version in ("9", "15"):
        _install(tmp_path, version)
    newest = _install(tmp_path, "16")
    assert postgres_server.server_bin_dir() == newest


def test_missing_binaries_fail_and_say_how_to_install_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres_server, "BINARIES", tmp_path)
    with pytest.raises(pytest.fail.Exception, match=r"run \./scripts/setup\.sh"):
        postgres_server.server_bin_dir()
