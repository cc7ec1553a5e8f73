"""The committed Simplified Chinese catalogue is complete, current, and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from clerk_desk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "update_translations.py"
TS = resource_path("translations", "clerk_desk_zh_CN.ts")
QM = resource_path("translations", "clerk_desk_zh_CN.qm")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def refresh_copy(tmp_path: Path) -> tuple[Path, Path]:
    ts_copy = tmp_path / TS.name
    shutil.copyfile(TS, ts_copy)
    qm_copy = tmp_path / QM.name
    subprocess.run(
        [sys.executable, str(SCRIPT), "--ts", str(ts_copy), "--qm", str(qm_copy)],
        check=True,
        timeout=120,
    )
    return ts_copy, qm_copy


def test_every_message_is_translated() -> None:
    problems = []
    for (context, source), message in messages(TS).items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in {"unfinished", "vanished", "obsolete", "missing"}:
            problems.append(f"{context}: {source!r} is {kind}")
        elif translation is not None and not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} has an empty translation")
    assert problems == [], "run tools/update_translations.py and translate:\n" + "\n".join(problems)


def test_no_string_in_the_code_is_missing_from_the_catalogue(tmp_path: Path) -> None:
    ts_copy, _qm_copy = refresh_copy(tmp_path)
    missing = sorted(set(messages(ts_copy)) - set(messages(TS)))
    assert missing == [], "new strings; run tools/update_translations.py:\n" + "\n".join(
        f"{context}: {source!r}" for context, source in missing
    )
    stale = sorted(set(messages(TS)) - set(messages(ts_copy)))
    assert stale == [], "strings no longer in the code; run tools/update_translations.py"


def test_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    ts_copy = tmp_path / TS.name
    shutil.copyfile(TS, ts_copy)
    qm_fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(ts_copy), "-qm", str(qm_fresh)], check=True, timeout=60
    )
    assert qm_fresh.read_bytes() == QM.read_bytes(), "run tools/update_translations.py"
