"""Writing catalog workbooks: the blank template and exports of the current catalog."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from clerk_desk.catalog_io.cell_formats import format_conditions, format_options
from clerk_desk.catalog_io.layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    ITEMS,
    LINK_FIELD,
    MATERIALS,
    NO,
    SITUATIONS,
    VERSION_LABEL,
    YES,
    Column,
    Kind,
    Sheet,
)
from clerk_desk.catalog_io.problems import CatalogFileError
from clerk_desk.catalog_io.template_content import EXAMPLE_ITEM, instruction_rows
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.i18n import QT_TRANSLATE_NOOP

SPARE_VALIDATED_ROWS = 1000
"""Drop-downs reach this many rows below the data, so rows the administrator adds get them."""

_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4C4")
_BOLD = Font(bold=True)

Row = dict[str, Any]


def write_template(path: Path) -> None:
    """A workbook with every sheet, header, drop-down and the 说明, holding one example item."""
    write_catalog(path, [EXAMPLE_ITEM], version="")


def write_catalog(path: Path, items: Sequence[ServiceItem], version: str) -> None:
    if path.suffix.lower() != ".xlsx":
        raise CatalogFileError(
            QT_TRANSLATE_NOOP("core", "The file name must end in .xlsx: {path}"), path=str(path)
        )
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    _fill_instructions(workbook.create_sheet(INSTRUCTIONS_SHEET), version)
    for sheet, rows in (
        (ITEMS, [_item_row(item) for item in items]),
        (MATERIALS, _material_rows(items)),
        (SITUATIONS, _situation_rows(items)),
    ):
        _fill_sheet(workbook.create_sheet(sheet.title), sheet, rows)
    _save(workbook, path)


def _item_row(item: ServiceItem) -> Row:
    return {column.field: getattr(item, column.field) for column in ITEMS.columns}


def _material_rows(items: Iterable[ServiceItem]) -> list[Row]:
    return [
        {
            column.field: item.basic_code
            if column.field == LINK_FIELD
            else getattr(material, column.field)
            for column in MATERIALS.columns
        }
        for item in items
        for material in item.materials
    ]


def _situation_rows(items: Iterable[ServiceItem]) -> list[Row]:
    return [
        {
            LINK_FIELD: item.basic_code,
            "key": situation.key,
            "question": situation.question,
            "options": situation.options,
        }
        for item in items
        for situation in item.situations
    ]


def _cell_value(column: Column, value: Any) -> Any:
    if column.kind is Kind.YES_NO:
        return YES if value else NO
    if column.kind is Kind.OPTIONS:
        return format_options(value)
    if column.kind is Kind.CONDITIONS:
        return format_conditions(value)
    return value


def _fill_sheet(worksheet: Worksheet, sheet: Sheet, rows: list[Row]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        header = worksheet.cell(HEADER_ROW, index, column.header)
        header.font = _BOLD
        header.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        worksheet.column_dimensions[get_column_letter(index)].width = column.width
        for number, row in enumerate(rows, start=FIRST_DATA_ROW):
            cell = worksheet.cell(number, index, _cell_value(column, row[column.field]))
            if isinstance(cell.value, str):
                # Keep text such as "=..." or "0012" as typed: never a formula, never a number.
                cell.data_type = "s"
                cell.number_format = "@"
            cell.alignment = Alignment(vertical="top", wrap_text=column.width >= 30)
    worksheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    last_row = FIRST_DATA_ROW + len(rows) + SPARE_VALIDATED_ROWS
    for index, column in enumerate(sheet.columns, start=1):
        if column.allowed:
            worksheet.add_data_validation(_drop_down(column, index, last_row))


def _drop_down(column: Column, index: int, last_row: int) -> DataValidation:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(column.allowed) + '"',
        allow_blank=not column.required,
        showErrorMessage=True,
        errorTitle=column.header,
        error="请从下拉列表中选择：" + "、".join(column.allowed),
    )
    letter = get_column_letter(index)
    validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
    return validation


def _fill_instructions(worksheet: Worksheet, version: str) -> None:
    worksheet.column_dimensions["A"].width = 22
    worksheet.column_dimensions["B"].width = 100
    title = worksheet.cell(1, 1, "事项目录导入模板 · 说明")
    title.font = Font(bold=True, size=14)
    label = worksheet.cell(2, 1, VERSION_LABEL)
    label.font = _BOLD
    value = worksheet.cell(2, 2, version)
    value.data_type = "s"
    value.fill = _REQUIRED_FILL
    for number, (topic, text) in enumerate(instruction_rows(), start=4):
        worksheet.cell(number, 1, topic).font = _BOLD
        worksheet.cell(number, 2, text).alignment = Alignment(wrap_text=True, vertical="top")


def _save(workbook: Workbook, path: Path) -> None:
    """Write beside the target and rename, so a failed write never leaves half a file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CatalogFileError(
            QT_TRANSLATE_NOOP("core", "Cannot write {path}: {reason}"),
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
