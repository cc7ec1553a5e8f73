"""The applicant form holds no more than the platform stores (``clerk_desk.domain.limits``):
a pasted 10,001-character name stops at the limit instead of making a case the platform
refuses."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clerk_desk.domain.limits import ADDRESS_MAX, NAME_MAX
from ui.intake.applicant_form import ApplicantForm


def test_name_and_address_fields_stop_at_the_shared_limits(qtbot: QtBot) -> None:
    form = ApplicantForm()
    qtbot.addWidget(form)
    for field in (form.name, form.org_name, form.legal_rep, form.agent_name):
        field.setText("名" * 10_001)
        assert len(field.text()) == NAME_MAX
    form.address.setText("路" * 10_001)
    assert len(form.address.text()) == ADDRESS_MAX
    assert len(form.to_applicant().name) == NAME_MAX
