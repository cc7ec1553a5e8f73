"""The 日报 made by itself: at the time set in 设置 (``daily_report_time``), into the data
folder's ``reports`` folder, as ``日报-YYYY-MM-DD.xlsx`` and ``.pdf``.

Once a minute (and when the window opens) the schedule looks at the clock: once the set time
of today has passed and today's files are not both there, it makes them; a desk that was off
at that time the evening before makes yesterday's when it next runs. The figures are read on
the database lane, the files written on the device lane, never on the GUI thread. What was
made, or why it could not be, is said in the status bar (:attr:`ReportSchedule.said`).

A day is tried once per run: a refusal (a full disk) is said once, not every minute.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_desk.domain.report import Report
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.reports.files import ReportFileError, write_report_files
from clerk_desk.settings import SettingsError, report_time
from ui.desk_worker import DeskWorker, JobControl

CHECK_EVERY_MS = 60_000
REPORTS_FOLDER = "reports"
MADE_BY = "自动生成"
"""制表人 of a report made by itself (papers are in Chinese whatever the UI's language)."""


def reports_folder(worker: DeskWorker) -> Path:
    if worker.desk is None:
        raise RuntimeError("the report schedule needs an open desk")
    return worker.desk.data_dir.root / REPORTS_FOLDER


def daily_files(folder: Path, day: date) -> tuple[Path, Path]:
    """Where the 日报 of ``day`` is kept: its workbook and its PDF."""
    stem = f"日报-{day.isoformat()}"
    return folder / f"{stem}.xlsx", folder / f"{stem}.pdf"


class ReportSchedule(QObject):
    said = Signal(str)  # what the status bar shows: made, or why not
    made = Signal(object)  # date: that day's files are in the reports folder

    def __init__(
        self,
        worker: DeskWorker,
        clock: Callable[[], datetime] | None = None,
        interval_ms: int = CHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if worker.desk is None:
            raise RuntimeError("the report schedule needs an open desk")
        self.worker = worker
        self.settings = worker.desk.settings
        self.clock = clock if clock is not None else worker.desk.clock
        self.folder = reports_folder(worker)
        self._tried: set[date] = set()
        self._busy = False
        self._writing = False
        self.timer = QTimer(self)
        self.timer.setObjectName("reportSchedule.timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self, self.check)

    def stop(self) -> None:
        self.timer.stop()

    @property
    def busy(self) -> bool:
        return self._busy

    def due(self) -> date | None:
        """The day whose 日报 should be made now, if any."""
        try:
            at = report_time(str(self.settings.get("daily_report_time")))
        except SettingsError:
            return None
        if at is None:
            return None
        now = self.clock()
        today = now.date()
        candidates = [today] if now.time() >= at else []
        candidates.insert(0, today - timedelta(days=1))
        for day in candidates:
            if day in self._tried:
                continue
            if all(path.exists() for path in daily_files(self.folder, day)):
                self._tried.add(day)
                continue
            return day
        return None

    def check(self) -> None:
        """Make the due 日报, if one is due and none is being made."""
        if self._busy:
            return
        day = self.due()
        if day is None:
            return
        self._busy = True
        self._tried.add(day)
        self.worker.run(
            lambda desk: desk.reports.report(day, day, MADE_BY),
            self._write,
            self._refused,
            owner=self,
            after=self._read_done,
        )

    def _read_done(self) -> None:
        """After the read: still busy only while the files are being written (a bug in the
        read must not stop the schedule for the rest of the run)."""
        self._busy = self._writing

    def _write(self, report: Report) -> None:
        self._writing = True
        folder = self.folder
        xlsx, pdf = daily_files(folder, report.start)
        printed_at = self.clock()

        def write(_: JobControl) -> Report:
            # Qt's PDF layout loads only when a report is first made.
            from ui.report_pdf import write_report_pdf

            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ReportFileError(
                    QT_TRANSLATE_NOOP("core", "Cannot write {path} ({error}): choose another file"),
                    path=str(folder),
                    error=error.strerror or str(error),
                ) from error
            write_report_files(
                report,
                xlsx=xlsx,
                pdf=pdf,
                json_path=None,
                write_pdf=write_report_pdf,
                printed_at=printed_at,
            )
            return report

        self.worker.run_device(write, self._written, self._refused, owner=self, after=self._idle)

    def _idle(self) -> None:
        self._busy = self._writing = False
        # Yesterday's made on a morning start: today's may be due as well.
        QTimer.singleShot(0, self, self.check)

    def _written(self, report: Report) -> None:
        self.said.emit(
            self.tr("Daily report {day} made in {folder}").format(
                day=report.start.isoformat(), folder=str(self.folder)
            )
        )
        self.made.emit(report.start)

    def _refused(self, error: UserError) -> None:
        self.said.emit(
            self.tr("The daily report could not be made: {error}").format(error=error.render())
        )
