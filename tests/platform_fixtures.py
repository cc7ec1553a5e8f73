"""The real sandbox platform as a subprocess on 127.0.0.1, for tests that need a live server.

``start_sandbox(tmp_path)`` starts ``python -m platform_sandbox serve --port 0`` on a fresh
SQLite file (or on the database ``db_url`` names) and reads the address from its first stdout
line; ``sandbox_server`` is the function-scoped fixture around it. It runs on SQLite, or on
each backend for a test marked ``@both_backends``: then also on a database of its own in the
session's PostgreSQL server (:mod:`postgres_server`), copied from a seeded template database.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

import pytest
from postgres_server import PostgresServer

from platform_sandbox.migrate import upgrade_to_head
from platform_sandbox.platform import Platform
from platform_sandbox.seeding import seed
from ui.embedded_platform import serve_command

READY_PREFIX = "clerk-desk sandbox listening on "
START_TIMEOUT_S = 30.0
BACKENDS = ("sqlite", "postgresql")
# Runs a test that uses ``sandbox_server`` once on each backend (overrides ``db_backend``).
both_backends = pytest.mark.parametrize("db_backend", BACKENDS)


@dataclass
class SandboxProcess:
    url: str
    db_url: str
    blob_dir: Path
    process: subprocess.Popen[str]
    stderr_lines: list[str] = field(default_factory=list)
    stderr_reader: threading.Thread | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.stderr_reader is not None:
            self.stderr_reader.join(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    @property
    def stderr(self) -> str:
        return "".join(self.stderr_lines)


def _seed(db_url: str, blob_dir: Path) -> None:
    platform = Platform.open(db_url, blob_dir)
    try:
        upgrade_to_head(platform.database)
        seed(platform)
    finally:
        platform.close()


@cache
def _seeded_template() -> Path:
    """A closed database with the demo accounts seeded: argon2 hashing is slow on purpose, so
    each sandbox starts from a copy (never of a live file) instead of hashing again."""
    folder = Path(tempfile.mkdtemp(prefix="sandbox-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "platform.sqlite"
    _seed(f"sqlite:///{path}", folder / "blobs")
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A PostgreSQL database migrated and seeded once; each test's database is a copy."""
    name = postgres_server.create_database()
    with tempfile.TemporaryDirectory() as blobs:
        _seed(postgres_server.url(name), Path(blobs))
    return name


def start_sandbox(
    tmp_path: Path,
    name: str = "platform",
    extra_args: tuple[str, ...] = (),
    db_url: str | None = None,
) -> SandboxProcess:
    """Start a sandbox on ``db_url``, by default ``tmp_path/<name>.sqlite`` (a seeded copy);
    blobs in ``tmp_path/<name>-blobs``."""
    blob_dir = tmp_path / f"{name}-blobs"
    if db_url is None:
        db_file = tmp_path / f"{name}.sqlite"
        db_url = f"sqlite:///{db_file}"
        if not db_file.exists():
            shutil.copyfile(_seeded_template(), db_file)
    process = subprocess.Popen(
        serve_command(db_url, "--blob-dir", str(blob_dir), *extra_args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    stderr_lines: list[str] = []
    assert process.stderr is not None
    reader = threading.Thread(target=_collect, args=(process.stderr, stderr_lines), daemon=True)
    reader.start()
    sandbox = SandboxProcess("", db_url, blob_dir, process, stderr_lines, reader)
    line = _first_line(process)
    if not line.startswith(READY_PREFIX):
        sandbox.stop()
        raise RuntimeError(f"sandbox did not start: first line {line!r}; stderr:\n{sandbox.stderr}")
    sandbox.url = line[len(READY_PREFIX) :].strip()
    return sandbox


def _first_line(process: subprocess.Popen[str]) -> str:
    """The first stdout line, or ``""`` if none comes within the start-up timeout."""
    assert process.stdout is not None
    lines: list[str] = []
    stdout = process.stdout
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT_S)
    return lines[0] if lines else ""


def _collect(stream: IO[str], into: list[str]) -> None:
    into.extend(stream)


@pytest.fixture
def db_backend() -> str:
    """The sandbox's database: SQLite unless a test is parametrized (``@both_backends``)."""
    return "sqlite"


@pytest.fixture
def sandbox_server(
    tmp_path: Path, db_backend: str, request: pytest.FixtureRequest
) -> Iterator[SandboxProcess]:
    if db_backend == "sqlite":
        sandbox = start_sandbox(tmp_path)
        yield sandbox
        sandbox.stop()
        return
    postgres: PostgresServer = request.getfixturevalue("postgres_server")
    database = postgres.create_database(template=request.getfixturevalue("postgres_template"))
    sandbox = start_sandbox(tmp_path, db_url=postgres.url(database))
    yield sandbox
    sandbox.stop()
    postgres.drop_database(database)
