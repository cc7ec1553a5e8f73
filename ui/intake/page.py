"""The 受理 tab: the intake workspace, and behind F3 the case list to look cases up.

F3 switches between the two; each keeps its state, so a half-finished intake is exactly as
it was when the clerk comes back from a look-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from clerk_desk.domain.roles import Clerk
from clerk_desk.settings import Settings
from ui.case_list import CaseListPanel
from ui.desk_worker import DeskWorker
from ui.intake.workspace import IntakeWorkspace
from ui.naming import named
from ui.shortcuts import local_shortcut


class IntakePage(QWidget):
    def __init__(
        self,
        worker: DeskWorker,
        clerk: Clerk,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake.page")
        self.workspace = IntakeWorkspace(worker, clerk, settings)
        self.cases = CaseListPanel(worker, clerk)
        hint = named(
            QLabel(self.tr("Case look-up · F3 back to intake")),
            "intake.casesHint",
            self.tr("Case look-up"),
        )
        hint.setProperty("role", "subtitle")
        look_up = QWidget()
        look_up.setObjectName("intake.lookUp")
        look_up_layout = QVBoxLayout(look_up)
        look_up_layout.setContentsMargins(12, 8, 12, 8)
        look_up_layout.addWidget(hint)
        look_up_layout.addWidget(self.cases, 1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("intake.pages")
        self.stack.addWidget(self.workspace)
        self.stack.addWidget(look_up)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        local_shortcut(self, "F3", self.toggle_look_up)
        self.cases.takeUp.connect(self.take_up)

    def take_up(self, number: str) -> None:
        """A case found in the look-up is taken up again in the intake workspace."""
        if self.looking_up:
            self.toggle_look_up()
        self.workspace.take_up(number)

    def setFocus(self) -> None:  # type: ignore[override]
        """The page's start: the item search, or the look-up's search box."""
        if self.looking_up:
            self.cases.search.setFocus()
        else:
            self.workspace.chooser.search.setFocus()

    @property
    def looking_up(self) -> bool:
        return self.stack.currentIndex() == 1

    def toggle_look_up(self) -> None:
        if self.looking_up:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.setFocus()
            return
        self.stack.setCurrentIndex(1)
        self.cases.run_search()
        self.cases.search.setFocus()
