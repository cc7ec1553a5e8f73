"""出件: the output clerk's workspace (``shared/ux.md``, "The 出件 workspace").

One search box on top takes what the visitor brings; the case found shows below it with what
is to be handed over, the §44 clock and the fee; beside it 领取人 (the applicant in person or
an agent) or 邮寄 (the courier record), or 签收 for a shipped case. The keys: F7 takes the
payment, F8 prints the 缴款通知书, F9 (or Enter in a collector's field) hands over and prints
the 送达回证, F10 ships and prints the 邮寄单, F11 records 签收, Esc goes back to the search.
After a hand-over the search box has the focus again for the next visitor.

Every desk call runs on the database thread with the case as it was loaded; the service refuses
a case another window changed meanwhile. A refusal of a field is said beside that field and
nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.output_papers import courier_slip, delivery_receipt, payment_notice
from clerk_desk.documents.papers import Paper
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_states import PAYABLE_STATES, CaseState
from clerk_desk.domain.review_rules import EventRefused
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.output.actions import KEYS, Action, OutputActionBar
from ui.output.authorisation import AuthorisationScan
from ui.output.case_card import OutputCaseCard
from ui.output.collector import CollectorForm
from ui.output.courier import CourierForm, DeliveredForm
from ui.output.found import FoundCase, found, load_case
from ui.output.papers import print_paper
from ui.output.payment import PaymentForm
from ui.output.search import OutputSearch
from ui.scrolling import scrolling
from ui.shortcuts import local_shortcut
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

T = TypeVar("T")
MakePaper = Callable[[Case, PaperContext], Paper]
WINDOW, COURIER, DELIVERED = range(3)


class OutputWorkspace(QWidget):
    # The case being handed over, for the customer display; "" when the clerk starts over.
    atCounter = Signal(str)

    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.output")
        self.worker = worker
        self.clerk = clerk
        self.settings = settings
        self.found: FoundCase | None = None
        self.busy = False
        self._stale = False
        self.printed: list[Path] = []

        self.search = OutputSearch(worker)
        self.card = OutputCaseCard()
        self.payment = PaymentForm()
        self.collector = CollectorForm()
        self.courier = CourierForm()
        self.delivered = DeliveredForm()
        self.scan = AuthorisationScan(worker, settings, self)
        self.action_bar = OutputActionBar()
        self.status = named(QLabel(), "output.status", self.tr("Output messages"))
        self.status.setWordWrap(True)
        self.in_window = named(
            QRadioButton(self.tr("At the &window")),
            "output.methodWindow",
            self.tr("Hand over at the window"),
        )
        self.by_courier = named(
            QRadioButton(self.tr("By &courier")), "output.methodCourier", self.tr("Send by courier")
        )
        self.methods = QStackedWidget()
        self.methods.setObjectName("output.methods")
        for form in (self.collector, self.courier, self.delivered):
            self.methods.addWidget(form)
        self.body = QStackedWidget()
        self.body.setObjectName("output.body")
        self.body.addWidget(self._idle_page())
        self.body.addWidget(self._case_page())
        self._lay_out()

        self.search.opened.connect(self.open_case)
        self.action_bar.acted.connect(lambda key: self.act(Action(key)))
        self.collector.submitted.connect(lambda: self.action_bar.trigger(Action.HAND_OVER))
        self.courier.submitted.connect(lambda: self.action_bar.trigger(Action.SHIP))
        self.delivered.submitted.connect(lambda: self.action_bar.trigger(Action.DELIVER))
        self.payment.submitted.connect(lambda: self.action_bar.trigger(Action.PAY))
        self.collector.scanWanted.connect(self.scan_authorisation)
        self.collector.importWanted.connect(self.import_authorisation)
        self.scan.stored.connect(self.collector.set_scanned)
        self.scan.failed.connect(self.say_error)
        self.in_window.toggled.connect(self._method_chosen)
        self._shortcuts()
        worker.changed.connect(self._changed_elsewhere)
        self._show_actions()
        self.search.run_search()

    # Building ---------------------------------------------------------------------------

    def _lay_out(self) -> None:
        top = _card(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.action_bar)

    def _idle_page(self) -> QWidget:
        hint = named(
            QLabel(self.tr("Find the case above: Enter opens it")),
            "output.idleHint",
            self.tr("How to start"),
        )
        hint.setProperty("role", "placeholder")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return _card(hint)

    def _case_page(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(10)
        left_layout.addWidget(self.card)
        left_layout.addWidget(self.payment)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(8)
        choice = QHBoxLayout()
        group = QButtonGroup(self)
        for button in (self.in_window, self.by_courier):
            group.addButton(button)
            choice.addWidget(button)
        choice.addStretch(1)
        self.in_window.setChecked(True)
        right_layout.addLayout(choice)
        right_layout.addWidget(self.methods)
        right_layout.addWidget(self.scan.strip)
        right_layout.addStretch(1)
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.scrolls = (
            scrolling(left, "output.caseScroll"),
            scrolling(right, "output.releaseScroll"),
        )
        for scroll in self.scrolls:
            row.addWidget(_card(scroll), 1)
        return page

    def _shortcuts(self) -> None:
        for action, key in KEYS.items():
            local_shortcut(self, key, partial(self._key, action))
        local_shortcut(self, "F6", self.scan_authorisation)

    def _key(self, action: Action) -> None:
        """F9 / F10 first bring their form into view when the other one shows."""
        if action is Action.HAND_OVER and self.by_courier.isChecked():
            self.in_window.setChecked(True)
            return
        if action is Action.SHIP and self.in_window.isChecked() and self._can_ship_form():
            self.by_courier.setChecked(True)
            return
        self.action_bar.trigger(action)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.search.run_search()

    def setFocus(self) -> None:  # type: ignore[override]
        """The workspace's start: the search box."""
        self.search.box.setFocus()

    # Opening a case ----------------------------------------------------------------------

    def open_case(self, uuid: str) -> None:
        self.worker.run(lambda desk: load_case(desk, uuid), self._opened, self.say_error)

    def _opened(self, loaded: FoundCase | None) -> None:
        if loaded is None:
            self.say(self.tr("This case is no longer on this desk"))
            return
        self.found = loaded
        case = loaded.case
        self.atCounter.emit(case.uuid)
        for scroll in self.scrolls:
            scroll.verticalScrollBar().setValue(0)  # the new case from its top
        self.collector.load(case, loaded.authorisation_attached)
        self.courier.load(case)
        self.delivered.load(case)
        self.payment.load(case, loaded.outstanding)
        shipped = case.state is CaseState.SHIPPED
        self.in_window.setChecked(True)
        self._show(loaded)
        self.body.setCurrentIndex(1)
        self.say("")
        if shipped:
            self.delivered.start()
        elif loaded.outstanding > 0:
            self.payment.amount.setFocus()
        else:
            self.collector.start()

    def _show(self, loaded: FoundCase) -> None:
        """The case as it is now; what the clerk typed stays."""
        self.found = loaded
        shipped = loaded.case.state is CaseState.SHIPPED
        self.card.show_case(loaded)
        if loaded.outstanding != self.payment.due:
            self.payment.load(loaded.case, loaded.outstanding)
        for button in (self.in_window, self.by_courier):
            button.setVisible(not shipped)
        self._show_method()

    def _show_method(self) -> None:
        """The form of the way chosen (签收 for a shipped case), and what holds it up."""
        if self.found is not None and self.found.case.state is CaseState.SHIPPED:
            self.methods.setCurrentIndex(DELIVERED)
        else:
            self.methods.setCurrentIndex(WINDOW if self.in_window.isChecked() else COURIER)
        self._show_actions()

    def _method_chosen(self) -> None:
        """The clerk chose the window or the courier: on to that form's first field."""
        self._show_method()
        if self.found is None:
            return
        if self.methods.currentIndex() == COURIER:
            self.courier.start()
        else:
            self.collector.start()

    def _can_ship_form(self) -> bool:
        return self.found is not None and self.found.case.state is CaseState.READY_FOR_PICKUP

    # Why each action waits -----------------------------------------------------------------

    def _show_actions(self) -> None:
        self.action_bar.set_problems(self._problems(), self._main_action())

    def _main_action(self) -> Action:
        """The release the form in view is for: the reason line says what holds it up."""
        if self.found is None:
            return Action.HAND_OVER
        return (Action.HAND_OVER, Action.SHIP, Action.DELIVER)[self.methods.currentIndex()]

    def _problems(self) -> dict[Action, list[str]]:
        found = self.found
        if found is None:
            first = [self.tr("find the case first")]
            return {action: first for action in Action if action is not Action.NEXT}
        case = found.case
        nothing_due = [] if found.outstanding > 0 else [self.tr("nothing is due")]
        pay = list(nothing_due)
        if nothing_due == [] and case.state not in PAYABLE_STATES:
            pay.append(self.tr("the result has left the centre"))
        not_shipped = [] if case.state is CaseState.SHIPPED else [self.tr("it was not shipped")]
        return {
            Action.PAY: pay,
            Action.PAYMENT_NOTICE: list(nothing_due),
            Action.HAND_OVER: [m.render() for m in found.release_problems],
            Action.SHIP: [m.render() for m in found.courier_problems],
            Action.DELIVER: not_shipped,
            Action.NEXT: [],
        }

    # Acting ------------------------------------------------------------------------------

    def act(self, action: Action) -> None:
        found = self.found
        if action is Action.NEXT:
            self.next_visitor()
            self.atCounter.emit("")
            return
        if found is None or self.busy:
            return
        case, username = found.case, self.clerk.username
        if action is Action.PAY:
            self._pay(case, username)
        elif action is Action.PAYMENT_NOTICE:
            self._print(case, self._paper(payment_notice, case))
        elif action is Action.HAND_OVER:
            self._hand_over(case, username)
        elif action is Action.SHIP:
            self._ship(case, username)
        else:
            signed_by = self.delivered.signed_by.text()
            self._run(
                lambda desk: desk.output.deliver(case, username, signed_by=signed_by),
                self.delivered.show_refusal,
                paper=None,
            )

    def _pay(self, case: Case, username: str) -> None:
        form = self.payment
        amount = form.checked_amount()
        if amount is None:
            return
        method = form.payment_method()
        payer = form.payer.text()

        def pay(desk: Desk) -> FoundCase:
            return found(
                desk, desk.output.pay(case, username, method=method, amount=amount, payer=payer)
            )

        self._call(pay, form.show_refusal, self._paid)

    def _paid(self, loaded: FoundCase) -> None:
        self.payment.load(loaded.case, loaded.outstanding)
        self._show(loaded)
        self.say_note(self.tr("Payment recorded"))
        self.collector.start()

    def _hand_over(self, case: Case, username: str) -> None:
        form = self.collector
        name, number, kind = form.name.text(), form.id_number.text(), form.kind()
        agent, scanned, licence = form.agent, form.scanned, form.e_licence.text()
        self._run(
            lambda desk: desk.output.hand_over(
                case,
                username,
                collector_name=name,
                collector_id_number=number,
                collector_id_kind=kind,
                collector_is_agent=agent,
                authorisation=scanned,
                e_licence_number=licence,
            ),
            form.show_refusal,
            paper=delivery_receipt,
        )

    def _ship(self, case: Case, username: str) -> None:
        form = self.courier
        fields = {
            "recipient": form.recipient.text(),
            "address": form.address.text(),
            "phone": form.phone.text(),
            "company": form.company.text(),
            "tracking_number": form.tracking.text(),
        }
        self._run(
            lambda desk: desk.output.ship(case, username, **fields),
            form.show_refusal,
            paper=courier_slip,
        )

    def _run(
        self,
        job: Callable[[Desk], Case],
        refuse: Callable[[str, str], bool],
        paper: MakePaper | None,
    ) -> None:
        """A release step; after it the paper prints and the next visitor is served."""

        def done(case: Case) -> None:
            if paper is not None:
                self._print(case, self._paper(paper, case))
            self.say_note(self.tr("Done: {number}").format(number=case.number_label))
            self.next_visitor(keep_status=True)

        self._call(job, refuse, done)

    def _call(
        self,
        job: Callable[[Desk], T],
        refuse: Callable[[str, str], bool],
        done: Callable[[T], None],
    ) -> None:
        self.busy = True

        def failed(error: UserError) -> None:
            if not (isinstance(error, EventRefused) and refuse(error.key, error.render())):
                self.say_error(error)

        self.worker.run(job, done, failed, owner=self, after=self._idle)

    def _idle(self) -> None:
        self.busy = False

    def _paper(self, make: MakePaper, case: Case) -> Paper:
        context = PaperContext.from_settings(
            self.settings,
            window=self._window_text(),
            clerk=self.clerk.display_name,
            printed_at=datetime.now(),
        )
        return make(case, context)

    def _print(self, case: Case, paper: Paper) -> None:
        print_paper(self.worker, case, paper, self._printed, self.say_error)

    def _printed(self, path: Path | None) -> None:
        if path is not None:
            self.printed.append(path)
            self.say_note(
                self.status.text()
                + " "
                + self.tr("No printer is set up; saved as PDF: {path}").format(path=path)
            )

    def _window_text(self) -> str:
        number = self.settings.get("window_number")
        category = self.settings.get("window_category")
        window = self.tr("Window {number}").format(number=number) if number else ""
        return f"{window}（{category}）" if category else window

    def next_visitor(self, keep_status: bool = False) -> None:
        """Esc, or a result released: back to the search box, empty, for the next one."""
        self.found = None
        self.body.setCurrentIndex(0)
        self._show_actions()
        if not keep_status:
            self.say("")
        self.search.start_over()

    # The authorisation -------------------------------------------------------------------

    def scan_authorisation(self) -> None:
        if self.found is not None and self.collector.agent:
            self.scan.start(self.found.case)

    def import_authorisation(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the letter of authorisation"),
            "",
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if path:
            self.collector.set_scanned(Path(path))

    # Changes from elsewhere ---------------------------------------------------------------

    def _changed_elsewhere(self, changes: Changes) -> None:
        """A payment reported by the platform, another window's hand-over: show it."""
        if not changes.cases:
            return
        if not self.isVisible():
            # An intake clerk's drafts change all day: the list catches up when shown.
            self._stale = True
            return
        self.search.run_search()
        found = self.found
        if found is None or self.busy or found.case.uuid not in changes.cases:
            return
        uuid = found.case.uuid
        self.worker.run(lambda desk: load_case(desk, uuid), self._reloaded, self.say_error)

    def _reloaded(self, loaded: FoundCase | None) -> None:
        if (
            loaded is not None
            and self.found is not None
            and loaded.case.uuid == self.found.case.uuid
        ):
            self._show(loaded)

    # Messages ----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        set_role(self.status, "error" if text else "muted")
        self.status.setText(text)

    def say_error(self, error: UserError) -> None:
        self.say(error.render())

    def say_note(self, text: str) -> None:
        set_role(self.status, "muted")
        self.status.setText(text)


def _card(content: QWidget) -> QFrame:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.addWidget(content)
    return card
