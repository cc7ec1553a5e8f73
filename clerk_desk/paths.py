"""The desk's data directory: every file the desk writes lives below it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

APP_NAME = "clerk-desk"
DEMO_SUBDIR = "demo"
DATA_DIR_ENV = "CLERK_DESK_DATA_DIR"


class DataDirError(UserError):
    """The data directory cannot be used; the message says what to do."""


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "desk.sqlite3"

    @property
    def config_file(self) -> Path:
        return self.root / "config.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def crash_reports(self) -> Path:
        return self.root / "crash"

    @property
    def calendars(self) -> Path:
        """Official calendars of years chinesecalendar does not know, one JSON file a year."""
        return self.root / "calendars"

    def ensure(self) -> None:
        for folder in (self.root, self.logs, self.files, self.crash_reports):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DataDirError(
                    # 无法创建数据目录 {path}（{error}）；请用 --data-dir 选择可写的文件夹
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The data folder {path} cannot be created ({error}); "
                        "choose a folder you can write with --data-dir",
                    ),
                    path=str(folder),
                    error=error.strerror or str(error),
                ) from error


def default_root(demo: bool) -> Path:
    """Real desks use the platform's user data dir; demo mode gets its own sub-folder."""
    env = os.environ.get(DATA_DIR_ENV)
    base = Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / DEMO_SUBDIR if demo else base


def resolve(data_dir: str | os.PathLike[str] | None, demo: bool) -> DataDir:
    root = Path(data_dir).expanduser() if data_dir else default_root(demo)
    if root.exists() and not root.is_dir():
        raise DataDirError(
            QT_TRANSLATE_NOOP(
                "core", "{path} exists and is not a folder; choose another data directory"
            ),
            path=str(root),
        )
    return DataDir(root.resolve())
