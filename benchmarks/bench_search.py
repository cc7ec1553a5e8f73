"""Item search per keystroke on a 20,000-item catalog, against a plain SQL ``LIKE`` scan.

The catalog is the demo one multiplied the way a province-wide catalog really grows: the same
item once per district and per way of handling it (告知承诺, 跨省通办, …). It is stored through
``CatalogService.replace`` in a real desk database, and the index is built from that database.
Queries are typed one character at a time, as the clerk types them.
"""

from __future__ import annotations

import dataclasses
import gc
import math
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from report import Result, Target

from clerk_desk.desk import Desk
from clerk_desk.domain.catalog import Bundle, ServiceItem
from clerk_desk.resources import resource_path
from clerk_desk.services.catalog import DEMO_CATALOG, read_catalog_json
from clerk_desk.services.item_search import ItemSearchIndex

CATALOG_SIZE = 20_000
ROUNDS = 5
TARGET_MS = 10.0
DISTRICTS = (
    "合肥市", "瑶海区", "庐阳区", "蜀山区", "包河区", "长丰县", "肥东县", "肥西县", "庐江县",
    "巢湖市", "高新区", "经开区", "新站区", "芜湖市", "镜湖区", "鸠江区", "弋江区", "湾沚区",
    "繁昌区", "南陵县", "无为市", "蚌埠市", "淮南市", "马鞍山市", "安庆市",
)  # fmt: skip
WAYS = (
    "", "（告知承诺）", "（跨省通办）", "（全程网办）", "（容缺受理）", "（窗口办理）",
    "（邮寄办理）", "（委托代办）", "（一件事）", "（帮办代办）", "（市级）", "（县级）",
    "（乡镇便民服务中心）", "（园区）", "（自贸区）", "（村级代办点）", "（延时服务）",
    "（预约办理）", "（自助终端）", "（上门服务）",
)  # fmt: skip
QUERIES = (
    "spjy", "食品经营", "00016", "hukou", "户口", "居住证", "shehuibaozhang", "bdczy",
    "公积金 提取", "yancao", "残疾", "瑶海区 食品",
)  # fmt: skip
BASELINE_SQL = (
    "SELECT basic_code, name, window_category, department FROM catalog_items "
    "WHERE {where} ORDER BY name LIMIT 20"
)
TERM_SQL = "(basic_code LIKE ? OR name LIKE ? OR name_pinyin LIKE ? OR name_initials LIKE ?)"


def big_catalog(base: list[ServiceItem]) -> list[ServiceItem]:
    """The demo items as they are, then one copy per district and way, codes kept unique."""
    items = list(base)
    for d, district in enumerate(DISTRICTS):
        for w, way in enumerate(WAYS):
            for item in base:
                if len(items) == CATALOG_SIZE:
                    return items
                items.append(
                    dataclasses.replace(
                        item,
                        basic_code=f"{item.basic_code}{d:02d}{w:02d}",
                        name=f"{district}{item.name}{way}",
                    )
                )
    return items


def keystrokes() -> list[str]:
    return [query[:end] for query in QUERIES for end in range(1, len(query) + 1)]


def sql_search(connection: sqlite3.Connection) -> Callable[[str], list[tuple[str, ...]]]:
    def search(query: str) -> list[tuple[str, ...]]:
        terms = query.split()
        sql = BASELINE_SQL.format(where=" AND ".join([TERM_SQL] * len(terms)))
        params = [f"%{term}%" for term in terms for _ in range(4)]
        return connection.execute(sql, params).fetchall()

    return search


def timed_ms(search: Callable[[str], object], query: str) -> float:
    start = time.perf_counter()
    search(query)
    return (time.perf_counter() - start) * 1000


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def store_catalog(desk: Desk, base: list[ServiceItem], bundles: list[Bundle]) -> int:
    """Store the big catalog with the demo bundles, and some use counts; the items are garbage
    once this returns."""
    items = big_catalog(base)
    started = time.perf_counter()
    desk.catalog.replace(items, version="bench", source="bench", bundles=bundles)
    print(f"stored {len(items)} items in {time.perf_counter() - started:.1f} s")
    for position, item in enumerate(base[:12]):
        for _ in range(12 - position):
            desk.catalog.record_use(item.basic_code)
    return len(items)


def run() -> list[Result]:
    demo_path = resource_path(*DEMO_CATALOG)
    if not demo_path.exists():
        return [Result("Item search per keystroke", "ms", None, note=f"no {demo_path.name}")]
    demo = read_catalog_json(demo_path)
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "desk")
        try:
            size = store_catalog(desk, demo.items, demo.bundles)
            # Measure with the heap an app holds, not with the generated catalog still on it.
            gc.collect()
            started = time.perf_counter()
            index = ItemSearchIndex.from_catalog(desk.catalog)
            build_ms = (time.perf_counter() - started) * 1000
            connection = sqlite3.connect(desk.database.path)
            try:
                ours, theirs = measure(index.search, sql_search(connection))
            finally:
                connection.close()
        finally:
            desk.close()
    top = index.search("spjy")[0]
    print(f"index of {len(index)} items built in {build_ms:.0f} ms; 'spjy' → {top.name}")
    name = f"Item search per keystroke, {size:,} items"
    against = ("SQL LIKE '%q%'", Target(TARGET_MS))
    return [
        Result(f"{name} (mean)", "ms", statistics.fmean(ours), statistics.fmean(theirs), *against),
        Result(f"{name} (p95)", "ms", p95(ours), p95(theirs), *against),
        Result(f"{name} (max)", "ms", max(ours), max(theirs), *against),
        Result(f"Search index build, {size:,} items (from the desk DB)", "ms", build_ms),
    ]


def measure(
    ours: Callable[[str], object], theirs: Callable[[str], object]
) -> tuple[list[float], list[float]]:
    """Alternate both searches keystroke by keystroke; the first round only warms up."""
    typed = keystrokes()
    ours_ms: list[float] = []
    theirs_ms: list[float] = []
    for round_number in range(ROUNDS + 1):
        for query in typed:
            a, b = timed_ms(ours, query), timed_ms(theirs, query)
            if round_number:
                ours_ms.append(a)
                theirs_ms.append(b)
    print(f"{len(typed)} keystrokes × {ROUNDS} rounds")
    return ours_ms, theirs_ms
