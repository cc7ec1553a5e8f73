"""The case's material checklist, merged over the items of one bundle (一件事).

Opening a restaurant (营业执照 + 食品经营许可 …) must not ask for the same document twice. Each
item's list is first narrowed by the situation answers (:meth:`ServiceItem.materials_for`),
then materials are keyed by name: one line per document, remembering every item that needs
it, with the strictest rule of those items (required beats optional, 容缺 and 告知承诺 only if
every item allows them, the most copies, 原件 before copies, reuse for the shortest
period any item allows).

An agent (代理人) answers the catalog's 本人 / 代办 question; an item that has no such question
still gets the authorisation and the agent's ID, because a proxy always brings both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from clerk_desk.domain.case import CaseMaterial
from clerk_desk.domain.catalog import Material, ServiceItem

APPLICANT_QUESTION = "applicant"
BY_AGENT = "agent"
AGENT_MATERIALS = (
    Material(
        name="授权委托书",
        acceptance_standard="申请人签字或盖章，载明委托事项、权限和期限",
    ),
    Material(
        name="受托人居民身份证",
        form="核验原件",
        acceptance_standard="原件核验，在有效期内",
    ),
)
# Strictest first: an original satisfies anyone who asked for a copy, not the other way round.
_FORM_STRICTNESS = ("原件", "核验原件", "复印件", "电子")


def answers_for(item: ServiceItem, answers: Mapping[str, str], has_agent: bool) -> dict[str, str]:
    """The item's situation answers, with 本人 / 代办 answered by whether an agent is named."""
    effective = dict(answers)
    if has_agent and any(s.key == APPLICANT_QUESTION for s in item.situations):
        effective[APPLICANT_QUESTION] = BY_AGENT
    return effective


def item_materials(
    item: ServiceItem, answers: Mapping[str, str], has_agent: bool
) -> tuple[Material, ...]:
    materials = item.materials_for(answers_for(item, answers, has_agent))
    if has_agent and not any(s.key == APPLICANT_QUESTION for s in item.situations):
        names = {m.name for m in materials}
        materials += tuple(m for m in AGENT_MATERIALS if m.name not in names)
    return materials


def merge_materials(
    items: Sequence[ServiceItem],
    answers: Mapping[str, str],
    has_agent: bool = False,
    previous: Sequence[CaseMaterial] = (),
) -> list[CaseMaterial]:
    """One checklist for all ``items``, in first-seen order.

    Marks, counts, files and notes from ``previous`` (the list before the clerk changed an
    answer or an item) are kept for every material still on the list.
    """
    merged: dict[str, CaseMaterial] = {}
    for item in items:
        for material in item_materials(item, answers, has_agent):
            line = merged.get(material.name)
            merged[material.name] = (
                _line(material, item.basic_code)
                if line is None
                else _stricter(line, material, item.basic_code)
            )
    kept = {material.name: material for material in previous}
    return [_keep_mark(line, kept.get(name)) for name, line in merged.items()]


def _line(material: Material, code: str) -> CaseMaterial:
    return CaseMaterial(
        name=material.name,
        item_codes=(code,),
        necessity=material.necessity,
        gap_allowed=material.gap_allowed,
        promise_allowed=material.promise_allowed,
        form=material.form,
        copies=material.copies,
        acceptance_standard=material.acceptance_standard,
        reuse_days=material.reuse_days,
    )


def _stricter(line: CaseMaterial, material: Material, code: str) -> CaseMaterial:
    standards = [s for s in (line.acceptance_standard, material.acceptance_standard) if s]
    return CaseMaterial(
        name=line.name,
        item_codes=(*line.item_codes, code) if code not in line.item_codes else line.item_codes,
        necessity="必要" if "必要" in (line.necessity, material.necessity) else line.necessity,
        gap_allowed=line.gap_allowed and material.gap_allowed,
        promise_allowed=line.promise_allowed and material.promise_allowed,
        form=min(line.form, material.form, key=_form_rank),
        copies=max(line.copies, material.copies),
        acceptance_standard="；".join(dict.fromkeys(standards)),
        reuse_days=min(line.reuse_days, material.reuse_days),
    )


def _form_rank(form: str) -> int:
    return _FORM_STRICTNESS.index(form) if form in _FORM_STRICTNESS else len(_FORM_STRICTNESS)


def _keep_mark(line: CaseMaterial, before: CaseMaterial | None) -> CaseMaterial:
    if before is None:
        return line
    line.mark = before.mark
    line.received_form = before.received_form
    line.received_copies = before.received_copies
    line.files = before.files
    line.note = before.note
    return line
