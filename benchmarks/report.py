"""One benchmark result row and the Markdown table the runner prints for the README."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """An upper limit on the measured value, or on its ratio to the baseline."""

    limit: float
    on_ratio: bool = False

    def describe(self, unit: str) -> str:
        return f"≤ {self.limit:g}×" if self.on_ratio else f"≤ {self.limit:g} {unit}"


@dataclass(frozen=True)
class Result:
    """``value`` is None when the benchmark could not run; ``note`` then says why."""

    name: str
    unit: str
    value: float | None
    baseline: float | None = None
    baseline_name: str = ""
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not available"
        if self.target is None:
            return "—"
        checked = self.ratio if self.target.on_ratio else self.value
        if checked is None:
            return "not available"
        return "pass" if checked <= self.target.limit else "FAIL"

    @property
    def failed(self) -> bool:
        return self.verdict == "FAIL"


def _amount(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.{2 if value < 10 else 1}f} {unit}"


def markdown_table(results: Sequence[Result]) -> str:
    lines = [
        "| Benchmark | Measured | Baseline | Ratio | Target | Result |",
        "|---|---:|---|---:|---|---|",
    ]
    for r in results:
        baseline = _amount(r.baseline, r.unit)
        if r.baseline_name:
            baseline = f"{baseline} ({r.baseline_name})"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}×"
        target = "—" if r.target is None else r.target.describe(r.unit)
        verdict = f"{r.verdict}: {r.note}" if r.note else r.verdict
        lines.append(
            f"| {r.name} | {_amount(r.value, r.unit)} | {baseline} | {ratio} | {target} "
            f"| {verdict} |"
        )
    return "\n".join(lines)
