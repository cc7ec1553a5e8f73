"""The desk's SQLite schema. Change it only together with a new Alembic migration."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
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
    fee_yuan: Mapped[str] = mapped_column(String(16), default="0.00", server_default="0.00")
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
    reuse_days: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[CatalogItem] = relationship(back_populates="materials")


class CatalogBundle(Base):
    """A 一件事 bundle: several catalog items chosen at the window in one step."""

    __tablename__ = "catalog_bundles"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    item_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    name_pinyin: Mapped[str] = mapped_column(String(800), default="")
    name_initials: Mapped[str] = mapped_column(String(200), default="")


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
    staff_no: Mapped[str] = mapped_column(String(32), default="")  # 工号, on the display
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


class CaseRecord(Base):
    """A case: the columns lists and searches need, plus the whole case as JSON in ``data``.

    Searches are plain B-tree lookups: exact or prefix on the case number, ID number, phone
    and name (a prefix range also finds two-character Chinese names, which an FTS5 trigram
    index cannot), and ranges on dates.
    """

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_case_no", "case_no", unique=True),
        Index("ix_cases_applicant_name", "applicant_name"),
        Index("ix_cases_applicant_number", "applicant_number"),
        Index("ix_cases_applicant_phone", "applicant_phone"),
        Index("ix_cases_received_at", "received_at"),
        Index("ix_cases_state_received_at", "state", "received_at"),
        Index("ix_cases_drafts", "created_by", "state", "updated_at"),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str | None] = mapped_column(String(22), nullable=True)
    state: Mapped[str] = mapped_column(String(24))
    rated: Mapped[bool] = mapped_column(Boolean, default=False)
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_number: Mapped[str] = mapped_column(String(40), default="")
    applicant_phone: Mapped[str] = mapped_column(String(40), default="")
    item_codes: Mapped[str] = mapped_column(String(400), default="")
    item_names: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    committed_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    deadline_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class CasePartRow(Base):
    """One department's part of a routed case, kept in step with the case document's
    ``parts`` by :mod:`local_cache.repositories.case_repo` (every write of a case rewrites its
    rows, so ``id`` only grows: a new largest id means something changed).

    ``is_open``: the part waits for its department (not decided, the case in review or
    paused). The partial index holds the open parts only, with every column a queue row shows,
    so a department's queue is read in deadline order from the index alone.
    """

    __tablename__ = "case_parts"
    __table_args__ = (
        Index(
            "ix_case_parts_queue",
            "department",
            "deadline",
            "part_state",
            "window_number",
            "case_state",
            "received_at",
            "case_uuid",
            "case_no",
            "applicant_name",
            "item_codes",
            "item_names",
            "is_open",  # SQLite before 3.45 reads the table for it: in the index, it need not
            sqlite_where=text("is_open = 1"),
        ),
        Index("ix_case_parts_case", "case_uuid"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("cases.uuid", ondelete="CASCADE"))
    department: Mapped[str] = mapped_column(String(100))
    lead: Mapped[bool] = mapped_column(Boolean, default=False)
    part_state: Mapped[str] = mapped_column(String(24))
    case_state: Mapped[str] = mapped_column(String(24))
    is_open: Mapped[bool] = mapped_column(Boolean)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    window_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_codes: Mapped[str] = mapped_column(String(400), default="")
    item_names: Mapped[str] = mapped_column(Text, default="")
    case_no: Mapped[str | None] = mapped_column(String(22), nullable=True)
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class CaseEventRow(Base):
    """One step of a case's history; ``uuid`` is the event's sync key."""

    __tablename__ = "case_events"
    __table_args__ = (
        Index("ix_case_events_case_seq", "case_uuid", "seq", unique=True),
        # Covering for the supervisor's figures: a day's events read from the index alone.
        Index("ix_case_events_at", "at", "event", "by", "case_uuid"),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("cases.uuid", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64))
    desk_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxRow(Base):
    """What waits to go to the platform; a row leaves only after the platform took it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Failed sends (transport failures only; a refusal becomes a SyncProblemRow instead).
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")


