"""The desk's copy of the dishonesty list (失信名单): loading it from CSV and looking people up.

An import replaces the whole list, as the file is the list's current state. CSV files saved
by Excel on Chinese Windows are GB18030 rather than UTF-8; both are read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from clerk_desk.domain.credit_list import Listing, listings_from_rows, normalise_number
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.imported_files import read_regular_file
from local_cache.db import Database
from local_cache.repositories import credit_list_repo
from local_cache.schema import DishonestParty


class CreditListFileRejected(UserError):
    """A list file with any fault; nothing was loaded. ``problems`` lists every fault."""

    def __init__(self, path: Path, problems: list[Message]) -> None:
        self.problems = problems
        super().__init__(
            # {path}有{count}处问题，未导入任何名单。请在文件中改正后重新导入：
            QT_TRANSLATE_NOOP(
                "core",
                "{path} was refused with {count} problem(s); the list was not changed. "
                "Fix these in the file and import it again:",
            ),
            path=str(path),
            count=len(problems),
        )


class CreditListFileUnreadable(UserError):
    pass


class CreditListWouldEmpty(UserError):
    """A file with a header and no rows: most likely a failed export, not an emptied list."""


class CreditList:
    def __init__(self, database: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.database = database
        self.clock = clock

    def import_file(self, path: Path, allow_empty: bool = False) -> list[Listing]:
        """Replace the list with the file's rows; refused whole on any problem. A file with
        no rows empties the list only when ``allow_empty`` says that is meant."""
        header, rows = _read_csv(path)
        listings, problems = listings_from_rows(header, rows, self.clock().date())
        if problems:
            raise CreditListFileRejected(path, problems)
        if not listings and not allow_empty and self.listings():
            raise CreditListWouldEmpty(
                # {path} 中没有任何主体，导入将清空现有的 {count} 个主体；名单未改变。
                # 如确需清空名单，请加上 --allow-empty 重新导入
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path} lists no parties; importing it would empty the list of its {count} "
                    "part(ies). The list was not changed; to empty it, import again with "
                    "--allow-empty",
                ),
                path=str(path),
                count=len(self.listings()),
            )
        with self.database.write() as session:
            credit_list_repo.replace_all(
                session,
                (
                    {
                        "number": listing.number,
                        "name": listing.name,
                        "source": listing.source,
                        "listed_on": listing.listed_on,
                        "note": listing.note,
                    }
                    for listing in listings
                ),
            )
        return listings

    def is_listed(self, number: str) -> Listing | None:
        """The listing of this ID number or credit code, however it was typed."""
        key = normalise_number(number, self.clock().date())
        if key is None:
            return None
        with self.database.read() as session:
            row = credit_list_repo.find(session, key)
            return None if row is None else _listing(row)

    def listings(self) -> list[Listing]:
        with self.database.read() as session:
            return [_listing(row) for row in credit_list_repo.all_parties(session)]


def _listing(row: DishonestParty) -> Listing:
    return Listing(row.number, row.name, row.source, row.listed_on, row.note)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        data = read_regular_file(path)
    except OSError as error:
        raise CreditListFileUnreadable(
            # 无法读取{path}：{error}
            QT_TRANSLATE_NOOP("core", "{path} cannot be read: {error}"),
            path=str(path),
            error=error.strerror or str(error),
        ) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as error:
            raise CreditListFileUnreadable(
                # {path}不是 UTF-8 或 GB18030 编码的 CSV 文件
                QT_TRANSLATE_NOOP("core", "{path} is not a CSV file in UTF-8 or GB18030"),
                path=str(path),
            ) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        table = list(reader)
    except csv.Error as error:
        raise CreditListFileUnreadable(
            # {path} 第 {line} 行无法读取（{error}）；字段最长 {most} 个字符
            QT_TRANSLATE_NOOP(
                "core",
                "{path} cannot be read at line {line} ({error}); a field may hold at most "
                "{most} characters",
            ),
            path=str(path),
            line=reader.line_num,
            error=str(error),
            most=csv.field_size_limit(),
        ) from error
    if not table:
        return [], []
    return table[0], table[1:]
