"""Small helpers for portable SQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: SQLite allows 32,766 bound parameters per statement; stay well below.
IN_CHUNK = 900


def chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """Slices of ``values`` small enough for an ``IN (...)`` list."""
    for i in range(0, len(values), size):
        yield values[i : i + size]
