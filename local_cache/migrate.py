"""Run the Alembic migrations programmatically (no alembic.ini needed at run time)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from local_cache.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # The option is read through configparser, where "%" starts an interpolation: a data
    # folder with "%" in its name (or a byte URL-quoted to %01) would break every start.
    config.set_main_option("sqlalchemy.url", str(database.engine.url).replace("%", "%%"))
    config.attributes["engine"] = database.engine
    return config


def upgrade_to_head(database: Database) -> None:
    command.upgrade(alembic_config(database), "head")


def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
