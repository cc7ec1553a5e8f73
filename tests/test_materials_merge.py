"""One checklist for the items of a bundle: a shared document is collected once."""

from __future__ import annotations

from clerk_desk.desk import Desk
from clerk_desk.domain.case import CaseMaterial, MaterialMark
from clerk_desk.domain.catalog import Material, ServiceItem, Situation, SituationOption
from clerk_desk.domain.materials import merge_materials

FOOD_LICENCE = "000142130101"
SEAL_FILING = "000042810600"
TAX_PACKAGE = "000253010700"
SOCIAL_INSURANCE = "000123010800"  # no 本人 / 代办 question in the catalog


def _item(code: str, *materials: Material, situations: tuple[Situation, ...] = ()) -> ServiceItem:
    return ServiceItem(
        basic_code=code,
        name=code,
        item_type="行政许可",
        department="市场监督管理局",
        window_category="企业开办",
        legal_limit_days=20,
        promised_limit_days=5,
        case_kind="承诺件",
        version="1",
        situations=situations,
        materials=materials,
    )


def test_a_bundle_collects_the_business_licence_once(demo_desk: Desk) -> None:
    items = [demo_desk.catalog.item(code) for code in (FOOD_LICENCE, SEAL_FILING, TAX_PACKAGE)]
    merged = merge_materials([i for i in items if i is not None], {"applicant": "self"})
    names = [m.name for m in merged]
    assert names.count("营业执照") == 1
    licence = next(m for m in merged if m.name == "营业执照")
    assert licence.item_codes == (FOOD_LICENCE, SEAL_FILING, TAX_PACKAGE)
    separate = sum(len(i.materials_for({"applicant": "self"})) for i in items if i is not None)
    assert len(merged) == separate - 2
    assert "授权委托书" not in names


def test_the_strictest_rule_wins() -> None:
    lenient = Material(
        "营业执照",
        necessity="非必要",
        gap_allowed=True,
        promise_allowed=True,
        form="复印件",
        copies=1,
        acceptance_standard="加盖公章",
    )
    strict = Material(
        "营业执照", necessity="必要", form="原件", copies=2, acceptance_standard="在有效期内"
    )
    merged = merge_materials([_item("A", lenient), _item("B", strict)], {})
    assert len(merged) == 1
    line = merged[0]
    assert (line.necessity, line.gap_allowed, line.promise_allowed) == ("必要", False, False)
    assert (line.form, line.copies) == ("原件", 2)
    assert line.acceptance_standard == "加盖公章；在有效期内"
    assert line.item_codes == ("A", "B")
    assert line.is_key


def test_situations_narrow_each_item_before_merging() -> None:
    question = Situation(
        "change", "变更事项", (SituationOption("name", "名称"), SituationOption("address", "住所"))
    )
    conditional = Material("新住所使用证明", applies_when={"change": ("address",)})
    items = [
        _item("A", Material("申请书"), conditional, situations=(question,)),
        _item("B", Material("申请书")),
    ]
    assert [m.name for m in merge_materials(items, {"change": "name"})] == ["申请书"]
    assert [m.name for m in merge_materials(items, {"change": "address"})] == [
        "申请书",
        "新住所使用证明",
    ]
    unanswered = merge_materials(items, {})
    assert [m.name for m in unanswered] == ["申请书", "新住所使用证明"]


def test_an_agent_adds_the_authorisation_and_the_agents_id(demo_desk: Desk) -> None:
    items = [demo_desk.catalog.item(code) for code in (FOOD_LICENCE, SOCIAL_INSURANCE)]
    present = [i for i in items if i is not None]
    alone = merge_materials(present, {"applicant": "self"})
    proxied = merge_materials(present, {"applicant": "self"}, has_agent=True)
    added = {m.name: m.item_codes for m in proxied if m.name not in {a.name for a in alone}}
    assert added == {
        "授权委托书": (FOOD_LICENCE, SOCIAL_INSURANCE),
        "受托人居民身份证": (FOOD_LICENCE, SOCIAL_INSURANCE),
    }


def test_marks_survive_a_changed_answer() -> None:
    question = Situation(
        "applicant", "办理人", (SituationOption("self", "本人"), SituationOption("agent", "代办"))
    )
    items = [
        _item(
            "A",
            Material("申请书"),
            Material("授权委托书", applies_when={"applicant": ("agent",)}),
            situations=(question,),
        )
    ]
    before = merge_materials(items, {"applicant": "agent"})
    before[0].mark = MaterialMark.RECEIVED
    before[0].received_form = "原件"
    before[0].received_copies = 1
    before[1].mark = MaterialMark.MISSING
    after = merge_materials(items, {"applicant": "self"}, previous=before)
    assert after == [
        CaseMaterial(
            "申请书",
            ("A",),
            mark=MaterialMark.RECEIVED,
            received_form="原件",
            received_copies=1,
        )
    ]
