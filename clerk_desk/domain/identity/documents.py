"""证件类型: the identity documents an applicant may show, and one check for each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum

from clerk_desk.domain.identity.id_numbers import (
    IdNumberCheck,
    character_problem,
    validate_id_number,
)
from clerk_desk.domain.identity.result import (
    Validation,
    bad_character,
    clean,
    digits,
    empty,
    length_range,
    wrong_length,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg


class DocumentKind(StrEnum):
    """Stored by value; ``label`` is the Chinese name printed on papers."""

    RESIDENT_ID = "resident_id"
    RESIDENCE_PERMIT = "residence_permit"
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    FOREIGNER_PERMANENT_ID = "foreigner_permanent_id"

    @property
    def label(self) -> str:
        return _LABELS[self]


DEFAULT_DOCUMENT_KIND = DocumentKind.RESIDENT_ID

_LABELS = {
    DocumentKind.RESIDENT_ID: "居民身份证",
    DocumentKind.RESIDENCE_PERMIT: "港澳台居民居住证",
    DocumentKind.PASSPORT: "护照",
    DocumentKind.HK_MACAO_PERMIT: "港澳居民来往内地通行证",
    DocumentKind.TAIWAN_PERMIT: "台湾居民来往大陆通行证",
    DocumentKind.FOREIGNER_PERMANENT_ID: "外国人永久居留身份证",
}

PASSPORT_LENGTHS = (5, 17)
HK_MACAO_LETTERS = ("H", "M")
HK_MACAO_DIGITS = (8, 10)
TAIWAN_LENGTH = 8
FOREIGNER_LENGTH = 18
FOREIGNER_PREFIX = "9"


def validate_document(kind: DocumentKind, number: str, today: date) -> Validation:
    """Check ``number`` as a number of a ``kind`` document; ID kinds give an IdNumberCheck."""
    return _CHECKS[kind](number, today)


def _residence_permit(text: str, today: date) -> Validation:
    result = validate_id_number(text, today)
    if result.facts is None or result.facts.residence_permit:
        return result
    permit_prefix = msg(
        # 港澳台居民居住证号码以81（香港）、82（澳门）或83（台湾）开头
        QT_TRANSLATE_NOOP(
            "core",
            "A residence permit number begins with 81 (Hong Kong), 82 (Macao) or 83 (Taiwan)",
        )
    )
    return IdNumberCheck(result.value, (permit_prefix,))


def _passport(text: str, _today: date) -> Validation:
    number = clean(text)
    # 字母和数字
    letters_digits = msg(QT_TRANSLATE_NOOP("core", "letters and digits"))
    problems = _only(number, lambda char: char.isascii() and char.isalnum(), letters_digits)
    low, high = PASSPORT_LENGTHS
    if number and not low <= len(number) <= high:
        problems.append(wrong_length(len(number), length_range(low, high)))
    return _result(number, problems)


def _hk_macao_permit(text: str, _today: date) -> Validation:
    number = clean(text)
    problems: list[Message] = []
    if number and number[0] not in HK_MACAO_LETTERS:
        first = msg(
            # 第1位应为H（香港居民）或M（澳门居民）
            QT_TRANSLATE_NOOP("core", "The first character should be H (Hong Kong) or M (Macao)")
        )
        problems.append(first)
    rest = number[1:]
    problems += _only(rest, _is_digit, digits(), first_position=2)
    if number and len(rest) not in HK_MACAO_DIGITS:
        problems.append(
            msg(
                # 字母后已输入{count}位，应为8位或10位数字
                QT_TRANSLATE_NOOP(
                    "core", "{count} characters after the letter; 8 or 10 digits are needed"
                ),
                count=len(rest),
            )
        )
    return _result(number, problems)


def _taiwan_permit(text: str, _today: date) -> Validation:
    number = clean(text)
    problems = _only(number, _is_digit, digits())
    if number and len(number) != TAIWAN_LENGTH:
        problems.append(wrong_length(len(number), TAIWAN_LENGTH))
    return _result(number, problems)


def _foreigner_permanent_id(text: str, _today: date) -> Validation:
    """The 2023 format only: 18 characters beginning with 9; its check digit is not checked."""
    number = clean(text)
    problems: list[Message] = []
    if number and not number.startswith(FOREIGNER_PREFIX):
        problems.append(
            msg(
                # 外国人永久居留身份证号码以9开头
                QT_TRANSLATE_NOOP(
                    "core", "A foreigner's permanent residence ID card number begins with 9"
                )
            )
        )
    character = character_problem(number)
    if character is not None:
        problems.append(character)
    if number and len(number) != FOREIGNER_LENGTH:
        problems.append(wrong_length(len(number), FOREIGNER_LENGTH))
    return _result(number, problems)


def _is_digit(char: str) -> bool:
    return char.isascii() and char.isdigit()


def _only(
    number: str, allowed: Callable[[str], bool], what: Message, first_position: int = 1
) -> list[Message]:
    """The first character of ``number`` that ``allowed`` refuses, as a problem.

    ``first_position`` is where ``number`` starts in what was typed, if it is only a tail.
    """
    for position, char in enumerate(number, start=first_position):
        if not allowed(char):
            return [bad_character(position, char, what)]
    return []


def _result(number: str, problems: list[Message]) -> Validation:
    if not number:
        return Validation(number, (empty(),))
    return Validation(number, tuple(problems))


_CHECKS: dict[DocumentKind, Callable[[str, date], Validation]] = {
    DocumentKind.RESIDENT_ID: validate_id_number,
    DocumentKind.RESIDENCE_PERMIT: _residence_permit,
    DocumentKind.PASSPORT: _passport,
    DocumentKind.HK_MACAO_PERMIT: _hk_macao_permit,
    DocumentKind.TAIWAN_PERMIT: _taiwan_permit,
    DocumentKind.FOREIGNER_PERMANENT_ID: _foreigner_permanent_id,
}
