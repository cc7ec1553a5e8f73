"""Refresh the Simplified Chinese catalogue: lupdate over the code, then lrelease to .qm.

Run from anywhere: ``python tools/update_translations.py``. Idempotent: strings already
translated keep their translation, new ones come in as ``unfinished``, removed ones are dropped
(``-no-obsolete``), and no source locations are stored, so only real changes show in diffs.
``--ts``/``--qm`` write elsewhere (the translation test uses a temp copy).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("clerk_desk", "ui")
TS_FILE = ROOT / "resources" / "translations" / "clerk_desk_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def tool(name: str) -> str:
    """The PySide6 tool next to this Python first (a venv need not be on PATH)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this Python environment")
    return found


def lupdate(ts_file: Path) -> None:
    command = [
        tool("pyside6-lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        "zh_CN",
        *(str(ROOT / folder) for folder in SOURCE_DIRS),
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, check=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file to update")
    parser.add_argument("--qm", type=Path, default=None, help="where to write the .qm file")
    args = parser.parse_args(argv)
    ts_file: Path = args.ts
    qm_file: Path = args.qm or ts_file.with_suffix(".qm")
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    lupdate(ts_file)
    lrelease(ts_file, qm_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
