"""一件事 bundles: several items chosen at the window in one step, kept with the catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.catalog import Bundle, Problem, validate_bundles
from clerk_desk.resources import resource_path
from clerk_desk.services.catalog import DEMO_CATALOG, CatalogRejected, read_catalog_json
from clerk_desk.services.item_search import ItemSearchIndex, MatchKind
from local_cache.db import Database
from local_cache.migrate import alembic_config, current_revision, head_revision, upgrade_to_head

SOLE_TRADER = "000142110300"  # 个体工商户设立登记
FOOD_LICENCE = "000142130101"
FOOD_NAME = "食品经营许可（新办）"
RESTAURANT = Bundle("YJS001", "开办餐饮店", (SOLE_TRADER, FOOD_LICENCE))


def _rendered(problems: list[Problem]) -> list[str]:
    return [problem.render("en") for problem in problems]


def test_a_sound_bundle_has_no_problem(demo_desk: Desk) -> None:
    assert validate_bundles([RESTAURANT], demo_desk.catalog.items()) == []


def test_bad_bundles_are_refused_with_every_problem(demo_desk: Desk) -> None:
    items = demo_desk.catalog.items()
    bundles = [
        Bundle("开办", " ", (SOLE_TRADER,)),
        Bundle(FOOD_LICENCE, "和事项同码", (SOLE_TRADER, FOOD_LICENCE)),
        Bundle("YJS001", "开办餐饮店", (SOLE_TRADER, FOOD_LICENCE, SOLE_TRADER)),
        Bundle("YJS001", "重复编码", (SOLE_TRADER, "000000000000")),
    ]

    problems = _rendered(validate_bundles(bundles, items))

    assert problems == [
        "bundles[1] (开办).code: basic code '开办' must be 1 to 32 letters or digits",
        "bundles[1] (开办).name: must not be empty",
        "bundles[1] (开办).item_codes: a bundle needs at least two different items",
        f"bundles[2] ({FOOD_LICENCE}).code: code {FOOD_LICENCE} is already an item's basic code",
        f"bundles[3] (YJS001).item_codes: items listed twice: {SOLE_TRADER}",
        "bundles[4] (YJS001).code: code YJS001 is used by another bundle",
        "bundles[4] (YJS001).item_codes: the catalog has no item with basic code 000000000000",
    ]


def test_a_catalog_with_an_unsound_bundle_is_refused_whole(demo_desk: Desk) -> None:
    items = demo_desk.catalog.items()
    before = demo_desk.catalog.bundles()
    stray = Bundle("YJS009", "开办网吧", (SOLE_TRADER, "000999999999"))

    with pytest.raises(CatalogRejected) as refused:
        demo_desk.catalog.replace(items, "next", "test", bundles=[RESTAURANT, stray])

    assert _rendered(refused.value.problems) == [
        "bundles[2] (YJS009).item_codes: the catalog has no item with basic code 000999999999"
    ]
    assert demo_desk.catalog.bundles() == before
    assert demo_desk.catalog.meta()["version"] == "demo-2026.11"


def test_bundles_are_stored_and_read_back_with_the_catalog(fresh_desk: Desk) -> None:
    demo = read_catalog_json(resource_path(*DEMO_CATALOG))
    fresh_desk.catalog.replace(demo.items, "t", "test", bundles=demo.bundles)

    assert fresh_desk.catalog.bundles() == sorted(demo.bundles, key=lambda b: b.code)
    [row] = [r for r in fresh_desk.catalog.bundle_rows() if r["code"] == "YJS001"]
    assert (row["name_pinyin"], row["name_initials"]) == ("kaibancanyindian", "kbcyd")

    fresh_desk.catalog.replace(demo.items, "t2", "test")
    assert fresh_desk.catalog.bundles() == []


def test_replacing_only_the_items_keeps_the_bundles_that_still_hold(demo_desk: Desk) -> None:
    """A workbook import holds no bundles: those whose items are all still there stay."""
    items = [item for item in demo_desk.catalog.items() if item.name != "公章刻制备案"]

    result = demo_desk.catalog.replace_items(items, "next", "workbook")

    assert [b.name for b in result.dropped] == ["企业开办一件事"]
    assert [b.name for b in result.kept] == ["开办餐饮店", "开办便利店", "二手房交易登记"]
    assert demo_desk.catalog.bundles() == result.kept


def test_migration_0003_adds_the_bundle_table_to_an_older_database(tmp_path: Path) -> None:
    database = Database(tmp_path / "old.sqlite3")
    try:
        command.upgrade(alembic_config(database), "0002")
        assert "catalog_bundles" not in inspect(database.engine).get_table_names()

        upgrade_to_head(database)

        assert current_revision(database) == head_revision()
        columns = {c["name"] for c in inspect(database.engine).get_columns("catalog_bundles")}
        assert columns == {
            "code",
            "name",
            "item_codes",
            "description",
            "name_pinyin",
            "name_initials",
        }
    finally:
        database.dispose()


def test_the_demo_catalog_ships_sound_bundles(demo_desk: Desk) -> None:
    data = json.loads(resource_path(*DEMO_CATALOG).read_text(encoding="utf-8"))
    bundles = demo_desk.catalog.bundles()
    items = demo_desk.catalog.items()

    assert len(bundles) == len(data["bundles"]) >= 3
    assert validate_bundles(bundles, items) == []
    names = {item.basic_code: item.name for item in items}
    restaurant = next(b for b in bundles if b.name == "开办餐饮店")
    assert [names[code] for code in restaurant.item_codes] == ["个体工商户设立登记", FOOD_NAME]
    assert all(bundle.description for bundle in bundles)


@pytest.mark.parametrize("query", ["开办餐饮", "kbcy", "kaibancanyin", "yjs001"])
def test_a_bundle_is_found_like_an_item_and_ranked_first(demo_desk: Desk, query: str) -> None:
    index = ItemSearchIndex.from_catalog(demo_desk.catalog)

    top = index.search(query)[0]

    assert (top.name, top.is_bundle) == ("开办餐饮店", True)
    assert top.item_codes == (SOLE_TRADER, FOOD_LICENCE)
    assert top.window_category == "企业开办、生产经营准入"


def test_bundles_rank_among_items(demo_desk: Desk) -> None:
    """二手房 starts the bundle's name but is inside the item's: the bundle comes first."""
    index = ItemSearchIndex.from_catalog(demo_desk.catalog)

    hits = index.search("二手房")

    assert [(h.name, h.is_bundle, h.match) for h in hits] == [
        ("二手房交易登记", True, MatchKind.NAME_PREFIX),
        ("不动产转移登记（二手房买卖）", False, MatchKind.NAME),
    ]
    assert hits[1].item_codes == (hits[1].basic_code,)


def test_bundles_are_listed_by_window_category(demo_desk: Desk) -> None:
    index = ItemSearchIndex.from_catalog(demo_desk.catalog)

    assert [h.name for h in index.bundles()] == [
        "二手房交易登记",
        "开办便利店",
        "开办餐饮店",
        "企业开办一件事",
    ]
    assert [h.name for h in index.bundles(["投资建设"])] == ["二手房交易登记"]
    assert [h.name for h in index.search("开办", categories=["生产经营准入"])] == [
        "开办便利店",
        "开办餐饮店",
        "药品经营许可（零售企业开办）",
    ]


def test_a_workbook_import_says_how_many_bundles_it_kept(
    demo_desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "目录.xlsx"
    args = ["--demo", "--data-dir", str(demo_desk.data_dir.root), "--lang", "en"]
    assert cli.main(["catalog", "export", str(path), *args]) == 0
    capsys.readouterr()

    assert cli.main(["catalog", "import", str(path), *args]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        "4 一件事 bundle(s) kept; 0 dropped because an item of theirs is no longer in the catalog"
    )
    assert len(demo_desk.catalog.bundles()) == 4
