"""The platform's schema: created and changed only by the Alembic migrations beside this file.

Programmatic (no alembic.ini at run time): ``serve`` upgrades its database to head on start.
A database made before the migrations existed (by ``create_all``, with the schema of revision
``0001`` and no ``alembic_version``) is stamped ``0001`` first, so training halls keep theirs.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from platform_sandbox.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The schema create_all built before there were migrations.
UNVERSIONED_REVISION = "0001"


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = database.engine
    return config


def upgrade_to_head(database: Database) -> None:
    config = alembic_config(database)
    if current_revision(database) is None and inspect(database.engine).has_table("counter"):
        command.stamp(config, UNVERSIONED_REVISION)
    command.upgrade(config, "head")


def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
