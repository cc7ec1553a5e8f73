"""统计: the supervisor's desk (今日, 趋势, 事项与缺口, and the 日报 page added beside them).

A light shell: the window builds it at start-up without its charts. The pages, and with them
pyqtgraph and numpy (half a second and 50 MiB, ``shared/platform-notes.md``), load when the
workspace is first shown, just after it is painted, so start-up stays within its benchmark.
Ctrl+PgUp / Ctrl+PgDn (and each tab's mnemonic) move between the pages.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from clerk_desk.domain.roles import Clerk
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.shortcuts import local_shortcut

if TYPE_CHECKING:
    from ui.stats.gaps import GapsPage
    from ui.stats.today import TodayPage
    from ui.stats.trends import TrendsPage

TODAY, TRENDS, GAPS = 0, 1, 2
BUILD_AFTER_MS = 30  # time for the first paint of the tab (its "loading" note)


class StatsWorkspace(QWidget):
    """``refreshed`` follows each refresh of 今日 shown (its figures in the charts, or its
    error in words); ``built`` once the pages exist (pyqtgraph imported)."""

    refreshed = Signal()
    built = Signal()

    def __init__(self, worker: DeskWorker, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.statistics")
        self.setAccessibleName(self.tr("Statistics"))
        self.worker = worker
        self.clerk = clerk
        self.today: TodayPage | None = None
        self.trends: TrendsPage | None = None
        self.gaps: GapsPage | None = None
        self._building = False
        self.tabs = named(QTabWidget(), "stats.tabs", self.tr("Statistics pages"))
        self.tabs.tabBar().setObjectName("stats.tabBar")
        self.tabs.tabBar().setAccessibleName(self.tr("Statistics pages"))
        self.holders: list[tuple[QVBoxLayout, QLabel]] = []
        for key, title in (
            ("today", self.tr("&Today")),
            ("trends", self.tr("T&rends")),
            ("gaps", self.tr("Items and &gaps")),
        ):
            holder = QWidget()
            holder.setObjectName(f"stats.{key}Tab")
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            waiting = QLabel(self.tr("Loading the statistics…"))
            waiting.setProperty("role", "muted")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            holder_layout.addWidget(waiting)
            self.tabs.addTab(holder, title)
            self.holders.append((holder_layout, waiting))
        for key, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            local_shortcut(self, key, partial(self.step_page, step))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Today's figures again (``refreshed`` follows when they are shown); the pages are
        built first if the workspace was never shown."""
        if self.today is None:
            self.build()  # which loads today's figures
        else:
            self.today.refresh()

    def add_page(self, widget: QWidget, title: str) -> None:
        """A page beside the dashboard's (the 日报); ``title`` may carry a mnemonic."""
        self.tabs.addTab(widget, title)

    def step_page(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def setFocus(self) -> None:  # type: ignore[override]
        """Where the keyboard starts: the page tabs."""
        self.tabs.tabBar().setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.today is None and not self._building:
            # After this paint: the window shows its tab at once, the charts follow.
            self._building = True
            QTimer.singleShot(BUILD_AFTER_MS, self, self.build)

    def build(self) -> None:
        """Make the pages (importing pyqtgraph) and load today's figures."""
        if self.today is not None:
            return
        from ui.stats.gaps import GapsPage
        from ui.stats.today import TodayPage
        from ui.stats.trends import TrendsPage

        self.today = TodayPage(self.worker, self.clerk)
        self.trends = TrendsPage(self.worker, self.clerk)
        self.gaps = GapsPage(self.worker, self.clerk)
        pages = (self.today, self.trends, self.gaps)
        for (layout, waiting), page in zip(self.holders, pages, strict=True):
            waiting.deleteLater()
            # A larger text size scrolls the page rather than squashing its charts.
            scroll = QScrollArea()
            scroll.setObjectName(f"{page.objectName()}.scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(page)
            layout.addWidget(scroll)
        self.today.refreshed.connect(self.refreshed)
        self.today.refresh()
        self.built.emit()
