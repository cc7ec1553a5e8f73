"""统一社会信用代码 (GB 32100): 18 characters from digits and capitals without I O Z S V.

The check character comes from ``stdnum.cn.uscc``. Its ``validate`` is not used as the last
word because it wants the first two characters to be digits, while GB 32100 also lets the
registration authority be a letter (e.g. N for 农村集体经济组织); here only characters 3–8, the
region code, must be digits.
"""

from __future__ import annotations

from stdnum.cn import uscc

from clerk_desk.domain.identity.result import (
    Validation,
    bad_character,
    clean,
    empty,
    wrong_length,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

LENGTH = 18
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
REGION = slice(2, 8)
# Letters left out of the alphabet because they look like these digits.
LOOKALIKES = {"O": "0", "I": "1", "Z": "2", "S": "5"}


def validate_credit_code(text: str) -> Validation:
    """Check a credit code as typed: spaces and hyphens ignored, letters upper-cased."""
    code = uscc.compact(clean(text))
    if not code:
        return Validation(code, (empty(),))
    problems: list[Message] = []
    character = _character_problem(code)
    if character is not None:
        problems.append(character)
    if len(code) != LENGTH:
        problems.append(wrong_length(len(code), LENGTH))
    if not problems:
        expected = uscc.calc_check_digit(code)
        if code[-1] != expected:
            problems.append(
                msg(
                    # 第18位校验码应为{expected}
                    QT_TRANSLATE_NOOP(
                        "core", "The 18th character (check character) should be {expected}"
                    ),
                    expected=expected,
                )
            )
    return Validation(code, tuple(problems))


def _character_problem(code: str) -> Message | None:
    """The first character that cannot be there, with the likely intended one if any."""
    for index, char in enumerate(code):
        position = index + 1
        if char in LOOKALIKES:
            return msg(
                # 第{position}位不能是字母“{char}”，应该是数字“{digit}”吧
                QT_TRANSLATE_NOOP(
                    "core",
                    "Character {position} cannot be the letter “{char}”; perhaps the digit "
                    "“{digit}”",
                ),
                position=position,
                char=char,
                digit=LOOKALIKES[char],
            )
        if char not in ALPHABET:
            allowed = msg(
                # 数字和大写字母（不含I、O、Z、S、V）
                QT_TRANSLATE_NOOP("core", "digits and capital letters except I, O, Z, S, V")
            )
            return bad_character(position, char, allowed)
        if REGION.start <= index < REGION.stop and not char.isdigit():
            return msg(
                # 第3至8位是登记管理机关行政区划码，应为数字；第{position}位是“{char}”
                QT_TRANSLATE_NOOP(
                    "core",
                    "Characters 3–8 (region code) must be digits; character {position} is “{char}”",
                ),
                position=position,
                char=char,
            )
    return None
