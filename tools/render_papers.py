"""Render every example paper to PDF and PNG to look at them.

``python tools/render_papers.py [OUT_DIR] [--training] [--dpi 80]``: one PDF per paper (the
examples of ``clerk_desk.documents.examples``, ``review_examples`` and ``proxy_examples``,
the same ones the tests read back, and the 帮办事项核对单 of ``assisted_example``) and a PNG
per page made from that PDF with poppler's ``pdftoppm``, so the PNG shows what the PDF holds.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication

from clerk_desk.documents import assisted_example, examples, proxy_examples, review_examples
from clerk_desk.documents.render import Printable, render_html
from ui.printing import render_pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder (default: a new temp folder)")
    parser.add_argument("--training", action="store_true", help="print the training note")
    parser.add_argument("--dpi", type=int, default=80, help="PNG resolution (default 80)")
    args = parser.parse_args()
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="papers-"))
    out.mkdir(parents=True, exist_ok=True)

    _fonts_need_an_app = QGuiApplication(sys.argv[:1])
    papers: dict[str, Printable] = {
        **examples.all_examples(),
        **review_examples.all_examples(),
        **proxy_examples.all_examples(),
        "assisted_summary": assisted_example.example(),
    }
    for key, paper in papers.items():
        if args.training:
            header = dataclasses.replace(paper.header, training=True)
            paper = dataclasses.replace(paper, header=header)
        pdf = out / f"{key}.pdf"
        pages = render_pdf(render_html(paper), pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(out / key)], check=True
        )
        print(f"{pdf}  ({pages} page{'s' if pages > 1 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
