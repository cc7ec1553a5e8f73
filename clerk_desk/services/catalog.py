"""Loading, validating and storing the service catalog."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_desk.domain.catalog import (
    Bundle,
    Problem,
    ServiceItem,
    validate_bundles,
    validate_item,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.resources import resource_path
from local_cache.db import Database
from local_cache.repositories import catalog_repo

DEMO_CATALOG = ("catalog", "demo_catalog.json")


class CatalogRejected(UserError):
    """A catalog that breaks a rule is refused whole; ``problems`` lists every fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core", "The catalog was refused with {count} problem(s); nothing was imported"
            ),
            count=len(self.problems),
        )


def name_pinyin(name: str) -> tuple[str, str]:
    """Full pinyin and initials of an item name, lower case, without separators.

    pypinyin loads ~50 MiB of dictionaries, so it is imported only when a catalog is stored.
    """
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return full, initials


def check_items(items: Iterable[ServiceItem]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        label = f"{index} ({item.basic_code})"
        problems.extend(Problem(f"{label}.{p.where}", p.message) for p in validate_item(item))
        if item.basic_code in seen:
            problems.append(
                Problem(
                    f"{label}.basic_code",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "basic code {code} is already used by item {other}"
                        ),
                        {"code": item.basic_code, "other": seen[item.basic_code]},
                    ),
                )
            )
        seen.setdefault(item.basic_code, index)
    return problems


@dataclass(frozen=True)
class CatalogFile:
    """A catalog as the JSON file holds it (the demo catalog)."""

    version: str
    items: list[ServiceItem]
    bundles: list[Bundle]


@dataclass(frozen=True)
class KeptBundles:
    """What became of the stored bundles when only the items were replaced."""

    kept: list[Bundle]
    dropped: list[Bundle]


class CatalogService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def replace(
        self,
        items: Sequence[ServiceItem],
        version: str,
        source: str,
        bundles: Sequence[Bundle] = (),
    ) -> None:
        """Validate everything first, then swap the catalog and its bundles in one
        transaction. Anything wrong refuses the whole catalog, listing every problem."""
        problems = check_items(items) + validate_bundles(bundles, items)
        if problems:
            raise CatalogRejected(problems)
        rows = _with_pinyin(items)
        with self.database.write() as session:
            catalog_repo.replace_catalog(
                session, rows, _meta(version, source), _with_pinyin(bundles)
            )

    def replace_items(self, items: Sequence[ServiceItem], version: str, source: str) -> KeptBundles:
        """Swap the items only (a spreadsheet import: the workbook holds no bundles).

        A stored bundle is kept if it is still sound with the new items (all its items are
        still there, its code is not now an item's) and dropped otherwise, so an import never
        leaves a bundle pointing at a missing item, and never wipes the sound ones.
        """
        problems = check_items(items)
        if problems:
            raise CatalogRejected(problems)
        rows = _with_pinyin(items)
        with self.database.write() as session:
            stored = [Bundle.from_dict(row) for row in catalog_repo.load_bundles(session)]
            kept = [bundle for bundle in stored if not validate_bundles([bundle], items)]
            catalog_repo.replace_catalog(session, rows, _meta(version, source), _with_pinyin(kept))
        return KeptBundles(kept, [bundle for bundle in stored if bundle not in kept])

    def bundles(self) -> list[Bundle]:
        with self.database.read() as session:
            rows = catalog_repo.load_bundles(session)
        return [Bundle.from_dict(row) for row in rows]

    def bundle_rows(self) -> list[dict[str, Any]]:
        """Every bundle with its stored pinyin, for the search index."""
        with self.database.read() as session:
            return catalog_repo.load_bundles(session)

    def items(self) -> list[ServiceItem]:
        with self.database.read() as session:
            rows = catalog_repo.load_items(session)
        return [_to_item(row) for row in rows]

    def item(self, basic_code: str) -> ServiceItem | None:
        with self.database.read() as session:
            row = catalog_repo.load_item(session, basic_code)
        return None if row is None else _to_item(row)

    def search_rows(self) -> list[dict[str, Any]]:
        """Name, code and stored pinyin of every item, for the search index."""
        with self.database.read() as session:
            return catalog_repo.search_rows(session)

    def meta(self) -> dict[str, str]:
        with self.database.read() as session:
            return catalog_repo.load_meta(session)

    def count(self) -> int:
        with self.database.read() as session:
            return catalog_repo.count_items(session)

    def record_use(self, basic_code: str) -> None:
        with self.database.write() as session:
            catalog_repo.record_use(session, basic_code, datetime.now())

    def usage_counts(self) -> dict[str, int]:
        with self.database.read() as session:
            return catalog_repo.usage_counts(session)

    def load_demo(self) -> None:
        demo = read_catalog_json(resource_path(*DEMO_CATALOG))
        self.replace(demo.items, version=demo.version, source="demo", bundles=demo.bundles)


def read_catalog_json(path: Path) -> CatalogFile:
    return catalog_from_dict(json.loads(path.read_text(encoding="utf-8")))


def catalog_from_dict(data: dict[str, Any]) -> CatalogFile:
    """A catalog in the demo catalog's JSON format (also what the platform serves)."""
    return CatalogFile(
        version=str(data["version"]),
        items=[ServiceItem.from_dict(item) for item in data["items"]],
        bundles=[Bundle.from_dict(bundle) for bundle in data.get("bundles", ())],
    )


def _meta(version: str, source: str) -> dict[str, str]:
    return {"version": version, "source": source, "imported_at": datetime.now().isoformat()}


def _with_pinyin(records: Sequence[ServiceItem | Bundle]) -> list[dict[str, Any]]:
    """Items or bundles as rows, with the pinyin of their names for the search."""
    rows = []
    for record in records:
        data = record.to_dict()
        data["name_pinyin"], data["name_initials"] = name_pinyin(record.name)
        rows.append(data)
    return rows


def _to_item(row: dict[str, Any]) -> ServiceItem:
    data = {k: v for k, v in row.items() if k not in {"name_pinyin", "name_initials"}}
    return ServiceItem.from_dict(data)
