"""审批: the reviewer's workspace (``shared/ux.md``, "The 审批 workspace").

The department's queue on the left, always in view; the case on the right; the decisions at
the foot with their function keys. A reviewer reviews for their account's department; a
supervisor chooses one. Every desk call runs on the database thread: the queue, the case
(:func:`~ui.review.case_load.load_case`), each decision (``desk.review``), and after a decision
the paper the applicant must be given opens in preview (Ctrl+P prints it).

A decision is taken on the copy of the case the reviewer sees; when the desk holds a newer
one (the other reviewer of the department decided, or a pull brought the platform's), the
service refuses it (``CaseChanged``): the refusal is said in the status line and the case is
loaded again as it now is. The queue and the case follow every change notice, so a pull shows
without F5.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QVBoxLayout, QWidget

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.event_papers import papers_for_event
from clerk_desk.documents.papers import Paper
from clerk_desk.documents.render import render_html
from clerk_desk.documents.review_papers import deny_remedies
from clerk_desk.domain.calendar import Level
from clerk_desk.domain.case import Case, CaseEventRecord
from clerk_desk.domain.case_states import event_label
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from clerk_desk.services.review import CaseChanged
from clerk_desk.settings import Settings
from ui.case_detail import may_see_full_data
from ui.desk_worker import DeskWorker, JobControl
from ui.intake.dialogs import ConfirmDialog
from ui.naming import named
from ui.printing import PaperPreviewDialog, print_to_printer, render_pdf
from ui.review.case_load import CaseLoad, load_case
from ui.review.case_view import CaseView
from ui.review.decision_bar import EVENTS, KEYS, ReviewDecision, ReviewDecisionBar
from ui.review.dialogs import (
    ApproveDialog,
    DecisionDialog,
    DenyDialog,
    ExtendDialog,
    PauseDialog,
    ResumeDialog,
    SupplementDialog,
    TerminateDialog,
)
from ui.review.queue_panel import QueuePanel
from ui.shortcuts import local_shortcut
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.changes import Changes
    from clerk_desk.desk import Desk

Decided = tuple[Case, CaseEventRecord]
QUEUE_SHARE, CASE_SHARE = 1, 1


class ReviewWorkspace(QWidget):
    titleChanged = Signal(str)

    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace.review")
        self.worker = worker
        self.clerk = clerk
        self.settings = settings
        self.papers: list[Paper] = []
        self.paper_stem = ""
        self.printed_paths: list[Path] = []
        self.auto_preview = True
        self.preview: PaperPreviewDialog | None = None
        self.dialog: DecisionDialog | ConfirmDialog | None = None
        self._generation = 0
        self._answered = 0
        self._deciding = False
        self.title = ""
        full = may_see_full_data(clerk)
        self.queue = QueuePanel(worker, full)
        self.view = CaseView(worker, clerk.username, full)
        self.status = named(QLabel(), "review.status", self.tr("Review messages"))
        self.status.setWordWrap(True)
        self.status.hide()
        self.decisions = ReviewDecisionBar()
        self._lay_out()
        self._shortcuts()
        self.queue.caseChosen.connect(self.open_case)
        self.queue.countsChanged.connect(self._show_counts)
        self.queue.department_box.currentIndexChanged.connect(lambda _: self.close_case())
        self.decisions.decided.connect(lambda key: self.decide(ReviewDecision(key)))
        worker.changed.connect(self._changed)
        self._show_counts({})
        self.close_case()
        self._find_departments()

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("review.splitter")
        splitter.setChildrenCollapsible(False)
        for widget, share in ((self.queue, QUEUE_SHARE), (self.view, CASE_SHARE)):
            card = QFrame()
            card.setProperty("role", "card")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(10, 8, 10, 8)
            card_layout.addWidget(widget)
            splitter.addWidget(card)
            splitter.setStretchFactor(splitter.count() - 1, share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.decisions)

    def _shortcuts(self) -> None:
        for decision, key in KEYS.items():
            local_shortcut(self, key, partial(self.decisions.trigger, decision))
        local_shortcut(self, "Ctrl+F", self.setFocus)

    def setFocus(self) -> None:  # type: ignore[override]
        """Where the work starts: the queue's search box."""
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def _find_departments(self) -> None:
        """The account's department; a supervisor (no department) chooses among the
        catalog's."""
        if self.clerk.department:
            self.queue.set_departments([self.clerk.department])
            return
        self.worker.run(
            lambda desk: sorted({item.department for item in desk.catalog.items()}),
            self.queue.set_departments,
            self.say_error,
            owner=self,
        )

    @property
    def department(self) -> str:
        return self.queue.department

    def _show_counts(self, counts: dict[Level, int]) -> None:
        """The tab's title counts the queue: 审批（待办 37 · 即将到期 4 · 已超期 1）; with
        nothing to do, the title is empty and the tab keeps its plain name."""
        total = sum(counts.values())
        self.title = (
            self.tr("Review (to do {total} · due soon {soon} · overdue {overdue})").format(
                total=total,
                soon=counts.get(Level.DUE_SOON, 0),
                overdue=counts.get(Level.OVERDUE, 0),
            )
            if total
            else ""
        )
        self.titleChanged.emit(self.title)

    # The case ---------------------------------------------------------------------------------

    def open_case(self, uuid: str) -> None:
        """Load the case for this department; an answer for an older request is dropped."""
        self._generation += 1
        generation, department = self._generation, self.department
        self.worker.run(
            lambda desk: load_case(desk, uuid, department),
            lambda load: self._loaded(generation, load),
            lambda error: self._not_loaded(generation, error),
            owner=self,
        )

    def _not_loaded(self, generation: int, error: UserError) -> None:
        if generation == self._generation:
            self._answered = generation
            self.say_error(error)

    @property
    def loading(self) -> bool:
        """Whether a case, the queue or a decision is still on its way."""
        return self._answered != self._generation or self.queue.loading or self._deciding

    def reload_case(self) -> None:
        load = self.view.load
        if load is not None:
            self.open_case(load.case.uuid)

    def close_case(self) -> None:
        self._generation += 1
        self._loaded(self._generation, None)

    def _loaded(self, generation: int, load: CaseLoad | None) -> None:
        if generation != self._generation:
            return
        self._answered = generation
        self.view.show_load(load)
        problems: dict[ReviewDecision, list[str]]
        if load is None:
            choose = [self.tr("choose a case in the queue first")]
            problems = {decision: choose for decision in ReviewDecision}
        else:
            problems = {
                decision: [message.render() for message in load.problems.get(event, [])]
                for decision, event in EVENTS.items()
            }
            problems[ReviewDecision.PRINT] = []
        if not self.papers:
            problems[ReviewDecision.PRINT] = [self.tr("nothing to print yet; take a decision")]
        self.decisions.set_problems(problems)

    def _changed(self, changes: Changes) -> None:
        """The case shown changed (a pull, the other reviewer): show it as it is now."""
        load = self.view.load
        if load is not None and load.case.uuid in changes.cases and self.dialog is None:
            self.reload_case()
        if changes.settings:
            self.reload_case()

    # Deciding ---------------------------------------------------------------------------------

    def decide(self, decision: ReviewDecision) -> None:
        if decision is ReviewDecision.PRINT:
            self.print_papers()
            return
        load = self.view.load
        if load is None or self.decisions.problems[decision]:
            self.decisions.explain(decision)
            return
        dialog = self._dialog(decision, load)
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        if isinstance(dialog, DecisionDialog):
            dialog.submitted.connect(lambda values: self._run(decision, load.case, values))
        else:
            dialog.accepted.connect(lambda: self._run(decision, load.case, {}))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _dialog(self, decision: ReviewDecision, load: CaseLoad) -> DecisionDialog | ConfirmDialog:
        case = load.case
        if decision is ReviewDecision.PAUSE:
            return PauseDialog(self)
        if decision is ReviewDecision.RESUME:
            clock = load.clock
            facts = ""
            if clock is not None and clock.resume_deadline is not None:
                facts = self.tr(
                    "Resumed today, the special procedure stood still {days} working day(s); "
                    "the deadline moves to {date}."
                ).format(days=clock.resume_days, date=clock.resume_deadline.isoformat())
            return ResumeDialog(facts, self)
        if decision is ReviewDecision.EXTEND:
            return ExtendDialog(self)
        if decision is ReviewDecision.APPROVE:
            part = case.part(self.department)
            items = [i for i in case.items if part is not None and i.basic_code in part.item_codes]
            name = next((item.result_name for item in items if item.result_name), "")
            return ApproveDialog(name, any(item.issues_licence for item in items), self)
        if decision is ReviewDecision.DENY:
            return DenyDialog(deny_remedies(case, self._paper_context()), self)
        if decision is ReviewDecision.SUPPLEMENT:
            return SupplementDialog([material.name for material in case.materials], self)
        if decision is ReviewDecision.TERMINATE:
            return TerminateDialog(self)
        return ConfirmDialog(
            "review.resultReadyDialog",
            self.tr("Result made"),
            self.tr("The result is made and waits at the window for the applicant?"),
            self.tr("Result made"),
            self,
        )

    def _job(
        self, decision: ReviewDecision, case: Case, values: dict[str, Any]
    ) -> Callable[[Desk], Case]:
        user, department = self.clerk.username, self.department

        def job(desk: Desk) -> Case:
            review = desk.review
            if decision is ReviewDecision.PAUSE:
                return review.pause(case, user, department=department, **values)
            if decision is ReviewDecision.RESUME:
                return review.resume(case, user, department=department, **values)
            if decision is ReviewDecision.EXTEND:
                return review.extend(case, user, department=department, **values)
            if decision is ReviewDecision.APPROVE:
                return review.approve(case, user, department=department, **values)
            if decision is ReviewDecision.DENY:
                return review.deny(case, user, department=department, **values)
            if decision is ReviewDecision.SUPPLEMENT:
                return review.request_supplement(case, user, department=department, **values)
            if decision is ReviewDecision.TERMINATE:
                return review.terminate(case, user, **values)
            return review.result_ready(case, user)

        return job

    def _run(self, decision: ReviewDecision, case: Case, values: dict[str, Any]) -> None:
        decide = self._job(decision, case, values)

        def job(desk: Desk) -> Decided:
            after = decide(desk)
            return after, desk.intake.events(after.uuid)[-1]

        dialog = self.dialog
        self._deciding = True
        self.worker.run(
            job,
            lambda done: self._decided(dialog, *done),
            lambda error: self._refused(dialog, error),
            owner=self,
            after=self._decision_answered,
        )

    def _decision_answered(self) -> None:
        self._deciding = False

    def _refused(self, dialog: DecisionDialog | ConfirmDialog | None, error: UserError) -> None:
        """A stale copy: said here, the case loaded as it is now. Anything else: said in the
        form, beside its field where it names one, with everything typed kept."""
        if isinstance(dialog, DecisionDialog) and not isinstance(error, CaseChanged):
            dialog.refuse(error)
            return
        if dialog is not None:
            dialog.reject()
        self.say_error(error)
        self.reload_case()

    def _decided(
        self, dialog: DecisionDialog | ConfirmDialog | None, case: Case, event: CaseEventRecord
    ) -> None:
        if isinstance(dialog, DecisionDialog):
            dialog.done_ok()
        self.papers = papers_for_event(case, self._paper_context(), event)
        self.paper_stem = (case.case_no or case.uuid).replace("/", "-")
        self.printed_paths = []
        self.say_note(
            self.tr("Done: {decision}").format(decision=translate("core", event_label(event.event)))
        )
        self.open_case(case.uuid)
        if self.auto_preview and self.papers:
            self.show_preview()

    def _paper_context(self) -> PaperContext:
        return PaperContext.from_settings(
            self.settings,
            window=self._window_text(),
            clerk=self.clerk.display_name,
            printed_at=datetime.now(),
        )

    def _window_text(self) -> str:
        number = self.settings.get("window_number")
        category = self.settings.get("window_category")
        window = self.tr("Window {number}").format(number=number) if number else ""
        return f"{window}（{category}）" if category else window

    # Messages and papers ----------------------------------------------------------------------

    def say_error(self, error: UserError) -> None:
        set_role(self.status, "error")
        self.status.setText(error.render())
        self.status.show()

    def say_note(self, text: str) -> None:
        set_role(self.status, "muted")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def paper_html(self) -> list[str]:
        return [render_html(paper) for paper in self.papers]

    def show_preview(self) -> None:
        html = self.paper_html()
        if not html:
            return
        self.preview = PaperPreviewDialog(html[0], self)
        self.preview.setObjectName("review.previewDialog")
        self.preview.show()

    def print_papers(self) -> None:
        """Print the papers of the last decision on the default printer (device lane); with
        no printer, save them as PDF files in the desk's ``papers`` folder."""
        pages = self.paper_html()
        if not pages or self.worker.desk is None:
            return
        folder = self.worker.desk.data_dir.root / "papers"
        printer_name = QPrinterInfo.defaultPrinterName()
        stem = self.paper_stem
        titles = [paper.title for paper in self.papers]
        self.say_note(self.tr("Printing…"))

        def run(_: JobControl) -> list[Path]:
            folder.mkdir(parents=True, exist_ok=True)
            paths = []
            for title, html in zip(titles, pages, strict=True):
                if printer_name:
                    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                    printer.setPrinterName(printer_name)
                    print_to_printer(html, printer)
                else:
                    path = folder / f"{stem}-{title}.pdf"
                    render_pdf(html, path)
                    paths.append(path)
            return paths

        self.worker.run_device(run, self._printed, self.say_error, owner=self)

    def _printed(self, paths: list[Path]) -> None:
        self.printed_paths = paths
        if paths:
            text = self.tr("No printer is set up; saved as PDF: {paths}").format(
                paths="；".join(str(path) for path in paths)
            )
        else:
            text = self.tr("Printed {count} paper(s)").format(count=len(self.papers))
        self.say_note(text)
