"""What 受理 shows after a decision: the case number and deadline, large, and the papers.

Enter prints (the print button has the focus and is the default); F2 starts the next case.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.naming import described, named

LARGE_PX = 30


class ResultPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake.result")
        self.setProperty("role", "card")
        self.title = named(QLabel(), "intake.resultTitle", self.tr("Decision"))
        self.title.setProperty("role", "title")
        self.case_no = named(QLabel(), "intake.caseNo", self.tr("Case number"))
        self.deadline = named(QLabel(), "intake.deadline", self.tr("Committed deadline"))
        for label in (self.case_no, self.deadline):
            label.setStyleSheet(f"font-size: {LARGE_PX}px; font-weight: 600;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.papers = named(QLabel(), "intake.papers", self.tr("Papers"))
        self.papers.setProperty("role", "muted")
        self.papers.setWordWrap(True)
        self.printed = named(QLabel(), "intake.printed", self.tr("Printing"))
        self.printed.setWordWrap(True)
        self.print_button = named(
            QPushButton(self.tr("Enter Print")), "intake.printPapers", self.tr("Print the papers")
        )
        self.print_button.setProperty("primary", True)
        self.print_button.setAutoDefault(True)
        self.print_button.setDefault(True)
        self.preview_button = named(
            QPushButton(self.tr("Preview")), "intake.preview", self.tr("Preview the papers")
        )
        self.preview_button.setAutoDefault(False)
        self.new_button = named(
            QPushButton(self.tr("F2 Next case")), "intake.newCase", self.tr("Next case")
        )
        self.new_button.setAutoDefault(False)
        for button in (self.print_button, self.preview_button, self.new_button):
            described(button, button.accessibleName())
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        # Number and deadline side by side: the panel fits a short screen at large text sizes.
        facts = QGridLayout()
        facts.setHorizontalSpacing(48)
        facts.setVerticalSpacing(4)
        for column, (caption, value) in enumerate(
            (
                (self.tr("Case number"), self.case_no),
                (self.tr("Committed deadline"), self.deadline),
            )
        ):
            label = QLabel(caption)
            label.setProperty("role", "muted")
            facts.addWidget(label, 0, column)
            facts.addWidget(value, 1, column)
        facts.setColumnStretch(2, 1)
        layout.addLayout(facts)
        layout.addWidget(self.papers)
        layout.addWidget(self.printed)
        layout.addStretch(1)
        layout.addLayout(buttons)
