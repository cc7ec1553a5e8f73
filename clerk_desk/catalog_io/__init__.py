"""The service catalog as an Excel workbook (.xlsx): template, import and export.

Sheets 说明 (instructions and the catalog version), 事项 (one row per item), 材料 (one row per
material) and 情形 (one row per situation question); see :mod:`.layout` for the columns and
:mod:`.cell_formats` for the 选项 and 适用情形 cell formats.
"""

from clerk_desk.catalog_io.problems import CatalogFileError, CatalogFileRejected, SheetProblem
from clerk_desk.catalog_io.reader import ImportedCatalog, read_catalog
from clerk_desk.catalog_io.writer import write_catalog, write_template

__all__ = [
    "CatalogFileError",
    "CatalogFileRejected",
    "ImportedCatalog",
    "SheetProblem",
    "read_catalog",
    "write_catalog",
    "write_template",
]
