"""A throwaway PostgreSQL server for the platform's tests, from Debian's ``postgresql`` package.

``postgres_server`` (session-scoped) runs ``initdb`` into a fresh temp directory, starts the
server with ``pg_ctl -w`` listening only on a unix socket in that directory, and stops and
deletes it all at the end. The package's own cluster is never used. PostgreSQL refuses to run
as root, so when the tests run as root (CI) the directory is given to the package's
``postgres`` user (``nobody`` without it) and the server runs as that user via ``runuser``.
Missing binaries fail the tests (CI must test both backends): run ``./scripts/setup.sh``.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

BINARIES = Path("/usr/lib/postgresql")
SUPERUSER = "platform"
SERVER_USERS = ("postgres", "nobody")
START_TIMEOUT_S = 60
# A cluster that lives for one test session: durability is not wanted, speed is.
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
}


def server_bin_dir() -> Path:
    """``/usr/lib/postgresql/<newest version>/bin``; the tests fail if there is none."""
    found = sorted(
        (path.parent for path in BINARIES.glob("*/bin/pg_ctl")),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if not found or not (found[-1] / "initdb").exists():
        pytest.fail(
            f"PostgreSQL server binaries not found in {BINARIES}/*/bin: "
            "run ./scripts/setup.sh (it installs Debian's postgresql package)",
            pytrace=False,
        )
    return found[-1]


def _server_user() -> pwd.struct_passwd | None:
    """Who runs the server when we are root (PostgreSQL refuses root); None: ourselves."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.fail(f"none of the users {SERVER_USERS} exists to run PostgreSQL as", pytrace=False)


@dataclass
class PostgresServer:
    folder: Path
    bin_dir: Path
    user: pwd.struct_passwd | None
    _names: Iterator[int] = field(default_factory=itertools.count)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` (psycopg 3, over the unix socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def create_database(self, template: str | None = None) -> str:
        """A new, uniquely named database (a copy of ``template``, if given); its name."""
        name = f"test_{next(self._names)}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self._admin(statement)
        return name

    def drop_database(self, name: str) -> None:
        self._admin(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))

    def _admin(self, statement: sql.Composable) -> None:
        with psycopg.connect(
            host=str(self.folder), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    def _run(self, *command: str) -> None:
        argv = [str(self.bin_dir / command[0]), *command[1:]]
        if self.user is not None:
            argv = ["runuser", "-u", self.user.pw_name, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=START_TIMEOUT_S)
        if done.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise RuntimeError(f"{command[0]} failed:\n{done.stdout}{done.stderr}{log}")

    def start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        settings = {**SETTINGS, "unix_socket_directories": f"'{self.folder}'"}
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "start",
        )

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = server_bin_dir()
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="clerk-desk-pg-"))
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PostgresServer(folder, bin_dir, user)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
