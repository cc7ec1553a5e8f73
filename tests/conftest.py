"""Shared fixtures: real desks on real SQLite files in temp dirs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clerk_desk import i18n
from clerk_desk.desk import Desk

pytest_plugins = ["postgres_server", "platform_fixtures"]


@pytest.fixture(autouse=True)
def _chinese_messages() -> Iterator[None]:
    """Each test starts in the shipped default language."""
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data dir seeded once: hashing the demo passwords with argon2 takes a second."""
    root = tmp_path_factory.mktemp("demo-template") / "data"
    Desk.open(root, demo_mode=True).close()
    return root


@pytest.fixture
def demo_desk(tmp_path: Path, demo_template: Path) -> Iterator[Desk]:
    """A demo desk of its own per test (a copy of the closed template, never of a live file)."""
    root = tmp_path / "demo-data"
    shutil.copytree(demo_template, root)
    desk = Desk.open(root, demo_mode=True)
    yield desk
    desk.close()


@pytest.fixture
def fresh_desk(tmp_path: Path) -> Iterator[Desk]:
    """A production desk on its first start: no centre, no accounts, empty catalog."""
    desk = Desk.open(tmp_path / "desk-data")
    yield desk
    desk.close()
