"""claims: who said what in the news, as a queryable database.

``import claims`` stays light (the CLI imports it on every run); the analysts' API
(``claims.open``, ``claims.parse_text``) and ``claims.plots`` load pandas and matplotlib
only when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = ("ClaimsDB", "open", "parse_text", "add_sectors", "sector_of", "sector_labels")

if TYPE_CHECKING:
    from claims import plots
    from claims.api import ClaimsDB, add_sectors, open, parse_text, sector_labels, sector_of


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module("claims.api"), name)
    if name == "plots":
        return import_module("claims.plots")
    raise AttributeError(f"module 'claims' has no attribute {name!r}")


__all__ = ["ClaimsDB", "add_sectors", "open", "parse_text", "plots", "sector_labels", "sector_of"]
