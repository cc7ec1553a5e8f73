"""The 日报 page of the 统计 workspace: choose a day (or a range), make the report, read its
figures, preview and print it (A4 landscape), save it as Excel, PDF or JSON.

Keyboard first: Alt+D / Alt+E the dates, Alt+O one day or a range, Ctrl+Enter (or Alt+M)
makes the report, Alt+B the breakdown shown, Alt+V the print preview, Ctrl+P prints, Alt+X,
Alt+F, Alt+J save. The figures are read on the database lane and the files written (and the
printer fed) on the device lane, with the progress shown under the buttons; the GUI thread
never waits. A report belongs to the dates it was made for: changing a date puts the old one
away, so nothing is printed or saved for dates it does not cover.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.report import (
    CASE_COLUMNS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    Dimension,
    Report,
    Row,
    Unit,
    check_period,
)
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.reports.files import report_file_stem, write_report_files
from ui.case_list import DateField
from ui.desk_worker import DeskWorker, JobControl
from ui.naming import described, named
from ui.shortcuts import local_shortcut
from ui.theme import set_role

if TYPE_CHECKING:
    from ui.report_pdf import ReportPreviewDialog

COLUMNS = (*CASE_COLUMNS, *RATING_COLUMNS)
TOTAL_LABEL = "合计"  # printed title, as on paper and in the workbook
FILE_KINDS = ("xlsx", "pdf", "json")


def figure_text(value: object, unit: Unit) -> str:
    """A figure as the papers print it: counts as they are, rates in percent, days with two
    decimals, — for a rate of nothing."""
    if value is None:
        return "—"
    if unit is Unit.RATE and isinstance(value, float):
        return f"{value * 100:.1f}%"
    if unit is Unit.DAYS and isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def row_figures(row: Row) -> dict[str, Any]:
    return {**row.cases.to_json(), **row.ratings.to_json()}


class SummaryPage(QWidget):
    """``SummaryPage(worker, clerk)``: the 日报 page; ``report`` is the one shown (or None).

    Its mnemonics leave T, R and G to the 统计 tabs (今日, 趋势, 事项与缺口) always shown above
    it; L is left for its own tab's title (e.g. ``self.tr("Dai&ly report")``, 日报(&L))."""

    reportShown = Signal(object)  # the Report now in the table
    filesWritten = Signal(list)  # the paths a save wrote

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if worker.desk is None:
            raise RuntimeError("the report page needs an open desk")
        self.worker = worker
        self.clerk = clerk
        self.clock = worker.desk.clock
        self.report: Report | None = None
        self.last_folder = Path.home()
        self.printed_paths: list[Path] = []
        self.preview: ReportPreviewDialog | None = None
        self._refocus: QWidget | None = None
        self.setObjectName("stats.summary")

        today = self._qdate(self.clock().date())
        self.start = self._date_field("stats.summary.from", self.tr("Report day or first day"))
        self.end = self._date_field("stats.summary.to", self.tr("Last day of the report"))
        for field in (self.start, self.end):
            field.setMaximumDate(today)
            field.setDate(today)
            field.dateChanged.connect(self._dates_changed)
        self.one_day = named(
            QCheckBox(self.tr("&One day")), "stats.summary.oneDay", self.tr("One day")
        )
        self.one_day.setChecked(True)
        self.one_day.toggled.connect(self._one_day_toggled)
        self.make_button = named(
            QPushButton(self.tr("&Make report")),
            "stats.summary.make",
            self.tr("Generate the report"),
        )
        self.make_button.setProperty("primary", True)
        self.make_button.setToolTip("Ctrl+Enter")
        self.make_button.clicked.connect(self.make)

        self.dimension = named(
            QComboBox(), "stats.summary.dimension", self.tr("Breakdown shown in the table")
        )
        for dimension in Dimension:
            self.dimension.addItem(DIMENSION_TITLES[dimension], dimension)
        self.dimension.setCurrentIndex(self.dimension.findData(Dimension.WINDOW))
        self.dimension.currentIndexChanged.connect(self._fill_table)

        self.table = named(QTableWidget(), "stats.summary.table", self.tr("Report figures"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnCount(len(COLUMNS) + 1)
        self.table.setHorizontalHeaderLabels(
            [DIMENSION_TITLES[Dimension.WINDOW]] + [title for _, title, _ in COLUMNS]
        )
        self.heading = named(QLabel(), "stats.summary.heading", self.tr("Report shown"))
        self.heading.setProperty("role", "subtitle")
        self.notes = named(QLabel(), "stats.summary.notes", self.tr("Overdue and idle"))
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_button = named(
            QPushButton(self.tr("Print pre&view")),
            "stats.summary.preview",
            self.tr("Print preview"),
        )
        self.print_button = named(
            QPushButton(self.tr("&Print")), "stats.summary.print", self.tr("Print")
        )
        self.print_button.setToolTip("Ctrl+P")
        self.xlsx_button = named(
            QPushButton(self.tr("Save E&xcel…")), "stats.summary.saveXlsx", self.tr("Save as Excel")
        )
        self.pdf_button = named(
            QPushButton(self.tr("Save PD&F…")), "stats.summary.savePdf", self.tr("Save as PDF")
        )
        self.json_button = named(
            QPushButton(self.tr("Save &JSON…")), "stats.summary.saveJson", self.tr("Save as JSON")
        )
        for button in (self.preview_button, self.xlsx_button, self.pdf_button, self.json_button):
            described(button, button.accessibleName())
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_report)
        self.xlsx_button.clicked.connect(lambda: self.save_as("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save_as("pdf"))
        self.json_button.clicked.connect(lambda: self.save_as("json"))
        self.outputs = (
            self.preview_button,
            self.print_button,
            self.xlsx_button,
            self.pdf_button,
            self.json_button,
        )

        self.progress = named(QProgressBar(), "stats.summary.progress", self.tr("Working"))
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = named(QLabel(), "stats.summary.status", self.tr("Report message"))
        self.status.setWordWrap(True)

        for keys, slot in (
            ("Ctrl+Return", self.make),
            ("Ctrl+Enter", self.make),
            ("Ctrl+P", self.print_report),
        ):
            local_shortcut(self, keys, slot)
        self._lay_out()
        self._one_day_toggled(True)
        self._show_outputs()

    # Layout ------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        start_label = QLabel(self.tr("&Date"))
        start_label.setBuddy(self.start)
        self.end_label = QLabel(self.tr("&End"))
        self.end_label.setBuddy(self.end)
        dimension_label = QLabel(self.tr("&Breakdown"))
        dimension_label.setBuddy(self.dimension)
        period = QHBoxLayout()
        period.setSpacing(8)
        for widget in (start_label, self.start, self.end_label, self.end, self.one_day):
            period.addWidget(widget)
        period.addSpacing(12)
        period.addWidget(self.make_button)
        period.addStretch(1)
        period.addWidget(dimension_label)
        period.addWidget(self.dimension)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in self.outputs:
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(period)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        order = (
            self.start,
            self.end,
            self.one_day,
            self.make_button,
            self.dimension,
            self.table,
            *self.outputs,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.start)

    def _date_field(self, object_name: str, accessible_name: str) -> QDateEdit:
        field = named(DateField(), object_name, accessible_name)
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        return field

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    @staticmethod
    def _day(field: QDateEdit) -> date:
        chosen = field.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def period(self) -> tuple[date, date]:
        start = self._day(self.start)
        return start, start if self.one_day.isChecked() else self._day(self.end)

    def set_period(self, start: date, end: date | None = None) -> None:
        """Choose the day (or, with ``end``, the range) to report."""
        self.one_day.setChecked(end is None or end == start)
        self.start.setDate(self._qdate(start))
        self.end.setDate(self._qdate(end or start))

    def _one_day_toggled(self, one_day: bool) -> None:
        self.end.setEnabled(not one_day)
        self.end_label.setEnabled(not one_day)
        self._dates_changed()

    def _dates_changed(self) -> None:
        if self.one_day.isChecked():
            self.end.blockSignals(True)
            self.end.setDate(self.start.date())
            self.end.blockSignals(False)
        if self.report is not None and (self.report.start, self.report.end) != self.period():
            self.report = None
            self.table.setRowCount(0)
            self.notes.clear()
            self.heading.clear()
            self.say(self.tr("The dates changed: generate the report for them"))
            self._show_outputs()

    # Work ----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.progress.isVisible()

    def _working(self, text: str) -> None:
        # The button pressed is disabled meanwhile; the cursor comes back to it afterwards.
        focused = self.focusWidget()
        self._refocus = focused if focused in (self.make_button, *self.outputs) else None
        self.progress.show()
        self.make_button.setEnabled(False)
        for button in self.outputs:
            button.setEnabled(False)
        self.say(text)

    def _done(self) -> None:
        self.progress.hide()
        self.make_button.setEnabled(True)
        self._show_outputs()
        if self._refocus is not None and self._refocus.isEnabled():
            self._refocus.setFocus()
        self._refocus = None

    def _show_outputs(self) -> None:
        for button in self.outputs:
            button.setEnabled(self.report is not None and not self.busy)

    def say(self, text: str) -> None:
        set_role(self.status, "muted")
        self.status.setText(text)

    def say_error(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())

    def make(self) -> None:
        """Read the figures of the chosen period on the database lane."""
        if self.busy:
            return
        start, end = self.period()
        try:
            check_period(start, end, self.clock().date())
        except UserError as error:
            self.say_error(error)
            return
        made_by = self.clerk.display_name
        self._working(self.tr("Generating the report…"))
        self.worker.run(
            lambda desk: desk.reports.report(start, end, made_by),
            self._show,
            self.say_error,
            owner=self,
            after=self._done,
        )

    def _show(self, report: Report) -> None:
        if (report.start, report.end) != self.period():
            return  # the dates changed while it was being made
        self.report = report
        self._fill_table()
        self.say(
            self.tr("Generated at {time} by {name}").format(
                time=f"{report.made_at:%H:%M:%S}", name=report.made_by
            )
        )
        self.reportShown.emit(report)

    def _fill_table(self) -> None:
        report = self.report
        table = self.table
        dimension = Dimension(self.dimension.currentData())
        header = QTableWidgetItem(DIMENSION_TITLES[dimension])
        table.setHorizontalHeaderItem(0, header)
        if report is None:
            table.setRowCount(0)
            return
        rows = [*report.breakdowns.get(dimension, []), report.totals]
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for index, row in enumerate(rows):
            total = row is report.totals
            figures = row_figures(row)
            label = QTableWidgetItem(TOTAL_LABEL if total else row.label)
            cells = [label]
            for key, _, unit in COLUMNS:
                cell = QTableWidgetItem(figure_text(figures[key], unit))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cells.append(cell)
            for column, cell in enumerate(cells):
                if total:
                    cell.setFont(bold)
                table.setItem(index, column, cell)
        self.notes.setText(self._notes(report))
        self.heading.setText(self._heading(report))

    @staticmethod
    def _heading(report: Report) -> str:
        """The report's title as on paper: the centre, 日报 and its day, or the range."""
        if report.is_daily:
            title = f"日报 {report.start.isoformat()}"
        else:
            title = f"统计报表 {report.start.isoformat()} 至 {report.end.isoformat()}"
        return " ".join(part for part in (report.centre_name, title) if part)

    def _notes(self, report: Report) -> str:
        overdue = self.tr("Overdue and not concluded: {count}").format(count=len(report.overdue))
        if not report.idle_departments:
            return overdue
        idle = self.tr("Departments with no business: {names}").format(
            names="、".join(report.idle_departments)
        )
        return f"{overdue}    {idle}"

    # Files ---------------------------------------------------------------------------------

    def save_as(self, kind: str) -> None:
        """Ask where to save (a file dialog), then :meth:`export` there."""
        if self.report is None or self.busy:
            return
        titles = {
            "xlsx": (self.tr("Save the report as Excel"), self.tr("Excel workbook (*.xlsx)")),
            "pdf": (self.tr("Save the report as PDF"), self.tr("PDF (*.pdf)")),
            "json": (self.tr("Save the report as JSON"), self.tr("JSON (*.json)")),
        }
        title, pattern = titles[kind]
        suggested = self.last_folder / f"{report_file_stem(self.report)}.{kind}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(suggested), pattern, options=QFileDialog.Option.DontUseNativeDialog
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(f".{kind}")
        self.export(kind, path)

    def export(self, kind: str, path: Path) -> None:
        """Write the shown report as ``kind`` (xlsx, pdf or json) to ``path`` on the device
        lane; :attr:`filesWritten` follows, or the refusal is said."""
        report = self.report
        if report is None or kind not in FILE_KINDS or self.busy:
            return
        self.last_folder = path.parent
        printed_at = self.clock()

        def write(_: JobControl) -> list[Path]:
            from ui.report_pdf import write_report_pdf

            return write_report_files(
                report,
                xlsx=path if kind == "xlsx" else None,
                pdf=path if kind == "pdf" else None,
                json_path=path if kind == "json" else None,
                write_pdf=write_report_pdf,
                printed_at=printed_at,
            )

        self._working(self.tr("Saving {path}…").format(path=path))
        self.worker.run_device(write, self._saved, self.say_error, owner=self, after=self._done)

    def _saved(self, paths: list[Path]) -> None:
        self.say(self.tr("Saved: {paths}").format(paths="；".join(str(p) for p in paths)))
        self.filesWritten.emit(paths)

    # Paper ---------------------------------------------------------------------------------

    def show_preview(self) -> None:
        """The print preview (A4 landscape), printed from its toolbar."""
        if self.report is None or self.busy:
            return
        from ui.report_pdf import ReportPreviewDialog

        self.preview = ReportPreviewDialog(self.report, self.clock(), self)
        self.preview.show()

    def print_report(self) -> None:
        """Print on the default printer (device lane); with no printer, save the PDF in the
        data folder's ``reports`` and say where."""
        report = self.report
        if report is None or self.busy or self.worker.desk is None:
            return
        folder = self.worker.desk.data_dir.root / "reports"
        printer_name = QPrinterInfo.defaultPrinterName()
        printed_at = self.clock()

        def run(_: JobControl) -> list[Path]:
            from ui.report_pdf import print_report, write_report_pdf

            if printer_name:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setPrinterName(printer_name)
                print_report(report, printer, printed_at)
                return []
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{report_file_stem(report)}-{printed_at:%H%M%S}.pdf"
            return write_report_files(
                report,
                xlsx=None,
                pdf=path,
                json_path=None,
                write_pdf=write_report_pdf,
                printed_at=printed_at,
            )

        self._working(self.tr("Printing…"))
        self.worker.run_device(run, self._printed, self.say_error, owner=self, after=self._done)

    def _printed(self, paths: list[Path]) -> None:
        self.printed_paths = paths
        if paths:
            self.say(
                self.tr("No printer is set up; saved as PDF: {path}").format(path=str(paths[0]))
            )
        else:
            self.say(self.tr("Sent to the printer"))
