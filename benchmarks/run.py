"""Run the benchmarks and print a Markdown table for the README's performance section.

    python benchmarks/run.py            # every bench_*.py module here
    python benchmarks/run.py search     # only bench_search.py
    python benchmarks/run.py report dashboard   # the supervisor's: 日报 and 统计 › 今日

``report`` and ``dashboard`` share a desk cache of 1,000,000 cases (``report_cache.py``): its
first build takes minutes, then it is kept in ``$CLERK_DESK_BENCH_CACHE`` (default
``<tmp>/clerk-desk-bench``) for the next runs; delete that folder to get the space back.

Each module has a ``run() -> list[Result]``; every result is measured against its baseline in
the same run, so the ratios hold on whatever machine runs them. Exit status 1 means a target
was missed; a benchmark that cannot run (e.g. no UI yet) reports "not available" instead.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from report import Result, markdown_table

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [name for name in names if name not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(available())}")
        return 2
    results: list[Result] = []
    for name in names:
        print(f"== {name}", flush=True)
        results.extend(importlib.import_module(f"bench_{name}").run())
    print()
    print(markdown_table(results))
    return 1 if any(result.failed for result in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
