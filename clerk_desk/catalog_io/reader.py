"""Reading a catalog workbook into ServiceItem objects, or refusing it with every problem.

Three passes, each only where the previous one could read the data:

1. structure — every sheet and every column header is there;
2. cells — required cells filled, numbers are whole numbers, drop-down columns hold one of
   their values, 选项 and 适用情形 follow their format, basic codes are unique and every
   material or situation names an item that exists;
3. rules — the domain's own check (:func:`validate_item`) on each item whose rows were all
   readable, its findings mapped back to the row and column they came from.

Problems of an item whose cells are unreadable are reported by pass 2 only; its rule problems
appear once those cells are fixed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Workbook

from clerk_desk.catalog_io.cell_formats import CellError, parse_conditions, parse_options
from clerk_desk.catalog_io.layout import (
    DATA_SHEETS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    ITEMS,
    LINK_FIELD,
    MATERIALS,
    SITUATIONS,
    VERSION_LABEL,
    YES,
    Column,
    Kind,
    Sheet,
)
from clerk_desk.catalog_io.package import (
    SheetTooLarge,
    SheetUnreadable,
    formula_cells,
    open_workbook,
    sheet_rows,
)
from clerk_desk.catalog_io.problems import CatalogFileError, CatalogFileRejected, SheetProblem
from clerk_desk.domain.catalog import Material, ServiceItem, Situation, validate_item
from clerk_desk.domain.limits import XLSX_ROWS_MAX
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.imported_files import regular_file_size

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_WHOLE_NUMBER = re.compile(r"^\d+$")
_AMOUNT = re.compile(r"^\d{1,9}(\.\d{1,2})?$")
# More digits than any limit has (int() refuses past 4300): refused before conversion.
_DIGITS_MAX = 18
_INDEXED = re.compile(r"^(materials|situations)\[(\d+)\](?:\.(\w+))?$")


@dataclass(frozen=True)
class ImportedCatalog:
    version: str
    items: list[ServiceItem]

    @property
    def material_count(self) -> int:
        return sum(len(item.materials) for item in self.items)


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    readable: bool = True


@dataclass
class _Draft:
    """An item row with the material and situation rows that name it, in sheet order."""

    row: _Row
    materials: list[_Row] = field(default_factory=list)
    situations: list[_Row] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return all(row.readable for row in (self.row, *self.materials, *self.situations))

    def build(self) -> ServiceItem:
        situations = tuple(
            Situation(r.values["key"], r.values["question"], r.values["options"])
            for r in self.situations
        )
        materials = tuple(
            Material(**{k: v for k, v in r.values.items() if k != LINK_FIELD})
            for r in self.materials
        )
        return ServiceItem(**self.row.values, situations=situations, materials=materials)


def read_catalog(path: Path) -> ImportedCatalog:
    """The items and catalog version in ``path``; raises CatalogFileRejected listing faults.

    The version is the cell right of 目录版本 on the 说明 sheet; when that is empty, the file's
    name and modification time.
    """
    workbook = _open(path)
    try:
        reader = _Reader(workbook, path)
        items = reader.items()
        if reader.problems:
            raise CatalogFileRejected(str(path), reader.problems)
        return ImportedCatalog(_version(workbook, path), items)
    finally:
        workbook.close()


def _open(path: Path) -> Workbook:
    if not path.exists():
        raise CatalogFileError(QT_TRANSLATE_NOOP("core", "There is no file {path}"), path=str(path))
    regular_file_size(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise CatalogFileError(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is not an Excel workbook (.xlsx); save it from Excel or WPS as .xlsx "
                "and import that file",
            ),
            path=str(path),
        )
    return open_workbook(path)


def _version(workbook: Workbook, path: Path) -> str:
    if INSTRUCTIONS_SHEET in workbook.sheetnames:
        try:
            for row in sheet_rows(workbook, INSTRUCTIONS_SHEET):
                label, value = (*row, None, None)[:2]
                if _text(label) == VERSION_LABEL:
                    if not _blank(value):
                        return _text(value)
                    break
        except (SheetTooLarge, SheetUnreadable):
            pass  # the file's name and time say which version it is
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return f"{path.stem} {modified:%Y-%m-%d %H:%M:%S}"


class _Reader:
    def __init__(self, workbook: Workbook, path: Path) -> None:
        self.workbook = workbook
        self.path = path
        self._formulas: dict[str, dict[tuple[int, int], str]] = {}
        self._found: list[tuple[tuple[int, int, int], SheetProblem]] = []

    def items(self) -> list[ServiceItem]:
        sheets = {sheet.title: self._rows(sheet) for sheet in DATA_SHEETS}
        item_rows = sheets[ITEMS.title]
        material_rows = sheets[MATERIALS.title]
        situation_rows = sheets[SITUATIONS.title]
        if item_rows is None or material_rows is None or situation_rows is None:
            return []
        if not item_rows:
            self._report(ITEMS, FIRST_DATA_ROW, None, _NO_ITEMS)
            return []
        drafts = self._drafts(item_rows)
        self._attach(drafts, MATERIALS, material_rows, "materials")
        self._attach(drafts, SITUATIONS, situation_rows, "situations")
        items = []
        for draft in drafts.values():
            if not draft.readable:
                continue
            item = draft.build()
            for problem in validate_item(item):
                self._report(*_locate(draft, problem.where), problem.message)
            items.append(item)
        return items

    @property
    def problems(self) -> list[SheetProblem]:
        """Every problem found, in sheet, row and column order."""
        return [problem for _, problem in sorted(self._found, key=itemgetter(0))]

    def _report(
        self, sheet: Sheet, row: int | None, column: Column | None, message: Message
    ) -> None:
        position = (
            DATA_SHEETS.index(sheet),
            row or 0,
            -1 if column is None else sheet.columns.index(column),
        )
        header = None if column is None else column.header
        self._found.append((position, SheetProblem(sheet.title, row, header, message)))

    def _rows(self, sheet: Sheet) -> list[_Row] | None:
        """The non-blank data rows of ``sheet``, or None when its structure is broken."""
        if sheet.title not in self.workbook.sheetnames:
            self._report(sheet, None, None, _MISSING_SHEET)
            return None
        rows = sheet_rows(self.workbook, sheet.title)
        try:
            header = next(rows, ())
        except SheetUnreadable:
            self._report(sheet, None, None, _UNREADABLE_SHEET)
            return None
        positions: dict[str, int] = {}
        for index, title in enumerate(header):
            positions.setdefault(_header(title), index)
        missing = [
            column
            for column in sheet.columns
            if column.header not in positions and not column.optional
        ]
        for column in missing:
            self._report(sheet, HEADER_ROW, column, _MISSING_COLUMN)
        if missing:
            return None
        present = [column for column in sheet.columns if column.header in positions]
        parsed = []
        try:
            for number, values in enumerate(rows, start=FIRST_DATA_ROW):
                cells = {
                    column: values[positions[column.header]]
                    if positions[column.header] < len(values)
                    else None
                    for column in present
                }
                if not all(_blank(value) for value in cells.values()):
                    parsed.append(self._parse_row(sheet, number, cells, positions))
        except SheetTooLarge:
            self._report(sheet, None, None, Message(_TOO_MANY_ROWS, {"most": XLSX_ROWS_MAX}))
            return None
        except SheetUnreadable:
            self._report(sheet, None, None, _UNREADABLE_SHEET)
            return None
        return parsed

    def _parse_row(
        self, sheet: Sheet, number: int, cells: dict[Column, Any], positions: dict[str, int]
    ) -> _Row:
        row = _Row(number, {})
        for column, raw in cells.items():
            if _blank(raw):
                if column.required:
                    formula = self._formula(sheet, number, positions[column.header])
                    problem = (
                        _EMPTY_CELL
                        if formula is None
                        else Message(_FORMULA_CELL, {"formula": formula})
                    )
                    self._report(sheet, number, column, problem)
                    row.readable = False
                continue
            try:
                row.values[column.field] = _parse_cell(column, raw)
            except CellError as error:
                self._report(sheet, number, column, error.message)
                row.readable = False
        return row

    def _formula(self, sheet: Sheet, row: int, index: int) -> str | None:
        """The formula of a cell that reads empty: saved without its result (by a program,
        not by Excel or WPS), it has no value to import."""
        if sheet.title not in self._formulas:
            self._formulas[sheet.title] = formula_cells(self.path, sheet.title)
        return self._formulas[sheet.title].get((row, index))

    def _drafts(self, item_rows: list[_Row]) -> dict[str, _Draft]:
        drafts: dict[str, _Draft] = {}
        for row in item_rows:
            code = row.values.get("basic_code")
            if code is None:
                continue
            if code in drafts:
                self._report(
                    ITEMS,
                    row.number,
                    ITEMS.column("basic_code"),
                    Message(_DUPLICATE_CODE, {"code": code, "other": drafts[code].row.number}),
                )
                continue
            drafts[code] = _Draft(row)
        return drafts

    def _attach(self, drafts: dict[str, _Draft], sheet: Sheet, rows: list[_Row], kind: str) -> None:
        for row in rows:
            code = row.values.get(LINK_FIELD)
            if code is None:
                continue
            draft = drafts.get(code)
            if draft is None:
                self._report(
                    sheet,
                    row.number,
                    sheet.column(LINK_FIELD),
                    Message(_UNKNOWN_CODE, {"code": code, "sheet": ITEMS.title}),
                )
                continue
            getattr(draft, kind).append(row)


def _locate(draft: _Draft, where: str) -> tuple[Sheet, int, Column | None]:
    """Map a :func:`validate_item` location (``materials[2].form``) to sheet, row, column."""
    match = _INDEXED.match(where)
    if match is None:
        field_name = "basic_code" if where == "materials" else where
        return ITEMS, draft.row.number, ITEMS.find(field_name)
    kind, index, field_name = match.groups()
    if kind == "materials":
        row = draft.materials[int(index) - 1]
        return MATERIALS, row.number, MATERIALS.find(field_name or "name")
    return SITUATIONS, draft.situations[int(index) - 1].number, SITUATIONS.find("key")


def _parse_cell(column: Column, raw: Any) -> Any:
    if column.kind is Kind.WHOLE_NUMBER:
        return _whole_number(raw)
    if column.kind is Kind.AMOUNT:
        return _amount(raw)
    text = _text(raw)
    if column.kind is Kind.YES_NO:
        if isinstance(raw, bool):
            return raw
        _check_choice(text, column.allowed)
        return text == YES
    if column.kind is Kind.CHOICE:
        _check_choice(text, column.allowed)
    if column.kind is Kind.OPTIONS:
        return parse_options(text)
    if column.kind is Kind.CONDITIONS:
        return parse_conditions(text)
    return text


def _whole_number(raw: Any) -> int:
    number = isinstance(raw, int) or (isinstance(raw, float) and math.isfinite(raw))
    if number and not isinstance(raw, bool):
        if raw >= 10**_DIGITS_MAX:
            raise CellError(_TOO_MANY_DIGITS, digits=int(math.log10(raw)) + 1)
        if raw >= 0 and float(raw).is_integer():
            return int(raw)
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        if _WHOLE_NUMBER.match(text):
            if len(text) > _DIGITS_MAX:
                raise CellError(_TOO_MANY_DIGITS, digits=len(text))
            return int(text)
    raise CellError(_NOT_WHOLE_NUMBER, value=_text(raw))


def _amount(raw: Any) -> str:
    """A fee in yuan with two decimals: 80 or 80.5 typed (or stored as a number by Excel) is
    80.00 or 80.50; anything else is kept as typed, for the rules to say what to write."""
    if isinstance(raw, bool):
        return _text(raw)
    text = unicodedata.normalize("NFKC", repr(raw) if isinstance(raw, float) else str(raw))
    text = text.strip()
    if _AMOUNT.match(text):
        return f"{Decimal(text):.2f}"
    return text


def _check_choice(text: str, allowed: tuple[str, ...]) -> None:
    if text not in allowed:
        raise CellError(_NOT_A_CHOICE, value=text, allowed="、".join(allowed))


def _text(value: Any) -> str:
    """Cell text as the administrator sees it: 12 typed into a text column is "12", not 12.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header(title: Any) -> str:
    """Header text with full-width brackets and stray spaces folded, so （工作日） matches."""
    return unicodedata.normalize("NFKC", _text(title))


