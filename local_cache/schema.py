"""The desk's SQLite schema. Change it only together with a new Alembic migration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class CatalogItem(Base):
    __tablename__ = "catalog_items"

    basic_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    impl_code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    item_type: Mapped[str] = mapped_column(String(40))
    department: Mapped[str] = mapped_column(String(100))
    window_category: Mapped[str] = mapped_column(String(40))
    conditions: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    legal_limit_days: Mapped[int] = mapped_column(Integer)
    promised_limit_days: Mapped[int] = mapped_column(Integer)
    case_kind: Mapped[str] = mapped_column(String(20))
    max_visits: Mapped[int] = mapped_column(Integer, default=1)
    fee_charged: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_standard: Mapped[str] = mapped_column(Text, default="")
    result_name: Mapped[str] = mapped_column(String(200), default="")
    result_type: Mapped[str] = mapped_column(String(20), default="")
    courier_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[str] = mapped_column(String(40))
    situations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    name_pinyin: Mapped[str] = mapped_column(String(800), default="")
    name_initials: Mapped[str] = mapped_column(String(200), default="")

    materials: Mapped[list[CatalogMaterial]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="CatalogMaterial.position",
    )


class CatalogMaterial(Base):
    __tablename__ = "catalog_materials"
    __table_args__ = (Index("ix_catalog_materials_item", "item_code", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_code: Mapped[str] = mapped_column(
        String(32), ForeignKey("catalog_items.basic_code", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    necessity: Mapped[str] = mapped_column(String(20))
    gap_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    promise_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    form: Mapped[str] = mapped_column(String(20))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(20))
    acceptance_standard: Mapped[str] = mapped_column(Text, default="")
    instructions: Mapped[str] = mapped_column(Text, default="")
    blank_form: Mapped[str] = mapped_column(String(200), default="")
    sample_form: Mapped[str] = mapped_column(String(200), default="")
    applies_when: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)

    item: Mapped[CatalogItem] = relationship(back_populates="materials")


class CatalogMeta(Base):
    """Key/value facts about the loaded catalog (its version, source, import time)."""

    __tablename__ = "catalog_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ItemUsage(Base):
    """How often this desk took each item: feeds the 常办 list and search ranking."""

    __tablename__ = "item_usage"

    basic_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    use_count: Mapped[int] = mapped_column(Integer, default=0)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    roles: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SignInThrottle(Base):
    """Failed sign-ins per typed user name, known or not, so both look the same."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AccountEvent(Base):
    """Sign-in, sign-out, lock and account changes, for the supervisor's audit."""

    __tablename__ = "account_events"
    __table_args__ = (Index("ix_account_events_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    username: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
