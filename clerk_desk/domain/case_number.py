"""The human case number (办件编号), issued offline by the desk at a case's first decision.

Format, 22 characters, digits only except a possible final ``X``::

    340100 20261128 003 0042 7
    │      │        │   │    └ check character, ISO 7064 MOD 11-2 over the 21 digits before
    │      │        │   └ sequence of this window on this day, from 0001
    │      │        └ window number within the centre, 001–999
    │      └ day the number was issued, YYYYMMDD
    └ centre: 6-digit administrative division code

Why this shape:

- **Unique across desks without talking to anyone**: the centre code and the window number
  together name one desk, and each desk keeps its own per-day counter. This rests on every
  desk of a centre having its own window number (setup asks for it; a replacement machine for
  a window must be set up with that window's number and take over its database, or use a
  free number). The platform sees duplicates, should that rule be broken, as a conflict on
  sync rather than silently.
- **Never reused, even after a crash**: the counter row is advanced in the same SQLite
  transaction that stores the case (``synchronous=FULL``). A crash before the commit rolls
  both back, so the number was never shown to anyone; after the commit both are on disk.
- **Printable and checkable**: digits read aloud over the phone and typed on a keypad; the
  same MOD 11-2 check the 身份证 uses (python-stdnum) catches any single wrong digit and any
  swap of two neighbours, so a mistyped number is refused before a search runs.
- **Readable**: the date and window are visible, so a clerk sees at a glance where and when a
  case was taken. :func:`display_case_no` groups the parts with hyphens for papers.

10,000 cases per window and day is far above what a window handles (≈ 100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.iso7064 import mod_11_2

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

CASE_NO_LENGTH = 22
MAX_SEQUENCE = 9999
MAX_WINDOW = 999
_CASE_NO = re.compile(r"^(\d{6})(\d{8})(\d{3})(\d{4})([\dX])$")
_SEPARATORS = re.compile(r"[\s\-]")


class CaseNumberError(UserError):
    pass


@dataclass(frozen=True)
class CaseNumberParts:
    centre_code: str
    day: date
    window: int
    sequence: int


def make_case_no(centre_code: str, day: date, window: int, sequence: int) -> str:
    """The case number for these parts, with its check character."""
    if not (len(centre_code) == 6 and centre_code.isdigit()):
        raise CaseNumberError(
            # 中心代码须为6位行政区划代码，请先完成窗口设置
            QT_TRANSLATE_NOOP(
                "core", "The centre code must be 6 digits; finish the desk's setup first"
            )
        )
    if not 1 <= window <= MAX_WINDOW:
        raise CaseNumberError(
            # 窗口号须为1至999，请先完成窗口设置
            QT_TRANSLATE_NOOP(
                "core", "The window number must be from 1 to 999; finish the desk's setup first"
            )
        )
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise CaseNumberError(
            # 本窗口今日办件编号已用完（最多{max}件）
            QT_TRANSLATE_NOOP(
                "core", "This window has used all case numbers of the day (at most {max})"
            ),
            max=MAX_SEQUENCE,
        )
    body = f"{centre_code}{day:%Y%m%d}{window:03d}{sequence:04d}"
    return body + mod_11_2.calc_check_digit(body)


def normalize_case_no(text: str) -> str:
    """Separators and spaces removed, a lower-case ``x`` raised: the stored form."""
    return _SEPARATORS.sub("", text).upper()


def parse_case_no(text: str) -> CaseNumberParts | None:
    """The parts of a valid case number (separators allowed), or ``None``."""
    value = normalize_case_no(text)
    match = _CASE_NO.match(value)
    if match is None or not mod_11_2.is_valid(value):
        return None
    centre, day_text, window, sequence, _check = match.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        return None
    return CaseNumberParts(centre, day, int(window), int(sequence))


def is_valid_case_no(text: str) -> bool:
    return parse_case_no(text) is not None


def display_case_no(case_no: str) -> str:
    """``340100-20261128-003-0042-7``: the parts apart, for papers and the header strip."""
    value = normalize_case_no(case_no)
    return "-".join((value[:6], value[6:14], value[14:17], value[17:21], value[21:]))
