"""Phone numbers, read as Chinese unless they start with + and another country code.

``phonenumbers`` judges whether a number exists and formats it, but it calls almost any length
"possible" for China, so the lengths a clerk can fix are checked here first: a mobile number
has 11 digits, a landline 10 to 12 with its area code (010 or 02x plus 7–8 digits, or 0xxx
plus 7–8 digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from clerk_desk.domain.identity.result import Validation, bad_character, clean, empty
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

REGION = "CN"
COUNTRY_CODE = 86
MOBILE_LENGTH = 11
LANDLINE_LENGTHS = range(10, 13)
LOCAL_LENGTHS = range(7, 9)
_SEPARATORS = "-()"
_CHINA_PREFIX = re.compile(r"^(?:\+86|0086)")


@dataclass(frozen=True)
class PhoneCheck(Validation):
    """``value`` is E.164 (``+8613812345678``) when valid; ``display`` the way to show it
    (``138 1234 5678``, ``0551 6512 3456``)."""

    display: str = ""


def validate_phone(text: str) -> PhoneCheck:
    """Check a phone number as typed; spaces, hyphens and brackets are ignored."""
    typed = clean(text, drop=_SEPARATORS)
    if not typed:
        return PhoneCheck(typed, (empty(),))
    for index, char in enumerate(typed):
        if not (char.isascii() and char.isdigit()) and not (char == "+" and index == 0):
            return PhoneCheck(typed, (bad_character(index + 1, char, _phone_allowed()),))
    foreign = typed.startswith("+") and not _CHINA_PREFIX.match(typed)
    if not foreign:
        length = _length_problem(_CHINA_PREFIX.sub("", typed))
        if length is not None:
            return PhoneCheck(typed, (length,))
    try:
        number = phonenumbers.parse(typed, REGION)
    except NumberParseException:
        return PhoneCheck(typed, (_not_valid(),))
    if not phonenumbers.is_valid_number(number):
        return PhoneCheck(typed, (_not_valid(),))
    style = (
        PhoneNumberFormat.NATIONAL
        if number.country_code == COUNTRY_CODE
        else PhoneNumberFormat.INTERNATIONAL
    )
    return PhoneCheck(
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
        display=phonenumbers.format_number(number, style),
    )


def _length_problem(national: str) -> Message | None:
    count = len(national)
    if national.startswith("1") and count != MOBILE_LENGTH:
        return msg(
            # 已输入{count}位，手机号码应为11位
            QT_TRANSLATE_NOOP("core", "{count} digits typed; a mobile number has 11"),
            count=count,
        )
    if national.startswith("0") and count not in LANDLINE_LENGTHS:
        return msg(
            # 已输入{count}位，座机号码连区号应为10至12位
            QT_TRANSLATE_NOOP(
                "core", "{count} digits typed; a landline number with area code has 10 to 12"
            ),
            count=count,
        )
    if national[:1] not in ("0", "1") and count in LOCAL_LENGTHS:
        # 请在号码前加上区号（如010或0551）
        return msg(QT_TRANSLATE_NOOP("core", "Add the area code in front (e.g. 010 or 0551)"))
    return None


def _phone_allowed() -> Message:
    # 数字（国外号码可以+开头）
    return msg(QT_TRANSLATE_NOOP("core", "digits (a + only at the start)"))


def _not_valid() -> Message:
    # 这不是有效的电话号码，请核对
    return msg(QT_TRANSLATE_NOOP("core", "This is not a valid phone number; check the digits"))
