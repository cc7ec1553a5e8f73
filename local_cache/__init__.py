"""local_cache: the desk's persistence: SQLite, Alembic migrations, repositories. No Qt, no HTTP."""
