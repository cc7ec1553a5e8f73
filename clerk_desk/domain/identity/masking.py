"""Masking personal data on papers, in lists and on the customer display.

ID numbers keep their first 6 and last 4 characters (``340104********1234``), names their first
character (``李**``), mobile numbers their first 3 and last 4 digits (``138****5678``),
landlines their area code and last 4 digits, addresses their administrative areas down to
the county (``安徽省合肥市蜀山区****``). Each mask keeps the length of what it hides, except
the address, whose rest is always four stars.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException

STAR = "*"
HIDDEN_REST = STAR * 4
_NAME_SEPARATORS = "·•."
_LEVEL_NAME = "[^省市区县旗]"
_ADMIN_AREAS = re.compile(
    rf"(?:{_LEVEL_NAME}{{2,7}}?(?:省|自治区|特别行政区))?"
    rf"(?:{_LEVEL_NAME}{{1,8}}?(?:自治州|地区|盟|市))?"
    rf"(?:{_LEVEL_NAME}{{1,12}}?(?:区|县|旗|市))?"
)
_ADDRESS_FALLBACK_KEEP = 6


def mask_id_number(number: str) -> str:
    """First 6 and last 4 shown; shorter document numbers keep 2 and 2, tiny ones nothing."""
    number = number.strip()
    if len(number) > 10:
        return _mask_middle(number, 6, 4)
    if len(number) > 4:
        return _mask_middle(number, 2, 2)
    return STAR * len(number)


def mask_name(name: str) -> str:
    """The first character shown; the dot between the parts of a transcribed name kept."""
    name = name.strip()
    return name[:1] + "".join(char if char in _NAME_SEPARATORS else STAR for char in name[1:])


def mask_phone(phone: str) -> str:
    """Accepts what :func:`validate_phone` stores (E.164) as well as what was typed."""
    try:
        number = phonenumbers.parse(phone, "CN")
    except NumberParseException:
        return _mask_digits(phone)
    national = str(number.national_number)
    if number.country_code != 86:
        return _mask_digits(phone)
    if national.startswith("1") and len(national) == 11:
        return _mask_middle(national, 3, 4)
    area = phonenumbers.length_of_geographical_area_code(number)
    if area == 0:
        return _mask_digits(national)
    return f"0{national[:area]}-{_mask_middle(national[area:], 0, 4)}"


def mask_address(address: str) -> str:
    """The province, city and county part; the street, building and room hidden.

    An address without recognisable areas keeps its first 6 characters, and at most half.
    """
    address = address.strip()
    keep = _ADMIN_AREAS.match(address)
    if keep and keep.group():
        kept = keep.group()
    else:
        kept = address[: min(_ADDRESS_FALLBACK_KEEP, len(address) // 2)]
    return kept + HIDDEN_REST if len(address) > len(kept) else kept


def _mask_digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if len(digits) > 7:
        return _mask_middle(digits, 3, 4)
    return _mask_middle(digits, 0, min(len(digits) // 2, 4))


def _mask_middle(text: str, head: int, tail: int) -> str:
    return text[:head] + STAR * (len(text) - head - tail) + text[len(text) - tail :]
