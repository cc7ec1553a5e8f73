"""The main window: workspace tabs by role, who and where in the top bar, desk state below."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.ratings import ContactKind
from clerk_desk.domain.roles import Clerk, Workspace
from clerk_desk.errors import UserError
from ui.accounts_page import AccountsPanel
from ui.app import apply_appearance
from ui.desk_worker import DeskWorker
from ui.display.feed import CounterFeed
from ui.display.window import CustomerDisplay
from ui.elided_label import ElidedLabel
from ui.idle_lock import IdleWatcher, LockScreen, minutes_to_ms
from ui.intake.page import IntakePage
from ui.naming import described, named
from ui.output.workspace import OutputWorkspace
from ui.proxy.workspace import ProxyWorkspace
from ui.ratings.workspace import RatingsWorkspace
from ui.report_schedule import ReportSchedule
from ui.review.workspace import ReviewWorkspace
from ui.stats.summary import SummaryPage
from ui.stats.workspace import StatsWorkspace
from ui.sync_controller import SyncController
from ui.sync_problems import SyncProblemsDialog
from ui.workspaces import SettingsPage

if TYPE_CHECKING:
    from clerk_desk.sync.status import SyncStatus

ERROR_SHOWN_MS = 15_000
DISPLAY_KEY = "Ctrl+Shift+D"


class MainWindow(QMainWindow):
    signedOut = Signal()

    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        idle_ms: int | None = None,
        parent: QWidget | None = None,
        sync: SyncController | None = None,
    ) -> None:
        """Opened after sign-in, so the worker's desk is open.

        ``idle_ms`` overrides the idle-lock setting (tests use a few milliseconds). ``sync`` is
        the session's controller; without one (self-test, tests) the window keeps its own,
        which syncs only on demand.
        """
        super().__init__(parent)
        if worker.desk is None:
            raise RuntimeError("the main window needs an open desk")
        self.worker = worker
        self.desk = worker.desk
        self.clerk = clerk
        self.setObjectName("main")
        self.setWindowTitle(self.tr("Comprehensive Window Desk"))
        # The session shows the window maximised, so it fits the screen with its taskbar.
        self.resize(1366, 768)
        self._idle_override = idle_ms
        self._appearance = (
            float(self.desk.settings.get("font_scale")),
            bool(self.desk.settings.get("high_contrast")),
        )
        self._focus_before_lock: QWidget | None = None
        self._owns_sync = sync is None
        self.sync = sync if sync is not None else SyncController(worker, self)
        self.problems_dialog: SyncProblemsDialog | None = None

        # The visitor's screen follows the case at the counter, told by the workspaces.
        self.feed = CounterFeed(self)
        self.tabs: dict[Workspace, QPushButton] = {}
        self.workspaces: dict[Workspace, QWidget] = {}
        self.workspace_stack = QStackedWidget()
        self.workspace_stack.setObjectName("main.workspaces")
        self.desk_page = QWidget()
        self.desk_page.setObjectName("main.desk")
        page_layout = QVBoxLayout(self.desk_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self._top_bar())
        page_layout.addWidget(self.workspace_stack, 1)

        self.lock_screen = LockScreen(worker, clerk)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switchUser.connect(self.switch_user)
        self.lock_screen.credentialsAccepted.connect(self.sync.sign_in)
        self.stack = QStackedWidget()
        self.stack.setObjectName("main.stack")
        self.stack.addWidget(self.desk_page)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.sync_now = QAction(self.tr("Sync now"), self)
        self.sync_now.setObjectName("sync.now")
        self.sync_now.setShortcut(QKeySequence("F5"))
        self.sync_now.setToolTip(self.tr("Sync with the platform now (F5)"))
        self.sync_now.triggered.connect(self.sync.sync_now)
        self.addAction(self.sync_now)
        self.display_action = QAction(self.tr("Customer display"), self)
        self.display_action.setObjectName("display.toggle")
        self.display_action.setCheckable(True)
        self.display_action.setShortcut(QKeySequence(DISPLAY_KEY))
        self.display_action.setToolTip(
            self.tr("Show or hide the customer display ({key})").format(key=DISPLAY_KEY)
        )
        self.display_action.triggered.connect(self.toggle_display)
        self.display_action.toggled.connect(self._say_display)
        self.addAction(self.display_action)
        self.display_button.setDefaultAction(self.display_action)
        self._status_bar()
        self.sync.statusChanged.connect(self._show_sync)
        self.sync.noticeChanged.connect(self._show_sync)
        self.sync.busyChanged.connect(self._show_sync)
        worker.userError.connect(self.say_error)
        self._show_sync()
        self.sync.refresh()

        lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_shortcut.activated.connect(self.lock)
        for position, workspace in enumerate(self.tabs, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{position}"), self)
            shortcut.setProperty("workspace", workspace.value)
            shortcut.activated.connect(self._workspace_shortcut)
        if self.tabs:
            self.show_workspace(next(iter(self.tabs)))

        # A window of its own on the visitor's screen, for as long as this clerk is signed in.
        self.display = CustomerDisplay(worker, clerk, self.feed)
        self.display.present()
        self.display_action.setChecked(True)

        self.idle = IdleWatcher(self._idle_timeout(), self)
        self.idle.idle.connect(self.lock)
        self.idle.start()

        # The 日报 made by itself at the time set in 设置, whoever is signed in at this desk.
        self.report_schedule = ReportSchedule(worker, parent=self)
        self.report_schedule.said.connect(lambda text: self.statusBar().showMessage(text, 60_000))
        self.report_schedule.start()

    def _labels(self) -> dict[Workspace, str]:
        return {
            Workspace.INTAKE: self.tr("Intake"),
            Workspace.REVIEW: self.tr("Review"),
            Workspace.OUTPUT: self.tr("Output"),
            Workspace.RATINGS: self.tr("Ratings"),
            Workspace.STATISTICS: self.tr("Statistics"),
            Workspace.PROXY: self.tr("Proxy service"),
            Workspace.SETTINGS: self.tr("Settings"),
        }

    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("main.topBar")
        bar.setProperty("role", "topBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(12, 0, 16, 0)
        layout.setSpacing(4)
        group = QButtonGroup(bar)
        group.setExclusive(True)
        group.idClicked.connect(self._tab_clicked)
        labels = self._labels()
        for position, workspace in enumerate(self.clerk.workspaces(), start=1):
            tab = named(
                QPushButton(labels[workspace]), f"main.tab.{workspace.value}", labels[workspace]
            )
            tab.setProperty("tab", True)
            tab.setCheckable(True)
            tab.setAutoDefault(False)
            tab.setToolTip(f"Ctrl+{position}")
            group.addButton(tab, position)
            layout.addWidget(tab)
            self.tabs[workspace] = tab
            page = self._workspace(workspace, labels[workspace])
            self.workspaces[workspace] = page
            self.workspace_stack.addWidget(page)
        layout.addStretch(1)
        who = named(QLabel(self.clerk.display_name), "main.clerk", self.tr("Signed-in clerk"))
        where = named(QLabel(self._window_text()), "main.window", self.tr("Window"))
        self.lock_button = named(QPushButton(self.tr("Lock")), "main.lock", self.tr("Lock"))
        self.lock_button.setToolTip("Ctrl+L")
        self.lock_button.setAutoDefault(False)
        self.lock_button.clicked.connect(self.lock)
        for widget in (who, QLabel("·"), where):
            layout.addWidget(widget)
        self.display_button = named(
            QToolButton(), "main.displayButton", self.tr("Customer display")
        )
        self.display_button.setAutoRaise(True)
        layout.addWidget(self.display_button)
        layout.addWidget(self.lock_button)
        return bar

    def _tab_clicked(self, position: int) -> None:
        self.show_workspace(list(self.tabs)[position - 1])

    def _workspace_shortcut(self) -> None:
        self.show_workspace(Workspace(self.sender().property("workspace")))

    def _workspace(self, workspace: Workspace, title: str) -> QWidget:
        if workspace is Workspace.SETTINGS:
            page = SettingsPage(self.worker, AccountsPanel(self.worker, self.clerk))
            page.saved.connect(self._settings_saved)
            return page
        if workspace is Workspace.INTAKE:
            intake = IntakePage(self.worker, self.clerk, self.desk.settings)
            intake.workspace.atCounter.connect(
                lambda uuid: self._at_counter(uuid, ContactKind.INTAKE)
            )
            intake.workspace.guidedScreen.connect(self.feed.guide)
            return intake
        if workspace is Workspace.REVIEW:
            review = ReviewWorkspace(self.worker, self.clerk, self.desk.settings)
            tab = self.tabs[workspace]
            review.titleChanged.connect(lambda counted: _set_tab_text(tab, counted or title))
            return review
        if workspace is Workspace.OUTPUT:
            output = OutputWorkspace(self.worker, self.clerk, self.desk.settings)
            output.atCounter.connect(lambda uuid: self._at_counter(uuid, ContactKind.HANDOVER))
            return output
        if workspace is Workspace.RATINGS:
            ratings = RatingsWorkspace(self.worker, self.clerk)
            tab = self.tabs[workspace]
            ratings.titleChanged.connect(lambda counted: _set_tab_text(tab, counted or title))
            return ratings
        if workspace is Workspace.PROXY:
            proxy = ProxyWorkspace(self.worker, self.clerk, self.desk.settings)
            proxy.caseOpened.connect(self._open_in_intake)
            return proxy
        stats = StatsWorkspace(self.worker, self.clerk)
        stats.add_page(SummaryPage(self.worker, self.clerk), self.tr("Dai&ly report"))
        return stats

    def _open_in_intake(self, case_uuid: str) -> None:
        """A case of a 代办 shown in 受理: the draft started for it, or one of its cases."""
        intake = self.workspaces.get(Workspace.INTAKE)
        if isinstance(intake, IntakePage):
            intake.workspace.open_case(case_uuid)
            self.show_workspace(Workspace.INTAKE)

    def _at_counter(self, case_uuid: str, kind: ContactKind) -> None:
        """A workspace's case at the counter ("" when the clerk starts over)."""
        if case_uuid:
            self.feed.serve(case_uuid, kind)
        else:
            self.feed.next_visitor()

    def toggle_display(self) -> None:
        self.display.toggle()
        self.display_action.setChecked(self.display.wanted)

    def _say_display(self, shown: bool) -> None:
        """On or off in words, not by the button's pressed look alone."""
        self.display_action.setText(
            self.tr("Customer display: on") if shown else self.tr("Customer display: off")
        )

    def _window_text(self) -> str:
        number = self.desk.settings.get("window_number")
        return self.tr("Window {number}").format(number=number) if number else ""

    def _status_bar(self) -> None:
        settings = self.desk.settings
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        parts: list[QLabel] = []
        if self.desk.demo_mode:
            mode = QLabel(self.tr("Demo / training mode"))
            mode.setObjectName("status.mode")
            mode.setProperty("role", "banner")
            parts.append(mode)
        centre = ElidedLabel(
            self.tr("Centre {code} {name}").format(
                code=settings.get("centre_code"), name=settings.get("centre_name")
            )
        )
        window = QLabel(
            " ".join(
                part for part in (self._window_text(), settings.get("window_category")) if part
            )
        )
        clerk = QLabel(self.clerk.display_name)
        sync = ElidedLabel(
            self.tr("Platform not configured")
            if not settings.get("platform_url")
            else self.tr("Offline")
        )
        for label, name, accessible in (
            (centre, "status.centre", self.tr("Service centre")),
            (window, "status.window", self.tr("Window")),
            (clerk, "status.clerk", self.tr("Signed-in clerk")),
            (sync, "status.sync", self.tr("Sync state")),
        ):
            parts.append(named(label, name, accessible))
        self.sync_label = sync
        for index, label in enumerate(parts):
            if index:
                bar.addWidget(QLabel("·"))
            # The sync state takes the room left and is cut short when it does not fit.
            bar.addWidget(label, 1 if label is sync else 0)
        self.problems_button = named(QToolButton(), "status.syncProblems", self.tr("Sync problems"))
        described(self.problems_button, self.tr("Sync problems"))
        self.problems_button.setAutoRaise(True)
        self.problems_button.setProperty("role", "alert")
        self.problems_button.clicked.connect(self.show_sync_problems)
        self.problems_button.hide()
        bar.addPermanentWidget(self.problems_button)
        sync_button = named(QToolButton(), "status.syncNow", self.tr("Sync now"))
        sync_button.setDefaultAction(self.sync_now)
        sync_button.setAutoRaise(True)
        bar.addPermanentWidget(sync_button)

    def _show_sync(self) -> None:
        """The sync part of the status bar, spoken: online or not, what waits, what failed."""
        status = self.sync.status
        if status is None:
            text = (
                self.tr("Offline")
                if self.desk.settings.get("platform_url")
                else self.tr("Platform not configured")
            )
            parts, error = [text], ""
        else:
            parts = self._sync_parts(status)
            error = status.last_error if status.configured and not status.online else ""
        if self.sync.busy:
            parts.append(self.tr("Syncing…"))
        if self.sync.notice:
            parts.append(self.sync.notice)
        if error:
            # Last: the longest part, the one cut short when the bar is narrow.
            parts.append(self.tr("Last error: {error}").format(error=error))
        self.sync_label.setText(" · ".join(parts))
        refused = status.refused if status is not None else 0
        self.problems_button.setText(self.tr("Sync problems {count}").format(count=refused))
        self.problems_button.setVisible(refused > 0)

    def _sync_parts(self, status: SyncStatus) -> list[str]:
        if not status.configured:
            return [self.tr("Platform not configured")]
        parts = [
            self.tr("Online") if status.online else self.tr("Offline"),
            self.tr("To upload {count}").format(count=status.pending),
        ]
        if status.waiting_for:
            parts.append(
                self.tr("Waiting for {users} to sign in").format(
                    users="、".join(status.waiting_for)
                )
            )
        if status.last_success is not None:
            parts.append(self.tr("Last sync {time}").format(time=_clock(status.last_success)))
        return parts

    def say_error(self, error: UserError) -> None:
        """A refusal from background work nobody else answers: in the status bar, in words."""
        self.statusBar().showMessage(error.render(), ERROR_SHOWN_MS)

    def show_sync_problems(self) -> None:
        if self.problems_dialog is None:
            self.problems_dialog = SyncProblemsDialog(self.worker, self.sync, self.clerk, self)
        self.problems_dialog.refresh()
        if self.problems_dialog.isVisible():
            self.problems_dialog.activateWindow()
        else:
            self.problems_dialog.show()

    def _idle_timeout(self) -> int:
        if self._idle_override is not None:
            return self._idle_override
        return minutes_to_ms(int(self.desk.settings.get("idle_lock_minutes")))

    def _settings_saved(self) -> None:
        self.idle.set_timeout(self._idle_timeout())
        # Text size and theme at once, in every open window (the display has its own sizes).
        settings, app = self.desk.settings, QApplication.instance()
        wanted = (float(settings.get("font_scale")), bool(settings.get("high_contrast")))
        if wanted != self._appearance and isinstance(app, QApplication):
            apply_appearance(app, *wanted)
        self._appearance = wanted

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def current_workspace(self) -> Workspace | None:
        page = self.workspace_stack.currentWidget()
        return next((w for w, p in self.workspaces.items() if p is page), None)

    def show_workspace(self, workspace: Workspace) -> None:
        if self.locked or workspace not in self.workspaces:
            return
        self.tabs[workspace].setChecked(True)
        page = self.workspaces[workspace]
        self.workspace_stack.setCurrentWidget(page)
        # The cursor where the work starts: in 受理, the item search.
        page.setFocus()

    def lock(self) -> None:
        if self.locked:
            return
        self._focus_before_lock = QApplication.focusWidget()
        self.idle.stop()
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()
        self.display.lock(True)
        self._log("window_locked")

    def unlock(self) -> None:
        if not self.locked:
            return
        self.stack.setCurrentWidget(self.desk_page)
        self.display.lock(False)
        self._log("window_unlocked")
        if self._focus_before_lock is not None and self.desk_page.isAncestorOf(
            self._focus_before_lock
        ):
            self._focus_before_lock.setFocus()
        self.idle.start()

    def switch_user(self) -> None:
        self.idle.stop()
        self.display.shut()
        self._log("signed_out")
        self.signedOut.emit()

    def _log(self, event: str) -> None:
        username = self.clerk.username
        self.worker.run(lambda desk: desk.accounts.log(username, event))

    def closeEvent(self, event: QCloseEvent) -> None:
        # What was typed since the last save goes in now, not when the save timer fires.
        for page in self.workspaces.values():
            if isinstance(page, IntakePage):
                page.workspace.save_draft()
        self.idle.stop()
        self.display.shut()
        self.display.deleteLater()
        if self._owns_sync:
            self.sync.shutdown()
        super().closeEvent(event)


def _set_tab_text(tab: QPushButton, text: str) -> None:
    """A tab whose text changes (审批 with its counts) is as wide as the text in bold, as the
    checked tab shows it; the size hint measures the regular weight."""
    bold = QFont(tab.font())
    bold.setWeight(QFont.Weight.DemiBold)
    tab.setText(text)
    padding = tab.sizeHint().width() - tab.fontMetrics().horizontalAdvance(text)
    tab.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + padding)


def _clock(moment: datetime) -> str:
    """HH:MM today; with the date on another day, so a stale "last sync" does not look fresh."""
    if moment.date() == datetime.now().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%m-%d %H:%M")
