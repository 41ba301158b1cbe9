"""The English quality gate of issue 7, measured on the shared BBC gold set when it is present.

The gold text is read at run time from ``../shared`` (never copied into the repository); the
test is skipped where the shared directory is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.evaluate import evaluate_file

BBC_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "bbc-dev.gold.jsonl"

# issue 7, "Must hold"
GATES = {
    "direct.overlap.f1": 0.95,
    "all.overlap.f1": 0.85,
    "speaker.acc": 0.90,
    "role.acc": 0.85,
}


@pytest.fixture(scope="module")
def bbc_metrics() -> dict[str, float | int | None]:
    if not BBC_DEV.exists():
        pytest.skip("shared BBC gold set not available")
    return evaluate_file(BBC_DEV).metrics


@pytest.mark.parametrize(("metric", "floor"), sorted(GATES.items()))
def test_bbc_dev_quality_gate(bbc_metrics: dict[str, float | int | None], metric: str,
                              floor: float) -> None:
    value = bbc_metrics[metric]
    assert value is not None and value >= floor, f"{metric} = {value} < {floor}"
