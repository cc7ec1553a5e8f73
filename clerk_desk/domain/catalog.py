"""The service catalog (事项目录): items, their materials and situations, and their rules.

Field names follow ``shared/domain.md``. Enumerated values are stored as the Chinese terms a
catalog administrator reads in the spreadsheet and on papers (窗口类别, 办件类型, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from clerk_desk.domain.limits import (
    COPIES_MAX,
    REUSE_DAYS_MAX,
    SHORT_TEXT_MAX,
    TEXT_MAX,
    VISITS_MAX,
    WORKING_DAYS_MAX,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message

WINDOW_CATEGORIES = ("企业开办", "投资建设", "生产经营准入", "社会事务")
ITEM_TYPES = (
    "行政许可",
    "行政确认",
    "行政给付",
    "行政征收",
    "行政裁决",
    "行政奖励",
    "行政检查",
    "其他行政权力",
    "公共服务",
)
CASE_KINDS = ("即办件", "承诺件")
RESULT_TYPES = ("证照", "批文", "其他")
NECESSITIES = ("必要", "非必要")
MATERIAL_FORMS = ("原件", "复印件", "电子", "核验原件")
MATERIAL_SOURCES = ("申请人自备", "政府部门核发", "其他")

BASIC_CODE_MAX = 32
FEE_FORMAT = re.compile(r"^\d{1,9}\.\d{2}$")
"""A fee in yuan as the catalog stores it: up to 9 digits, a point and two decimals."""
# What the platform stores of an item and a material (``platform_sandbox.case_models``).
ITEM_TEXT_LIMITS = (
    ("name", TEXT_MAX),
    ("department", TEXT_MAX),
    ("version", SHORT_TEXT_MAX),
)
MATERIAL_TEXT_LIMITS = (("name", TEXT_MAX), ("acceptance_standard", TEXT_MAX))


@dataclass(frozen=True)
class SituationOption:
    key: str
    label: str


@dataclass(frozen=True)
class Situation:
    """A question that changes the material list, e.g. 申请类型: 首次 / 变更 / 延续."""

    key: str
    question: str
    options: tuple[SituationOption, ...]

    def option_keys(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.options)


@dataclass(frozen=True)
class Material:
    """One material an item asks for. ``reuse_days`` > 0 marks a document (ID card, business
    licence) whose pages captured for an earlier case of the same applicant may be attached
    again by reference (材料复用) for that many days after capture; 0 means never."""

    name: str
    necessity: str = "必要"
    gap_allowed: bool = False
    promise_allowed: bool = False
    form: str = "原件"
    copies: int = 1
    source: str = "申请人自备"
    acceptance_standard: str = ""
    instructions: str = ""
    blank_form: str = ""
    sample_form: str = ""
    applies_when: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reuse_days: int = 0

    @property
    def is_key(self) -> bool:
        """A key material (关键材料): required and never acceptable as 容缺."""
        return self.necessity == "必要" and not self.gap_allowed

    def applies(self, answers: dict[str, str]) -> bool:
        """Whether the material is needed for the situation answers given.

        A material with no condition always applies. A condition on a question that has not
        been answered yet keeps the material in the list, so nothing is dropped too early.
        """
        for key, allowed in self.applies_when.items():
            answer = answers.get(key)
            if answer is not None and answer not in allowed:
                return False
        return True


@dataclass(frozen=True)
class ServiceItem:
    basic_code: str
    name: str
    item_type: str
    department: str
    window_category: str
    legal_limit_days: int
    promised_limit_days: int
    case_kind: str
    version: str
    impl_code: str = ""
    conditions: str = ""
    legal_basis: str = ""
    max_visits: int = 1
    fee_charged: bool = False
    fee_standard: str = ""
    fee_yuan: str = "0.00"  # what the fee comes to, in yuan with two decimals (0.00: none)
    result_name: str = ""
    result_type: str = "其他"
    courier_allowed: bool = False
    situations: tuple[Situation, ...] = ()
    materials: tuple[Material, ...] = ()

    def materials_for(self, answers: dict[str, str]) -> tuple[Material, ...]:
        return tuple(material for material in self.materials if material.applies(answers))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["situations"] = [
            {
                "key": s.key,
                "question": s.question,
                "options": [{"key": o.key, "label": o.label} for o in s.options],
            }
            for s in self.situations
        ]
        data["materials"] = [
            {**asdict(m), "applies_when": {k: list(v) for k, v in m.applies_when.items()}}
            for m in self.materials
        ]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ServiceItem:
        situations = tuple(
            Situation(
                key=s["key"],
                question=s["question"],
                options=tuple(SituationOption(o["key"], o["label"]) for o in s["options"]),
            )
            for s in data.get("situations", ())
        )
        materials = tuple(
            Material(
                **{
                    **m,
                    "applies_when": {k: tuple(v) for k, v in m.get("applies_when", {}).items()},
                }
            )
            for m in data.get("materials", ())
        )
        fields = {k: v for k, v in data.items() if k not in {"situations", "materials"}}
        return cls(**fields, situations=situations, materials=materials)


@dataclass(frozen=True)
class Bundle:
    """A 一件事 bundle: items a visitor usually needs together (开办餐饮店 = 营业执照 + 食品经营
    许可), chosen at the window in one step; their materials are merged into one checklist."""

    code: str
    name: str
    item_codes: tuple[str, ...]
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "item_codes": list(self.item_codes)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bundle:
        return cls(
            code=data["code"],
            name=data["name"],
            item_codes=tuple(data["item_codes"]),
            description=data.get("description", ""),
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with catalog data: where it is and what to fix."""

    where: str
    message: Message

    def render(self, language: str | None = None) -> str:
        return f"{self.where}: {self.message.render(language)}"


