"""Shared fixtures: real desks on real SQLite files in temp dirs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clerk_desk import i18n  # noqa: E402
from clerk_desk.desk import Desk  # noqa: E402


@pytest.fixture(autouse=True)
def _chinese_messages() -> Iterator[None]:
    """Each test starts in the shipped default language."""
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def demo_desk(tmp_path: Path) -> Iterator[Desk]:
    desk = Desk.open(tmp_path / "demo-data", demo_mode=True)
    yield desk
    desk.close()


@pytest.fixture
def fresh_desk(tmp_path: Path) -> Iterator[Desk]:
    """A production desk on its first start: no centre, no accounts, empty catalog."""
    desk = Desk.open(tmp_path / "desk-data")
    yield desk
    desk.close()
