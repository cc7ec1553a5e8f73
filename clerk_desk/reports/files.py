"""A report's files: the workbook, the PDF and the JSON, written whole or not at all.

Shared by ``clerk-desk report``, the 日报 page and the report made by itself at a set time.
Every output is checked before anything is computed or written (a folder, a missing or
read-only folder, a pipe, the same file twice), then written to a hidden temporary file
beside it and renamed over the target, so a failure never leaves half a file behind.

The PDF needs Qt, which the core may not import: the caller hands in ``write_pdf``
(``ui.report_pdf.write_report_pdf``, or the CLI's lazy wrapper of it from ``ui.launcher``).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from clerk_desk.domain.report import Report
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

PdfWriter = Callable[[Report, Path, datetime], int]
"""``write_pdf(report, path, printed_at) -> pages``."""


class ReportFileError(UserError):
    """A report file that cannot be written where it was asked for (the message says why)."""


def report_json_text(report: Report) -> str:
    """THE JSON of a report (``clerk-desk report … --json`` prints exactly this)."""
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)


def report_file_stem(report: Report) -> str:
    """The name a report's files get: 日报-2026-12-07, or 报表-2026-12-01至2026-12-07."""
    if report.is_daily:
        return f"日报-{report.start.isoformat()}"
    return f"报表-{report.start.isoformat()}至{report.end.isoformat()}"


def check_outputs(*paths: Path | None) -> None:
    """Refuse, before any work, an output that cannot be written."""
    seen: set[Path] = set()
    for path in paths:
        if path is None:
            continue
        resolved = path.expanduser().absolute()
        if resolved in seen:
            raise ReportFileError(
                # 同一个文件 {path} 被指定了两次：请为每种格式选择各自的文件
                QT_TRANSLATE_NOOP(
                    "core", "{path} is named twice: give each kind of file its own name"
                ),
                path=str(path),
            )
        seen.add(resolved)
        _check_output(path)


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise ReportFileError(
            # {path} 是文件夹：请给出要写入的文件名
            QT_TRANSLATE_NOOP("core", "{path} is a folder: give the name of the file to write"),
            path=str(path),
        )
    with suppress(OSError):
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise ReportFileError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path} is not a regular file (it is a folder, a pipe or a device); "
                    "choose the file itself",
                ),
                path=str(path),
            )
    folder = path.expanduser().absolute().parent
    if not folder.is_dir():
        raise ReportFileError(
            # 文件夹 {folder} 不存在：请先创建它或选择其他文件夹
            QT_TRANSLATE_NOOP(
                "core", "The folder {folder} does not exist: create it or choose another one"
            ),
            folder=str(folder),
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReportFileError(
            QT_TRANSLATE_NOOP("core", "Cannot write {path} ({error}): choose another file"),
            path=str(path),
            error=os.strerror(13),
        )


def write_report_files(
    report: Report,
    *,
    xlsx: Path | None,
    pdf: Path | None,
    json_path: Path | None,
    write_pdf: PdfWriter | None,
    printed_at: datetime | None = None,
) -> list[Path]:
    """Write the asked-for files of ``report``; return them in the order written.

    ``printed_at`` (printed on the PDF) defaults to the time the report was made. Either every
    file is in place afterwards or, on a refusal, none of the temporary files is left (a file
    already there keeps its old content when its replacement could not be written)."""
    check_outputs(xlsx, pdf, json_path)
    if pdf is not None and write_pdf is None:
        raise ValueError("a PDF was asked for without a PDF writer")
    printed = printed_at if printed_at is not None else report.made_at
    jobs: list[tuple[Path, Callable[[Path], object]]] = []
    if xlsx is not None:
        jobs.append((xlsx, lambda temporary: _write_workbook(report, temporary)))
    if pdf is not None and write_pdf is not None:
        writer = write_pdf
        jobs.append((pdf, lambda temporary: writer(report, temporary, printed)))
    if json_path is not None:
        text = report_json_text(report) + "\n"
        jobs.append((json_path, lambda temporary: temporary.write_text(text, encoding="utf-8")))

    staged: list[tuple[Path, Path]] = []
    target = jobs[0][0] if jobs else Path()
    try:
        for target, write in jobs:
            temporary = target.with_name(f".{target.stem}.{os.getpid()}.tmp{target.suffix}")
            # Made here first: a place where no file can be made is refused with the disk's
            # own words (Qt's PDF writer would only warn and write nothing).
            with temporary.open("xb"):
                pass
            staged.append((temporary, target))
            write(temporary)
            _sync(temporary)
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as error:
        raise ReportFileError(
            QT_TRANSLATE_NOOP("core", "Cannot write {path} ({error}): choose another file"),
            path=str(target),
            error=error.strerror or str(error),
        ) from error
    finally:
        for temporary, _ in staged:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
    return [path for path, _ in jobs]


def _write_workbook(report: Report, path: Path) -> None:
    # openpyxl loads only when a workbook is asked for.
    from clerk_desk.reports.workbook import write_workbook

    write_workbook(report, path)


def _sync(path: Path) -> None:
    """The file's bytes on the disk before it takes the target's name; an empty file is a
    write that failed on the way (a full disk under Qt's PDF writer)."""
    if path.stat().st_size == 0:
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