def _p(where: str, template: str, **params: Any) -> Problem:
    return Problem(where, Message(template, params))


def validate_item(item: ServiceItem) -> list[Problem]:
    """Every rule a catalog item must satisfy; an empty list means it is sound."""
    problems = _code_problems("basic_code", item.basic_code)
    for name in ("name", "department", "version"):
        if not str(getattr(item, name)).strip():
            problems.append(_p(name, QT_TRANSLATE_NOOP("core", "must not be empty")))
    problems.extend(
        _choice_problems(
            item,
            "",
            (
                ("window_category", WINDOW_CATEGORIES),
                ("item_type", ITEM_TYPES),
                ("case_kind", CASE_KINDS),
                ("result_type", RESULT_TYPES),
            ),
        )
    )
    problems.extend(
        _count_problems(
            item,
            "",
            (
                ("legal_limit_days", WORKING_DAYS_MAX),
                ("promised_limit_days", WORKING_DAYS_MAX),
                ("max_visits", VISITS_MAX),
            ),
        )
    )
    problems.extend(_length_problems(item, "", ITEM_TEXT_LIMITS))
    problems.extend(_fee_problems(item))
    if (
        isinstance(item.legal_limit_days, int)
        and isinstance(item.promised_limit_days, int)
        and item.promised_limit_days > item.legal_limit_days
    ):
        problems.append(
            _p(
                "promised_limit_days",
                QT_TRANSLATE_NOOP(
                    "core",
                    "promised time limit {promised} days is longer than the legal limit "
                    "{legal} days; the promise must not exceed the law",
                ),
                promised=item.promised_limit_days,
                legal=item.legal_limit_days,
            )
        )
    if isinstance(item.promised_limit_days, int) and item.case_kind in CASE_KINDS:
        expected = "即办件" if item.promised_limit_days == 0 else "承诺件"
        if item.case_kind != expected:
            problems.append(
                _p(
                    "case_kind",
                    QT_TRANSLATE_NOOP(
                        "core",
                        "with a promised limit of {days} days the case kind must be {expected}",
                    ),
                    days=item.promised_limit_days,
                    expected=expected,
                )
            )
    situation_keys: dict[str, tuple[str, ...]] = {}
    for index, situation in enumerate(item.situations, start=1):
        where = f"situations[{index}]"
        if situation.key in situation_keys:
            problems.append(
                _p(
                    where,
                    QT_TRANSLATE_NOOP("core", "situation {key!r} appears twice"),
                    key=situation.key,
                )
            )
        if len(situation.options) < 2:
            problems.append(
                _p(where, QT_TRANSLATE_NOOP("core", "a situation needs at least two options"))
            )
        situation_keys[situation.key] = situation.option_keys()
    if not item.materials:
        problems.append(
            _p("materials", QT_TRANSLATE_NOOP("core", "an item needs at least one material"))
        )
    seen_names: set[str] = set()
    for index, material in enumerate(item.materials, start=1):
        problems.extend(_validate_material(f"materials[{index}]", material, situation_keys))
        if material.name in seen_names:
            problems.append(
                _p(
                    f"materials[{index}]",
                    QT_TRANSLATE_NOOP("core", "material {name!r} is listed twice"),
                    name=material.name,
                )
            )
        seen_names.add(material.name)
    return problems


