"""居民身份证号码 (GB 11643) and 港澳台居民居住证 numbers, and the facts they carry.

Checked here: the format, the birth date (a real day, not in the future) and the check digit
(ISO 7064 MOD 11-2, computed by ``stdnum.cn.ric``). The region code is *not* checked against
the birth year as ``ric.is_valid`` does: the code is where the number was issued (from the
1980s on), not where the holder was born, and districts are renamed and abolished, so that
check refuses real numbers of older people (浦东 310115 for someone born in 1955). A code
stdnum's table knows in no year at all is only a note for the clerk, never a refusal.

Also handled: residence permit numbers (regions 810000 香港, 820000 澳门, 830000 台湾, which
stdnum rejects) and old 15-digit numbers, accepted and converted to their 18-digit form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum import numdb
from stdnum.cn import ric

from clerk_desk.domain.identity.result import Validation, bad_character, clean, empty
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

LENGTH = 18
LEGACY_LENGTH = 15
PERMIT_PREFIXES = ("81", "82", "83")


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class IdFacts:
    """What a valid number tells about its holder, for auto-filling the applicant form."""

    birth_date: date
    sex: Sex
    age: int
    region_code: str

    @property
    def residence_permit(self) -> bool:
        """A 港澳台居民居住证 number rather than a mainland 居民身份证 number."""
        return self.region_code[:2] in PERMIT_PREFIXES


@dataclass(frozen=True)
class IdNumberCheck(Validation):
    """``value`` is the 18-character number (converted from 15 digits if needed) when valid;
    ``facts`` is set only then."""

    facts: IdFacts | None = None


def validate_id_number(text: str, today: date) -> IdNumberCheck:
    """Check an ID number as typed: spaces ignored, a lower-case x taken as X."""
    number = clean(text)
    if not number:
        return IdNumberCheck(number, (empty(),))
    problems: list[Message] = []
    bad = character_problem(number)
    if bad is not None:
        problems.append(bad)
    if len(number) not in (LENGTH, LEGACY_LENGTH):
        problems.append(
            msg(
                # 已输入{count}位，身份证号码应为18位（15位旧号码也可以）
                QT_TRANSLATE_NOOP(
                    "core", "{count} characters typed; an ID number has 18 (or 15 if it is old)"
                ),
                count=len(number),
            )
        )
    if problems:
        return IdNumberCheck(number, tuple(problems))
    if len(number) == LEGACY_LENGTH:
        return _check_legacy(number, today)
    return _check_full(number, today)


def id_number_partial_ok(text: str, today: date) -> bool:
    """Whether what is typed so far is valid or could still become valid by typing on.

    Lets the form stay quiet while the clerk is typing and speak up as soon as the number can
    no longer be right (a letter, a 19th character, a residence permit region other than
    the three, an impossible birth date) or once it is complete and wrong. Lenient where
    unsure: it never nags too early.
    """
    number = clean(text)
    if len(number) >= LENGTH:
        return validate_id_number(text, today).ok
    if character_problem(number) is not None:
        return False
    if len(number) >= 6 and not _permit_region_ok(number[:6]):
        return False
    if len(number) < 12:
        return True
    legacy_possible = len(number) <= LEGACY_LENGTH and _legacy_birth_date(number) is not None
    return legacy_possible or _modern_date_possible(number, today)


def make_id_number(area: str, birth: date, sequence: int) -> str:
    """A valid 18-digit number: 6-digit region code, birth date, 3-digit sequence, check digit.

    For tests and demo data (``demo-data --cases N``). An odd sequence gives a man, an even one
    a woman. Raises ``ValueError`` for arguments that cannot make a number.
    """
    if len(area) != 6 or not area.isdigit():
        raise ValueError(f"area must be 6 digits, not {area!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, not {sequence}")
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return body + check_character(body)


def check_character(body: str) -> str:
    """The 18th character for the first 17 digits (ISO 7064 MOD 11-2, as stdnum computes it).

    ``ric.calc_check_digit`` expects a whole number and ignores its last character, hence the
    placeholder.
    """
    return ric.calc_check_digit(body + "0")


def character_problem(number: str) -> Message | None:
    """The first character that is not a digit, or an X anywhere but in the 18th place."""
    for index, char in enumerate(number):
        if char.isdigit() and char.isascii():
            continue
        if char == "X" and index == LENGTH - 1:
            continue
        return bad_character(index + 1, char, _id_allowed())
    return None


def _id_allowed() -> Message:
    return msg(QT_TRANSLATE_NOOP("core", "digits, and X as the 18th"))  # 数字，第18位可以是X


def _check_legacy(number: str, today: date) -> IdNumberCheck:
    """Convert a 15-digit number (two-digit year, no check digit) and check the result."""
    birth = _legacy_birth_date(number)
    if birth is None:
        return IdNumberCheck(number, (_bad_birth_date(7, 12, number[6:12]),))
    converted = make_id_number(number[:6], birth, int(number[12:]))
    result = _check_full(converted, today)
    if not result.ok:
        return IdNumberCheck(number, result.problems)
    note = msg(
        # 15位旧号码已转换为18位：{number}
        QT_TRANSLATE_NOOP("core", "The old 15-digit number was converted to {number}"),
        number=converted,
    )
    return IdNumberCheck(converted, notes=(note, *result.notes), facts=result.facts)


def _check_full(number: str, today: date) -> IdNumberCheck:
    problems: list[Message] = []
    birth = _parse_date(number[6:14])
    if birth is None:
        problems.append(_bad_birth_date(7, 14, number[6:14]))
    elif birth > today:
        problems.append(
            msg(
                # 出生日期{date}晚于今天，请核对第7至14位
                QT_TRANSLATE_NOOP(
                    "core", "The date of birth {date} is in the future; check characters 7–14"
                ),
                date=birth.isoformat(),
            )
        )
    region = number[:6]
    if not _permit_region_ok(region):
        problems.append(
            msg(
                # 前6位地址码{code}不存在
                QT_TRANSLATE_NOOP("core", "The first 6 digits ({code}) are not a known region"),
                code=region,
            )
        )
    expected = check_character(number[:17])
    if number[17] != expected:
        problems.append(
            msg(
                # 第18位校验码应为{expected}
                QT_TRANSLATE_NOOP("core", "The 18th character (check digit) should be {expected}"),
                expected=expected,
            )
        )
    if problems or birth is None:
        return IdNumberCheck(number, tuple(problems))
    notes: tuple[Message, ...] = ()
    if not _region_known(region):
        notes = (
            msg(
                # 前6位地址码{code}不在行政区划代码表中，请与证件核对
                QT_TRANSLATE_NOOP(
                    "core",
                    "The first 6 digits ({code}) are not in the region code table; "
                    "compare them with the card",
                ),
                code=region,
            ),
        )
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    facts = IdFacts(birth, sex, _age(birth, today), region)
    return IdNumberCheck(number, notes=notes, facts=facts)


def _bad_birth_date(start: int, end: int, typed: str) -> Message:
    return msg(
        # 第{start}至{end}位出生日期{digits}不是有效日期
        QT_TRANSLATE_NOOP(
            "core", "Characters {start}–{end} ({digits}) are not a valid date of birth"
        ),
        start=start,
        end=end,
        digits=typed,
    )


def _parse_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def _legacy_birth_date(number: str) -> date | None:
    """The birth date of a 15-digit number: a two-digit year of the 1900s."""
    if len(number) < 12:
        return None
    return _parse_date("19" + number[6:12])


def _modern_date_possible(number: str, today: date) -> bool:
    """Whether the typed part of characters 7–14 can still be a birth date up to today."""
    year = int(number[6:10])
    if year > today.year or not 1 <= int(number[10:12]) <= 12:
        return False
    if len(number) < 14:
        return True
    birth = _parse_date(number[6:14])
    return birth is not None and birth <= today


def _permit_region_ok(code: str) -> bool:
    """A residence permit's region is fixed (810000, 820000, 830000); other codes pass here."""
    return code[:2] not in PERMIT_PREFIXES or code[2:] == "0000"


def _region_known(code: str) -> bool:
    """A residence permit region, or a county-level code stdnum's table knows in any year."""
    if code[:2] in PERMIT_PREFIXES:
        return True
    return any("county" in props for _part, props in numdb.get("cn/loc").info(code))


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
