"""A desk's home: its data directory and settings, opened without touching the database.

The window needs the centre's name, the mode and the language to show its first screen; these
live in the settings file, so they are read here, before SQLAlchemy, Alembic and argon2 are
even imported. :meth:`clerk_desk.desk.Desk.from_home` opens the rest.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from clerk_desk import paths
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg
from clerk_desk.settings import Settings

CENTRE_CODE = re.compile(r"^\d{6}$")
PRODUCTION, DEMO = "production", "demo"
MODE_LABELS = {
    PRODUCTION: QT_TRANSLATE_NOOP("core", "production"),  # 正式
    DEMO: QT_TRANSLATE_NOOP("core", "demo / training"),  # 演示/培训
}


@dataclass(frozen=True)
class DeskHome:
    data_dir: paths.DataDir
    settings: Settings

    @property
    def demo_mode(self) -> bool:
        return bool(self.settings.get("mode") == DEMO)

    def is_set_up(self) -> bool:
        """Demo desks are set up by their seed; real ones once the centre is entered."""
        return self.demo_mode or bool(self.settings.get("centre_code"))


def open_home(data_dir: str | Path | None = None, demo_mode: bool = False) -> DeskHome:
    """Resolve and create the data dir, load or create its settings, refuse a mode mismatch."""
    location = paths.resolve(data_dir, demo_mode)
    location.ensure()
    fresh = not location.config_file.exists()
    settings = Settings.load(location.config_file)
    wanted = DEMO if demo_mode else PRODUCTION
    if fresh:
        settings.update(mode=wanted, desk_id=str(uuid.uuid4()))
        settings.save()
    elif settings.get("mode") != wanted:
        raise paths.DataDirError(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} holds a {found} desk and cannot be opened in {wanted} mode; "
                "use another data directory",
            ),
            path=str(location.root),
            found=msg(MODE_LABELS.get(settings.get("mode"), MODE_LABELS[PRODUCTION])),
            wanted=msg(MODE_LABELS[wanted]),
        )
    return DeskHome(location, settings)
