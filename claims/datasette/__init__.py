"""Datasette metadata for a claims database (``datasette claims.db -m <metadata.json>``).

The database needs no configuration: ``quote_fts`` is declared ``content="quote"`` so Datasette
finds the full-text index by itself. The metadata only adds titles, descriptions, provenance
and canned queries; :func:`metadata_for` renames its database key for files not called
``claims.db``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

METADATA_FILE = Path(__file__).with_name("metadata.json")


def metadata_for(db_name: str = "claims") -> dict[str, Any]:
    """The shipped metadata, with its database section under ``db_name`` (the file stem)."""
    data = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    databases = data.get("databases", {})
    if "claims" in databases and db_name != "claims":
        databases[db_name] = databases.pop("claims")
    return data