class SyncState(Base):
    """Key/value state of sync: the pull cursor, the catalog ETag, the last success/error."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncProblemRow(Base):
    """An outbox row the platform refused, kept with its reason until resent or discarded;
    or a change pulled from the platform that the desk did not apply (``pulled`` holds it and
    why, ``outbox_id`` is 0).

    ``outbox_id`` is not a foreign key: a discarded row leaves the outbox, its problem stays
    as the record of who discarded it and why."""

    __tablename__ = "sync_problems"
    __table_args__ = (Index("ix_sync_problems_open", "resolved_at", "outbox_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outbox_id: Mapped[int] = mapped_column(Integer)
    case_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    status_code: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    fields: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    resolution_reason: Mapped[str] = mapped_column(Text, default="")
    pulled: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class CaseNumberSequence(Base):
    """The last case number sequence issued per centre, window and day."""

    __tablename__ = "case_number_sequences"

    centre_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    window_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class DishonestParty(Base):
    """One party on the dishonesty list (失信名单) kept at the desk; excluded from 容缺受理.

    ``number`` is an ID number or unified social credit code in the form cases store it."""

    __tablename__ = "dishonest_parties"

    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    listed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Base):
    """A service contact to be rated once (:class:`clerk_desk.domain.ratings.Contact`).

    ``pressed_level``/``pressed_at``: the level the visitor pressed on the display, timed by
    the desk's clock at the press, before the reasons and comment complete the rating."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_case", "case_uuid", "seq", unique=True),
        Index("ix_contacts_opened", "opened_at"),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_uuid: Mapped[str] = mapped_column(String(36))
    case_no: Mapped[str] = mapped_column(String(22), default="")
    kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    event_uuid: Mapped[str] = mapped_column(String(36))
    staff: Mapped[str] = mapped_column(String(64))
    staff_name: Mapped[str] = mapped_column(String(64), default="")
    staff_no: Mapped[str] = mapped_column(String(32), default="")
    window_number: Mapped[int] = mapped_column(Integer, default=0)
    department: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16))
    pressed_level: Mapped[str | None] = mapped_column(String(8), nullable=True)
    pressed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RatingRow(Base):
    """满意度评价: immutable (triggers of migration 0010 refuse UPDATE and DELETE)."""

    __tablename__ = "ratings"
    __table_args__ = (
        Index("ix_ratings_rated_at", "rated_at"),
        Index("ix_ratings_case", "case_uuid"),
        Index(
            "ix_ratings_poor",
            "uuid",
            sqlite_where=text("level IN ('不满意', '非常不满意') AND origin = 'active'"),
        ),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    contact_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_uuid: Mapped[str] = mapped_column(String(36))
    case_no: Mapped[str] = mapped_column(String(22), default="")
    contact_kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    staff: Mapped[str] = mapped_column(String(64))
    staff_name: Mapped[str] = mapped_column(String(64), default="")
    window_number: Mapped[int] = mapped_column(Integer, default=0)
    department: Mapped[str] = mapped_column(String(100), default="")
    channel: Mapped[str] = mapped_column(String(40))
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    level: Mapped[str] = mapped_column(String(8))
    reasons: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    reasons_version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16))
    rater_name: Mapped[str] = mapped_column(String(200), default="")
    rater_phone: Mapped[str] = mapped_column(String(64), default="")


class FollowUpStepRow(Base):
    """One step of a 差评's follow-up: immutable, like the ratings."""

    __tablename__ = "followup_steps"
    __table_args__ = (Index("ix_followup_steps_rating", "rating_uuid", "at"),)

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    rating_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class RatingReasonListRow(Base):
    """A version of the platform's reasons per level, as pulled (the newest one is offered)."""

    __tablename__ = "rating_reason_lists"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)


OPEN_CLOCK_COLUMNS = (
    "committed_deadline",
    "accepted_on",
    "case_uuid",
    "case_no",
    "item_name",
    "department",
    "window_number",
)
"""What the open cases' clocks read, all in their index (the overdue list reads no table)."""


class CaseFact(Base):
    """What the supervisor's figures read of a case (:mod:`local_cache.repositories.case_facts`).

    The partial index holds the accepted cases not yet concluded nor closed, by deadline, with
    every column their clocks show: the overdue and nearly overdue cases are read from it
    alone. The index of conclusions holds the deadlines too, so a past day's overdue list
    finds the cases concluded since without reading them all."""

    __tablename__ = "case_facts"
    __table_args__ = (
        Index("ix_case_facts_concluded", "concluded_at", "committed_deadline", "accepted_on"),
        Index("ix_case_facts_closed", "closed_at"),
        Index(
            "ix_case_facts_open",
            *OPEN_CLOCK_COLUMNS,
            sqlite_where=text(
                "concluded_at IS NULL AND closed_at IS NULL AND accepted_on IS NOT NULL"
            ),
        ),
    )

    case_uuid: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.uuid", ondelete="CASCADE"), primary_key=True
    )
    case_no: Mapped[str] = mapped_column(String(22), default="")
    state: Mapped[str] = mapped_column(String(24))
    window_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clerk: Mapped[str] = mapped_column(String(64))
    department: Mapped[str] = mapped_column(String(100), default="")
    item_code: Mapped[str] = mapped_column(String(40), default="")
    item_name: Mapped[str] = mapped_column(String(200), default="")
    case_kind: Mapped[str] = mapped_column(String(8))
    service_kind: Mapped[str] = mapped_column(String(16), default="")
    legal_limit_days: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    committed_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    concluded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16), default="")
    delivery_method: Mapped[str] = mapped_column(String(16), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class UnmatchedSearch(Base):
    """A search typed at a window that found no catalog item: the text only, never who or for
    whom (the supervisor's list of catalog gaps)."""

    __tablename__ = "unmatched_searches"
    __table_args__ = (Index("ix_unmatched_searches_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(DateTime)
    window_number: Mapped[int] = mapped_column(Integer, default=0)


class ProxyServiceRow(Base):
    """A 代办 record: the columns the open list sorts and filters by, the record as JSON."""

    __tablename__ = "proxy_services"
    __table_args__ = (
        Index("ix_proxy_services_number", "number", unique=True),
        Index("ix_proxy_services_finished_due", "finished", "due_on"),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    applicant_number: Mapped[str] = mapped_column(String(40), default="")
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
