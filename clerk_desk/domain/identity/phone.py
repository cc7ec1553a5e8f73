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
MOBILE_PREFIXES = tuple(f"1{digit}" for digit in range(3, 10))
_CHINA_PREFIX = re.compile(r"^(?:\+86|0086)")


@dataclass(frozen=True)
class PhoneCheck(Validation):
    """``value`` is E.164 (``+8613812345678``) when valid; ``display`` the way to show it
    (``138 1234 5678``, ``0551 6512 3456``); ``written`` the way clerks write it on forms
    (``13812345678``, ``0551-65123456``; a foreign number as displayed)."""

    display: str = ""
    written: str = ""


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
        national = _CHINA_PREFIX.sub("", typed)
        if national != typed and not national.startswith(("0", *MOBILE_PREFIXES)):
            # After +86 the trunk 0 is left out: +861012345678 is 010-12345678 (Beijing).
            national = "0" + national
        length = _length_problem(national)
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
    display = phonenumbers.format_number(number, style)
    return PhoneCheck(
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
        display=display,
        written=_written(number) if number.country_code == COUNTRY_CODE else display,
    )


def _written(number: phonenumbers.PhoneNumber) -> str:
    """A Chinese number as written: 11 mobile digits, or the area code with 0, a hyphen and
    the local number."""
    national = phonenumbers.national_significant_number(number)
    area = phonenumbers.length_of_geographical_area_code(number)
    if not area:
        return national
    return f"0{national[:area]}-{national[area:]}"


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
