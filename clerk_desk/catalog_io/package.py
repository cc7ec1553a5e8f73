"""Opening a workbook without letting it expand without bound.

An .xlsx file is a zip of XML parts: a 1.6 MB file can unpack to gigabytes. The parts' sizes
are checked from the zip directory before anything is unpacked, the workbook is then read in
openpyxl's streaming (read-only) mode, and :func:`sheet_rows` stops at the row and column
limits of :mod:`clerk_desk.domain.limits`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from clerk_desk.catalog_io.problems import CatalogFileError
from clerk_desk.domain.limits import (
    XLSX_COLUMNS_MAX,
    XLSX_RATIO_MAX,
    XLSX_ROWS_MAX,
    XLSX_UNCOMPRESSED_MB_MAX,
)
from clerk_desk.i18n import QT_TRANSLATE_NOOP

MB = 1024 * 1024
# Small parts compress by any ratio (a sheet of blank cells); only big ones are judged by it.
_RATIO_CHECKED_FROM = MB
_READ_ERRORS = (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, SyntaxError)
_DAMAGED = QT_TRANSLATE_NOOP(
    "core",
    "{path} cannot be read as an .xlsx workbook; it may be damaged or in another "
    "format. Open it in Excel or WPS, save it again as .xlsx and retry",
)


class SheetTooLarge(Exception):
    """A sheet with more rows than :data:`XLSX_ROWS_MAX`; reading stopped there."""


def open_workbook(path: Path, *, formulas: bool = False) -> Workbook:
    """The workbook in read-only mode (close it after use): cached values, or the formulas
    themselves when ``formulas`` is true. Refused when it would unpack past the limits."""
    try:
        check_package(path)
        return load_workbook(path, read_only=True, data_only=not formulas)
    except _READ_ERRORS as error:
        raise CatalogFileError(_DAMAGED, path=str(path)) from error
    except OSError as error:
        raise CatalogFileError(
            QT_TRANSLATE_NOOP("core", "{path} cannot be read: {error}"),
            path=str(path),
            error=error.strerror or str(error),
        ) from error


def check_package(path: Path) -> None:
    """Refuse a workbook whose parts unpack past the size or ratio limit (a zip bomb)."""
    with zipfile.ZipFile(path) as package:
        parts = package.infolist()
    total = sum(part.file_size for part in parts)
    if total > XLSX_UNCOMPRESSED_MB_MAX * MB:
        raise CatalogFileError(
            # {path} 解压后有 {size} MB，超过 {limit} MB 的上限；请删去多余的工作表和内容
            QT_TRANSLATE_NOOP(
                "core",
                "{path} unpacks to {size} MB, over the {limit} MB limit of a catalog "
                "workbook; remove unneeded sheets and content",
            ),
            path=str(path),
            size=total // MB,
            limit=XLSX_UNCOMPRESSED_MB_MAX,
        )
    for part in parts:
        if part.file_size > _RATIO_CHECKED_FROM and part.file_size > XLSX_RATIO_MAX * max(
            part.compress_size, 1
        ):
            raise CatalogFileError(
                # {path} 的 {part} 压缩比超过 {limit} 倍，不像正常的工作簿；请在 Excel 或 WPS
                # 中重新保存
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path}: its part {part} is compressed more than {limit} times, which no "
                    "real workbook is; save it again from Excel or WPS",
                ),
                path=str(path),
                part=part.filename,
                limit=XLSX_RATIO_MAX,
            )


class SheetUnreadable(Exception):
    """A sheet whose XML holds what no spreadsheet program writes (a number of thousands of
    digits); read in streaming mode, it fails part way."""


def sheet_rows(workbook: Workbook, title: str) -> Iterator[tuple[Any, ...]]:
    """The rows of a sheet (at most :data:`XLSX_COLUMNS_MAX` cells each); raises
    :class:`SheetTooLarge` past :data:`XLSX_ROWS_MAX` rows, :class:`SheetUnreadable` when
    a row cannot be parsed."""
    rows = workbook[title].iter_rows(max_col=XLSX_COLUMNS_MAX, values_only=True)
    for number in range(1, XLSX_ROWS_MAX + 2):
        try:
            row = next(rows)
        except StopIteration:
            return
        except _READ_ERRORS as error:
            raise SheetUnreadable(title) from error
        if number > XLSX_ROWS_MAX:
            raise SheetTooLarge(title)
        yield row


def formula_cells(path: Path, title: str) -> dict[tuple[int, int], str]:
    """The formulas of a sheet by (row, column index from 0), to say why a cell reads empty."""
    workbook = open_workbook(path, formulas=True)
    try:
        return {
            (number, index): value
            for number, row in enumerate(sheet_rows(workbook, title), start=1)
            for index, value in enumerate(row)
            if isinstance(value, str) and value.startswith("=")
        }
    finally:
        workbook.close()
