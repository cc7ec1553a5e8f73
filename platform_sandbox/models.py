"""The platform's tables; the migrations in ``platform_sandbox/migrations`` build exactly these.

Times the desk sends are stored as the ISO strings it sent (its local time, no zone), so the
platform hands back exactly what it received. Documents and replies are stored as JSON.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# A case's row id is the cursor of ``GET /cases`` (up to 2**62), so it is a bigint; SQLite
# keeps INTEGER, which is its 64-bit rowid (and autoincrements only under that name).
RowId = BigInteger().with_variant(Integer(), "sqlite")


class Counter(Base):
    """The single row every case or event write updates: the source of change ``seq``.

    Updating it inside the write transaction makes writers queue on its row lock, so sequence
    numbers rise in commit order on PostgreSQL as on SQLite.
    """

    __tablename__ = "counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Account(Base):
    __tablename__ = "accounts"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(100))
    roles: Mapped[str] = mapped_column(String(200))
    centre_code: Mapped[str] = mapped_column(String(6))
    department: Mapped[str] = mapped_column(String(100), default="")


class SignInThrottle(Base):
    """Failed sign-ins per typed user name (known or not), and until when it is locked."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Token(Base):
    """A bearer token, stored as the sha256 of its value (the value itself is never kept)."""

    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("accounts.username"))
    desk_id: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class CatalogRow(Base):
    __tablename__ = "catalog"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


class CaseRow(Base):
    """A case: indexed columns for lists and checks, the desk's document, the create reply."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    state: Mapped[str] = mapped_column(String(24), index=True)
    rated: Mapped[bool] = mapped_column(Boolean, default=False)
    centre_code: Mapped[str] = mapped_column(String(6), index=True)
    desk_id: Mapped[str] = mapped_column(String(64))
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    body_hash: Mapped[str] = mapped_column(String(64))
    create_reply: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CaseDepartment(Base):
    """A department with a share in a case (of an item or a part), for department-scoped
    reads. Names may be long (catalog text), so they are indexed by their sha256."""

    __tablename__ = "case_departments"

    case_id: Mapped[int] = mapped_column(RowId, ForeignKey("cases.id"), primary_key=True)
    department_key: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class CaseBlob(Base):
    """A blob a case names (a material's file, a transfer sheet): whose department may read it."""

    __tablename__ = "case_blobs"

    case_id: Mapped[int] = mapped_column(RowId, ForeignKey("cases.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class EventRow(Base):
    """An event as the desk sent it, and the reply given, returned again on a repeat."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(RowId, ForeignKey("cases.id"), index=True)
    event: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    reply: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ChangeRow(Base):
    """One entry of the change feed; ``seq`` comes from :class:`Counter`, never a clock."""

    __tablename__ = "changes"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    case_uuid: Mapped[str] = mapped_column(String(36))
    centre_code: Mapped[str] = mapped_column(String(6), index=True)
    case_view: Mapped[dict[str, Any]] = mapped_column(JSON)
    event: Mapped[dict[str, Any]] = mapped_column(JSON)


class BlobRow(Base):
    """A file by its sha256: how many bytes are held, of how many, and whether verified."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int | None] = mapped_column(BigInteger)
    held: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


# 好差评 (migration 0004): contacts, ratings and follow-up steps are immutable once stored
# (nothing updates them; the store only inserts), each with the hash of the body it came in.


class RatingCounter(Base):
    """The single row every ratings write updates: the source of the ratings feed's ``seq``
    (its own sequence, apart from the case feed's)."""

    __tablename__ = "rating_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ContactRecord(Base):
    """A service contact (``Contact.to_dict()`` as the desk sent it) and its indexed fields."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_uuid: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    staff: Mapped[str] = mapped_column(String(64))
    centre_code: Mapped[str] = mapped_column(String(6), index=True)
    department_key: Mapped[str] = mapped_column(String(64), index=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    body_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("case_uuid", "seq", name="uq_contacts_case_seq"),)


class RatingRecord(Base):
    """A rating of one contact: its level as a code (``level_code``) under the code order the
    platform had when it was stored (``code_order``), mapped to the order of the day when read."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    contact_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_uuid: Mapped[str] = mapped_column(String(36), index=True)
    centre_code: Mapped[str] = mapped_column(String(6), index=True)
    department_key: Mapped[str] = mapped_column(String(64), index=True)
    level_code: Mapped[int] = mapped_column(Integer)
    code_order: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16))
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    body_hash: Mapped[str] = mapped_column(String(64))


class FollowUpStepRecord(Base):
    """One step of a 差评's follow-up (``FollowUpStep.to_dict()``), in the order stored."""

    __tablename__ = "followup_steps"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    rating_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    body_hash: Mapped[str] = mapped_column(String(64))


class ReasonListRecord(Base):
    """A published version of the reasons list, keyed by level **name** (``ReasonList``)."""

    __tablename__ = "rating_reason_lists"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    reasons: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(DateTime)


class RatingChange(Base):
    """One entry of the ratings feed: a contact, rating or step as stored, by its own ``seq``."""

    __tablename__ = "rating_changes"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    uuid: Mapped[str] = mapped_column(String(36))
    centre_code: Mapped[str] = mapped_column(String(6), index=True)
    department_key: Mapped[str] = mapped_column(String(64), index=True)
