"""The case found: its number and state, the applicant (masked), the §44 clock, and what is to
be handed over: each department's result, or its 不予许可 decision with the reasons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clerk_desk.domain.case import Case, CasePart, Outcome
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.i18n import translate
from ui.naming import named
from ui.output.found import FoundCase
from ui.theme import set_role


class OutputCaseCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("output.case")
        self.title = named(QLabel(), "output.caseTitle", self.tr("Case"))
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.applicant = named(QLabel(), "output.applicant", self.tr("Applicant"))
        self.clock = named(QLabel(), "output.clock", self.tr("Delivery deadline"))
        self.results = named(QLabel(), "output.handedOver", self.tr("To hand over"))
        for label in (self.applicant, self.clock, self.results):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.applicant)
        layout.addWidget(self.clock)
        layout.addWidget(self.results)

    def show_case(self, found: FoundCase) -> None:
        case = found.case
        number = display_case_no(case.case_no) if case.case_no else case.number_label
        self.title.setText(
            self.tr("{number} · {state}").format(
                number=number, state=translate("core", STATE_LABELS[case.state])
            )
        )
        applicant = case.applicant
        self.applicant.setText(
            self.tr("Applicant {name} {number} · {items}").format(
                name=mask_name(applicant.name),
                number=mask_id_number(applicant.key_number) if applicant.key_number else "",
                items="、".join(item.name for item in case.items),
            )
        )
        self.clock.setText(found.clock.text())
        set_role(self.clock, "error" if found.clock.passed else "muted")
        self.results.setText(
            self.tr("To hand over: {results}").format(results="；".join(self._results(case)))
        )

    def _results(self, case: Case) -> list[str]:
        if not case.parts:
            return [item.result_name or item.name for item in case.items]
        return [self._part(case, part) for part in case.parts]

    def _part(self, case: Case, part: CasePart) -> str:
        if part.outcome is Outcome.DENIED:
            return self.tr("{department}: decision not to grant (reasons: {reasons})").format(
                department=part.department, reasons=part.reasons
            )
        names = [i.result_name or i.name for i in case.items if i.basic_code in part.item_codes]
        result = part.result_name or "、".join(names)
        if part.result_number:
            result += self.tr(" No. {number}").format(number=part.result_number)
        if part.valid_until is not None:
            result += self.tr(", valid until {date}").format(date=part.valid_until.isoformat())
        return self.tr("{department}: {result}").format(department=part.department, result=result)