_MISSING_SHEET = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "this sheet is missing; start from the template written by "
        "“clerk-desk catalog export-template FILE”",
    )
)
_MISSING_COLUMN = Message(
    QT_TRANSLATE_NOOP("core", "this column is missing from the header row; add it back")
)
_EMPTY_CELL = Message(QT_TRANSLATE_NOOP("core", "this cell must not be empty"))
_NO_ITEMS = Message(QT_TRANSLATE_NOOP("core", "the sheet has no items; fill in one row per item"))
_DUPLICATE_CODE = QT_TRANSLATE_NOOP("core", "basic code {code} is already used on row {other}")
_UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "core", "no item on sheet {sheet} has basic code {code}; add the item or correct the code"
)
_NOT_WHOLE_NUMBER = QT_TRANSLATE_NOOP("core", "must be a whole number of 0 or more, not {value!r}")
# 数字有 {digits} 位，远超任何上限
_TOO_MANY_DIGITS = QT_TRANSLATE_NOOP("core", "the number has {digits} digits, far over any limit")
# 此单元格是公式（{formula}），文件中没有保存其结果；请复制该列并“选择性粘贴 → 数值”后保存
_FORMULA_CELL = QT_TRANSLATE_NOOP(
    "core",
    "this cell holds a formula ({formula}) whose result was not saved in the file; "
    "copy the column and paste it back as values (选择性粘贴 → 数值), then save",
)
# 此工作表超过 {most} 行；事项目录不会有这么多行，请删去多余的行
_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "core", "this sheet has more than {most} rows; remove the rows that are not catalog data"
)
# 此工作表中有无法读取的内容（例如长达数千位的数字）；请在 Excel 或 WPS 中重新保存
_UNREADABLE_SHEET = Message(
    QT_TRANSLATE_NOOP(
        "core",
        "this sheet holds content no spreadsheet program writes (such as a number thousands "
        "of digits long); save the file again from Excel or WPS",
    )
)
_NOT_A_CHOICE = QT_TRANSLATE_NOOP("core", "{value!r} is not one of: {allowed}")
