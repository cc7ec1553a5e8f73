"""The shipped demo catalog: broad enough to train on, and sound by the catalog's own rules.

Every test reads the catalog back from the demo desk's SQLite file, so it checks what a clerk
in training mode actually sees, not just the JSON on disk.
"""

from __future__ import annotations

import json

from clerk_desk.desk import Desk
from clerk_desk.domain.catalog import WINDOW_CATEGORIES, ServiceItem
from clerk_desk.resources import resource_path
from clerk_desk.services.catalog import DEMO_CATALOG, check_items

MUST_HAVE = (
    "企业设立登记",
    "企业名称自主申报",
    "食品经营许可（新办）",
    "食品经营许可（延续）",
    "食品经营许可（变更）",
    "烟草专卖零售许可证新办",
    "烟草专卖零售许可证延续",
    "非煤矿矿山企业安全生产许可证",
    "建筑业企业资质",
    "建设工程规划许可证",
    "建筑工程施工许可证",
    "不动产首次登记",
    "不动产转移登记",
    "不动产抵押登记",
    "不动产变更登记",
    "执业药师注册",
    "老年人优待证",
    "住房公积金提取",
    "社会保障卡",
    "户口迁移",
    "居住证",
    "残疾人证",
)

# Words that mark an application form or a proof of identity: never acceptable as 容缺.
FORM_OR_IDENTITY = ("申请书", "申请表", "登记表", "注册书", "身份证")


def _named(items: list[ServiceItem], fragment: str) -> list[ServiceItem]:
    return [item for item in items if fragment in item.name]


def test_demo_file_is_labelled_sample_data() -> None:
    data = json.loads(resource_path(*DEMO_CATALOG).read_text(encoding="utf-8"))
    assert data["label"] == "示例数据"
    assert data["version"] == "demo-2026.11"


def test_demo_desk_loads_the_whole_catalog(demo_desk: Desk) -> None:
    items = demo_desk.catalog.items()
    assert len(items) >= 40
    assert {item.window_category for item in items} == set(WINDOW_CATEGORIES)
    assert len({item.department for item in items}) >= 8
    assert demo_desk.catalog.meta()["version"] == "demo-2026.11"


def test_must_have_items_are_present(demo_desk: Desk) -> None:
    items = demo_desk.catalog.items()
    assert [fragment for fragment in MUST_HAVE if not _named(items, fragment)] == []


def test_company_registration_issues_a_business_licence(demo_desk: Desk) -> None:
    (registration,) = _named(demo_desk.catalog.items(), "企业设立登记")
    assert "营业执照" in registration.result_name
    assert registration.result_type == "证照"


def test_tobacco_retail_licence_keeps_its_real_basic_code(demo_desk: Desk) -> None:
    item = demo_desk.catalog.item("00016211200Y")
    assert item is not None
    assert item.name == "烟草专卖零售许可证新办"
    assert item.department == "烟草专卖局"


def test_catalog_passes_every_import_rule(demo_desk: Desk) -> None:
    assert [problem.render() for problem in check_items(demo_desk.catalog.items())] == []


def test_promises_never_exceed_the_law(demo_desk: Desk) -> None:
    late = [
        item.name
        for item in demo_desk.catalog.items()
        if item.promised_limit_days > item.legal_limit_days
    ]
    assert late == []


def test_immediate_items_are_decided_on_the_spot(demo_desk: Desk) -> None:
    immediate = [item for item in demo_desk.catalog.items() if item.case_kind == "即办件"]
    assert len(immediate) >= 3
    assert all(item.promised_limit_days == 0 for item in immediate)


def test_agent_materials_drop_out_when_the_applicant_comes_in_person(demo_desk: Desk) -> None:
    (registration,) = _named(demo_desk.catalog.items(), "企业设立登记")
    by_agent = {m.name for m in registration.materials_for({"applicant": "agent"})}
    in_person = {m.name for m in registration.materials_for({"applicant": "self"})}
    assert {"授权委托书", "受托人居民身份证"} <= by_agent
    assert not {"授权委托书", "受托人居民身份证"} & in_person
    assert "法定代表人居民身份证" in in_person


def test_agent_only_materials_are_never_asked_of_applicants_in_person(demo_desk: Desk) -> None:
    agent_only = [
        (item, material)
        for item in demo_desk.catalog.items()
        for material in item.materials
        if material.applies_when.get("applicant") == ("agent",)
    ]
    assert len(agent_only) >= 10
    for item, material in agent_only:
        assert material not in item.materials_for({"applicant": "self"}), item.name


def test_gaps_are_allowed_only_on_secondary_materials(demo_desk: Desk) -> None:
    gaps = [
        (item.name, material.name, material)
        for item in demo_desk.catalog.items()
        for material in item.materials
        if material.gap_allowed
    ]
    assert len(gaps) >= 5, "the demo should show 容缺 on several items"
    for item_name, name, material in gaps:
        assert material.necessity == "必要", (item_name, name)
        assert not material.is_key, (item_name, name)


def test_forms_and_identity_proofs_are_never_gaps(demo_desk: Desk) -> None:
    forms_and_ids = [
        (item.name, material.name, material.gap_allowed)
        for item in demo_desk.catalog.items()
        for material in item.materials
        if any(word in material.name for word in FORM_OR_IDENTITY)
    ]
    assert len(forms_and_ids) >= 40
    assert [entry for entry in forms_and_ids if entry[2]] == []


def test_some_materials_accept_a_signed_promise(demo_desk: Desk) -> None:
    promised = {
        item.name
        for item in demo_desk.catalog.items()
        for material in item.materials
        if material.promise_allowed
    }
    assert "企业设立登记（有限责任公司）" in promised
    assert len(promised) >= 5


def test_real_estate_registration_charges_the_national_fee(demo_desk: Desk) -> None:
    (transfer,) = _named(demo_desk.catalog.items(), "不动产转移登记")
    assert transfer.fee_charged
    assert "80元/件" in transfer.fee_standard