def _fee_problems(item: ServiceItem) -> list[Problem]:
    """收费金额: yuan with two decimals; an amount above zero only on an item that charges."""
    fee = item.fee_yuan
    if not isinstance(fee, str) or not FEE_FORMAT.match(fee):
        return [
            _p(
                "fee_yuan",
                # 收费金额应按元填写并保留两位小数，例如 80.00（不收费填 0.00），而不是 {value!r}
                QT_TRANSLATE_NOOP(
                    "core",
                    "write the fee in yuan with two decimals, e.g. 80.00 (0.00 when there is "
                    "no fee), not {value!r}",
                ),
                value=fee,
            )
        ]
    if Decimal(fee) > 0 and not item.fee_charged:
        return [
            _p(
                "fee_yuan",
                # 收费金额为 {fee} 元，“是否收费”应填“是”；不收费时金额填 0.00
                QT_TRANSLATE_NOOP(
                    "core",
                    "the fee is {fee} yuan, so the item must be marked as charging a fee; "
                    "with no fee write 0.00",
                ),
                fee=fee,
            )
        ]
    return []


def _code_problems(where: str, code: str) -> list[Problem]:
    """A basic code (or a bundle's code): 1 to 32 ASCII letters or digits."""
    if code and len(code) <= BASIC_CODE_MAX and code.isascii() and code.isalnum():
        return []
    return [
        _p(
            where,
            QT_TRANSLATE_NOOP("core", "basic code {value!r} must be 1 to 32 letters or digits"),
            value=code,
        )
    ]


def validate_bundles(bundles: Sequence[Bundle], items: Iterable[ServiceItem]) -> list[Problem]:
    """Every rule the catalog's bundles must satisfy, given the catalog's items.

    A bundle's code is written like a basic code but must differ from every item's code (the
    item search finds both by code), and from every other bundle's.
    """
    item_codes = {item.basic_code for item in items}
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, bundle in enumerate(bundles, start=1):
        where = f"bundles[{index}] ({bundle.code})"
        problems.extend(_code_problems(f"{where}.code", bundle.code))
        if bundle.code in item_codes:
            problems.append(
                _p(
                    f"{where}.code",
                    QT_TRANSLATE_NOOP("core", "code {code} is already an item's basic code"),
                    code=bundle.code,
                )
            )
        elif bundle.code in seen:
            problems.append(
                _p(
                    f"{where}.code",
                    QT_TRANSLATE_NOOP("core", "code {code} is used by another bundle"),
                    code=bundle.code,
                )
            )
        seen.add(bundle.code)
        if not bundle.name.strip():
            problems.append(_p(f"{where}.name", QT_TRANSLATE_NOOP("core", "must not be empty")))
        problems.extend(_bundle_item_problems(f"{where}.item_codes", bundle, item_codes))
    return problems


