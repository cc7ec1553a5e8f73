"""Problems found in a catalog workbook, located the way the spreadsheet shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class SheetProblem:
    """What to fix, and where: sheet title, the spreadsheet's own row number, column header.

    ``row`` and ``column`` are ``None`` for a problem with a whole sheet (e.g. it is missing).
    """

    sheet: str
    row: int | None
    column: str | None
    message: Message

    def render(self, language: str | None = None) -> str:
        if self.row is None:
            template = QT_TRANSLATE_NOOP("core", "sheet {sheet}: {problem}")
        elif self.column is None:
            template = QT_TRANSLATE_NOOP("core", "sheet {sheet}, row {row}: {problem}")
        else:
            template = QT_TRANSLATE_NOOP(
                "core", "sheet {sheet}, row {row}, column {column}: {problem}"
            )
        params = {"sheet": self.sheet, "row": self.row, "column": self.column}
        return Message(template, {**params, "problem": self.message}).render(language)


class CatalogFileError(UserError):
    """The file cannot be read as a catalog workbook at all (not .xlsx, corrupt, missing)."""


class CatalogFileRejected(UserError):
    """A workbook with faults is refused whole; ``problems`` lists every one of them."""

    def __init__(self, path: str, problems: Sequence[SheetProblem]) -> None:
        self.problems = list(problems)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} was refused with {count} problem(s); nothing was imported and the "
                "current catalog is unchanged. Fix these in the workbook and import it again:",
            ),
            path=path,
            count=len(self.problems),
        )
