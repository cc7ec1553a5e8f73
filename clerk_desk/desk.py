"""Opening a desk: data directory, settings, database, services, demo seeding, first setup."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from clerk_desk import demo, paths
from clerk_desk.domain.catalog import WINDOW_CATEGORIES
from clerk_desk.domain.roles import Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.services.accounts import AccountService
from clerk_desk.services.catalog import CatalogService
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.migrate import upgrade_to_head

CENTRE_CODE = re.compile(r"^\d{6}$")


class SetupError(UserError):
    pass


class Desk:
    """Everything one desk installation holds; the UI and the CLI both start here."""

    def __init__(
        self,
        data_dir: paths.DataDir,
        settings: Settings,
        database: Database,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.database = database
        self.clock = clock
        self.catalog = CatalogService(database)
        self.accounts = AccountService(database, clock)

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        demo_mode: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> Desk:
        location = paths.resolve(data_dir, demo_mode)
        location.ensure()
        settings = Settings.load(location.config_file)
        fresh = not location.config_file.exists()
        wanted = "demo" if demo_mode else "production"
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
                found=settings.get("mode"),
                wanted=wanted,
            )
        database = Database(location.database)
        upgrade_to_head(database)
        desk = cls(location, settings, database, clock)
        if demo_mode:
            desk._seed_demo()
        return desk

    @property
    def demo_mode(self) -> bool:
        return bool(self.settings.get("mode") == "demo")

    def needs_setup(self) -> bool:
        return not self.settings.get("centre_code") or self.accounts.count() == 0

    def complete_setup(
        self,
        centre_code: str,
        centre_name: str,
        window_number: int,
        window_category: str,
        admin_username: str,
        admin_password: str,
        admin_display_name: str,
    ) -> None:
        """First start outside demo mode: the centre, this window, and the first admin."""
        if not CENTRE_CODE.match(centre_code):
            raise SetupError(
                QT_TRANSLATE_NOOP(
                    "core", "Centre code must be the 6-digit division code, e.g. 340100"
                )
            )
        if not centre_name.strip():
            raise SetupError(QT_TRANSLATE_NOOP("core", "Enter the centre's name"))
        if window_number < 1 or window_number > 999:
            raise SetupError(QT_TRANSLATE_NOOP("core", "Window number must be from 1 to 999"))
        if window_category not in WINDOW_CATEGORIES:
            raise SetupError(
                QT_TRANSLATE_NOOP("core", "Window category must be one of: {allowed}"),
                allowed="、".join(WINDOW_CATEGORIES),
            )
        if self.accounts.count() == 0:
            self.accounts.create(admin_username, admin_password, admin_display_name, [Role.ADMIN])
        self.settings.update(
            centre_code=centre_code,
            centre_name=centre_name.strip(),
            window_number=window_number,
            window_category=window_category,
        )
        self.settings.save()

    def _seed_demo(self) -> None:
        if not self.settings.get("centre_code"):
            self.settings.update(**demo.DEMO_SETTINGS)
            self.settings.save()
        if self.accounts.count() == 0:
            for account in demo.DEMO_ACCOUNTS:
                self.accounts.create(
                    account.username,
                    account.password,
                    account.display_name,
                    account.roles,
                    account.department,
                )
        if self.catalog.count() == 0:
            self.catalog.load_demo()

    def close(self) -> None:
        self.database.dispose()
