"""The guided (帮办) intake: the same intake as one question per page, in large type.

Six pages: which service, your situation, who you are, who is helping, the materials you
brought, confirm. Pages 1, 2, 3 and 5 borrow the normal intake's own widgets (the item
chooser, the situations, the applicant form, the materials column) and give them back when
the clerk leaves the guided mode, so the validation and the case are the normal intake's. Page
4 is the helper and the reason (:class:`HelperPage`); page 6 a summary, decided with the
workspace's decision bar (F9 …) like any intake. F7 and F8 go back and on; Enter inside a field
keeps its own meaning. There is no time limit on any page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.assistance import REASON_LABELS, Assistance
from clerk_desk.domain.case import Case
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.roles import Clerk
from clerk_desk.i18n import translate
from ui.display.feed import GuidedScreen
from ui.intake.guided_pages import (
    STEPS,
    HelperPage,
    materials_brought,
    paragraphs,
    situation_answers,
)
from ui.naming import named
from ui.scrolling import scrolling
from ui.shortcuts import local_shortcut
from ui.speech import read_aloud_button

BACK_KEY = "F7"
NEXT_KEY = "F8"
HELPER_PAGE = 3  # 0-based: page 4
CONFIRM_PAGE = 5
LARGE = 1.5  # the guided pages' type, times the desk's body text
TARGET_PX = 60  # the least width and height of anything to press


@dataclass
class _Home:
    """Where a borrowed widget lives in the normal intake."""

    widget: QWidget
    layout: QBoxLayout
    index: int
    stretch: int


class GuidedIntake(QWidget):
    """``pageShown(index)`` after every page change; ``helperChosen(assistance)`` when the
    clerk leaves page 4 or changes who helps."""

    pageShown = Signal(int)
    helperChosen = Signal(object)

    def __init__(
        self,
        clerk: Clerk,
        state: Callable[[], tuple[Case | None, list[ServiceItem]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake.guided")
        self._state = state
        self._homes: list[_Home] = []
        self.questions = (
            (
                self.tr("What do you want to apply for?"),
                self.tr("Type the name or its pinyin, Down to choose, Enter to take it."),
            ),
            (
                self.tr("Which of these fits your situation?"),
                self.tr("Choose one answer for each question."),
            ),
            (self.tr("Who is applying?"), self.tr("Your name and ID number as on your ID card.")),
            (
                self.tr("Who is helping you today?"),
                self.tr("The staff member beside you, and why you are helped."),
            ),
            (
                self.tr("Which materials did you bring?"),
                self.tr("Space marks a paper as brought; S scans it."),
            ),
            (
                self.tr("Please check what we filled in"),
                self.tr("If all is right, the staff member takes the decision (F9 accepts)."),
            ),
        )
        self.progress = named(QLabel(), "guided.progress", self.tr("Guided intake step"))
        self.progress.setProperty("role", "title")
        self.question = named(QLabel(), "guided.question", self.tr("Question"))
        self.question.setProperty("role", "title")
        self.question.setWordWrap(True)
        self.hint = named(QLabel(), "guided.hint", self.tr("How to answer"))
        self.hint.setWordWrap(True)
        self.helper = HelperPage(clerk)
        self.helper.chosen.connect(lambda: self.helperChosen.emit(self.assistance()))
        self.no_situations = named(
            QLabel(self.tr("No question for this item: go on with F8.")),
            "guided.noSituations",
            self.tr("No situation to choose"),
        )
        self.summary = named(QLabel(), "guided.summary", self.tr("Summary of the application"))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        self.pages.setObjectName("guided.pages")
        self.page_layouts: list[QVBoxLayout] = []
        for index in range(STEPS):
            page = QWidget()
            page.setObjectName(f"guided.page{index + 1}")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self.page_layouts.append(layout)
            self.pages.addWidget(scrolling(page, f"guided.page{index + 1}Scroll"))
        self.page_layouts[1].addWidget(self.no_situations)
        self.page_layouts[HELPER_PAGE].addWidget(self.helper)
        self.page_layouts[HELPER_PAGE].addStretch(1)
        self.page_layouts[CONFIRM_PAGE].addWidget(self.summary, 1)

        self.back = named(
            QPushButton(self.tr("{key} Back").format(key=BACK_KEY)),
            "guided.back",
            self.tr("Previous step"),
        )
        self.next = named(
            QPushButton(self.tr("{key} Next").format(key=NEXT_KEY)),
            "guided.next",
            self.tr("Next step"),
        )
        self.next.setProperty("primary", True)
        for button, key, tip in (
            (self.back, BACK_KEY, self.tr("Back to the previous question")),
            (self.next, NEXT_KEY, self.tr("On to the next question")),
        ):
            button.setAutoDefault(False)
            button.setToolTip(f"{tip} ({key})")
            button.setAccessibleDescription(tip)
        self.read_aloud = read_aloud_button(
            "guided.readAloud", self.tr("Read the question aloud"), self.read_aloud_text, self
        )
        self.print_summary = named(
            QPushButton(self.tr("Print the checklist")),
            "guided.printSummary",
            self.tr("Print the checklist for the visitor to check and sign"),
        )
        self.print_summary.setAutoDefault(False)
        self.print_summary.setToolTip(
            self.tr("Print what was filled in, in large type, for the visitor to check and sign")
        )
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.back)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.read_aloud)
        self.buttons.addWidget(self.print_summary)
        self.buttons.addWidget(self.next)
        for key, step in ((BACK_KEY, -1), (NEXT_KEY, 1)):
            local_shortcut(self, key, partial(self._step, step))

        card = QFrame()
        card.setObjectName("guided.card")
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 16, 24, 16)
        card_layout.setSpacing(12)
        card_layout.addWidget(self.progress)
        card_layout.addWidget(self.question)
        card_layout.addWidget(self.hint)
        card_layout.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Scrolled as a whole too: the large type never widens or heightens the window. The
        # buttons stay below it, always in view, whatever the text size.
        layout.addWidget(scrolling(card, "guided.scroll"), 1)
        layout.addLayout(self.buttons)
        self.setStyleSheet(large_type())
        self._show_page()

    @property
    def index(self) -> int:
        return self.pages.currentIndex()

    def borrow(self, parts: Sequence[QWidget | None]) -> None:
        """Move the normal intake's widgets onto the pages (one per page, ``None`` for the
        pages of the guided mode's own), in front of what the page holds."""
        for page, widget in enumerate(parts):
            if widget is None:
                continue
            parent = widget.parentWidget()
            layout = parent.layout() if parent is not None else None
            assert isinstance(layout, QBoxLayout)
            index = layout.indexOf(widget)
            self._homes.append(_Home(widget, layout, index, layout.stretch(index)))
            self.page_layouts[page].insertWidget(0, widget, 1)

    def give_back(self) -> None:
        """Every borrowed widget back where it was in the normal intake."""
        for home in reversed(self._homes):  # each index was taken after the ones before left
            home.layout.insertWidget(home.index, home.widget, home.stretch)
        self._homes.clear()

    def _step(self, step: int) -> None:
        self.go(self.index + step)

    def go(self, index: int) -> None:
        if not 0 <= index < STEPS or index == self.index:
            return
        if self.index == HELPER_PAGE:
            self.helperChosen.emit(self.assistance())
        self.pages.setCurrentIndex(index)
        self._show_page()

    def _show_page(self) -> None:
        index = self.index
        question, hint = self.questions[index]
        self.progress.setText(self.tr("Step {step} of {steps}").format(step=index + 1, steps=STEPS))
        self.question.setText(question)
        self.hint.setText(paragraphs(hint))
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < STEPS - 1)
        self.print_summary.setVisible(index == CONFIRM_PAGE)
        case, items = self._state()
        self.no_situations.setVisible(
            not any(item.situations for item in items) if case is not None else True
        )
        if index == CONFIRM_PAGE:
            self.summary.setText(paragraphs(*self.summary_lines()))
        self.pageShown.emit(index)

    def assistance(self) -> Assistance:
        return self.helper.assistance()

    def read_aloud_text(self) -> str:
        """What the read-aloud button says: the question and its hint, on page 6 the
        summary too."""
        question, hint = self.questions[self.index]
        lines = [question, hint]
        if self.index == CONFIRM_PAGE:
            lines += self.summary_lines()
        return "\n".join(lines)

    def summary_lines(self) -> list[str]:
        """Page 6: what was filled in, as the clerk and the visitor check it."""
        case, items = self._state()
        if case is None:
            return [self.tr("No item chosen yet: F7 goes back to page 1.")]
        assistance = self.assistance()
        applicant = case.applicant
        brought, missing = materials_brought(case)
        lines = [self.tr("Items: {names}").format(names="、".join(i.name for i in case.items))]
        lines += [f"{question}：{answer}" for question, answer in situation_answers(case, items)]
        lines.append(
            self.tr("Applicant: {name} {number}").format(
                name=applicant.name, number=mask_id_number(applicant.key_number)
            )
        )
        lines.append(
            self.tr("Helped by: {name} ({reason})").format(
                name=assistance.helper_name, reason=self._reason(assistance)
            )
        )
        lines.append(self.tr("Brought: {names}").format(names="、".join(brought) or "—"))
        lines.append(self.tr("Still missing: {names}").format(names="、".join(missing) or "—"))
        return lines

    @staticmethod
    def _reason(assistance: Assistance) -> str:
        labels = {str(reason): label for reason, label in REASON_LABELS.items()}
        return translate("core", labels[assistance.reason]) if assistance.reason else ""

    def display_screen(self) -> GuidedScreen:
        """The current page for the customer display: names and numbers masked, never a
        phone number or an address."""
        index = self.index
        question, hint = self.questions[index]
        return GuidedScreen(index + 1, STEPS, question, hint, tuple(self._answers(index)))

    def _answers(self, index: int) -> list[tuple[str, str]]:
        case, items = self._state()
        if case is None:
            return []
        applicant = case.applicant
        who = [
            (self.tr("Applicant"), mask_name(applicant.name)),
            (self.tr("ID number"), mask_id_number(applicant.key_number)),
        ]
        brought, missing = materials_brought(case)
        assistance = self.assistance()
        answers = {
            0: [(self.tr("Items"), "、".join(item.name for item in case.items))],
            1: situation_answers(case, items),
            2: who,
            3: [(self.tr("Helped by"), mask_name(assistance.helper_name))],
            4: [
                (self.tr("Brought"), str(len(brought))),
                (self.tr("Still missing"), str(len(missing))),
            ],
        }
        if index == CONFIRM_PAGE:
            return [pair for page in answers.values() for pair in page if pair[1]]
        return [pair for pair in answers[index] if pair[1]]


def large_type() -> str:
    """The guided pages' style: text :data:`LARGE` times the desk's body size, every control
    at least :data:`TARGET_PX` square."""
    size = round(QFontInfo(QApplication.font()).pixelSize() * LARGE)
    return (
        f"QWidget {{ font-size: {size}px; }}\n"
        f"QLabel[role='title'] {{ font-size: {round(size * 1.25)}px; font-weight: 600; }}\n"
        f"QPushButton, QComboBox, QLineEdit {{ min-height: {TARGET_PX}px; }}\n"
        f"QPushButton {{ min-width: {TARGET_PX}px; }}\n"
        f"QRadioButton, QCheckBox {{ min-height: {TARGET_PX}px; }}\n"
    )
