"""The sync problems window: what the platform refused, why, and what the clerk does about it.

Each refused item stays here until it is fixed and resent or discarded with a reason (the
engine records both), so nothing disappears silently. A change pulled from the platform that
the desk would not apply (a malformed number, another centre's case) is listed too: it is
fetched again (Enter) once the platform has put it right, or discarded with a reason.
Reading and changing the list runs on the database thread; the resent item travels with the
next sync pass, which starts at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case_number import display_case_no, is_valid_case_no
from clerk_desk.domain.case_states import event_label
from clerk_desk.domain.roles import Clerk
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from ui.desk_worker import DeskWorker
from ui.intake.dialogs import ReasonDialog
from ui.naming import described, named
from ui.sync_controller import SyncController
from ui.table_headers import column_header

if TYPE_CHECKING:
    from clerk_desk.sync.status import SyncProblem

Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.problems: list[SyncProblem] = []
        self.headers = (
            self.tr("Case number"),
            self.tr("What"),
            self.tr("Platform's reason"),
            self.tr("Fields"),
            self.tr("When"),
        )
        # The fields a clerk can fix at the window, by the platform's path; others show as is.
        self.field_labels = {
            "case.case_no": self.tr("Case number"),
            "case.applicant.name": self.tr("Applicant's name"),
            "case.applicant.id_number": self.tr("Applicant's ID number"),
            "case.applicant.phone": self.tr("Applicant's phone"),
            "case.applicant.credit_code": self.tr("Applicant's credit code"),
            "case.agent.name": self.tr("Agent's name"),
            "case.agent.id_number": self.tr("Agent's ID number"),
            "case.agent.phone": self.tr("Agent's phone"),
        }
        # 好差评 rows: never corrected (a rating is the visitor's), only sent again or discarded.
        self.rating_kinds = {
            "contact": self.tr("Service contact"),
            "rating": self.tr("Rating"),
            "followup_step": self.tr("Follow-up step of a poor rating"),
        }

    def set_problems(self, problems: list[SyncProblem]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.headers, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        problem = self.problems[index.row()]
        values = (
            self.case_no(problem.case_no),
            self.what(problem.kind, problem.pulled),
            problem.reason,
            "、".join(self.field_label(path) for path, _message in problem.fields),
            problem.created_at.strftime("%Y-%m-%d %H:%M"),
        )
        return values[index.column()]

    def field_label(self, path: str) -> str:
        return self.field_labels.get(path, path)

    def case_no(self, case_no: str) -> str:
        """Grouped for reading; a pulled malformed number as it came."""
        if not case_no:
            return self.tr("(no number yet)")
        return display_case_no(case_no) if is_valid_case_no(case_no) else case_no

    def is_rating(self, kind: str) -> bool:
        """A 好差评 row (contact, rating, follow-up step): sent again as it is, never edited."""
        return kind in self.rating_kinds

    def what(self, kind: str, pulled: bool = False) -> str:
        """The event's label as the desk shows it elsewhere (kind is the outbox row's)."""
        label = self.rating_kinds.get(kind) or translate("core", event_label(kind))
        return self.tr("{what} (from the platform)").format(what=label) if pulled else label


class SyncProblemsDialog(QDialog):
    """Enter resends the selected item with the corrections typed, Delete discards it."""

    def __init__(
        self,
        worker: DeskWorker,
        sync: SyncController,
        clerk: Clerk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.sync = sync
        self.clerk = clerk
        self.corrections: dict[str, QLineEdit] = {}
        # The problem whose correction lines are up: a refresh keeps them and what was typed.
        self._shown_id: int | None = None
        self._resetting = False
        self.setObjectName("sync.problems")
        self.setWindowTitle(self.tr("Sync problems"))
        self.resize(980, 560)

        self.model = ProblemsModel(self)
        self.table = named(QTableView(), "sync.problemList", self.tr("Refused items"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.empty = named(
            QLabel(self.tr("Nothing was refused: every item reached the platform or waits.")),
            "sync.empty",
            self.tr("No sync problems"),
        )
        self.empty.setProperty("role", "muted")
        self.reason = named(QLabel(), "sync.reason", self.tr("Platform's reason"))
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields_box = QWidget()
        self.fields_box.setObjectName("sync.fields")
        self.fields = QFormLayout(self.fields_box)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.message = named(QLabel(), "sync.message", self.tr("Sync problems message"))
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)

        self.resend_button = named(
            QPushButton(self.tr("Fix and resend (Enter)")), "sync.resend", self.tr("Fix and resend")
        )
        described(
            self.resend_button,
            self.tr("Send the corrected case to the platform again (Enter)"),
        )
        self.resend_button.setProperty("primary", True)
        self.resend_button.setDefault(True)
        self.resend_button.clicked.connect(self.resend)
        self.discard_button = named(
            QPushButton(self.tr("Discard… (Del)")), "sync.discard", self.tr("Discard")
        )
        described(
            self.discard_button,
            self.tr("Give up this change, after saying why (Del)"),
        )
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.ask_discard)
        close = named(QPushButton(self.tr("Close (Esc)")), "sync.close", self.tr("Close"))
        described(close, self.tr("Close the list; the problems stay until fixed (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        discard_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        discard_key.activated.connect(self.ask_discard)

        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.reason)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        sync.statusChanged.connect(self._status_changed)
        self._show_selection(None)

    def refresh(self) -> None:
        self.worker.run(lambda desk: desk.sync.problems(), self._show_problems)

    def _status_changed(self, _status: object) -> None:
        """A pass ended: what it refused shows up without the clerk asking."""
        if self.isVisible():
            self.refresh()

    def _show_problems(self, problems: list[SyncProblem]) -> None:
        chosen = self.selected()
        row = next(
            (row for row, p in enumerate(problems) if chosen is not None and p.id == chosen.id),
            0,
        )
        self._resetting = True
        try:
            self.model.set_problems(problems)
            if problems:
                self.table.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._resetting = False
        self.empty.setVisible(not problems)
        self._show_selection(problems[row] if problems else None)
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            self.table.setFocus()

    def selected(self) -> SyncProblem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.problems):
            return None
        return self.model.problems[index.row()]

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting:
            return
        valid = current.isValid() and current.row() < len(self.model.problems)
        self._show_selection(self.model.problems[current.row()] if valid else None)

    def _show_selection(self, problem: SyncProblem | None) -> None:
        shown_id = problem.id if problem is not None else None
        if shown_id is not None and shown_id == self._shown_id:
            return
        self._shown_id = shown_id
        self.message.clear()
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.corrections = {}
        self.resend_button.setEnabled(problem is not None)
        self.discard_button.setEnabled(problem is not None)
        pulled = problem is not None and problem.pulled
        rating = problem is not None and self.model.is_rating(problem.kind)
        if rating and pulled:
            text, name = self.tr("Try again (Enter)"), self.tr("Try again")
        elif rating:
            text, name = self.tr("Send again (Enter)"), self.tr("Send again")
        elif pulled:
            text, name = self.tr("Fetch again (Enter)"), self.tr("Fetch again")
        else:
            text, name = self.tr("Fix and resend (Enter)"), self.tr("Fix and resend")
        self.resend_button.setText(text)
        self.resend_button.setAccessibleName(name)
        self.reason.setText(self._reason(problem) if problem is not None else "")
        if problem is None or not problem.fields or rating:
            self.fields_box.hide()
            return
        for path, message in problem.fields:
            label = self.model.field_label(path)
            line = named(QLineEdit(), f"sync.field.{path}", label)
            line.setToolTip(f"{path}: {message}")
            caption = QLabel(f"{label}\n{message}")
            caption.setBuddy(line)
            self.fields.addRow(caption, line)
            self.corrections[path] = line
        self.fields_box.show()
        self.worker.run(lambda desk: desk.sync.sent_values(problem.id), self._fill_fields)

    def _reason(self, problem: SyncProblem) -> str:
        what = self.model.what(problem.kind)
        case_no = self.model.case_no(problem.case_no)
        if problem.pulled:
            return self.tr(
                "{what} of case {case_no} from the platform not applied: {reason}"
            ).format(what=what, case_no=case_no, reason=problem.reason)
        refused = self.tr("{what} of case {case_no} refused ({code}): {reason}").format(
            what=what, case_no=case_no, code=problem.status_code, reason=problem.reason
        )
        if self.model.is_rating(problem.kind):
            fields = "; ".join(
                f"{self.model.field_label(path)}: {message}" for path, message in problem.fields
            )
            note = self.tr(
                "It cannot be changed. Send it again once the cause is put right, or discard "
                "it: it then stays on this desk and never reaches the platform."
            )
            return "\n".join(part for part in (refused, fields, note) if part)
        return refused

    def _fill_fields(self, values: dict[str, str]) -> None:
        for path, value in values.items():
            line = self.corrections.get(path)
            if line is not None and not line.isModified():
                line.setText(value)
        first = next(iter(self.corrections.values()), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def resend(self) -> None:
        problem = self.selected()
        if problem is None:
            return
        corrections = {path: line.text() for path, line in self.corrections.items()}
        by = self.clerk.username
        problem_id = problem.id
        self.worker.run(
            lambda desk: desk.sync.resend(problem_id, corrections, by), self._done, self._refused
        )

    def ask_discard(self) -> None:
        problem = self.selected()
        if problem is None:
            return
        if problem.pulled:
            question = self.tr(
                "Why is this change from the platform not applied? The reason is recorded."
            )
        elif self.model.is_rating(problem.kind):
            question = self.tr(
                "Why is this item not sent to the platform? It stays on this desk as it is "
                "(ratings cannot be changed) and is not counted by the platform. The reason "
                "is recorded."
            )
        else:
            question = self.tr("Why is this item not sent to the platform? The reason is recorded.")
        dialog = ReasonDialog("sync.discardReason", self.tr("Discard"), question, self)
        dialog.chosen.connect(self.discard)
        dialog.open()

    def discard(self, reason: str) -> None:
        problem = self.selected()
        if problem is None:
            return
        by = self.clerk.username
        problem_id = problem.id
        self.worker.run(
            lambda desk: desk.sync.discard(problem_id, reason, by), self._done, self._refused
        )

    def _done(self, _result: None) -> None:
        """The list changes at once; the pass that sends what was freed follows."""
        self.refresh()
        self.sync.sync_now()

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.render())
