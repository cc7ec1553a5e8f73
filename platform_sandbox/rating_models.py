"""The shapes of 好差评 bodies and replies: contacts, ratings, follow-up steps, the ratings
feed and the reasons list (request validation and OpenAPI).

A contact is ``Contact.to_dict()``; a rating is ``Rating.to_dict()`` without ``level`` (and
``struck``) and with ``level_code``, the platform's code; a step is ``FollowUpStep.to_dict()``.
Unknown fields are refused (422 naming them), so a desk cannot slip a level name or a strike
past the checks. Times are the desk's local time without a zone. What the values mean is
checked by :mod:`platform_sandbox.ratings`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NaiveDatetime

from clerk_desk.domain.followups import StepKind
from clerk_desk.domain.ratings import LEVELS, CodeOrder, ContactKind, RatingOrigin
from platform_sandbox.case_models import CaseNo, Name, ShortKey, ShortText, Text, Uuid

WINDOW_MAX = 9999
SEQ_MAX = 10_000
VERSION_MAX = 2**31 - 1

LevelCode = Annotated[int, Field(strict=True, ge=1, le=len(LEVELS))]
ContactSeq = Annotated[int, Field(strict=True, ge=1, le=SEQ_MAX)]
WindowNumber = Annotated[int, Field(strict=True, ge=0, le=WINDOW_MAX)]
Version = Annotated[int, Field(strict=True, ge=1, le=VERSION_MAX)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ContactDoc(_Strict):
    """``Contact.to_dict()``: one service contact, rated once."""

    uuid: Uuid
    case_uuid: Uuid
    case_no: CaseNo
    kind: ContactKind
    seq: ContactSeq
    event_uuid: Uuid
    staff: ShortKey
    staff_name: Name
    staff_no: ShortText
    window_number: WindowNumber
    department: Annotated[str, Field(min_length=1, max_length=1000)]
    opened_at: NaiveDatetime
    expires_at: NaiveDatetime


class ReasonDoc(_Strict):
    code: ShortText
    text: Text


class RatingDoc(_Strict):
    """``Rating.to_dict()`` minus ``level`` and ``struck``, plus ``level_code``."""

    uuid: Uuid
    contact_uuid: Uuid
    case_uuid: Uuid
    case_no: CaseNo
    contact: ContactKind
    seq: ContactSeq
    staff: ShortKey
    staff_name: Name
    window_number: WindowNumber
    department: Annotated[str, Field(max_length=1000)]
    channel: ShortText
    rated_at: NaiveDatetime
    level_code: LevelCode
    reasons: Annotated[list[ReasonDoc], Field(max_length=1000)]
    reasons_version: Version
    comment: Text
    origin: RatingOrigin
    rater_name: Name = ""
    rater_phone: ShortText = ""


class StepDoc(_Strict):
    """``FollowUpStep.to_dict()``: one step of a 差评's follow-up."""

    uuid: Uuid
    rating_uuid: Uuid
    kind: StepKind
    by: ShortKey
    at: NaiveDatetime
    payload: dict[str, Any]


class ContactBody(_Strict):
    contact: ContactDoc


class RatingBody(_Strict):
    rating: RatingDoc


class StepBody(_Strict):
    step: StepDoc


class ContactReply(BaseModel):
    contact: ContactDoc


class RatingReply(BaseModel):
    """The rating as stored; ``rater_name``/``rater_phone`` only for those handling a 差评."""

    rating: RatingDoc


class StepReply(BaseModel):
    step: StepDoc


class RatingChangeEntry(BaseModel):
    """One entry: ``kind`` names which of ``contact``, ``rating``, ``step`` it carries."""

    seq: int
    kind: Literal["contact", "rating", "step"]
    contact: ContactDoc | None = None
    rating: RatingDoc | None = None
    step: StepDoc | None = None


class RatingChangeList(BaseModel):
    changes: list[RatingChangeEntry]
    last_seq: int
    more: bool


class ReasonsReply(BaseModel):
    """A version of the reasons list, keyed by the platform's level **code** ("1" … "5")."""

    version: int
    code_order: CodeOrder
    reasons: dict[str, list[ReasonDoc]]
