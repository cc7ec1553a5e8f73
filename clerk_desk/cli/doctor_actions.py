"""What ``clerk-desk doctor`` does: run the checks and print what to fix.

Exit status 0 when no check failed with an error (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys

from clerk_desk import __version__, diagnostics, paths
from clerk_desk.i18n import QT_TRANSLATE_NOOP, translate

STATUS_LABELS = {
    "ok": QT_TRANSLATE_NOOP("core", "OK"),
    "warning": QT_TRANSLATE_NOOP("core", "WARNING"),
    "error": QT_TRANSLATE_NOOP("core", "ERROR"),
}


def run(args: argparse.Namespace) -> int:
    location = paths.resolve(args.data_dir, args.demo)
    results = diagnostics.headless_checks(location, demo=args.demo)
    failed = diagnostics.has_errors(results)
    if args.json:
        report = {
            "version": __version__,
            "data_dir": str(location.root),
            "demo": bool(args.demo),
            "ok": not failed,
            "checks": [result.as_dict() for result in results],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(_text_report(location, results))
    return 1 if failed else 0


def _text_report(location: paths.DataDir, results: list[diagnostics.CheckResult]) -> str:
    labels = {status: translate("core", label) for status, label in STATUS_LABELS.items()}
    width = max(len(label) for label in labels.values())
    lines = [
        translate("core", "clerk-desk {version} doctor: {path}").format(
            version=__version__, path=location.root
        )
    ]
    for result in results:
        label = labels[result.status].ljust(width)
        lines.append(f"[{label}] {result.title.render()}: {result.detail.render()}")
        if result.remedy is not None and not result.ok:
            lines.append(f"{' ' * (width + 3)}→ {result.remedy.render()}")
    counts = {status: sum(r.status == status for r in results) for status in STATUS_LABELS}
    lines.append(
        translate("core", "{ok} ok, {warnings} warning(s), {errors} error(s)").format(
            ok=counts["ok"], warnings=counts["warning"], errors=counts["error"]
        )
    )
    return "\n".join(lines)
