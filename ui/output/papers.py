"""Printing the papers of 出件 (缴款通知书, 送达回证, 邮寄单) on the device thread.

On the window's default printer; without one, as PDF files in the desk's ``papers`` folder,
as the intake workspace does, so a demo desk and the tests see what would have printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from clerk_desk.documents.papers import Paper
from clerk_desk.documents.render import render_html
from clerk_desk.domain.case import Case
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker, JobControl
from ui.printing import print_to_printer, render_pdf


def print_paper(
    worker: DeskWorker,
    case: Case,
    paper: Paper,
    on_done: Callable[[Path | None], None],
    on_failure: Callable[[UserError], None],
) -> None:
    """Print ``paper``; ``on_done`` gets the PDF written when no printer is set up."""
    if worker.desk is None:
        return
    html = render_html(paper)
    folder = worker.desk.data_dir.root / "papers"
    stem = (case.case_no or case.uuid).replace("/", "-")
    path = folder / f"{stem}-{paper.title}.pdf"
    printer_name = QPrinterInfo.defaultPrinterName()

    def run(_: JobControl) -> Path | None:
        if printer_name:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(printer_name)
            print_to_printer(html, printer)
            return None
        folder.mkdir(parents=True, exist_ok=True)
        render_pdf(html, path)
        return path

    worker.run_device(run, on_done, on_failure)
