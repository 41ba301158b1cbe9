"""The compiled-parser build helpers (setup.py, claims.parse.COMPILED)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import claims.parse
from claims.parse import stale_compiled_modules


def _touch(path: Path, mtime: float) -> None:
    path.write_text("")
    os.utime(path, (mtime, mtime))


def test_a_source_edited_after_its_compiled_module_is_stale(tmp_path: Path) -> None:
    _touch(tmp_path / "names.cpython-311-x86_64-linux-gnu.so", 1_000)
    _touch(tmp_path / "names.py", 2_000)
    _touch(tmp_path / "quotes.cpython-311-x86_64-linux-gnu.so", 2_000)
    _touch(tmp_path / "quotes.py", 1_000)
    assert stale_compiled_modules(tmp_path) == ["names.py"]


def test_a_pure_python_checkout_has_no_stale_module(tmp_path: Path) -> None:
    _touch(tmp_path / "names.py", 2_000)
    assert stale_compiled_modules(tmp_path) == []


@pytest.mark.skipif("CLAIMS_EXPECT_COMPILED" not in os.environ,
                    reason="set by scripts/check-compiled.py for the compiled build")
def test_the_build_under_test_is_the_one_expected() -> None:
    expected = os.environ["CLAIMS_EXPECT_COMPILED"] == "1"
    assert claims.parse.COMPILED is expected
