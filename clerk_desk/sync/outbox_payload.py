"""Outbox rows as the platform wants them, and corrections typed by the clerk applied to them.

Rows written by :mod:`clerk_desk.services.case_log` already hold ``{"event", "case"}``. The
deadline recomputation writes ``{"change", "case"}`` (it is not a step of the case's life);
it travels as the contract's ``deadline_recomputed`` event: no change of state, the old and
new deadline in its payload.
"""

from __future__ import annotations

import re
from typing import Any

from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

_CHANGE_FIELDS = ("old_deadline", "old_provisional", "new_deadline", "provisional", "deadline")
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class CorrectionRefused(UserError):
    pass


def is_normalised(payload: dict[str, Any]) -> bool:
    return "event" in payload


def normalise(
    payload: dict[str, Any], event_uuid: str, case_uuid: str, seq: int, desk_id: str
) -> dict[str, Any]:
    """``{"event", "case"}`` for a row of the deadline recomputation (``{"change", "case"}``)."""
    change, case = payload["change"], payload["case"]
    event = {
        "uuid": event_uuid,
        "case_uuid": case_uuid,
        "seq": seq,
        "event": DEADLINE_RECOMPUTED,
        "from_state": case["state"],
        "to_state": case["state"],
        "at": change["at"],
        "by": change["by"],
        "desk_id": desk_id,
        "reason": "",
        "payload": {name: change[name] for name in _CHANGE_FIELDS if name in change},
    }
    return {"event": event, "case": case}


def author(payload: dict[str, Any]) -> str:
    """Who wrote the row: its token sends it."""
    source = payload.get("event") or payload.get("change") or {}
    return str(source.get("by", ""))


def referenced_blobs(case: dict[str, Any]) -> list[str]:
    """The sha256 of every file the case's materials list, then of those kept with the case
    (signed 材料流转单, a 授权委托书 scanned at hand-over), each once, in order."""
    hashes = [
        str(file["sha256"])
        for material in case.get("materials") or ()
        for file in material.get("files") or ()
    ]
    hashes.extend(str(file["sha256"]) for file in case.get("transfer_sheets") or ())
    return list(dict.fromkeys(hashes))


def field_value(document: dict[str, Any], path: str) -> str:
    """The value at the platform's dotted ``path`` in ``document``; "" if there is none."""
    target: Any = document
    for name, index in _STEP.findall(path):
        try:
            target = target[int(index)] if index else target[name]
        except (LookupError, TypeError):
            return ""
    return "" if target is None or isinstance(target, dict | list) else str(target)


def apply_correction(document: dict[str, Any], path: str, value: str) -> None:
    """Set ``value`` at ``path`` (``case.applicant.id_number``, ``case.materials[0].name``)
    in ``document``; the field must already be there."""
    steps: list[str | int] = [int(index) if index else name for name, index in _STEP.findall(path)]
    target: Any = document
    try:
        for step in steps[:-1]:
            target = target[step]
        if not steps or isinstance(target, str) or steps[-1] not in _keys(target):
            raise LookupError(path)
    except (LookupError, TypeError) as error:
        raise CorrectionRefused(
            QT_TRANSLATE_NOOP("core", "The field {path} is not in this case; nothing was changed"),
            path=path,
        ) from error
    target[steps[-1]] = value


def _keys(target: Any) -> Any:
    return range(len(target)) if isinstance(target, list) else target
