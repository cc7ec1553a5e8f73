"""趋势: the figures of a chosen range (this month unless chosen), against the period before.

The range bar (from / to, 本周 / 本月 / 本年) is shared with 事项与缺口. The page shows the
period's main figures with their 环比 (an arrow and a word as well as the number), the daily
counts as lines, the monthly counts as bars, and the daily completion and satisfaction rates.
The report is computed on the database lane; a change notice refreshes the page shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.report import CASE_COLUMNS, RATING_COLUMNS, CaseFigures, Report, Unit
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker
from ui.naming import described, named
from ui.stats.charts import BarChart, LineChart
from ui.stats.loader import Loader
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

DEBOUNCE_MS = 300
WEEK, MONTH, YEAR = "week", "month", "year"
# (key, from the case figures or the rating figures)
TREND_FIGURES: tuple[tuple[str, bool], ...] = (
    ("received", True),
    ("accepted", True),
    ("decided", True),
    ("on_time_rate", True),
    ("early_rate", True),
    ("average_handling_days", True),
    ("speed_up_rate", True),
    ("satisfaction_rate", False),
)
COLUMNS = {key: (title, unit) for key, title, unit in (*CASE_COLUMNS, *RATING_COLUMNS)}
DAILY_KEYS = ("received", "accepted", "decided")
RATE_KEYS = ("on_time_rate", "early_rate")


def quick_period(which: str, today: date) -> tuple[date, date]:
    """本周 (from Monday), 本月, 本年, each up to today."""
    if which == WEEK:
        return today - timedelta(days=today.weekday()), today
    if which == YEAR:
        return today.replace(month=1, day=1), today
    return today.replace(day=1), today


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A date that Tab leaves (QDateEdit's own Tab walks year, month and day)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class RangeBar(QWidget):
    """From / to dates and the quick ranges; ``chosen`` carries the range the user set."""

    chosen = Signal(object, object)  # start, end (date)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}.range")
        self.today = date.today()
        self.start = named(DateField(), f"{prefix}.from", self.tr("From"))
        self.end = named(DateField(), f"{prefix}.to", self.tr("To"))
        for field in (self.start, self.end):
            field.setCalendarPopup(True)
            field.setDisplayFormat("yyyy-MM-dd")
        self._setting = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.start.dateChanged.connect(self._edited)
        self.end.dateChanged.connect(self._edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for caption, field in ((self.tr("&From"), self.start), (self.tr("T&o"), self.end)):
            label = QLabel(caption)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
        self.quick: dict[str, QPushButton] = {}
        for which, caption in (
            (WEEK, self.tr("This &week")),
            (MONTH, self.tr("This &month")),
            (YEAR, self.tr("This &year")),
        ):
            button = named(QPushButton(caption), f"{prefix}.{which}", caption.replace("&", ""))
            described(button, self.tr("Show the figures of this period"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, w=which: self.choose_quick(w))
            layout.addWidget(button)
            self.quick[which] = button
        layout.addStretch(1)
        # Until the desk's day arrives with the first figures: this month by this machine.
        self.show_period(*quick_period(MONTH, self.today), self.today)

    def period(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def show_period(self, start: date, end: date, today: date) -> None:
        """The range a load was made for, without asking for another."""
        self.today = today
        self._setting = True
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))
        self._setting = False

    def choose_quick(self, which: str) -> None:
        start, end = quick_period(which, self.today)
        self.show_period(start, end, self.today)
        self._debounce.stop()
        self.chosen.emit(start, end)

    def _edited(self) -> None:
        if not self._setting:
            self._debounce.start()

    def _emit(self) -> None:
        self.chosen.emit(*self.period())


def change_of(unit: Unit, current: float | None, previous: float | None) -> tuple[int, str]:
    """环比: the direction (1 up, -1 down, 0 unchanged) and the amount as written: a
    percentage of the period before for counts (the difference when that was 0), percentage
    points for rates, working days for days; ``(0, "—")`` when either is missing."""
    if current is None or previous is None:
        return 0, "—"
    diff = current - previous
    if abs(diff) < 1e-9:
        return 0, ""
    if unit is Unit.RATE:
        amount = f"{abs(diff) * 100:.1f}"
    elif unit is Unit.DAYS:
        amount = f"{abs(diff):.2f}"
    elif previous:
        amount = f"{abs(diff) / previous * 100:.1f}%"
    else:
        amount = f"{abs(diff):.0f}"
    return (1 if diff > 0 else -1), amount


def value_words(unit: Unit, value: float | None) -> str:
    if value is None:
        return "—"
    if unit is Unit.RATE:
        return f"{value * 100:.1f}%"
    if unit is Unit.DAYS:
        return f"{value:.2f}"
    return f"{value:.0f}"


@dataclass(frozen=True)
class RangeLoad:
    report: Report
    today: date


def load_range(desk: Desk, period: tuple[date, date] | None, made_by: str) -> RangeLoad:
    """The report of ``period`` (this month to today when none was chosen)."""
    today = desk.clock().date()
    start, end = period or quick_period(MONTH, today)
    return RangeLoad(desk.reports.report(start, end, made_by), today)


def monthly(report: Report) -> list[tuple[str, CaseFigures]]:
    """The period's days summed by month."""
    months: dict[str, CaseFigures] = {}
    for day in report.days:
        months.setdefault(f"{day.day:%Y-%m}", CaseFigures()).add(day.cases)
    return list(months.items())


