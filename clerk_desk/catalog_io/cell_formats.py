"""The two structured cell formats of the catalog workbook.

选项 (options of a situation)::

    first=首次申请;renew=延续

适用情形 (when a material applies)::

    application=first,renew;applicant=agent

A material applies when, for every situation named, the applicant's answer is one of the
listed options; an empty cell means "always". Full-width separators (；＝，、) typed with a
Chinese input method are accepted as well. Codes must not contain separators or spaces.
"""

from __future__ import annotations

import re

from clerk_desk.domain.catalog import SituationOption
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

_ENTRY_SEPARATOR = re.compile(r"[;；]")
_PAIR_SEPARATOR = re.compile(r"[=＝]")
_OPTION_SEPARATOR = re.compile(r"[,，、]")
_CODE = re.compile(r"^[^\s;；=＝,，、]+$")


_OPTIONS_FORMAT = QT_TRANSLATE_NOOP(
    "core",
    "cannot read {entry!r}; write the options as code=label separated by semicolons, "
    "e.g. first=首次申请;renew=延续",
)
_CONDITIONS_FORMAT = QT_TRANSLATE_NOOP(
    "core",
    "cannot read {entry!r}; write situation=option codes separated by commas, "
    "several situations separated by semicolons, e.g. application=first,renew;applicant=agent",
)


class CellError(UserError):
    """A cell that cannot be read as its column's kind; the message says what to write."""


def format_options(options: tuple[SituationOption, ...]) -> str:
    return ";".join(f"{option.key}={option.label}" for option in options)


def parse_options(text: str) -> tuple[SituationOption, ...]:
    options: list[SituationOption] = []
    for entry in _entries(text):
        key, label = _pair(entry, _OPTIONS_FORMAT)
        if not label:
            raise CellError(_OPTIONS_FORMAT, entry=entry)
        if key in {option.key for option in options}:
            raise CellError(QT_TRANSLATE_NOOP("core", "option code {key} appears twice"), key=key)
        options.append(SituationOption(key, label))
    return tuple(options)


def format_conditions(conditions: dict[str, tuple[str, ...]]) -> str:
    return ";".join(f"{key}={','.join(options)}" for key, options in conditions.items())


def parse_conditions(text: str) -> dict[str, tuple[str, ...]]:
    conditions: dict[str, tuple[str, ...]] = {}
    for entry in _entries(text):
        key, listed = _pair(entry, _CONDITIONS_FORMAT)
        options = tuple(option.strip() for option in _OPTION_SEPARATOR.split(listed))
        if not all(_CODE.match(option) for option in options):
            raise CellError(_CONDITIONS_FORMAT, entry=entry)
        if key in conditions:
            raise CellError(QT_TRANSLATE_NOOP("core", "situation {key!r} appears twice"), key=key)
        conditions[key] = options
    return conditions


def _entries(text: str) -> list[str]:
    return [entry.strip() for entry in _ENTRY_SEPARATOR.split(text) if entry.strip()]


def _pair(entry: str, format_message: str) -> tuple[str, str]:
    parts = _PAIR_SEPARATOR.split(entry, maxsplit=1)
    if len(parts) != 2 or not _CODE.match(parts[0].strip()):
        raise CellError(format_message, entry=entry)
    return parts[0].strip(), parts[1].strip()
