"""受理: the workspace a window clerk spends the day in (``shared/ux.md``, "The 受理 workspace").

A header strip keeps the case in view; the item chooser, the situations and applicant, and
the materials checklist sit in three columns; the decisions are one bar at the foot.

The case being taken in is held here on the GUI thread and changed by the widgets. Every desk
call (catalog look-ups, saving the draft, deciding) gets a deep copy and runs on the database
thread; what comes back is merged in, keeping anything the clerk changed meanwhile. Whether a
decision is possible is computed here from the pure rules in ``intake_rules``, so the buttons
follow every keystroke without a round trip.

Pages (scanned with S, taken with the document camera with K, imported with A, reused from an
earlier case with U) are captured by :class:`MaterialCapture` (:mod:`ui.intake.capture`); the
workspace shows them and saves the draft when they come back.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.documents.assisted_papers import assisted_summary
from clerk_desk.documents.case_papers import PaperContext, papers_for
from clerk_desk.documents.papers import Paper
from clerk_desk.documents.render import render_html
from clerk_desk.domain.assistance import Assistance, AssistanceKind
from clerk_desk.domain.calendar import Deadline, date_message
from clerk_desk.domain.case import Applicant, Case, CaseMaterial, CaseSummary, MaterialMark
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import PROMISED_STATES, STATE_LABELS, CaseEvent, CaseState
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.credit_list import Listing, normalise_number
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.intake_rules import DecisionDay, decision_problems, missing_materials
from clerk_desk.domain.materials import APPLICANT_QUESTION, BY_AGENT
from clerk_desk.domain.output_rules import fee_of, yuan
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from clerk_desk.services.item_search import ItemSearchIndex
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker, JobControl
from ui.intake.applicant_form import ApplicantForm
from ui.intake.capture import MaterialCapture
from ui.intake.decision_bar import KEYS, Decision, DecisionBar
from ui.intake.dialogs import ConfirmDialog, ReasonDialog, SupplementDeadlineDialog
from ui.intake.guided import GuidedIntake
from ui.intake.item_chooser import ItemChooser
from ui.intake.materials_table import MaterialsTable
from ui.intake.result_panel import ResultPanel
from ui.intake.situations import SituationsPanel
from ui.naming import described, named
from ui.printing import PaperPreviewDialog, print_to_printer, render_pdf
from ui.shortcuts import local_shortcut

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk
    from clerk_desk.services.intake import IntakeService

SAVE_DELAY_MS = 500
MIN_CHECKLIST_ROWS = 3
SAVE_INTERVAL_MS = 30_000
# What a catalog job brings back: the case, its items, and the day a decision now would have.
ItemsResult = tuple[Case, list[ServiceItem], DecisionDay]
# The window's decisions as the core's case events.
EVENTS = {
    Decision.ACCEPT: CaseEvent.ACCEPT,
    Decision.ACCEPT_WITH_GAPS: CaseEvent.ACCEPT_WITH_GAPS,
    Decision.NOTIFY_MISSING: CaseEvent.NOTIFY_MISSING,
    Decision.REJECT: CaseEvent.REJECT,
}


def _items_job(
    snapshot: Case | None,
    codes: list[str],
    clerk: str,
    refresh_only: bool = False,
    answers: dict[str, str] | None = None,
) -> Callable[[Desk], ItemsResult]:
    """``answers`` start a new draft's situations (a returning applicant's, as last time)."""

    def job(desk: Desk) -> ItemsResult:
        intake = desk.intake
        if snapshot is None:
            case = intake.create_draft(codes, clerk)
            case.answers.update(answers or {})
            case.answers[APPLICANT_QUESTION] = "self"
            case = intake.refresh_materials(case)
        elif refresh_only:
            case = intake.refresh_materials(snapshot)
        else:
            case = intake.change_items(snapshot, codes)
        return case, intake.situations(case), intake.decision_day(case)

    return job


def _print_job(
    folder: Path, stem: str, titles: list[str], pages: list[str]
) -> Callable[[JobControl], list[Path]]:
    """Print the pages on the default printer (for the device thread); without a printer,
    save them as PDF files in ``folder``, which are returned."""
    printer_name = QPrinterInfo.defaultPrinterName()

    def run(_: JobControl) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for index, (title, html) in enumerate(zip(titles, pages, strict=True), start=1):
            if printer_name:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setPrinterName(printer_name)
                print_to_printer(html, printer)
            else:
                path = folder / f"{stem}-{index}-{title}.pdf"
                render_pdf(html, path)
                paths.append(path)
        return paths

    return run


def _keep_marks(new: list[CaseMaterial], current: list[CaseMaterial]) -> list[CaseMaterial]:
    """The checklist from the database thread with the marks the clerk set meanwhile."""
    marked = {material.name: material for material in current}
    for material in new:
        before = marked.get(material.name)
        if before is not None:
            material.mark = before.mark
            material.received_form = before.received_form
            material.received_copies = before.received_copies
            material.files = before.files
            material.note = before.note
    return new


class IntakeWorkspace(QWidget):
    draftSaved = Signal()
    decisionTaken = Signal(object)
    papersPrinted = Signal(list)
    # The case at the counter, for the customer display; "" when the clerk starts over.
    atCounter = Signal(str)
    # The guided intake's page for the customer display (a GuidedScreen); None when it ends.
    guidedScreen = Signal(object)

    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.intake")
        self.worker = worker
        self.clerk = clerk
        self.settings = settings
        self.case: Case | None = None
        self.items: list[ServiceItem] = []
        self.day: DecisionDay | None = None
        self._listings: dict[str, Listing | None] = {}
        self.papers: list[Paper] = []
        self.printed_paths: list[Path] = []
        self.summary_paths: list[Path] = []  # the last 帮办事项核对单 saved as PDF
        self.auto_preview = True
        self.preview: PaperPreviewDialog | None = None
        self._creating = False
        self._pending_codes: list[str] | None = None
        self._in_flight_codes: list[str] | None = None
        self._dirty = False
        self._drafts: list[CaseSummary] = []
        self._taken_up = False
        self._last_case: Case | None = None  # a returning applicant's, until the draft exists

        self.header = named(QLabel(), "intake.header", self.tr("Case"))
        self.header.setProperty("role", "subtitle")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drafts_bar = self._drafts_bar()
        self.chooser = ItemChooser()
        self.situations = SituationsPanel()
        self.form = ApplicantForm()
        self.table = MaterialsTable()
        # Tab leaves the checklist (the arrow keys move inside it): no keyboard trap.
        self.table.setTabKeyNavigation(False)
        self.capture = MaterialCapture(worker, settings, self.table, lambda: self.case, self)
        self.summary = named(QLabel(), "materials.summary", self.tr("Materials collected"))
        self.summary.setProperty("role", "subtitle")
        self.detail = named(QLabel(), "materials.detail", self.tr("Material details"))
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(64)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result = ResultPanel()
        self.status = named(QLabel(), "intake.status", self.tr("Intake messages"))
        self.status.setWordWrap(True)
        self.decisions = DecisionBar()
        self.guided = GuidedIntake(clerk, lambda: (self.case, self.items))
        self.guide_toggle = named(
            QPushButton(self.tr("Ctrl+G Guided")),
            "intake.guidedToggle",
            self.tr("Guided intake (帮办)"),
        )
        self.guide_toggle.setCheckable(True)
        self.guide_toggle.setAutoDefault(False)
        self.guide_toggle.setToolTip(
            self.tr("One question per page in large type, for a visitor who is helped (Ctrl+G)")
        )
        self._last_screen: object = None

        self.body = QStackedWidget()
        self.body.setObjectName("intake.body")
        self.columns = self._columns()
        self.body.addWidget(self.columns)
        self.body.addWidget(self.result)
        self.body.addWidget(self.guided)
        strip = QFrame()
        strip.setObjectName("intake.headerStrip")
        strip.setProperty("role", "card")
        strip_layout = QHBoxLayout(strip)
        strip_layout.setContentsMargins(12, 6, 12, 6)
        strip_layout.addWidget(self.header, 1)
        strip_layout.addWidget(self.guide_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(strip)
        layout.addWidget(self.drafts_bar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.decisions)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_draft)
        self.interval_timer = QTimer(self)
        self.interval_timer.setInterval(SAVE_INTERVAL_MS)
        self.interval_timer.timeout.connect(self.save_draft)
        self.interval_timer.start()

        self.chooser.itemsChosen.connect(self.add_items)
        self.chooser.applicantNumberEntered.connect(self.returning_applicant)
        self.chooser.caseNumberEntered.connect(self.take_up)
        self.chooser.itemRemoved.connect(self.remove_item)
        self.situations.answered.connect(self._answered)
        self.form.changed.connect(self._form_changed)
        self.form.agentToggled.connect(lambda _: self._refresh_materials())
        self.form.lookupWanted.connect(self._look_up)
        self.table.marked.connect(self._marked)
        self.table.refused.connect(self.say)
        self.table.defectWanted.connect(self._ask_defect)
        self.capture.pagesChanged.connect(self._pages_changed)
        self.capture.said.connect(self.say)
        self.capture.noted.connect(self.say_note)
        self.capture.failed.connect(self.say_error)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.decisions.decided.connect(lambda key: self.decide(Decision(key)))
        self.result.print_button.clicked.connect(self.print_papers)
        self.result.preview_button.clicked.connect(self.show_preview)
        self.result.new_button.clicked.connect(self.new_case)
        self.guide_toggle.toggled.connect(self.set_guided)
        self.guided.pageShown.connect(self._guided_page)
        self.guided.helperChosen.connect(self.set_assistance)
        self.guided.print_summary.clicked.connect(self.print_summary)
        self._shortcuts()
        self._show_case()
        self._load_catalog()
        worker.changed.connect(self._changed_elsewhere)
        self.offer_drafts()
        self.guide_toggle.setChecked(bool(settings.get("guided_intake")))

    # Building ---------------------------------------------------------------------------

    def _columns(self) -> QWidget:
        middle = QWidget()
        middle.setObjectName("intake.middle")
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(8)
        middle_layout.addWidget(self.situations)
        middle_layout.addWidget(self.form)
        middle_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("intake.middleScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No Tab stop of its own: from 申请人, Tab goes straight to the name.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(middle)
        # QScrollArea paints its viewport and widget grey; the card behind is white.
        scroll.viewport().setAutoFillBackground(False)
        middle.setAutoFillBackground(False)

        right = QWidget()
        right.setObjectName("intake.materialsColumn")
        self.materials_column = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(6)
        # The checklist keeps the height: the page count shares the row of the capture buttons
        # and the thumbnails are one short strip.
        capture = self.capture
        right_layout.addWidget(self.summary)
        right_layout.addWidget(capture.reuse_bar)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(capture.buttons_row())
        right_layout.addWidget(capture.scan_strip)
        right_layout.addWidget(self._below_checklist())
        # The checklist shows a few rows at any text size; what is below it gives way.
        self._keep_checklist_rows()

        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for widget, stretch in ((self.chooser, 26), (scroll, 37), (right, 37)):
            card = QFrame()
            card.setProperty("role", "card")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(10, 8, 10, 8)
            card_layout.addWidget(widget)
            row.addWidget(card, stretch)
        return columns

    def _keep_checklist_rows(self) -> None:
        """At least :data:`MIN_CHECKLIST_ROWS` rows of the checklist in view, as tall as the
        rows are (sized to their text, a long name on two lines)."""
        table = self.table
        count = table.model().rowCount()
        heights = [table.rowHeight(row) for row in range(min(count, MIN_CHECKLIST_ROWS))]
        default = table.verticalHeader().defaultSectionSize()
        heights += [default] * (MIN_CHECKLIST_ROWS - len(heights))
        header = table.horizontalHeader().sizeHint().height()
        table.setMinimumHeight(header + sum(heights) + 2 * table.frameWidth())

    def _below_checklist(self) -> QScrollArea:
        """The current material's page count, pages and details; they scroll when the screen
        is short (large text on 1366×768) rather than squeeze the checklist."""
        below = QWidget()
        layout = QVBoxLayout(below)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.capture.pages.count)
        layout.addWidget(self.capture.pages)
        layout.addWidget(self.detail)
        scroll = QScrollArea()
        scroll.setObjectName("intake.belowChecklist")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(below)
        scroll.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing())
        scroll.viewport().setAutoFillBackground(False)
        below.setAutoFillBackground(False)
        return scroll

    def _drafts_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("intake.drafts")
        self.drafts_text = named(QLabel(), "intake.draftsText", self.tr("Unfinished drafts"))
        self.drafts_text.setProperty("role", "banner")
        resume, discard = self.tr("Continue the draft"), self.tr("Discard the draft")
        self.resume_button = described(
            named(QPushButton(self.tr("Continue")), "intake.resumeDraft", resume), resume
        )
        self.discard_button = described(
            named(QPushButton(self.tr("Discard")), "intake.discardDraft", discard), discard
        )
        for button in (self.resume_button, self.discard_button):
            button.setAutoDefault(False)
        self.resume_button.clicked.connect(self.resume_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drafts_text, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.discard_button)
        bar.hide()
        return bar

    def _shortcuts(self) -> None:
        for decision, key in KEYS.items():
            local_shortcut(self, key, partial(self._key, decision))
        local_shortcut(self, "Ctrl+G", self.guide_toggle.toggle)
        local_shortcut(self, "F2", self.new_case)

    def _key(self, decision: Decision) -> None:
        if decision is Decision.PRINT and self.papers:
            self.print_papers()
        else:
            self.decisions.trigger(decision)

    def _changed_elsewhere(self, changes: Changes) -> None:
        """A new catalog (from the platform, or imported): search it from now on."""
        if changes.catalog:
            self._load_catalog()

    def _load_catalog(self) -> None:
        self.worker.run(
            lambda desk: ItemSearchIndex.from_catalog(desk.catalog),
            self.chooser.set_index,
            self.say_error,
            owner=self,
        )

    # Items, situations, applicant, materials ----------------------------------------------

    def add_items(self, codes: list[str]) -> None:
        """Add one item, or all the items of a bundle: their materials merge into one list."""
        self._change_items([*self._wanted_codes(), *codes])
        self.chooser.search.selectAll()

    def remove_item(self, code: str) -> None:
        self._change_items([c for c in self._wanted_codes() if c != code])

    def _wanted_codes(self) -> list[str]:
        """The items asked for so far, including a change still waiting for the desk: two
        items chosen in quick succession must both end up in the case."""
        for codes in (self._pending_codes, self._in_flight_codes):
            if codes is not None:
                return list(codes)
        return self.chooser.codes()

    def _change_items(self, codes: list[str]) -> None:
        if self._creating:
            self._pending_codes = codes
            return
        last = self._last_case
        answers = None
        if last is not None and set(codes) & set(last.item_codes):
            answers = dict(last.answers)  # a returning applicant's situations, as last time
        if self.case is None:
            self._creating = True
        elif answers and not self.case.items:
            self.case.answers.update(answers)
        self._in_flight_codes = codes
        self._run_items(_items_job(self._snapshot(), codes, self.clerk.username, answers=answers))

    def _refresh_materials(self) -> None:
        if self.case is None or self._creating:
            return
        self._run_items(
            _items_job(self._snapshot(), list(self.case.item_codes), "", refresh_only=True)
        )

    def _run_items(self, job: Callable[[Desk], ItemsResult]) -> None:
        self.worker.run(job, self._items_arrived, self._failed, owner=self)

    @property
    def today(self) -> date:
        return self.day.today if self.day is not None else date.today()

    @property
    def committed(self) -> Deadline | None:
        """The committed deadline if accepted now (counted from the acceptance day)."""
        return self.day.committed if self.day is not None else None

    def _items_arrived(self, result: ItemsResult) -> None:
        case, items, day = result
        self.day, self.items = day, items
        current = self.case
        if current is not None:
            case.materials = _keep_marks(case.materials, current.materials)
            case.answers = current.answers
            case.assistance = current.assistance  # chosen on the guided page 4 meanwhile
        self.case = case
        self._creating = False
        self._in_flight_codes = None
        self._collect()
        self.chooser.set_chosen([(item.basic_code, item.name) for item in case.items])
        self.situations.set_items(items, case.answers)
        self._chain_focus()
        self.table.set_materials(case.materials)
        self._keep_checklist_rows()
        self._changed()
        self.capture.look_for_reuse(self._snapshot())
        if self._last_case is not None and self.table.model().rowCount():
            # A returning applicant is filled in and answered as last time: on to the checklist.
            self._last_case = None
            self.table.setFocus()
            self.table.setCurrentIndex(self.table.model().index(0, 1))
        if self._pending_codes is not None:
            codes, self._pending_codes = self._pending_codes, None
            self._change_items(codes)

    def _chain_focus(self) -> None:
        """Tab goes from the chosen items through the situation questions to the applicant,
        in the order the eye reads them (the questions are built after the rest)."""
        chain = [self.chooser.chosen, *self.situations.buttons.values(), self.form.kind]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _failed(self, error: UserError) -> None:
        self._creating = False
        self._in_flight_codes = None
        self.say_error(error)

    def _answered(self, key: str, value: str) -> None:
        if self.case is not None:
            self.case.answers[key] = value
            self._refresh_materials()
            self._changed()

    def _form_changed(self) -> None:
        if self.case is None and not self._creating:
            self._change_items(self.chooser.codes())
            return
        self._changed()

    def _marked(self, row: int) -> None:
        self._show_detail()
        self._changed()
        self.say("")

    def _ask_defect(self, row: int) -> None:
        material = self.table.materials.materials[row]
        dialog = ReasonDialog(
            "materials.defectDialog",
            self.tr("Defective material"),
            self.tr("What is wrong with “{name}”?").format(name=material.name),
            self,
        )
        dialog.chosen.connect(lambda reason: self._defective(row, reason))
        dialog.finished.connect(lambda _: self.table.setFocus())
        dialog.open()

    def _defective(self, row: int, reason: str) -> None:
        self.table.set_mark(row, MaterialMark.DEFECTIVE, reason)

    def _pages_changed(self, name: str) -> None:
        """A material's pages came back from the desk: show them and save the draft."""
        materials = self.table.materials.materials
        row = next((i for i, m in enumerate(materials) if m.name == name), None)
        if row is None:
            return
        self.table.materials.refresh_row(row)
        self._show_detail()
        self._changed()
        self.save_draft()

    def returning_applicant(self, number: str) -> None:
        """An ID number or credit code typed in the item search: the applicant's last case,
        to fill them in and offer its items first (answered as then)."""
        self.worker.run(
            lambda desk: desk.intake.last_case(number),
            lambda last: self._returned(number, last),
            self.say_error,
            owner=self,
        )

    def _returned(self, number: str, last: Case | None) -> None:
        self.chooser.search.clear()
        if last is None:
            self.form.id_number.set_text(number)
            self.say_note(self.tr("No earlier case with this number: choose the item"))
            return
        self._last_case = last
        self.form.fill_found(last.applicant)
        self.chooser.offer_first(list(last.item_codes))
        self._look_up(last.applicant.key_number)
        self.say_note(
            self.tr("Returning applicant {name}: Enter takes the item of the last case").format(
                name=mask_name(last.applicant.name)
            )
        )

    def _look_up(self, number: str) -> None:
        """Look the number up on the database thread: a returning applicant to offer, and
        whether the applicant is on the dishonesty list (which rules out 容缺受理)."""
        self.worker.run(
            lambda desk: (
                desk.intake.previous_applicant(number),
                desk.intake.credit_list.is_listed(number),
            ),
            lambda found: self._looked_up(number, *found),
            self.say_error,
            owner=self,
        )

    def _looked_up(self, number: str, applicant: Applicant | None, listed: Listing | None) -> None:
        key = normalise_number(number, self.today)
        if key is not None:
            self._listings[key] = listed
        self.form.offer_returning(applicant)
        self.decisions.set_problems(self._problems())
        self.capture.look_for_reuse(self._snapshot())

    def _listing(self, case: Case) -> Listing | None:
        key = normalise_number(case.applicant.key_number, self.today)
        return None if key is None else self._listings.get(key)

    def _collect(self) -> None:
        """Copy the form into the case; 本人 / 代办 follows whether an agent is named."""
        if self.case is None:
            return
        self.case.applicant = self.form.to_applicant()
        self.case.agent = self.form.to_agent()
        self.case.answers[APPLICANT_QUESTION] = "self" if self.case.agent is None else BY_AGENT

    def _changed(self) -> None:
        """After every change: the case into view, the decisions re-checked, a save due."""
        self._collect()
        self._show_case()
        if self.case is not None and self.case.state is CaseState.DRAFT:
            self._dirty = True
            self.save_timer.start()

    # Showing ----------------------------------------------------------------------------

    def _show_case(self) -> None:
        if self.case is not None:
            self.atCounter.emit(self.case.uuid)
        self.header.setText(self._header_text())
        materials = self.table.materials
        self.summary.setText(
            self.tr("Materials  {received}/{total} collected").format(
                received=materials.received_count(), total=materials.rowCount()
            )
        )
        self.decisions.set_problems(self._problems())
        self._show_detail()
        if self.guided_on and self.body.currentWidget() is self.guided:
            self._emit_screen(self.guided.display_screen())

    def _header_text(self) -> str:
        case = self.case
        if case is None:
            return self.tr("Case: new — choose the item the visitor asks for")
        number = display_case_no(case.case_no) if case.case_no else case.number_label
        parts = [self.tr("Case {number}").format(number=number)]
        if case.items:
            parts.append("、".join(item.name for item in case.items))
            fee = fee_of(case.items)
            if yuan(fee) > 0:
                parts.append(self.tr("Fee {amount} yuan").format(amount=fee))
        applicant = case.applicant
        if applicant.name:
            number = mask_id_number(applicant.key_number) if applicant.key_number else ""
            parts.append(
                self.tr("Applicant {name} {number}")
                .format(name=mask_name(applicant.name), number=number)
                .strip()
            )
        if case.case_no:
            parts.append(translate("core", STATE_LABELS[case.state]))
        assistance = case.assistance
        if assistance.kind is AssistanceKind.PROXY:
            parts.append(
                self.tr("代办 {number} by {helper}").format(
                    number=assistance.proxy_no, helper=assistance.helper_name
                )
            )
        elif assistance.kind is AssistanceKind.ASSISTED:
            parts.append(self.tr("帮办 by {helper}").format(helper=assistance.helper_name))
        deadline = self._deadline()
        if deadline is not None:
            day, provisional = deadline
            mark = self.tr(" (provisional)") if provisional else ""
            parts.append(
                self.tr("Due {date}{mark}").format(date=date_message(day).render(), mark=mark)
            )
        return " · ".join(parts)

    def _deadline(self) -> tuple[date, bool] | None:
        """The promise: the case's once accepted, the one an acceptance now would make while
        it is being taken in, none for a case not accepted (不予受理, 待补正 after the notice)."""
        case = self.case
        if case is None or not case.items:
            return None
        if case.state in PROMISED_STATES:
            if case.committed_deadline is None:
                return None
            return case.committed_deadline, case.deadline_provisional
        if self._deciding(case) and self.committed is not None:
            return self.committed.deadline, self.committed.provisional
        return None

    def _problems(self) -> dict[Decision, list[str]]:
        case = self.case
        nothing_to_print = [self.tr("nothing to print yet; take a decision first")]
        if case is None:
            choose = [self.tr("choose the item first")]
            return {d: choose if d is not Decision.PRINT else nothing_to_print for d in Decision}
        if not self._deciding(case) or self.day is None:
            done = [self.tr("this case is decided; F2 starts the next one")]
            return {d: done if d is not Decision.PRINT else [] for d in Decision}
        found = decision_problems(case, self.day, self._listing(case))
        problems = {d: [m.render() for m in found[event]] for d, event in EVENTS.items()}
        problems[Decision.PRINT] = nothing_to_print
        return problems

    def _show_detail(self, *_: Any) -> None:
        material = self.table.current_material()
        self.detail.setText(
            f"{material.name}\n{self.table.materials.detail(material)}" if material else ""
        )
        self.capture.show_material(material)

    def say(self, text: str) -> None:
        self.status.setProperty("role", "error" if text else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    def say_error(self, error: UserError) -> None:
        self.say(error.render())

    def say_note(self, text: str) -> None:
        """A message that is not a problem (a scan finished), in the status line's quiet look."""
        self.say("")
        self.status.setText(text)

    # Saving and drafts ------------------------------------------------------------------

    def _snapshot(self) -> Case | None:
        self._collect()
        return copy.deepcopy(self.case)

    def save_draft(self) -> None:
        """Save the draft on the database thread if anything changed since the last save."""
        self.save_timer.stop()
        case = self._snapshot()
        if case is None or case.state is not CaseState.DRAFT or not self._dirty:
            return
        self._dirty = False
        self.worker.run(
            lambda desk: desk.intake.save_draft(case),
            lambda _: self.draftSaved.emit(),
            self._draft_not_saved,
            owner=self,
        )

    def _draft_not_saved(self, error: UserError) -> None:
        """An autosave refused (a full disk, a locked database): say what to do and keep
        everything typed; the next change or interval saves again, and the message goes
        once a save succeeds."""
        self._dirty = True
        self.say_error(error)
        message = self.status.text()

        def saved_again() -> None:
            if self.status.text() == message:
                self.say("")

        self.draftSaved.connect(saved_again, Qt.ConnectionType.SingleShotConnection)

    def offer_drafts(self) -> None:
        """Offer this clerk's unfinished drafts back (after a restart, or a new case)."""
        username = self.clerk.username
        self.worker.run(
            lambda desk: desk.intake.list_drafts(username),
            self._show_drafts,
            self.say_error,
            owner=self,
        )

    def _show_drafts(self, drafts: list[CaseSummary]) -> None:
        current = self.case.uuid if self.case else None
        self._drafts = [draft for draft in drafts if draft.uuid != current]
        if not self._drafts:
            self.drafts_bar.hide()
            return
        newest = self._drafts[0]
        what = "、".join(newest.item_names) or self.tr("no item yet")
        who = newest.applicant_name or self.tr("no applicant yet")
        self.drafts_text.setText(
            self.tr("{count} unfinished draft(s): {what} · {who} · {time}").format(
                count=len(self._drafts), what=what, who=who, time=f"{newest.updated_at:%H:%M}"
            )
        )
        self.drafts_bar.show()

    def resume_draft(self) -> None:
        if self._drafts:
            self.open_case(self._drafts[0].uuid)

    def open_case(self, uuid: str) -> None:
        """Bring a stored case to the window: a draft to go on with, or an application
        received earlier (online) to decide on."""
        self._load_case(lambda intake: intake.case(uuid))

    def take_up(self, number: str) -> None:
        """The applicant came back with what the notice asked for: load the case awaiting
        the supplement by its number, with its checklist as marked, to mark what was brought
        and decide under the same number. The current draft is saved and offered back."""
        self._load_case(lambda intake: intake.returning_case(number), taken_up=True)

    def _load_case(
        self, find: Callable[[IntakeService], Case | None], taken_up: bool = False
    ) -> None:
        """Save the current draft, then load the case ``find`` gives on the database thread."""
        self.save_draft()

        def load(desk: Desk) -> ItemsResult | None:
            case = find(desk.intake)
            if case is None:
                return None
            return case, desk.intake.situations(case), desk.intake.decision_day(case)

        self.worker.run(
            load, lambda result: self._resumed(result, taken_up), self.say_error, owner=self
        )

    def _deciding(self, case: Case) -> bool:
        """Whether ``case`` is being taken in here: a draft, an application received earlier,
        or a case awaiting a supplement taken up again."""
        return case.state in (CaseState.DRAFT, CaseState.RECEIVED) or (
            self._taken_up and case.state is CaseState.AWAITING_SUPPLEMENT
        )

    def _resumed(self, result: ItemsResult | None, taken_up: bool = False) -> None:
        if result is None:
            self.offer_drafts()
            return
        case, items, day = result
        self._reset()
        self._taken_up = taken_up
        self.day, self.items, self.case = day, items, case
        self.form.load(case.applicant, case.agent)
        self.chooser.set_chosen([(item.basic_code, item.name) for item in case.items])
        self.situations.set_items(items, case.answers)
        self._chain_focus()
        self.table.set_materials(case.materials)
        self._keep_checklist_rows()
        self._show_case()
        self.drafts_bar.hide()
        self.capture.look_for_reuse(self._snapshot())
        self.offer_drafts()
        self.table.setFocus()

    def discard_draft(self) -> None:
        if not self._drafts:
            return
        uuid = self._drafts[0].uuid
        self.worker.run(
            lambda desk: desk.intake.discard_draft(uuid),
            lambda _: self.offer_drafts(),
            self.say_error,
            owner=self,
        )

    def new_case(self) -> None:
        """F2: the current draft is saved (and offered back later); the form starts empty."""
        self.save_draft()
        self._reset()
        self._show_case()
        self.atCounter.emit("")
        self.offer_drafts()
        self.guide_toggle.setChecked(bool(self.settings.get("guided_intake")))
        self.guided.go(0)
        self.chooser.search.setFocus()

    def _reset(self) -> None:
        self.save_timer.stop()
        self.case = None
        self._taken_up = False
        self.items = []
        self.day = None
        self.papers = []
        self.printed_paths = []
        self._dirty = False
        self._pending_codes = None
        self._in_flight_codes = None
        self.capture.reset()
        self.form.clear()
        self.chooser.set_chosen([])
        self._last_case = None
        self.chooser.offer_first([])
        self.situations.set_items([], {})
        self.table.set_materials([])
        self.result.printed.clear()
        self._show_body()
        self.say("")

    # Deciding and printing --------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        if decision is Decision.PRINT:
            self.print_papers()
            return
        case = self._snapshot()
        if case is None or self.decisions.problems[decision]:
            self.decisions.explain(decision)
            return
        username = self.clerk.username
        if decision is Decision.ACCEPT:
            self._run_decision(lambda desk: desk.intake.accept(case, username))
        elif decision is Decision.NOTIFY_MISSING:
            # F11 sits beside F10 and F12 and sends the applicant away: asked first.
            missing = len(missing_materials(case))
            confirm = ConfirmDialog(
                "intake.notifyDialog",
                self.tr("Notify what is missing"),
                self.tr(
                    "Give the applicant the notice of the {count} material(s) still missing? "
                    "The case then waits for them to come back."
                ).format(count=missing),
                self.tr("Notify"),
                self,
            )
            confirm.accepted.connect(
                lambda: self._run_decision(lambda desk: desk.intake.notify_missing(case, username))
            )
            confirm.open()
        elif decision is Decision.ACCEPT_WITH_GAPS:
            self.worker.run(
                lambda desk: desk.intake.supplement_dates(case),
                lambda dates: self._ask_supplement_date(case, username, *dates),
                self.say_error,
                owner=self,
            )
        else:
            dialog = ReasonDialog(
                "intake.rejectDialog",
                self.tr("Do not accept"),
                self.tr("Why is the application not accepted? (printed on the notice)"),
                self,
            )
            dialog.chosen.connect(
                lambda reason: self._run_decision(
                    lambda desk: desk.intake.reject(case, username, reason), reason
                )
            )
            dialog.open()

    def _ask_supplement_date(
        self, case: Case, username: str, offered: date, committed: date
    ) -> None:
        ask_date = SupplementDeadlineDialog(self.today, offered, committed, self)
        ask_date.chosen.connect(
            lambda day: self._run_decision(
                lambda desk: desk.intake.accept_with_gaps(case, username, day)
            )
        )
        ask_date.open()

    def _run_decision(self, job: Callable[[Desk], Case], reason: str = "") -> None:
        self.save_timer.stop()
        self._dirty = False
        self.worker.run(job, lambda case: self._decided(case, reason), self.say_error, owner=self)

    def _decided(self, case: Case, reason: str) -> None:
        self.case = case
        self._taken_up = False
        self.papers = papers_for(case, self.paper_context(), reason)
        result = self.result
        result.title.setText(translate("core", STATE_LABELS[case.state]))
        result.case_no.setText(display_case_no(case.case_no) if case.case_no else "")
        deadline = self._deadline()
        if deadline is None:
            result.deadline.setText("—")
        else:
            mark = self.tr(" (provisional)") if deadline[1] else ""
            result.deadline.setText(f"{date_message(deadline[0]).render()}{mark}")
        result.papers.setText(" · ".join(paper.title for paper in self.papers))
        result.printed.clear()
        self.body.setCurrentWidget(result)
        self._show_case()
        self._emit_screen(None)
        self.say("")
        result.print_button.setFocus()
        self.decisionTaken.emit(case)
        if self.auto_preview and self.papers:
            self.show_preview()

    def paper_context(self) -> PaperContext:
        """The window, clerk and centre as the papers print them."""
        return PaperContext(
            centre_name=str(self.settings.get("centre_name")),
            window=self._window_text(),
            clerk=self.clerk.display_name,
            printed_at=datetime.now(),
            training=self.settings.get("mode") == "demo",
            phone=str(self.settings.get("centre_phone")),
            progress_url=str(self.settings.get("progress_url")),
            review_body=str(self.settings.get("review_body")),
        )

    def _window_text(self) -> str:
        number = self.settings.get("window_number")
        category = self.settings.get("window_category")
        window = self.tr("Window {number}").format(number=number) if number else ""
        return f"{window}（{category}）" if category else window

    def paper_html(self) -> list[str]:
        """The papers of the last decision as HTML, in printing order."""
        return [render_html(paper) for paper in self.papers]

    def show_preview(self) -> None:
        html = self.paper_html()
        if not html:
            return
        self.preview = PaperPreviewDialog(html[0], self)
        self.preview.setObjectName("intake.previewDialog")
        self.preview.show()

    def print_papers(self) -> None:
        """Print every paper of the decision on the default printer, on the device thread (a
        slow spool never holds up the database); without a printer, save them as PDF files in
        the desk's ``papers`` folder."""
        pages = self.paper_html()
        if not pages or self.case is None or self.worker.desk is None:
            return
        stem = (self.case.case_no or self.case.uuid).replace("/", "-")
        titles = [paper.title for paper in self.papers]
        self.result.printed.setText(self.tr("Printing…"))
        job = _print_job(self.worker.desk.data_dir.root / "papers", stem, titles, pages)
        self.worker.run_device(job, self._printed, self.say_error, owner=self)

    def _printed(self, paths: list[Path]) -> None:
        self.printed_paths = paths
        if paths:
            text = self.tr("No printer is set up; saved as PDF: {paths}").format(
                paths="；".join(str(path) for path in paths)
            )
        else:
            text = self.tr("Printed {count} paper(s)").format(count=len(self.papers))
        self.result.printed.setText(text)
        self.result.new_button.setFocus()
        self.papersPrinted.emit(paths)

    # The guided (帮办) intake ------------------------------------------------------------

    @property
    def guided_on(self) -> bool:
        return self.guide_toggle.isChecked()

    def set_guided(self, on: bool) -> None:
        """Ctrl+G: the intake as the guided pages (the normal intake's widgets move onto them)
        or back as the three columns; the case stays as it is."""
        if self.guide_toggle.isChecked() != on:
            self.guide_toggle.setChecked(on)  # toggled comes back here
            return
        if on:
            self.guided.borrow(
                [self.chooser, self.situations, self.form, None, self.materials_column, None]
            )
            self._load_staff()
        else:
            self.guided.give_back()
        if self.body.currentWidget() is not self.result:
            self._show_body()

    def _show_body(self) -> None:
        """The guided pages or the three columns (a case being taken in)."""
        self.body.setCurrentWidget(self.guided if self.guided_on else self.columns)
        if self.guided_on:
            self._guided_page(self.guided.index)
        else:
            self._emit_screen(None)

    def _emit_screen(self, screen: object) -> None:
        if screen != self._last_screen:
            self._last_screen = screen
            self.guidedScreen.emit(screen)

    def _load_staff(self) -> None:
        def staff(desk: Desk) -> list[Clerk]:
            return [c for c in desk.accounts.accounts() if c.has_role(Role.INTAKE_CLERK)]

        self.worker.run(
            staff,
            lambda found: self.guided.helper.set_staff(found, self.clerk),
            self.say_error,
            owner=self,
        )

    def _guided_page(self, index: int) -> None:
        """A page shown: its first field takes the focus; the display follows."""
        if not self.guided_on:
            return
        first: dict[int, QWidget] = {
            0: self.chooser.search,
            2: self.form.name,
            3: self.guided.helper.helper,
            4: self.table,
            5: self.guided.summary,
        }
        buttons = list(self.situations.buttons.values())
        if buttons:
            first[1] = next((b for b in buttons if b.isChecked()), buttons[0])
        if index == 4:
            self.table.resizeRowsToContents()  # in the large type
            self._keep_checklist_rows()
        focus = first.get(index, self.guided.next)
        focus.setFocus()
        if index == 5:
            self.set_assistance(self.guided.assistance())
        self._emit_screen(self.guided.display_screen())

    def set_assistance(self, assistance: Assistance) -> None:
        """Record the draft as 帮办 by the helper chosen on page 4: checked by the desk on
        the database thread and saved with the draft (the case here holds it at once, so
        no autosave in between loses it)."""
        if self.case is None or self.case.state is not CaseState.DRAFT:
            return
        if self.case.assistance == assistance:
            return
        if self.case.assistance.kind is AssistanceKind.PROXY:
            # A 代办's case stays the 代办's: its staff member and record do not change.
            self.say_note(
                self.tr("This case is 代办 {number}; it stays recorded as such.").format(
                    number=self.case.assistance.proxy_no
                )
            )
            return
        self.case.assistance = assistance
        case = self._snapshot()
        assert case is not None

        def record(desk: Desk) -> None:
            desk.intake.save_draft(desk.intake.set_assistance(case, assistance))

        self.worker.run(record, lambda _: self.draftSaved.emit(), self._not_assisted, owner=self)

    def _not_assisted(self, error: UserError) -> None:
        if self.case is not None:
            self.case.assistance = Assistance()
        self.say_error(error)

    def print_summary(self) -> None:
        """Page 6: the 帮办事项核对单 (large type) of the case as filled in, for the visitor to
        check and sign; printed (or saved as PDF) on the device thread."""
        case = self._snapshot()
        if case is None or self.worker.desk is None:
            return
        situations = [situation for item in self.items for situation in item.situations]
        paper = assisted_summary(case, self.paper_context(), situations)
        stem = (case.case_no or case.uuid).replace("/", "-")
        job = _print_job(
            self.worker.desk.data_dir.root / "papers", stem, [paper.title], [render_html(paper)]
        )
        self.say_note(self.tr("Printing…"))
        self.worker.run_device(job, self._summary_printed, self.say_error, owner=self)

    def _summary_printed(self, paths: list[Path]) -> None:
        self.summary_paths = paths
        if paths:
            self.say_note(
                self.tr("No printer is set up; saved as PDF: {paths}").format(paths=paths[0])
            )
        else:
            self.say_note(self.tr("The checklist is printed"))
