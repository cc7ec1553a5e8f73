"""材料复用 in 受理: the line that says what a returning applicant's earlier cases can supply,
and the dialog that picks which of them to attach.

The offers come from ``desk.pages.reusable_for`` (the catalog's reuse period, the applicant's
newest earlier case). The line stays out of the way until there is something to offer; U on
the checklist (or the line's button) opens the dialog, where every offer is ticked, Space
unticks one and Enter attaches the ticked ones.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.services.material_reuse import Reusable
from ui.intake.dialogs import TickListDialog
from ui.naming import described, named


def offers_still_open(offers: list[Reusable], case: Case | None) -> list[Reusable]:
    """The offers for materials the case still lists and that have no pages yet."""
    if case is None:
        return []
    empty = {material.name for material in case.materials if not material.files}
    return [offer for offer in offers if offer.material_name in empty]


class ReuseBar(QFrame):
    """ "可复用：营业执照（办件 …，2026-11-20 采集） [复用材料 (U)]"; hidden without offers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "materials.reuseBar", self.tr("Materials to reuse"))
        self.text = named(QLabel(), "materials.reuseText", self.tr("Materials to reuse"))
        self.text.setProperty("role", "banner")
        self.text.setWordWrap(True)
        # The column's width decides; a long list of names wraps instead of widening it.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = named(
            QPushButton(self.tr("Reuse (U)")),
            "materials.reuse",
            self.tr("Reuse pages from the applicant's earlier cases"),
        )
        described(self.button, self.tr("Reuse pages from the applicant's earlier cases"))
        self.button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_offers(self, offers: list[Reusable]) -> None:
        if not offers:
            self.hide()
            return
        names = "、".join(offer.material_name for offer in offers)
        self.text.setText(self.tr("Reusable from earlier cases: {names}").format(names=names))
        self.show()


class ReuseDialog(TickListDialog):
    """Tick the materials to take from earlier cases (``chosen`` gets their offers); each
    line says which case and when. Every offer starts ticked."""

    def __init__(
        self, offers: list[Reusable], first: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "materials.reuseDialog",
            self.tr("Reuse materials"),
            self.tr(
                "These pages were captured for the same applicant in an earlier case. "
                "Check each against what the visitor shows; untick any that changed."
            ),
            "materials.reuseOffers",
            self.tr("Reuse"),
            parent,
        )
        for offer in offers:
            text = self.tr("{name} — case {case}, captured {day}, {pages} page(s)").format(
                name=offer.material_name,
                case=display_case_no(offer.case_no),
                day=offer.captured_on.isoformat(),
                pages=len(offer.files),
            )
            self.add_line(text, offer, ticked=True)
        self.list.setMinimumWidth(520)
        names = [offer.material_name for offer in offers]
        self.list.setCurrentRow(names.index(first) if first in names else 0)
        self.ok.setDefault(True)
