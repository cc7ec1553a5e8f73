"""Catalog rows in and out as plain dicts (the core owns the domain types)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from local_cache.schema import (
    CatalogBundle,
    CatalogItem,
    CatalogMaterial,
    CatalogMeta,
    ItemUsage,
)

ITEM_COLUMNS = tuple(column.key for column in CatalogItem.__table__.columns)
MATERIAL_COLUMNS = tuple(
    column.key
    for column in CatalogMaterial.__table__.columns
    if column.key not in {"id", "item_code", "position"}
)
BUNDLE_COLUMNS = tuple(column.key for column in CatalogBundle.__table__.columns)


def replace_catalog(
    session: Session,
    items: list[dict[str, Any]],
    meta: dict[str, str],
    bundles: list[dict[str, Any]],
) -> None:
    """Swap the whole catalog, bundles included, in the caller's transaction: all of it or
    none of it."""
    session.execute(delete(CatalogBundle))
    session.execute(delete(CatalogMaterial))
    session.execute(delete(CatalogItem))
    session.execute(delete(CatalogMeta))
    session.add_all(
        CatalogBundle(**{key: data[key] for key in BUNDLE_COLUMNS if key in data})
        for data in bundles
    )
    for data in items:
        row = CatalogItem(**{key: data[key] for key in ITEM_COLUMNS if key in data})
        row.materials = [
            CatalogMaterial(
                position=position, **{key: m[key] for key in MATERIAL_COLUMNS if key in m}
            )
            for position, m in enumerate(data.get("materials", ()))
        ]
        session.add(row)
    session.add_all(CatalogMeta(key=key, value=value) for key, value in meta.items())


def load_items(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(CatalogItem)
        .options(selectinload(CatalogItem.materials))
        .order_by(CatalogItem.basic_code)
    )
    return [_item_dict(row) for row in rows]


def load_item(session: Session, basic_code: str) -> dict[str, Any] | None:
    row = session.get(CatalogItem, basic_code)
    return None if row is None else _item_dict(row)


def _item_dict(row: CatalogItem) -> dict[str, Any]:
    data = {key: getattr(row, key) for key in ITEM_COLUMNS}
    data["materials"] = [{key: getattr(m, key) for key in MATERIAL_COLUMNS} for m in row.materials]
    return data


def load_bundles(session: Session) -> list[dict[str, Any]]:
    """Every bundle with its stored pinyin, by code."""
    rows = session.scalars(select(CatalogBundle).order_by(CatalogBundle.code))
    return [{key: getattr(row, key) for key in BUNDLE_COLUMNS} for row in rows]


def load_meta(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(CatalogMeta))}


def count_items(session: Session) -> int:
    return len(session.scalars(select(CatalogItem.basic_code)).all())


def record_use(session: Session, basic_code: str, at: datetime) -> None:
    usage = session.get(ItemUsage, basic_code)
    if usage is None:
        usage = ItemUsage(basic_code=basic_code, use_count=0)
        session.add(usage)
    usage.use_count += 1
    usage.last_used_at = at


def usage_counts(session: Session) -> dict[str, int]:
    return {row.basic_code: row.use_count for row in session.scalars(select(ItemUsage))}


SEARCH_COLUMNS = (
    "basic_code",
    "name",
    "name_pinyin",
    "name_initials",
    "window_category",
    "department",
)


def search_rows(session: Session) -> list[dict[str, Any]]:
    """Only the columns the item search needs: no materials, no JSON, one plain SELECT."""
    columns = [getattr(CatalogItem, key) for key in SEARCH_COLUMNS]
    result = session.execute(select(*columns).order_by(CatalogItem.basic_code))
    return [dict(zip(SEARCH_COLUMNS, row, strict=True)) for row in result]
