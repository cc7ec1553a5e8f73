"""代办: the open proxy services, the chosen one's record, and its steps.

On the left the list of every 代办 with something left to do (number, applicant masked as on
every screen list, matters, state, next step, its date with 正常 / 临期 / 超期 in words); on
the right the chosen record, its cases (Enter opens one in 受理) and its history; at the foot
the steps with their keys: F2 新建代办, F4 导入委托书, F6 受理办件 (the draft opens in 受理,
marked 代办), F7 中止, F8 恢复, F9 办结, F10 终止, F11 回访. Every desk call runs on the
database thread; the list follows the change notices (``Changes.proxies``, ``Changes.cases``).
A refusal is said beside the step (in its form, or under the buttons) in the service's words,
and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.output_rules import AUTHORISATION
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.services.attachments import ALLOWED_PATTERNS
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker
from ui.intake.scanning import window_scan_options, window_scanner
from ui.naming import named
from ui.output.authorisation import AuthorisationScan
from ui.proxy.detail import ProxyDetail
from ui.proxy.dialogs import (
    ProxyCallBackDialog,
    ProxyConcludeDialog,
    ProxyPauseDialog,
    ProxyStepDialog,
    ProxyTerminateDialog,
)
from ui.proxy.lines import ProxyLine, ProxyLoad, load_proxies
from ui.proxy.model import DUE, MATTERS, ProxyModel
from ui.proxy.new_dialog import NewProxy, NewProxyDialog
from ui.proxy.papers import ProxyPapersDialog, ProxyPrintout, load_papers
from ui.proxy.steps import KEYS, ProxyStepBar, Step, step_label, step_problems
from ui.ratings.tables import SearchTable
from ui.shortcuts import local_shortcut

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk
    from clerk_desk.domain.case import Case
    from clerk_desk.domain.proxy import ProxyRecord

DIALOGS: dict[Step, Callable[[QWidget], ProxyStepDialog]] = {
    Step.PAUSE: ProxyPauseDialog,
    Step.CONCLUDE: ProxyConcludeDialog,
    Step.TERMINATE: ProxyTerminateDialog,
    Step.CALL_BACK: ProxyCallBackDialog,
}


class ProxyWorkspace(QWidget):
    caseOpened = Signal(str)  # a case to show in 受理: started here, or Enter on a linked one

    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.proxy")
        self.worker = worker
        self.clerk = clerk
        self.settings = settings
        self.lines: dict[str, ProxyLine] = {}
        self.dialog: ProxyStepDialog | NewProxyDialog | ProxyPapersDialog | None = None
        self._asked = self._answered = 0
        self._busy = False
        self._select_next = ""
        self._stale = False
        self._shown = "-"  # the uuid whose steps are offered ("": none chosen)

        self.model = ProxyModel(self)
        self.list = SearchTable(
            self.model,
            "proxy.list",
            self.tr("Open proxy services"),
            self.tr("Search the proxy services"),
            self.tr("Number, applicant, matters, state or next step"),
            self,
        )
        self.list.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self.count = named(QLabel(), "proxy.count", self.tr("Proxy services listed"))
        self.count.setProperty("role", "muted")
        self.detail = ProxyDetail()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.list.search)
        left_layout.addWidget(self.list.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("proxy.splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(_card(left))
        splitter.addWidget(_card(self.detail))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.steps = ProxyStepBar()
        # The signed 委托书 through the window's scanner: its first page, stored as a file.
        self.scan = AuthorisationScan(worker, settings, self)
        self.scan.stored.connect(self._scanned)
        self.scan.failed.connect(self._scan_failed)
        self._scanning = ""  # the uuid of the 代办 whose authorisation is being scanned
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.scan.strip)
        layout.addWidget(self.steps)
        self._shortcuts()

        self.list.currentChanged.connect(self._show_current)
        self.list.opened.connect(self._open_line)
        self.detail.caseOpened.connect(self.caseOpened)
        self.steps.stepChosen.connect(lambda step: self.take(Step(step)))
        worker.changed.connect(self._changed)
        self._show_current("")
        self.reload()

    def _shortcuts(self) -> None:
        for step, key in KEYS.items():
            local_shortcut(self, key, partial(self.steps.trigger, step))
        local_shortcut(self, "Ctrl+F", self.setFocus)

    def setFocus(self) -> None:  # type: ignore[override]
        """Where the work starts: the search box over the list."""
        self.list.search.setFocus()
        self.list.search.selectAll()

    # Loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Whether the list or a step asked for is still on its way."""
        return self._asked != self._answered or self._busy

    def reload(self) -> None:
        self._asked += 1
        asked = self._asked
        self.worker.run(
            load_proxies,
            lambda load: self._arrived(asked, load),
            lambda error: self._refused(asked, error),
            owner=self,
        )

    def _arrived(self, asked: int, load: ProxyLoad) -> None:
        if asked != self._asked:
            return
        self._answered = asked
        self.lines = {line.uuid: line for line in load.lines}
        self.list.set_rows(list(load.lines))
        self._fit_columns()
        if self._select_next and self.list.select(self._select_next):
            self.list.table.setFocus()
        self._select_next = ""
        self.count.setText(self.tr("{count} proxy service(s) open").format(count=len(self.lines)))
        self._show_current(self.list.current_uuid())

    def _fit_columns(self) -> None:
        self.list.fit_columns()
        # The matters take the room left (their full text in the tooltip), never a scroll bar.
        header = self.list.table.horizontalHeader()
        # Stretched into too little room, the last section would cut its own heading.
        header.setMinimumSectionSize(header.sectionSizeHint(MATTERS))
        header.resizeSection(MATTERS, max(120, header.sectionSizeHint(MATTERS)))

    def changeEvent(self, event: QEvent) -> None:
        """A new text size or theme (设置, applied at once): the columns fit their text again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()

    def _refused(self, asked: int, error: UserError) -> None:
        if asked == self._asked:
            self._answered = asked
            self.steps.say(error.render(), error=True)

    def _changed(self, changes: Changes) -> None:
        """A 代办 or a case changed (here, another window, a pull): the list as it is now;
        while another workspace is shown (the intake saves its draft all day), when shown."""
        if changes.proxies or changes.cases or changes.settings:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def current(self) -> ProxyLine | None:
        return self.lines.get(self.list.current_uuid())

    def _show_current(self, uuid: str) -> None:
        line = self.lines.get(uuid)
        self.detail.show_line(line)
        self.steps.set_problems(step_problems(None if line is None else line.record))
        if uuid != self._shown:
            self.steps.say("")  # what was said of the record chosen before
            self._shown = uuid

    def _open_line(self, _uuid: str) -> None:
        """Enter on a 代办: to its cases when it has some, else to the first step possible."""
        if self.detail.cases.count():
            self.detail.cases.setFocus()
            return
        possible = (b for s, b in self.steps.buttons.items() if s is not Step.NEW and b.isEnabled())
        button = next(possible, None)
        if button is not None:
            button.setFocus()

    # Steps --------------------------------------------------------------------------------

    def take(self, step: Step) -> None:
        """Take ``step`` for the chosen 代办 (a form first where it needs one)."""
        line = self.current()
        if self.steps.problems[step] or self.dialog is not None or self._busy:
            self.steps.explain(step)
            return
        if step is Step.NEW:
            self._new()
        elif line is None:
            return
        elif step is Step.AUTHORISE:
            self._import_authorisation(line.record)
        elif step is Step.SCAN:
            self._scan_authorisation(line.record)
        elif step is Step.START_CASE:
            self._run(step, self._start_case_job(line.uuid), self._case_started)
        elif step is Step.RESUME:
            uuid, by = line.uuid, self.clerk.username
            self._run(step, lambda desk: desk.proxies.resume(uuid, by), self._recorded(step))
        elif step is Step.PRINT:
            uuid, clerk = line.uuid, self.clerk.display_name
            self._run(step, lambda desk: load_papers(desk, uuid, clerk), self._show_papers)
        elif step in DIALOGS:
            self._ask(step, line.uuid)

    def _new(self) -> None:
        dialog = NewProxyDialog(self.worker, self)
        self._opened(dialog)
        dialog.submitted.connect(lambda wanted: self._open_record(dialog, wanted))
        dialog.open()

    def _open_record(self, dialog: NewProxyDialog, wanted: NewProxy) -> None:
        clerk = self.clerk

        def job(desk: Desk) -> ProxyRecord:
            return desk.proxies.open(
                wanted.applicant, wanted.matters, wanted.item_codes, clerk, wanted.due_on
            )

        def opened(record: ProxyRecord) -> None:
            dialog.done_ok()
            self._select_next = self._shown = record.uuid  # chosen next, with this said
            self.steps.say(self.tr("Opened {number}").format(number=record.number))

        self._busy = True
        self.worker.run(job, opened, dialog.refuse, owner=self, after=self._answered_step)

    def _import_authorisation(self, record: ProxyRecord) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the signed authorisation"),
            "",
            self.tr("Scans ({patterns})").format(patterns=" ".join(ALLOWED_PATTERNS)),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path:
            self._attach(Step.AUTHORISE, record.uuid, Path(path))

    def _attach(self, step: Step, uuid: str, path: Path) -> None:
        by = self.clerk.username
        self._run(
            step,
            lambda desk: desk.proxies.attach_authorisation(uuid, path, by),
            self._recorded(step),
        )

    def _scan_authorisation(self, record: ProxyRecord) -> None:
        if self.scan.scanner.busy():
            return
        self._scanning = record.uuid
        self.scan.pages = []
        self.scan.case_no = record.number  # the stored file's name
        device, backends = window_scanner(self.settings)
        options = window_scan_options(self.settings)
        self.scan.scanner.start(device, backends, options, AUTHORISATION)
        self.steps.say(self.tr("Scanning the signed authorisation…"))

    def _scanned(self, path: Path) -> None:
        self._attach(Step.SCAN, self._scanning, path)

    def _scan_failed(self, error: UserError) -> None:
        self.steps.say(
            self.tr("{step}: {error}").format(step=step_label(Step.SCAN), error=error.render()),
            error=True,
        )

    def _start_case_job(self, uuid: str) -> Callable[[Desk], Case]:
        clerk = self.clerk
        return lambda desk: desk.proxies.start_case(uuid, [], clerk)

    def _case_started(self, case: Case) -> None:
        self.steps.say(
            self.tr("Case started: {items}").format(
                items="、".join(item.name for item in case.items)
            )
        )
        self.caseOpened.emit(case.uuid)

    def _show_papers(self, loaded: tuple[str, list[ProxyPrintout]]) -> None:
        dialog = ProxyPapersDialog(self.worker, *loaded, parent=self)
        self._opened(dialog)
        dialog.open()

    def _ask(self, step: Step, uuid: str) -> None:
        dialog = DIALOGS[step](self)
        self._opened(dialog)
        dialog.submitted.connect(lambda values: self._record(dialog, step, uuid, values))
        dialog.open()

    def _record(
        self, dialog: ProxyStepDialog, step: Step, uuid: str, values: dict[str, Any]
    ) -> None:
        job = _step_job(step, uuid, self.clerk.username, values)

        def recorded(record: ProxyRecord) -> None:
            dialog.done_ok()
            self._recorded(step)(record)

        self._busy = True
        self.worker.run(job, recorded, dialog.refuse, owner=self, after=self._answered_step)

    def _opened(self, dialog: ProxyStepDialog | NewProxyDialog | ProxyPapersDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))

    def _dialog_closed(self, dialog: ProxyStepDialog | NewProxyDialog | ProxyPapersDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self.list.table.setFocus()

    def _run(self, step: Step, job: Callable[[Desk], Any], done: Callable[[Any], None]) -> None:
        """A step without a form: its refusal goes under the buttons, in the service's words."""
        self._busy = True
        self.worker.run(
            job,
            done,
            lambda error: self.steps.say(
                self.tr("{step}: {error}").format(step=step_label(step), error=error.render()),
                error=True,
            ),
            owner=self,
            after=self._answered_step,
        )

    def _recorded(self, step: Step) -> Callable[[ProxyRecord], None]:
        def say(record: ProxyRecord) -> None:
            self.steps.say(
                self.tr("{number}: {step} recorded").format(
                    number=record.number, step=step_label(step)
                )
            )

        return say

    def _answered_step(self) -> None:
        self._busy = False


def _step_job(
    step: Step, uuid: str, by: str, values: dict[str, Any]
) -> Callable[[Desk], ProxyRecord]:
    """The service's call behind a step's form, with what the form gave."""

    def job(desk: Desk) -> ProxyRecord:
        proxies = desk.proxies
        if step is Step.PAUSE:
            return proxies.pause(uuid, values["reason"], by, values["resume_on"])
        if step is Step.CONCLUDE:
            return proxies.conclude(uuid, by, values["note"])
        if step is Step.TERMINATE:
            return proxies.terminate(uuid, by, values["reason"])
        return proxies.call_back(uuid, by, CallbackOutcome(values["outcome"]), values["note"])

    return job


def _card(widget: QWidget) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.addWidget(widget)
    return card
