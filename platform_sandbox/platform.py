"""What a running platform holds on to: its database, the folder of blob bytes, and its
configuration (the order of its rating codes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from clerk_desk.domain.ratings import CodeOrder
from platform_sandbox.db import Database


class ConfigurationError(Exception):
    """A command line the sandbox cannot start with (message for the operator)."""


@dataclass
class Platform:
    database: Database
    blob_dir: Path
    # How this platform numbers the rating levels (GB/T 39046's order unless configured).
    rating_code_order: CodeOrder = CodeOrder.NATIONAL

    def __post_init__(self) -> None:
        self.rating_code_order = CodeOrder(self.rating_code_order)  # "reversed" given as text

    @classmethod
    def open(
        cls,
        db_url: str,
        blob_dir: Path | None = None,
        rating_code_order: CodeOrder | str = CodeOrder.NATIONAL,
    ) -> Platform:
        """Open (and create if new) the database; blobs default to ``<db stem>-blobs``."""
        try:
            order = CodeOrder(rating_code_order)
        except ValueError as unknown:
            raise ConfigurationError(
                f"unknown rating code order {rating_code_order!r} (national or reversed)"
            ) from unknown
        if blob_dir is None:
            blob_dir = default_blob_dir(db_url)
        try:
            database = Database(db_url)
        except ModuleNotFoundError as missing:
            raise ConfigurationError(
                f"the database driver {missing.name!r} is not installed "
                "(for PostgreSQL: pip install 'clerk-desk[postgres]')"
            ) from missing
        if database.sqlite_path is not None:
            database.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        blob_dir.mkdir(parents=True, exist_ok=True)
        return cls(database, blob_dir, order)

    def close(self) -> None:
        self.database.dispose()


def default_blob_dir(db_url: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ConfigurationError("--blob-dir is required unless the database is a SQLite file")
    path = Path(url.database)
    return path.with_name(f"{path.stem}-blobs")
