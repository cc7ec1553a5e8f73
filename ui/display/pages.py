"""The pages of the customer display: idle, intake, hand-over, rating, reasons, thanks, ended.

Each page only lays out plain data (:mod:`clerk_desk.services.visitor_view`); the window
(:mod:`ui.display.window`) decides which one shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.documents.formatting import PROVISIONAL_MARK, cn_date
from clerk_desk.domain.ratings import COMMENT_MAX, LEVELS, RatingLevel, Reason
from clerk_desk.services.visitor_view import CounterView, MaterialState, Stage, VisitorView
from ui.naming import named

MARGIN = 40


def label(name: str, accessible: str, shown: str = "", wrap: bool = True) -> QLabel:
    widget = named(QLabel(), name, accessible)
    if shown:
        widget.setProperty("shown", shown)
    widget.setWordWrap(wrap)
    return widget


def _page(name: str) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    page.setObjectName(name)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
    layout.setSpacing(16)
    return page, layout


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("shown", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.setSpacing(10)
    return frame, layout


def deadline_text(day: date, provisional: bool) -> str:
    return cn_date(day) + (PROVISIONAL_MARK if provisional else "")


class IdlePage(QWidget):
    """Who serves at this window, and the promises of the hall."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display.idle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(24)
        self.welcome = label("display.idle.welcome", self.tr("Welcome"), "muted")
        self.welcome.setText(self.tr("Welcome"))
        self.centre = label("display.idle.centre", self.tr("Service centre"), "title")
        self.where = label("display.idle.window", self.tr("Window"), "huge")
        self.clerk = label("display.idle.clerk", self.tr("Serving you"), "big")
        self.promises = label("display.idle.promises", self.tr("Our promises"), "promise")
        self.promises.setText(self.tr("Told once, all at once · At most one trip"))
        for widget in (self.welcome, self.centre, self.where, self.clerk):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.promises.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        for widget in (self.welcome, self.centre, self.where, self.clerk):
            layout.addWidget(widget)
        layout.addSpacing(24)
        layout.addWidget(self.promises, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_counter(self, counter: CounterView) -> None:
        self.centre.setText(counter.centre_name)
        window = (
            self.tr("Window {number}").format(number=counter.window_number)
            if counter.window_number
            else ""
        )
        if counter.window_category:
            window = f"{window} · {counter.window_category}" if window else counter.window_category
        self.where.setText(window)
        self.clerk.setText(
            self.tr("Serving you: {name} · Staff no. {number}").format(
                name=counter.clerk_name, number=counter.staff_no
            )
        )


class CasePage(QWidget):
    """受理 (the items, the checklist ticking over, the deadline, what next) or 出件 (what is
    handed over); one layout, two sets of lines."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"display.{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.setSpacing(12)
        self.title = label(f"display.{key}.title", self.tr("What is being done"), "title")
        self.items = label(f"display.{key}.items", self.tr("Items"), "big")
        self.applicant = label(
            f"display.{key}.applicant", self.tr("Applicant"), "muted", wrap=False
        )
        self.count = label(f"display.{key}.count", self.tr("Materials"))
        self.deadline = label(f"display.{key}.deadline", self.tr("Deadline"), "huge")
        self.next = label(f"display.{key}.next", self.tr("What to do next"))
        self.rows = QWidget()
        self.rows.setObjectName(f"display.{key}.list")
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setObjectName(f"display.{key}.scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.rows)
        scroll.viewport().setAutoFillBackground(False)
        self.rows.setAutoFillBackground(False)
        box, inner = card()
        inner.addWidget(self.count)
        inner.addWidget(scroll, 1)
        self.number = label(f"display.{key}.caseNo", self.tr("Case number"), "muted", wrap=False)
        right = QVBoxLayout()
        right.setSpacing(0)
        for widget in (self.number, self.applicant):
            widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            right.addWidget(widget)
        head = QHBoxLayout()
        head.addWidget(self.title, 1, Qt.AlignmentFlag.AlignTop)
        head.addLayout(right)
        layout.addLayout(head)
        layout.addWidget(self.items)
        layout.addWidget(box, 1)
        layout.addWidget(self.deadline)
        layout.addWidget(self.next)
        self.lines: list[tuple[QLabel, QLabel]] = []

    def show_view(self, view: VisitorView) -> None:
        self.title.setText(self._title(view))
        self.number.setText(
            self.tr("Case {number}").format(number=view.case_no) if view.case_no else ""
        )
        self.number.setVisible(bool(view.case_no))
        self.items.setText("、".join(view.items) or self.tr("Choosing the item…"))
        who = " ".join(part for part in (view.applicant, view.applicant_number) if part)
        if view.agent:
            who = " · ".join(
                part for part in (who, self.tr("Agent {name}").format(name=view.agent)) if part
            )
        self.applicant.setText(who)
        self.applicant.setVisible(bool(who))
        if self.key == "intake":
            self.count.setText(
                self.tr("Materials: {received} of {total} received").format(
                    received=view.received, total=len(view.materials)
                )
            )
            self._fill([(m.name, m.state) for m in view.materials])
        else:
            self.count.setText(self.tr("Handed over to you"))
            self._fill([(document, None) for document in view.documents])
        if view.deadline is not None:
            self.deadline.setText(
                self.tr("Promised by {date}").format(
                    date=deadline_text(view.deadline, view.provisional)
                )
            )
        self.deadline.setVisible(view.deadline is not None and self.key == "intake")
        self.next.setText(self.next_step(view))

    def _title(self, view: VisitorView) -> str:
        titles = {
            Stage.TAKING_IN: self.tr("Taking in your application"),
            Stage.ACCEPTED: self.tr("Your application is accepted"),
            Stage.ACCEPTED_WITH_GAPS: self.tr("Accepted; some materials may follow"),
            Stage.NOTIFIED: self.tr("Some materials are still missing"),
            Stage.REJECTED: self.tr("Your application cannot be accepted"),
            Stage.HANDING_OVER: self.tr("Your result is ready"),
            Stage.HANDED_OVER: self.tr("Your result was handed over"),
        }
        return titles[view.stage]

    def next_step(self, view: VisitorView) -> str:
        phone = self.tr(" Enquiries: {phone}").format(phone=view.phone) if view.phone else ""
        if view.stage is Stage.TAKING_IN:
            return self.tr("Please hand the materials to the clerk as asked.")
        if view.stage is Stage.ACCEPTED:
            return self.tr("Keep the notice of acceptance; the result follows by the date above.")
        if view.stage is Stage.ACCEPTED_WITH_GAPS:
            due = view.supplement_deadline
            if due is None:
                return self.tr("Bring the materials marked “gap” as the notice says.")
            return self.tr("Bring the materials marked “gap” by {date}.").format(date=cn_date(due))
        if view.stage is Stage.NOTIFIED:
            return (
                self.tr("Bring the {count} material(s) marked “missing”, then come back.").format(
                    count=len(view.missing)
                )
                + phone
            )
        if view.stage is Stage.REJECTED:
            return self.tr("The notice says why and how to seek review.") + phone
        if view.to_pay > 0:
            return self.tr("Please pay {amount} yuan first.").format(amount=view.to_pay)
        if view.stage is Stage.HANDING_OVER:
            return self.tr("Please check what you receive and sign the receipt.")
        return self.tr("Please check what you received.")

    def _fill(self, rows: list[tuple[str, MaterialState | None]]) -> None:
        """Rows re-used as the list ticks over, so nothing jumps."""
        while len(self.lines) < len(rows):
            index = len(self.lines)
            name = label(f"display.{self.key}.row.{index}", self.tr("Material"))
            state = label(f"display.{self.key}.state.{index}", self.tr("State"), wrap=False)
            state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(name, index, 0)
            self.grid.addWidget(state, index, 1)
            self.lines.append((name, state))
        for index, (name, state) in enumerate(self.lines):
            shown = index < len(rows)
            name.setVisible(shown)
            state.setVisible(shown)
            if not shown:
                continue
            text, mark = rows[index]
            name.setText(text)
            state.setText(self.state_text(mark) if mark is not None else "")
            state.setProperty("state", str(mark) if mark is not None else "")
            state.style().unpolish(state)
            state.style().polish(state)
        self.grid.setRowStretch(len(self.lines), 1)

    def state_text(self, state: MaterialState) -> str:
        return {
            MaterialState.RECEIVED: self.tr("✓ Received"),
            MaterialState.MISSING: self.tr("✗ Missing"),
            MaterialState.GAP: self.tr("◐ Gap"),
            MaterialState.PENDING: self.tr("… To check"),
        }[state]

    def state_of(self, name: str) -> str:
        """The state shown beside the material ``name`` (tests, screen readers)."""
        for row, state in self.lines:
            if row.isVisibleTo(self) and row.text() == name:
                return state.text()
        return ""


class RatingPage(QWidget):
    """Five large buttons with the level names, the outcome in one line above."""

    chosen = Signal(object)  # RatingLevel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display.rating")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(20)
        self.summary = label("display.rating.summary", self.tr("Outcome"), "big")
        self.question = label("display.rating.question", self.tr("Question"), "title")
        self.question.setText(self.tr("How satisfied are you with this service?"))
        self.message = label("display.rating.message", self.tr("Rating message"), "muted")
        for widget in (self.summary, self.question, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[RatingLevel, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(16)
        for index, level in enumerate(LEVELS, start=1):
            button = named(QPushButton(str(level)), f"display.level.{index}", str(level))
            button.setProperty("shown", "level")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, chosen=level: self.chosen.emit(chosen))
            row.addWidget(button)
            self.buttons[level] = button
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addSpacing(24)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def ask(self, summary: str) -> None:
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.message.clear()
        self.enable(True)

    def enable(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)


class ReasonsPage(QWidget):
    """The reasons of the chosen level as large toggles, an optional comment, 提交."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display.reasons")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.setSpacing(14)
        self.chosen = label("display.reasons.level", self.tr("Your rating"), "title")
        self.prompt = label("display.reasons.prompt", self.tr("Reasons"), "muted")
        self.prompt.setText(self.tr("Why? Choose any that apply (optional)"))
        self.toggles_box = QWidget()
        self.toggles_box.setObjectName("display.reasons.toggles")
        self.toggles = QGridLayout(self.toggles_box)
        self.toggles.setContentsMargins(0, 0, 0, 0)
        self.toggles.setSpacing(12)
        self.comment = named(
            QPlainTextEdit(), "display.reasons.comment", self.tr("Comment (optional)")
        )
        self.comment.setPlaceholderText(self.tr("Anything else you want to tell us (optional)"))
        self.comment.setTabChangesFocus(True)
        self.comment.textChanged.connect(self._limit)
        self.submit = named(
            QPushButton(self.tr("Submit")), "display.reasons.submit", self.tr("Submit")
        )
        self.submit.setProperty("shown", "primary")
        self.submit.setMinimumWidth(240)
        self.submit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit.clicked.connect(self.submitted)
        self.message = label("display.reasons.message", self.tr("Rating message"), "muted")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.submit)
        layout.addWidget(self.chosen)
        layout.addWidget(self.prompt)
        layout.addWidget(self.toggles_box)
        layout.addStretch(1)
        layout.addWidget(self.comment)
        layout.addLayout(bottom)
        self.reason_buttons: dict[str, QPushButton] = {}

    def ask(self, level: RatingLevel, reasons: tuple[Reason, ...]) -> None:
        self.chosen.setText(self.tr("Your rating: {level}").format(level=str(level)))
        for button in self.reason_buttons.values():
            self.toggles.removeWidget(button)
            button.deleteLater()
        self.reason_buttons = {}
        for index, reason in enumerate(reasons):
            button = named(QPushButton(reason.text), f"display.reason.{reason.code}", reason.text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.toggles.addWidget(button, index // 2, index % 2)
            button.show()  # added to a page already shown
            self.reason_buttons[reason.code] = button
        self.prompt.setVisible(bool(reasons))
        self.comment.clear()
        self.message.clear()
        self.submit.setEnabled(True)

    def chosen_codes(self) -> list[str]:
        return [code for code, button in self.reason_buttons.items() if button.isChecked()]

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()[:COMMENT_MAX]

    def _limit(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > COMMENT_MAX:
            self.comment.setPlainText(text[:COMMENT_MAX])
            self.message.setText(self.tr("At most {most} characters").format(most=COMMENT_MAX))


class NoticePage(QWidget):
    """A calm full-page sentence: thank you, or this rating has ended."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"display.{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.title = label(f"display.{key}.title", self.tr("Notice"), "huge")
        self.text = label(f"display.{key}.text", self.tr("Notice text"), "big")
        for widget in (self.title, self.text):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def say(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
