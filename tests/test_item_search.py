"""Item search as the intake clerk uses it: real item names, a real desk database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clerk_desk.desk import Desk
from clerk_desk.domain.catalog import Material, ServiceItem
from clerk_desk.services.item_search import ItemSearchIndex, MatchKind, SearchHit

# (basic code, name, window category, department), as a county centre's catalog lists them.
REAL_ITEMS = (
    ("00012304000Y", "食品经营许可（新办）", "生产经营准入", "市场监督管理局"),
    ("00012304001Y", "食品经营许可（延续）", "生产经营准入", "市场监督管理局"),
    ("00012304002Y", "食品经营许可（变更）", "生产经营准入", "市场监督管理局"),
    ("00012305000Y", "仅销售预包装食品备案", "生产经营准入", "市场监督管理局"),
    ("00016211200Y", "烟草专卖零售许可证（新办）", "生产经营准入", "烟草专卖局"),
    ("00016211201Y", "烟草专卖零售许可证（延续）", "生产经营准入", "烟草专卖局"),
    ("000101001000", "企业设立登记", "企业开办", "市场监督管理局"),
    ("000101002000", "个体工商户设立登记", "企业开办", "市场监督管理局"),
    ("000135003000", "住房公积金单位缴存登记", "企业开办", "住房公积金管理中心"),
    ("000106001000", "不动产转移登记", "投资建设", "不动产登记中心"),
    ("000106002000", "不动产抵押登记", "投资建设", "不动产登记中心"),
    ("000106003000", "不动产首次登记", "投资建设", "不动产登记中心"),
    ("000116001000", "户口迁移", "社会事务", "公安局"),
    ("000116002000", "居住证申领", "社会事务", "公安局"),
    ("0001160020001", "居住证换领补领", "社会事务", "公安局"),
    ("000116003000", "居住证签注", "社会事务", "公安局"),
    ("000120001000", "残疾人证办理", "社会事务", "残疾人联合会"),
    ("000135001000", "住房公积金提取（购买自住住房）", "社会事务", "住房公积金管理中心"),
    ("000135002000", "住房公积金提取（租房）", "社会事务", "住房公积金管理中心"),
    ("000119001000", "社会保障卡补换", "社会事务", "人力资源和社会保障局"),
    ("000104001000", "老年人优待证办理", "社会事务", "民政局"),
    ("000130001000", "增值电信业务经营许可（ICP）", "生产经营准入", "通信管理局"),
)


def service_item(code: str, name: str, category: str, department: str) -> ServiceItem:
    return ServiceItem(
        basic_code=code,
        name=name,
        item_type="公共服务",
        department=department,
        window_category=category,
        legal_limit_days=20,
        promised_limit_days=5,
        case_kind="承诺件",
        version="2026.1",
        materials=(Material(name="申请人身份证明", form="核验原件", source="政府部门核发"),),
    )


@pytest.fixture
def desk(fresh_desk: Desk) -> Iterator[Desk]:
    items = [service_item(*row) for row in REAL_ITEMS]
    fresh_desk.catalog.replace(items, version="2026.1", source="test")
    yield fresh_desk


def index_of(desk: Desk) -> ItemSearchIndex:
    return ItemSearchIndex.from_catalog(desk.catalog)


def names(hits: list[SearchHit]) -> list[str]:
    return [hit.name for hit in hits]


def test_index_holds_every_catalog_item_with_its_window_and_department(desk: Desk) -> None:
    index = index_of(desk)

    assert len(index) == len(REAL_ITEMS)
    [hit] = index.search("残疾人证")
    assert (hit.basic_code, hit.window_category, hit.department) == (
        "000120001000",
        "社会事务",
        "残疾人联合会",
    )


def test_name_substring_finds_every_item_containing_it(desk: Desk) -> None:
    hits = index_of(desk).search("公积金")

    assert names(hits) == [
        "住房公积金单位缴存登记",
        "住房公积金提取（购买自住住房）",
        "住房公积金提取（租房）",
    ]
    assert {hit.match for hit in hits} == {MatchKind.NAME}


def test_two_character_chinese_queries_are_found(desk: Desk) -> None:
    index = index_of(desk)

    assert names(index.search("户口")) == ["户口迁移"]
    assert names(index.search("居住")) == ["居住证换领补领", "居住证签注", "居住证申领"]
    assert names(index.search("补换")) == ["社会保障卡补换"]


def test_pinyin_initials_find_the_item(desk: Desk) -> None:
    hits = index_of(desk).search("spjy")

    assert names(hits) == ["食品经营许可（变更）", "食品经营许可（新办）", "食品经营许可（延续）"]
    assert {hit.match for hit in hits} == {MatchKind.INITIALS_PREFIX}


def test_two_letter_initials_put_prefix_matches_before_the_rest(desk: Desk) -> None:
    hits = index_of(desk).search("sp")

    assert names(hits)[:3] == [
        "食品经营许可（变更）",
        "食品经营许可（新办）",
        "食品经营许可（延续）",
    ]
    assert names(hits)[3] == "仅销售预包装食品备案"
    assert hits[3].match is MatchKind.INITIALS


def test_full_pinyin_finds_prefix_first_then_inside(desk: Desk) -> None:
    hits = index_of(desk).search("shipin")

    assert names(hits) == [
        "食品经营许可（变更）",
        "食品经营许可（新办）",
        "食品经营许可（延续）",
        "仅销售预包装食品备案",
    ]
    assert [hit.match for hit in hits] == [MatchKind.PINYIN_PREFIX] * 3 + [MatchKind.PINYIN]
    assert names(index_of(desk).search("hukou")) == ["户口迁移"]


def test_latin_is_case_insensitive_and_full_width_input_is_folded(desk: Desk) -> None:
    index = index_of(desk)
    expected = names(index.search("spjy"))

    assert names(index.search("SPJY")) == expected
    assert names(index.search("ｓｐｊｙ")) == expected
    assert names(index.search("00016211200y")) == ["烟草专卖零售许可证（新办）"]
    assert names(index.search("icp")) == ["增值电信业务经营许可（ICP）"]
    assert [(h.name, h.match) for h in index.search("1200Y")] == [
        ("烟草专卖零售许可证（新办）", MatchKind.CODE_PART)
    ]
    assert names(index.search("(ICP)")) == ["增值电信业务经营许可（ICP）"]


def test_exact_code_comes_before_codes_that_start_with_it(desk: Desk) -> None:
    hits = index_of(desk).search("000116002000")

    assert [(hit.name, hit.match) for hit in hits] == [
        ("居住证申领", MatchKind.CODE),
        ("居住证换领补领", MatchKind.CODE_PREFIX),
    ]


def test_code_prefix_lists_the_items_under_it_by_name(desk: Desk) -> None:
    hits = index_of(desk).search("0001060")

    assert names(hits) == ["不动产抵押登记", "不动产首次登记", "不动产转移登记"]
    assert {hit.match for hit in hits} == {MatchKind.CODE_PREFIX}


def test_code_prefix_ranks_above_a_pinyin_prefix(desk: Desk) -> None:
    desk.catalog.replace(
        [
            service_item("JZ0001", "户口迁移", "社会事务", "公安局"),
            service_item("HK0002", "居住证签注", "社会事务", "公安局"),
        ],
        version="2026.2",
        source="test",
    )

    hits = index_of(desk).search("jz")

    assert [(hit.name, hit.match) for hit in hits] == [
        ("户口迁移", MatchKind.CODE_PREFIX),
        ("居住证签注", MatchKind.INITIALS_PREFIX),
    ]


def test_empty_query_lists_the_frequent_items_most_used_first(desk: Desk) -> None:
    for code in ("000116003000", "000116001000", "000116001000", "000116001000"):
        desk.catalog.record_use(code)
    index = index_of(desk)

    hits = index.search("  ")

    assert [(hit.name, hit.use_count, hit.match) for hit in hits] == [
        ("户口迁移", 3, MatchKind.FREQUENT),
        ("居住证签注", 1, MatchKind.FREQUENT),
    ]


def test_frequent_items_lead_within_their_rank(desk: Desk) -> None:
    desk.catalog.record_use("000116003000")
    index = index_of(desk)

    assert names(index.search("居住")) == ["居住证签注", "居住证换领补领", "居住证申领"]


def test_usage_changes_ranking_without_rebuilding(desk: Desk) -> None:
    index = index_of(desk)
    assert names(index.search("登记"))[0] == "不动产抵押登记"

    index.record_use("000106003000")

    assert names(index.search("登记"))[0] == "不动产首次登记"
    assert names(index.search("")) == ["不动产首次登记"]


def test_a_prefix_match_outranks_a_frequent_substring_match(desk: Desk) -> None:
    desk.catalog.record_use("00012305000Y")
    desk.catalog.record_use("00012305000Y")

    hits = index_of(desk).search("shipin")

    assert hits[-1].name == "仅销售预包装食品备案"
    assert hits[-1].use_count == 2


def test_all_words_of_a_query_must_match(desk: Desk) -> None:
    index = index_of(desk)

    assert names(index.search("食品 延续")) == ["食品经营许可（延续）"]
    assert names(index.search("spjy bg")) == ["食品经营许可（变更）"]
    assert names(index.search("公积金 tiqu")) == [
        "住房公积金提取（购买自住住房）",
        "住房公积金提取（租房）",
    ]
    assert index.search("户口 食品") == []


def test_no_match_returns_nothing(desk: Desk) -> None:
    index = index_of(desk)

    assert index.search("xyzq") == []
    assert index.search("营业执照注销") == []


def test_limit_caps_the_result(desk: Desk) -> None:
    hits = index_of(desk).search("登记", limit=2)

    assert names(hits) == ["不动产抵押登记", "不动产首次登记"]


def test_categories_restrict_the_result_when_asked(desk: Desk) -> None:
    desk.catalog.record_use("000116001000")
    index = index_of(desk)

    assert names(index.search("登记", categories=["企业开办"])) == [
        "个体工商户设立登记",
        "企业设立登记",
        "住房公积金单位缴存登记",
    ]
    assert index.search("", categories=["企业开办"]) == []
    assert names(index.search("", categories=["社会事务"])) == ["户口迁移"]


def test_shipped_demo_catalog_is_searchable(demo_desk: Desk) -> None:
    index = index_of(demo_desk)

    assert len(index) == demo_desk.catalog.count() + len(demo_desk.catalog.bundles())
    assert "食品经营许可（新办）" in names(index.search("spjy"))
    assert names(index.search("户口")) == ["户口迁移（准予迁入）"]
    assert names(index.search("hukou")) == ["户口迁移（准予迁入）"]
    assert names(index.search("居住"))[0] == "居住证申领"
    assert names(index.search("00016211200Y"))[0] == "烟草专卖零售许可证新办"