def _bundle_item_problems(where: str, bundle: Bundle, item_codes: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    if len(set(bundle.item_codes)) < 2:
        problems.append(
            _p(where, QT_TRANSLATE_NOOP("core", "a bundle needs at least two different items"))
        )
    repeated = sorted({code for code in bundle.item_codes if bundle.item_codes.count(code) > 1})
    if repeated:
        problems.append(
            _p(
                where,
                QT_TRANSLATE_NOOP("core", "items listed twice: {codes}"),
                codes="、".join(repeated),
            )
        )
    unknown = [code for code in dict.fromkeys(bundle.item_codes) if code not in item_codes]
    if unknown:
        problems.append(
            _p(
                where,
                QT_TRANSLATE_NOOP("core", "the catalog has no item with basic code {codes}"),
                codes="、".join(unknown),
            )
        )
    return problems


def _validate_material(
    where: str, material: Material, situation_keys: dict[str, tuple[str, ...]]
) -> list[Problem]:
    problems: list[Problem] = []
    if not material.name.strip():
        problems.append(_p(where, QT_TRANSLATE_NOOP("core", "material name must not be empty")))
    problems.extend(
        _choice_problems(
            material,
            f"{where}.",
            (("necessity", NECESSITIES), ("form", MATERIAL_FORMS), ("source", MATERIAL_SOURCES)),
        )
    )
    problems.extend(
        _count_problems(
            material, f"{where}.", (("copies", COPIES_MAX), ("reuse_days", REUSE_DAYS_MAX))
        )
    )
    problems.extend(_length_problems(material, f"{where}.", MATERIAL_TEXT_LIMITS))
    for key, options in material.applies_when.items():
        if key not in situation_keys:
            problems.append(
                _p(
                    f"{where}.applies_when",
                    QT_TRANSLATE_NOOP(
                        "core", "refers to situation {key!r}, which the item does not have"
                    ),
                    key=key,
                )
            )
            continue
        unknown = [option for option in options if option not in situation_keys[key]]
        if unknown:
            problems.append(
                _p(
                    f"{where}.applies_when",
                    QT_TRANSLATE_NOOP("core", "situation {key!r} has no option {options}"),
                    key=key,
                    options="、".join(unknown),
                )
            )
    return problems


def _choice_problems(
    record: object, prefix: str, choices: tuple[tuple[str, tuple[str, ...]], ...]
) -> list[Problem]:
    """Fields whose value is not one of the allowed terms."""
    return [
        _p(
            prefix + name,
            QT_TRANSLATE_NOOP("core", "{value!r} is not one of: {allowed}"),
            value=getattr(record, name),
            allowed="、".join(allowed),
        )
        for name, allowed in choices
        if getattr(record, name) not in allowed
    ]


def _count_problems(
    record: object, prefix: str, limits: tuple[tuple[str, int], ...]
) -> list[Problem]:
    """Fields that must be whole numbers from 0 to their limit (a bool is not a number here)."""
    problems = []
    for name, most in limits:
        value = getattr(record, name)
        if not _is_count(value):
            problems.append(
                _p(
                    prefix + name,
                    QT_TRANSLATE_NOOP("core", "must be a whole number of 0 or more, not {value!r}"),
                    value=value,
                )
            )
        elif value > most:
            problems.append(
                _p(
                    prefix + name,
                    # 须为 0 到 {most} 之间的整数，而不是 {value}
                    QT_TRANSLATE_NOOP(
                        "core", "must be a whole number from 0 to {most}, not {value}"
                    ),
                    most=most,
                    value=value,
                )
            )
    return problems


def _length_problems(
    record: object, prefix: str, limits: tuple[tuple[str, int], ...]
) -> list[Problem]:
    """Text fields longer than the platform accepts."""
    return [
        _p(
            prefix + name,
            # 长 {length} 个字符，最多 {most} 个字符
            QT_TRANSLATE_NOOP("core", "is {length} characters long; at most {most} are allowed"),
            length=len(getattr(record, name)),
            most=most,
        )
        for name, most in limits
        if isinstance(getattr(record, name), str) and len(getattr(record, name)) > most
    ]


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
