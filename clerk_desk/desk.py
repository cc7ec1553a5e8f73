"""Opening a desk: data directory, settings, database, services, demo seeding, first setup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from clerk_desk import demo, paths
from clerk_desk.changes import Changes
from clerk_desk.domain.catalog import WINDOW_CATEGORIES
from clerk_desk.domain.roles import Role
from clerk_desk.errors import UserError
from clerk_desk.home import CENTRE_CODE, DEMO, DeskHome, open_home
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.services.accounts import AccountService
from clerk_desk.services.calendars import CalendarStore
from clerk_desk.services.catalog import CatalogService
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.output import OutputService
from clerk_desk.services.pages import PageService
from clerk_desk.services.proxy import ProxyService
from clerk_desk.services.ratings import RatingService
from clerk_desk.services.reports import ReportService
from clerk_desk.services.review import ReviewService
from clerk_desk.services.work_queue import WorkQueue
from clerk_desk.settings import Settings
from clerk_desk.storage_errors import StorageError
from clerk_desk.sync.engine import SyncEngine
from local_cache.db import Database
from local_cache.migrate import upgrade_to_head

log = logging.getLogger(__name__)


class SetupError(UserError):
    pass


class DeskOpenError(UserError):
    """The database file cannot be opened or migrated; nothing in it was changed."""


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
        self.intake = IntakeService(
            database, self.catalog, settings, clock, CalendarStore(data_dir.calendars).work_calendar
        )
        self.review = ReviewService(
            database, self.catalog, settings, clock, self.intake.work_calendar
        )
        self.pages = PageService(
            self.intake.files, database, clock, lambda: int(settings.get("max_import_mb"))
        )
        self.output = OutputService(
            database, settings, clock, self.intake.files, self.intake.work_calendar
        )
        self.proxies = ProxyService(
            database, self.intake, settings, clock, self.intake.work_calendar
        )
        self.ratings = RatingService(database, settings, clock, self.intake.work_calendar)
        self.reports = ReportService(
            database, self.catalog, settings, clock, self.intake.work_calendar
        )
        self.queue = WorkQueue(database, CalendarStore(data_dir.calendars).work_calendar, clock)
        self.sync = SyncEngine(database, settings, self.catalog, self.intake.files, clock)

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        demo_mode: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> Desk:
        return cls.from_home(open_home(data_dir, demo_mode), clock)

    @classmethod
    def from_home(cls, home: DeskHome, clock: Callable[[], datetime] = datetime.now) -> Desk:
        """Open the database (migrating it to the current schema) and, in demo mode, seed it."""
        database = Database(home.data_dir.database, StorageError)
        try:
            upgrade_to_head(database)
        except StorageError:
            database.dispose()
            raise
        except (SQLAlchemyError, OSError) as error:
            database.dispose()
            log.error("cannot open or migrate %s", home.data_dir.database, exc_info=True)
            raise DeskOpenError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The desk's database {path} cannot be opened ({error}); "
                    "run 'clerk-desk doctor' to see what to fix",
                ),
                path=str(home.data_dir.database),
                error=str(error).splitlines()[0],
            ) from error
        desk = cls(home.data_dir, home.settings, database, clock)
        if desk.demo_mode:
            desk._seed_demo()
        return desk

    @property
    def home(self) -> DeskHome:
        return DeskHome(self.data_dir, self.settings)

    @property
    def demo_mode(self) -> bool:
        return bool(self.settings.get("mode") == DEMO)

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
                    staff_no=account.staff_no,
                )
        if self.catalog.count() == 0:
            self.catalog.load_demo()

    def take_changes(self) -> Changes:
        """What was written (and whether the settings were saved) since the last call."""
        changes = Changes.from_touched(self.database.take_touched())
        if self.settings.take_saved():
            changes |= Changes(settings=True)
        return changes

    def close(self) -> None:
        self.database.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
