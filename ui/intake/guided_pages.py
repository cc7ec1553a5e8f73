"""The guided (帮办) intake's own parts: page 4 (who is helping, and why), and what each page
says — to the visitor on the display (masked), and in the confirm page's summary.

The other pages borrow the normal intake's widgets (:mod:`ui.intake.guided`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from clerk_desk.domain.assistance import REASON_LABELS, Assistance, AssistanceKind
from clerk_desk.domain.case import Case, MaterialMark
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.roles import Clerk
from clerk_desk.i18n import translate
from ui.naming import named

STEPS = 6
BROUGHT = (MaterialMark.RECEIVED, MaterialMark.ATTACHED, MaterialMark.PROMISED)
LINE_HEIGHT = 140  # per cent: multi-line text in the guided pages


def paragraphs(*lines: str) -> str:
    """Rich text for a label: each line a paragraph at :data:`LINE_HEIGHT`."""
    style = f"margin:0; line-height:{LINE_HEIGHT}%"
    return "".join(f'<p style="{style}">{escape(line)}</p>' for line in lines if line)


class HelperPage(QWidget):
    """Page 4: the staff member helping (the signed-in clerk first, then the other intake
    staff) and the reason the visitor is helped."""

    chosen = Signal()

    def __init__(self, clerk: Clerk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guided.helperPage")
        self.helper = named(QComboBox(), "guided.helper", self.tr("Staff member helping"))
        self.reason = named(QComboBox(), "guided.reason", self.tr("Why the visitor is helped"))
        for reason, label in REASON_LABELS.items():
            self.reason.addItem(translate("core", label), str(reason))
        self.set_staff([clerk], clerk)
        self.helper.currentIndexChanged.connect(lambda _: self.chosen.emit())
        self.reason.currentIndexChanged.connect(lambda _: self.chosen.emit())
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(16)
        for text, field in (
            (self.tr("&Staff member"), self.helper),
            (self.tr("&Reason"), self.reason),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

    def set_staff(self, staff: Sequence[Clerk], clerk: Clerk) -> None:
        """The signed-in clerk first; the choice made so far is kept."""
        current = self.helper.currentData()
        others = sorted(
            (s for s in staff if s.username != clerk.username), key=lambda s: s.username
        )
        self.helper.blockSignals(True)
        self.helper.clear()
        for person in (clerk, *others):
            self.helper.addItem(f"{person.display_name}（{person.username}）", person)
        found = [i for i in range(self.helper.count()) if self._username(i) == current]
        self.helper.setCurrentIndex(found[0] if found else 0)
        self.helper.blockSignals(False)

    def _username(self, index: int) -> str:
        person = self.helper.itemData(index)
        return person.username if isinstance(person, Clerk) else ""

    def assistance(self) -> Assistance:
        person: Clerk = self.helper.currentData()
        return Assistance(
            AssistanceKind.ASSISTED,
            helper=person.username,
            helper_name=person.display_name,
            reason=str(self.reason.currentData()),
        )


def situation_answers(case: Case, items: Sequence[ServiceItem]) -> list[tuple[str, str]]:
    """(question, chosen option) for every situation answered, in the catalog's order."""
    answers: dict[str, tuple[str, str]] = {}
    for item in items:
        for situation in item.situations:
            chosen = case.answers.get(situation.key)
            for option in situation.options:
                if option.key == chosen:
                    answers.setdefault(situation.key, (situation.question, option.label))
    return list(answers.values())


def materials_brought(case: Case) -> tuple[list[str], list[str]]:
    """The names of the materials brought, and of those still missing."""
    brought = [m.name for m in case.materials if m.mark in BROUGHT]
    missing = [m.name for m in case.materials if m.mark not in BROUGHT]
    return brought, missing
