"""材料复用: pages a returning applicant's earlier case already holds, attached again by reference.

The catalog says which materials may be reused and for how long (``reuse_days``: an ID card
or a business licence, typically a year). A material of the new case is offered the pages of
the same material in the applicant's newest earlier case (not a draft) where it was marked
present and its pages were captured within that many days. Reuse lists the same sha256s: the
file store holds each page once, and sync uploads it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clerk_desk.domain.case import (
    PRESENT_MARKS,
    ApplicantKind,
    Case,
    CaseMaterial,
    MaterialFile,
    MaterialMark,
)
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.identity import validate_credit_code, validate_id_number
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg
from local_cache.db import Database
from local_cache.repositories import case_repo

PAPER_LANGUAGE = "zh_CN"
REUSE_NOTE = QT_TRANSLATE_NOOP("core", "Reused from case {case_no}")  # 复用办件 {case_no} 的材料


@dataclass(frozen=True)
class Reusable:
    """Pages of ``material_name`` from case ``case_no``; ``captured_on`` is the day its
    oldest page was captured, which is what the reuse period counts from."""

    material_name: str
    case_no: str
    captured_on: date
    files: tuple[MaterialFile, ...]


def applicant_key(case: Case, today: date) -> str:
    """The applicant's number in the form stored at a decision (18-digit ID, upper-case
    credit code), so a draft typed either way finds the earlier cases."""
    applicant = case.applicant
    if applicant.kind is ApplicantKind.ORGANISATION:
        check = validate_credit_code(applicant.credit_code)
        typed = applicant.credit_code
    else:
        check = validate_id_number(applicant.id_number, today)
        typed = applicant.id_number
    return check.value if check.ok else typed.strip().upper()


def find_reusable(database: Database, case: Case, today: date) -> list[Reusable]:
    """One offer per reusable material of ``case`` that has no pages yet, in checklist order."""
    wanted = {m.name: m.reuse_days for m in case.materials if m.reuse_days > 0 and not m.files}
    key = applicant_key(case, today)
    if not wanted or not key:
        return []
    # A page is captured before its case is received, so older cases cannot qualify.
    since = datetime.combine(today - timedelta(days=max(wanted.values())), datetime.min.time())
    with database.read() as session:
        documents = case_repo.applicant_cases_since(session, key, since, case.uuid)
    found: dict[str, Reusable] = {}
    for document in documents:
        earlier = Case.from_dict(document)
        for material in earlier.materials:
            days = wanted.get(material.name)
            if days is None or material.name in found or not _offers_pages(material):
                continue
            captured_on = min(file.added_at for file in material.files).date()
            if (today - captured_on).days <= days:
                found[material.name] = Reusable(
                    material.name, earlier.number_label, captured_on, material.files
                )
    return [found[name] for name in wanted if name in found]


def _offers_pages(material: CaseMaterial) -> bool:
    return material.mark in PRESENT_MARKS and bool(material.files)


def reuse_on(material: CaseMaterial, reusable: Reusable) -> None:
    """List the earlier case's pages on ``material`` (same sha256s, same capture times) and
    mark it present, noting where the pages came from."""
    known = {file.sha256 for file in material.files}
    material.files = (*material.files, *(f for f in reusable.files if f.sha256 not in known))
    if material.mark not in PRESENT_MARKS:
        material.mark = MaterialMark.ATTACHED
    # The note is printed on the papers, which are Chinese whatever the window's language.
    note = msg(REUSE_NOTE, case_no=display_case_no(reusable.case_no))
    material.note = note.render(PAPER_LANGUAGE)
