"""The append-only editorial log: every verdict, merge and rename, with old -> new as JSON.

Rows are only ever inserted (migration 0003 adds triggers, on SQLite and PostgreSQL, that refuse
UPDATE and DELETE on ``audit_log``), so a verdict cannot be overwritten without a trace.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from claims.models import AuditLog, utcnow

#: Triggers that make ``audit_log`` append-only, per dialect (created by migration 0003).
APPEND_ONLY_DDL: dict[str, list[str]] = {
    "sqlite": [
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: record a new entry instead');
END""",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: record a new entry instead';
END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    ],
}
APPEND_ONLY_DROP: dict[str, list[str]] = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_log_no_update",
               "DROP TRIGGER IF EXISTS audit_log_no_delete"],
    "postgresql": ["DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
                   "DROP FUNCTION IF EXISTS audit_log_append_only()"],
}


def default_actor() -> str | None:
    """Who is making a change when nobody said: $CLAIMS_REVIEWER, else the login name."""
    try:
        return os.environ.get("CLAIMS_REVIEWER") or getpass.getuser()
    except (OSError, KeyError):
        return None


def _jsonable(value: Any) -> Any:
    """Dates as ISO strings so the JSON column round-trips through any driver."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()
                                 if isinstance(v, (date, datetime)) else str(v)))


def record_change(conn: Connection, action: str, target_type: str, target_id: int,
                  old: dict[str, Any] | None, new: dict[str, Any] | None,
                  actor: str | None = None) -> None:
    """Append one change to the log (inside the caller's transaction)."""
    conn.execute(insert(AuditLog).values(
        at=utcnow(), actor=actor or default_actor(), action=action, target_type=target_type,
        target_id=target_id, old=_jsonable(old), new=_jsonable(new)))


def _related_targets(conn: Connection, target_type: str, target_id: int) -> list[tuple[str, int]]:
    """A quote's history also shows its claim's and its speaker's changes."""
    targets = [(target_type, target_id)]
    if target_type == "quote":
        row = conn.execute(text("SELECT claim_id, speaker_id FROM quote WHERE id = :id"),
                           {"id": target_id}).first()
        if row and row[0] is not None:
            targets.append(("claim", row[0]))
        if row and row[1] is not None:
            targets.append(("speaker", row[1]))
    return targets


def history(conn: Connection, target_type: str | None = None, target_id: int | None = None,
            limit: int | None = None, related: bool = True) -> list[dict[str, Any]]:
    """Log entries, oldest first; for one target (and, for a quote, its claim and speaker)."""
    where, params = "", {}
    if target_type is not None and target_id is not None:
        targets = (_related_targets(conn, target_type, target_id) if related
                   else [(target_type, target_id)])
        clauses = []
        for i, (tt, tid) in enumerate(targets):
            clauses.append(f"(target_type = :tt{i} AND target_id = :tid{i})")
            params.update({f"tt{i}": tt, f"tid{i}": tid})
        where = "WHERE " + " OR ".join(clauses)
    sql = (f"SELECT id, at, actor, action, target_type, target_id, old, new FROM audit_log "
           f"{where} ORDER BY id")
    if limit:
        latest = sql.replace("ORDER BY id", "ORDER BY id DESC")
        sql = f"SELECT * FROM ({latest} LIMIT {int(limit)}) AS latest ORDER BY id"
    rows = []
    for r in conn.execute(text(sql), params).mappings():
        row = dict(r)
        for col in ("old", "new"):
            if isinstance(row[col], str):
                row[col] = json.loads(row[col])
        row["target"] = f"{row['target_type'][0]}{row['target_id']}"
        row["change"] = describe_change(row["action"], row["old"], row["new"])
        rows.append(row)
    return rows


def describe_change(action: str, old: dict | None, new: dict | None) -> str:
    """A one-line human reading of a log entry (``unreviewed -> false``)."""
    old, new = old or {}, new or {}
    if action == "review":
        before = old.get("verdict", "unreviewed")
        line = f"{before} -> {new.get('verdict')}"
        return line + (f" ({new['note']})" if new.get("note") else "")
    if action == "speaker.merge":
        dup = new.get("merged", {})
        return f"merged s{dup.get('id')} {dup.get('name')!r} ({new.get('quotes_moved')} quotes)"
    if action == "speaker.merged_into":
        keep = new.get("merged_into", {})
        return f"merged into s{keep.get('id')} {keep.get('name')!r}"
    if action == "speaker.rename":
        return f"{old.get('name')!r} -> {new.get('name')!r}"
    return json.dumps(new, ensure_ascii=False)[:120]
