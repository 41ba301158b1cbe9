"""Verdicts on quotes and claims: the ``review`` table holds the current one, ``audit_log`` all.

Targets are written with a letter so a number is never ambiguous: ``q123`` is a quote,
``c45`` a claim, ``s7`` a speaker (history only).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from claims.errors import ClaimsError
from claims.models import utcnow

VERDICTS_FILE = Path(__file__).resolve().parent / "data" / "verdicts.toml"
TARGET_TYPES = {"q": "quote", "c": "claim", "s": "speaker"}
_TARGET = re.compile(r"([qcsQCS])\s*(\d+)")


class ReviewError(ClaimsError):
    """A review request the user can fix (unknown target, unknown verdict)."""


@cache
def verdict_data() -> dict[str, Any]:
    """The verdict list and their ClaimReview ratings (``data/verdicts.toml``)."""
    with VERDICTS_FILE.open("rb") as fh:
        return tomllib.load(fh)


def verdicts() -> list[str]:
    return list(verdict_data()["order"])


@dataclass(frozen=True, slots=True)
class Target:
    """A quote, claim or speaker named on the command line."""

    type: str
    id: int

    def __str__(self) -> str:
        return f"{self.type[0]}{self.id}"


def parse_target(ref: str, default_type: str | None = None) -> Target:
    """``q12`` / ``c5`` / ``s3``; a bare number only where the command implies the type."""
    ref = ref.strip()
    if m := _TARGET.fullmatch(ref):
        return Target(TARGET_TYPES[m.group(1).lower()], int(m.group(2)))
    if ref.isdigit() and default_type:
        return Target(default_type, int(ref))
    raise ReviewError(f"{ref!r} is not a target id; write q123 for a quote, c45 for a claim"
                      + (", s7 for a speaker" if default_type is None else ""))


def target_exists(conn: Connection, target: Target) -> bool:
    table = {"quote": "quote", "claim": "claim", "speaker": "speaker"}[target.type]
    return conn.execute(text(f"SELECT 1 FROM {table} WHERE id = :id"),
                        {"id": target.id}).first() is not None


def current_review(conn: Connection, target: Target) -> dict[str, Any] | None:
    row = conn.execute(text(
        "SELECT verdict, note, reviewer, updated_at FROM review "
        "WHERE target_type = :t AND target_id = :id"),
        {"t": target.type, "id": target.id}).mappings().first()
    return dict(row) if row else None


def set_verdict(conn: Connection, target: Target, verdict: str, note: str | None = None,
                reviewer: str | None = None) -> dict[str, Any]:
    """Record a verdict: update the current review, append old -> new to the audit log.

    Returns the new review with the previous verdict. A note left out keeps the previous one.
    """
    from claims.auditlog import default_actor, record_change

    if verdict not in verdicts():
        raise ReviewError(f"unknown verdict {verdict!r}; choose one of {', '.join(verdicts())}")
    if target.type not in ("quote", "claim"):
        raise ReviewError(f"only quotes (q123) and claims (c45) take verdicts, not {target}")
    if not target_exists(conn, target):
        hint = "claims search" if target.type == "quote" else "claims claims"
        raise ReviewError(f"no {target.type} {target}; find ids with `{hint}`")
    reviewer = reviewer or default_actor()
    before = current_review(conn, target)
    new = {"verdict": verdict, "note": note if note is not None else (before or {}).get("note"),
           "reviewer": reviewer}
    params = {**new, "t": target.type, "id": target.id, "at": utcnow()}
    if before is None:
        conn.execute(text(
            "INSERT INTO review (target_type, target_id, verdict, note, reviewer, updated_at) "
            "VALUES (:t, :id, :verdict, :note, :reviewer, :at)"), params)
    else:
        conn.execute(text(
            "UPDATE review SET verdict = :verdict, note = :note, reviewer = :reviewer, "
            "updated_at = :at WHERE target_type = :t AND target_id = :id"), params)
    old = None if before is None else {k: before[k] for k in ("verdict", "note", "reviewer")}
    record_change(conn, "review", target.type, target.id, old, new, reviewer)
    return {"target": str(target), **new,
            "previous": (before or {}).get("verdict", "unreviewed")}


def open_reviews(conn: Connection) -> list[dict[str, Any]]:
    """Reviews still in progress (the fact-checker's to-do list)."""
    return [dict(r) for r in conn.execute(text(
        "SELECT target_type, target_id, verdict, note, reviewer, updated_at FROM review "
        "WHERE verdict = 'in_progress' ORDER BY updated_at")).mappings()]