class FigureTile(QFrame):
    """One figure of the period: its title, its value and its 环比."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, self.unit = COLUMNS[key]
        self.setObjectName(f"stats.trends.figure.{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(title)
        self.caption.setProperty("role", "muted")
        self.value = named(QLabel("—"), f"stats.trends.value.{key}", title)
        font = self.value.font()
        font.setPixelSize(round(font.pixelSize() * 1.5) if font.pixelSize() > 0 else 20)
        font.setBold(True)
        self.value.setFont(font)
        self.change = named(
            QLabel("—"),
            f"stats.trends.change.{key}",
            self.tr("{title} against the period before").format(title=title),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        for label in (self.caption, self.value, self.change):
            # Narrow screens: the words wrap rather than widen the page.
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)

    def show_figure(self, current: float | None, previous: float | None) -> None:
        self.value.setText(value_words(self.unit, current))
        direction, amount = change_of(self.unit, current, previous)
        if amount == "—":
            words = amount
        elif direction == 0:
            words = self.tr("→ unchanged")
        else:
            if self.unit is Unit.RATE:
                amount = self.tr("{points} pp").format(points=amount)
            elif self.unit is Unit.DAYS:
                amount = self.tr("{days} working days").format(days=amount)
            words = (
                self.tr("↑ up {amount}") if direction > 0 else self.tr("↓ down {amount}")
            ).format(amount=amount)
        self.change.setText(self.tr("vs. before: {change}").format(change=words))
        self.change.setToolTip(
            self.tr("Period before: {value}").format(value=value_words(self.unit, previous))
        )


class TrendsPage(QWidget):
    """A range's figures and lines; ``refreshed`` follows each update shown."""

    refreshed = Signal()

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.trends")
        self.worker = worker
        self.clerk = clerk
        self.period: tuple[date, date] | None = None
        self.load: RangeLoad | None = None
        self._stale = False
        self.loader = Loader(worker, self)
        self.loader.arrived.connect(self.show_load)
        self.loader.failed.connect(self._refused)
        self.range = RangeBar("stats.trends")
        self.range.chosen.connect(self.choose)
        self.status = named(QLabel(), "stats.trends.status", self.tr("Statistics messages"))
        self.status.setWordWrap(True)
        self.status.hide()
        self.tiles = {key: FigureTile(key) for key, _cases in TREND_FIGURES}
        count = ("件", self.tr("Cases (件)"))
        self.daily = LineChart(
            "stats.trends.daily",
            self.tr("Cases per day"),
            self.tr("Date"),
            count[1],
            count[0],
            [COLUMNS[key][0] for key in DAILY_KEYS],
        )
        self.months = BarChart(
            "stats.trends.monthly",
            self.tr("Cases per month"),
            self.tr("Month"),
            count[1],
            count[0],
            [COLUMNS[key][0] for key in ("received", "decided")],
        )
        self.rates = LineChart(
            "stats.trends.rates",
            self.tr("Completion and satisfaction rates per day"),
            self.tr("Date"),
            self.tr("Rate (%)"),
            "%",
            [COLUMNS[key][0] for key in (*RATE_KEYS, "satisfaction_rate")],
            decimals=1,
        )
        tiles = QHBoxLayout()
        tiles.setSpacing(6)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.daily, 0, 0, 1, 2)
        grid.addWidget(self.months, 1, 0)
        grid.addWidget(self.rates, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.range)
        layout.addWidget(self.status)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        worker.changed.connect(self._changed)

    @property
    def loading(self) -> bool:
        return self.loader.busy

    def choose(self, start: date, end: date) -> None:
        self.period = (start, end)
        self.refresh()

    def refresh(self) -> None:
        period, made_by = self.period, self.clerk.display_name
        self._stale = False
        self.loader.request(lambda desk: load_range(desk, period, made_by))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.load is None or self._stale:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.cases or changes.ratings:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _refused(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())
        self.status.show()
        self.refreshed.emit()

    def show_load(self, load: RangeLoad) -> None:
        self.load = load
        report = load.report
        self.status.hide()
        self.range.show_period(report.start, report.end, load.today)
        for key, of_cases in TREND_FIGURES:
            now = (report.totals.cases if of_cases else report.totals.ratings).to_json()[key]
            before = (report.previous.cases if of_cases else report.previous.ratings).to_json()[key]
            self.tiles[key].show_figure(now, before)
        days = [f"{day.day:%m-%d}" for day in report.days]
        self.daily.set_data(
            days,
            [[float(day.cases.to_json()[key]) for day in report.days] for key in DAILY_KEYS],
        )
        by_month = monthly(report)
        self.months.set_data(
            [month for month, _ in by_month],
            [[float(f.received) for _, f in by_month], [float(f.decided) for _, f in by_month]],
        )
        rates: list[list[float | None]] = [
            [_percent(day.cases.to_json()[key]) for day in report.days] for key in RATE_KEYS
        ]
        rates.append([_percent(day.ratings.satisfaction_rate) for day in report.days])
        self.rates.set_data(days, rates)
        self.refreshed.emit()


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)
