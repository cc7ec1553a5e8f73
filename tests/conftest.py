"""Shared fixtures: real desks on real SQLite files in temp dirs."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Read aloud (ui.speech) on Qt's own mock engine: no test talks to a real speech daemon.
os.environ["CLERK_DESK_TTS_ENGINE"] = "mock"

from clerk_desk import i18n
from clerk_desk.desk import Desk

pytest_plugins = ["postgres_server", "platform_fixtures"]


@pytest.fixture(autouse=True)
def _chinese_messages() -> Iterator[None]:
    """Each test starts in the shipped default language."""
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _no_unexpected_error_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that logs an ERROR or CRITICAL record it did not declare with
    ``@pytest.mark.expected_error_log(pattern)``; each declared pattern must also be logged
    (searched in "logger: message"), so a test also proves what stays in the log."""
    patterns = [
        re.compile(marker.args[0]) for marker in request.node.iter_markers("expected_error_log")
    ]
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    lines = [f"{record.name}: {record.getMessage()}" for record in handler.records]
    unexpected = [line for line in lines if not any(p.search(line) for p in patterns)]
    missing = [p.pattern for p in patterns if not any(p.search(line) for line in lines)]
    if unexpected or missing:
        pytest.fail(f"unexpected error log records: {unexpected}; expected but missing: {missing}")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data dir seeded once: hashing the demo passwords with argon2 takes a second."""
    root = tmp_path_factory.mktemp("demo-template") / "data"
    desk = Desk.open(root, demo_mode=True)
    # The desk id the sandbox tests sign in with (``sandbox_client.sign_in``'s default): the
    # platform takes a desk's cases and events only with a token issued to that desk.
    desk.settings.update(desk_id="desk-test")
    desk.settings.save()
    desk.close()
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
