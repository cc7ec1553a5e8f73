"""Alembic environment: uses the engine handed over by local_cache.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from local_cache.schema import Base

config = context.config
engine = config.attributes.get("engine") or create_engine(
    str(config.get_main_option("sqlalchemy.url"))
)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
