"""Checks of the applicant's identity data: ID and document numbers, credit codes, phones.

Everything here is pure: a check never raises for what a clerk typed, it returns a
:class:`Validation` whose problems say what to fix, ready to show beside the field. Masking
for papers, lists and the customer display lives here too.
"""

from clerk_desk.domain.identity.credit_code import validate_credit_code
from clerk_desk.domain.identity.documents import (
    DEFAULT_DOCUMENT_KIND,
    DocumentKind,
    validate_document,
)
from clerk_desk.domain.identity.id_numbers import (
    IdFacts,
    IdNumberCheck,
    Sex,
    id_number_partial_ok,
    make_id_number,
    validate_id_number,
)
from clerk_desk.domain.identity.masking import (
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
)
from clerk_desk.domain.identity.phone import PhoneCheck, validate_phone
from clerk_desk.domain.identity.result import Validation

__all__ = [
    "DEFAULT_DOCUMENT_KIND",
    "DocumentKind",
    "IdFacts",
    "IdNumberCheck",
    "PhoneCheck",
    "Sex",
    "Validation",
    "id_number_partial_ok",
    "make_id_number",
    "mask_address",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "validate_credit_code",
    "validate_document",
    "validate_id_number",
    "validate_phone",
]
