"""The outcome of a check, and the problem messages several checks share."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg


@dataclass(frozen=True)
class Validation:
    """``value`` is the normalised form to store when ``ok``; otherwise the cleaned input.

    ``problems`` say what to fix (empty when valid); ``notes`` tell the clerk about something
    the check changed, e.g. an old 15-digit ID number converted to 18 digits.
    """

    value: str
    problems: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def clean(text: str, drop: str = "") -> str:
    """Upper-case ``text`` without white space (or the characters in ``drop``).

    NFKC first, so full-width digits and letters typed with a Chinese input method count as
    the ASCII ones they look like.
    """
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(char for char in folded if not char.isspace() and char not in drop)


def empty() -> Message:
    return msg(QT_TRANSLATE_NOOP("core", "Enter the number"))  # 请输入号码


def bad_character(position: int, char: str, allowed: Message) -> Message:
    """``allowed`` is one of the fragments below, so the sentence translates as a whole."""
    return msg(
        # 第{position}位“{char}”不能使用，只能是{allowed}
        QT_TRANSLATE_NOOP("core", "Character {position} “{char}” is not allowed; use {allowed}"),
        position=position,
        char=char,
        allowed=allowed,
    )


def digits() -> Message:
    return msg(QT_TRANSLATE_NOOP("core", "digits"))  # 数字


def wrong_length(count: int, expected: int | Message) -> Message:
    return msg(
        # 已输入{count}位，应为{expected}位
        QT_TRANSLATE_NOOP("core", "{count} characters typed; {expected} are needed"),
        count=count,
        expected=expected,
    )


def length_range(low: int, high: int) -> Message:
    return msg(QT_TRANSLATE_NOOP("core", "{low} to {high}"), low=low, high=high)  # {low}至{high}
