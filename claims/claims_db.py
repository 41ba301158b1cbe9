"""Claims in the database: grouping stored quotes into claims, with ids that stay put.

The grouping rules themselves live in :mod:`claims.claimgroup` (pure). This module loads the
quotes, calls :func:`claims.claimgroup.group_claims` per language, and writes ``claim`` rows,
``quote.claim_id`` and ``quote.relation`` (the relation to the claim's first appearance).

Stable ids: a verdict is recorded on a claim id, so a regroup must not move it. Each new group
takes the id of the previous claim that had the same first quote, else of the previous claim
holding most of its members; a genuinely new claim gets an id never used before (also not by a
claim that was reviewed and later dissolved).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from claims.claimgroup import Appearance, ClaimGroup, GroupingRules, group_claims
from claims.errors import ClaimsError
from claims.readers import parse_date

_LOAD = """
SELECT q.id, q.text, q.article_id, s.key, s.name, s.kind, q.affiliation, q.role, a.outlet,
       COALESCE(q.said_on, a.published) AS day, q.claim_id, q.relation, q.speaker_id,
       COALESCE(a.lang, 'id') AS lang
FROM quote q JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
{where}
ORDER BY q.id
"""


class ClaimNotFound(ClaimsError):
    """A claim id that does not exist."""


@dataclass(slots=True)
class RefreshSummary:
    """What :func:`refresh_claims` did; ``line()`` is printed after an ingest."""

    #: quotes regrouped by this run (all of them for a full rebuild)
    quotes: int = 0
    claims: int = 0
    multi_article: int = 0
    multi_outlet: int = 0
    kept_ids: int = 0
    new_ids: int = 0
    removed_ids: int = 0
    quotes_changed: int = 0
    short_forms_resolved: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.claims} claims ({self.multi_outlet} in 2+ outlets); regrouped "
                f"{self.quotes} quotes in {self.seconds:.1f}s: ids kept {self.kept_ids}, "
                f"new {self.new_ids}, removed {self.removed_ids}, "
                f"{self.quotes_changed} quotes moved")


@dataclass(slots=True)
class _Stored(Appearance):
    """An appearance with what storing the regrouped claims needs: one object per quote (and
    no lookup dicts over all quotes) keeps a whole-archive regrouping small in memory."""

    old_claim: int | None = None
    old_relation: str | None = None
    speaker_id: int | None = None
    lang: str = "id"


def _day(value: Any) -> date | None:
    return parse_date(value) if value is not None else None


def _load(conn: Connection, where: str = "", params: dict | None = None) -> list[_Stored]:
    rows = []
    # Names, roles, outlets, days, article and speaker ids repeat across an archive: one
    # shared object each keeps a whole-archive regrouping small in memory.
    shared: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        return value if value is None else shared.setdefault(value, value)

    for r in conn.execute(text(_LOAD.format(where=where)), params or {}):
        rows.append(_Stored(
            quote_id=r[0], text=r[1], article_id=one(r[2]), speaker_key=one(r[3]),
            speaker_name=one(r[4]), speaker_type=one(r[5]), affiliation=one(r[6]),
            role=one(r[7]), outlet=one(r[8]), day=one(_day(r[9])), old_claim=one(r[10]),
            old_relation=one(r[11]), speaker_id=one(r[12]), lang=one(r[13])))
    return rows


def _group(rows: list[_Stored], rules: GroupingRules | None) -> list[ClaimGroup]:
    """Group per language (the comparison lexicon is per language)."""
    by_lang: dict[str, list[Appearance]] = defaultdict(list)
    for row in rows:
        by_lang[row.lang].append(row)
    groups: list[ClaimGroup] = []
    for lang, apps in sorted(by_lang.items()):
        groups.extend(group_claims(apps, replace(rules or GroupingRules(), lang=lang)))
    return groups


def assign_stable_ids(groups: list[ClaimGroup], old_first: dict[int, int],
                      old_claim_of: dict[int, int | None], next_id: int) -> tuple[list[int], int]:
    """An id per group: the old claim with the same first quote, else the old claim holding
    most members, else a fresh id from ``next_id``. Returns (ids, next unused id)."""
    ids: list[int | None] = [None] * len(groups)
    used: set[int] = set()
    for i, g in enumerate(groups):
        old = old_first.get(g.first.quote_id)
        if old is not None and old not in used:
            ids[i] = old
            used.add(old)
    overlaps: list[tuple[int, int, int]] = []
    for i, g in enumerate(groups):
        if ids[i] is not None:
            continue
        counts = Counter(c for q in g.member_ids if (c := old_claim_of.get(q)) is not None)
        overlaps.extend((-n, i, c) for c, n in counts.items())
    for _, i, c in sorted(overlaps):
        if ids[i] is None and c not in used:
            ids[i] = c
            used.add(c)
    out: list[int] = []
    for assigned in ids:
        if assigned is None:
            assigned = next_id
            next_id += 1
        out.append(assigned)
    return out, next_id


def _next_claim_id(conn: Connection) -> int:
    """One past every claim id ever used, reviewed or logged (ids are never recycled)."""
    return 1 + max(
        conn.execute(text("SELECT COALESCE(max(id), 0) FROM claim")).scalar() or 0,
        conn.execute(text("SELECT COALESCE(max(target_id), 0) FROM review "
                          "WHERE target_type = 'claim'")).scalar() or 0,
        conn.execute(text("SELECT COALESCE(max(target_id), 0) FROM audit_log "
                          "WHERE target_type = 'claim'")).scalar() or 0,
    )


def _speaker_id(app: Appearance) -> int | None:
    return app.speaker_id if isinstance(app, _Stored) else None


def _claim_row(claim_id: int, g: ClaimGroup) -> dict:
    speakers = Counter(s for m in g.members if (s := _speaker_id(m)) is not None)
    speaker_id = _speaker_id(g.first)
    if speaker_id is None and speakers:
        speaker_id = speakers.most_common(1)[0][0]
    return {"id": claim_id, "text": g.first.text, "speaker_id": speaker_id,
            "first_quote_id": g.first.quote_id, "first_seen": g.first.day,
            "n_articles": g.n_articles, "n_outlets": max(1, len(g.outlets))}


def _with_connection(bind: Engine | Connection, work):  # type: ignore[no-untyped-def]
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return work(conn)
    return work(bind)


def refresh_claims(bind: Engine | Connection, rules: GroupingRules | None = None,
                   resolve_speakers: bool = True, full: bool = False) -> RefreshSummary:
    """Group stored quotes into claims and store the result (call after each ingest).

    Accepts an engine (runs in its own transaction) or a connection (runs inside the caller's).
    First settles short-form speakers of new quotes (``speakers.resolve_short_forms``), since
    grouping and conflicts compare speakers.

    Incremental by default: only quotes not yet in a claim, the quotes said within
    ``2 * max_days`` of them, and every member of the claims those touch are regrouped (a
    daily ingest regroups a few days, not the archive). ``full=True`` regroups everything
    (``claims claims rebuild``); so does a new quote without any date. Only rows that change
    are written.
    """
    return _with_connection(bind, lambda conn: _refresh(conn, rules, resolve_speakers, full))


def has_ungrouped_quotes(bind: Engine | Connection) -> bool:
    """Whether any stored quote is in no claim yet, what :func:`refresh_claims` groups
    (one index seek)."""
    return _with_connection(bind, lambda conn: conn.execute(text(
        "SELECT 1 FROM quote WHERE claim_id IS NULL LIMIT 1")).first() is not None)


_DAY = "COALESCE(q.said_on, a.published)"


def _day_intervals(days: list[date], reach: int) -> list[tuple[date, date]]:
    """Merged [day - reach, day + reach] intervals."""
    from datetime import timedelta

    out: list[tuple[date, date]] = []
    for d in sorted(days):
        lo, hi = d - timedelta(days=reach), d + timedelta(days=reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _scope(conn: Connection, reach: int) -> tuple[str, dict[str, Any]] | None:
    """SQL (WHERE clause, params) selecting the quotes to regroup, or None for all of them."""
    has_claims = conn.execute(text("SELECT 1 FROM claim LIMIT 1")).first() is not None
    if not has_claims:
        return None
    new_days = [r[0] for r in conn.execute(text(
        f"SELECT DISTINCT {_DAY} FROM quote q JOIN article a ON a.id = q.article_id "
        "WHERE q.claim_id IS NULL"))]
    if any(d is None for d in new_days):
        return None
    if not new_days:
        return "WHERE 1 = 0", {}  # portable: PostgreSQL wants a boolean
    params: dict[str, Any] = {}
    spans = []
    for i, (lo, hi) in enumerate(_day_intervals([_day(d) for d in new_days], reach)):
        spans.append(f"{_DAY} BETWEEN :lo{i} AND :hi{i}")
        params.update({f"lo{i}": lo, f"hi{i}": hi})
    window = " OR ".join(spans)
    touched = (f"SELECT q.claim_id FROM quote q JOIN article a ON a.id = q.article_id "
               f"WHERE q.claim_id IS NOT NULL AND ({window})")
    where = f"WHERE q.claim_id IS NULL OR {window} OR q.claim_id IN ({touched})"
    return where, params


#: Rows written per slice while storing regrouped claims.
FLUSH_ROWS = 5_000
#: PostgreSQL advisory lock key held while claims are regrouped.
REGROUP_LOCK = 0x636C61696D73  # "claims"
#: Stored claims read per query to compare with the regrouped ones (ids inlined, so any
#: database's limit on bound parameters does not apply).
COMPARE_SLICE = 900


def _stored_claims(conn: Connection, claim_ids: list[int]) -> dict[int, tuple]:
    """The stored rows of these claims. Read a slice at a time: every claim's text at once
    would cost a whole-archive rebuild of an already grouped database ~30 MB."""
    if not claim_ids:
        return {}
    marks = ",".join(str(int(c)) for c in claim_ids)
    return {r[0]: tuple(r[1:]) for r in conn.execute(text(
        "SELECT id, text, speaker_id, first_quote_id, first_seen, n_articles, n_outlets "
        f"FROM claim WHERE id IN ({marks})"))}


def _refresh(conn: Connection, rules: GroupingRules | None, resolve_speakers: bool,
             full: bool) -> RefreshSummary:
    from claims.speakers import resolve_short_forms

    started = time.perf_counter()
    summary = RefreshSummary()
    if conn.dialect.name == "postgresql":
        # One regrouping at a time across concurrent ingests (released at commit).
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REGROUP_LOCK})
    if resolve_speakers:
        summary.short_forms_resolved = resolve_short_forms(conn).quotes_moved
    scope = None if full else _scope(conn, 2 * (rules or GroupingRules()).max_days)
    rows = _load(conn) if scope is None else _load(conn, *scope)
    summary.quotes = len(rows)
    touched = {r.old_claim for r in rows if r.old_claim is not None}
    in_scope = set() if scope is None else {r.quote_id for r in rows}
    groups = _group(rows, rules)
    del rows  # the groups hold every quote from here on
    old_claims = {cid: first for cid, first in
                  conn.execute(text("SELECT id, first_quote_id FROM claim"))
                  if scope is None or cid in touched or first in in_scope}
    del in_scope
    old_first = {first: cid for cid, first in old_claims.items() if first is not None}
    # only quotes that were in a claim: none at all when an archive is grouped the first time
    old_claim_of = {m.quote_id: m.old_claim for g in groups for m in g.members
                    if isinstance(m, _Stored) and m.old_claim is not None}
    ids, _ = assign_stable_ids(groups, old_first, old_claim_of, _next_claim_id(conn))
    del old_claim_of

    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    quote_updates: list[dict[str, Any]] = []
    counted = {"inserts": 0, "quote_updates": 0}

    def flush(final: bool = False) -> None:
        """Write pending rows in slices, so a whole-archive rebuild stays small in memory."""
        if not final and len(inserts) + len(updates) + len(quote_updates) < FLUSH_ROWS:
            return
        if inserts:
            conn.execute(text(
                "INSERT INTO claim (id, text, speaker_id, first_quote_id, first_seen, "
                "n_articles, n_outlets, created_at) VALUES (:id, :text, :speaker_id, "
                ":first_quote_id, :first_seen, :n_articles, :n_outlets, CURRENT_TIMESTAMP)"),
                inserts)
        if updates:
            conn.execute(text(
                "UPDATE claim SET text = :text, speaker_id = :speaker_id, "
                "first_quote_id = :first_quote_id, first_seen = :first_seen, "
                "n_articles = :n_articles, n_outlets = :n_outlets WHERE id = :id"), updates)
        if quote_updates:
            conn.execute(text("UPDATE quote SET claim_id = :claim, relation = :rel "
                              "WHERE id = :id"), quote_updates)
        counted["inserts"] += len(inserts)
        counted["quote_updates"] += len(quote_updates)
        inserts.clear()
        updates.clear()
        quote_updates.clear()

    for start in range(0, len(groups), COMPARE_SLICE):
        part = range(start, min(start + COMPARE_SLICE, len(groups)))
        current = _stored_claims(conn, [ids[i] for i in part if ids[i] in old_claims])
        for i in part:
            claim_id, g = ids[i], groups[i]
            row = _claim_row(claim_id, g)
            values = (row["text"], row["speaker_id"], row["first_quote_id"],
                      row["first_seen"], row["n_articles"], row["n_outlets"])
            if claim_id not in current:
                inserts.append(row)
            elif _differs(current[claim_id], values):
                updates.append(row)
            for old in g.members:
                qid = old.quote_id
                rel = g.relations.get(qid, "identical")
                assert isinstance(old, _Stored)
                if old.old_claim != claim_id or old.old_relation != rel:
                    quote_updates.append({"id": qid, "claim": claim_id, "rel": rel})
            flush()
    flush(final=True)
    keep = set(ids)
    removed = [cid for cid in old_claims if cid not in keep]
    if removed:
        conn.execute(text("DELETE FROM claim WHERE id = :id"), [{"id": c} for c in removed])
    # claims whose quotes were all deleted (a re-parse) or regrouped elsewhere
    orphans = conn.execute(text("DELETE FROM claim WHERE NOT EXISTS "
                                "(SELECT 1 FROM quote WHERE quote.claim_id = claim.id)")).rowcount
    summary.kept_ids = len(keep & set(old_claims))
    summary.new_ids = counted["inserts"]
    summary.removed_ids = len(removed) + max(orphans or 0, 0)
    summary.quotes_changed = counted["quote_updates"]
    _totals(conn, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _totals(conn: Connection, summary: RefreshSummary) -> None:
    """Database-wide counts (an incremental refresh only saw part of the quotes)."""
    summary.claims, summary.multi_article, summary.multi_outlet = conn.execute(text(
        "SELECT count(*), COALESCE(sum(CASE WHEN n_articles > 1 THEN 1 ELSE 0 END), 0), "
        "COALESCE(sum(CASE WHEN n_outlets > 1 THEN 1 ELSE 0 END), 0) FROM claim")).one()
    summary.relations = relation_counts(conn)


def relation_counts(conn: Connection) -> dict[str, int]:
    """How every appearance relates to its claim's first appearance (first ones left out)."""
    return dict(conn.execute(text(
        """SELECT q.relation, count(*) FROM quote q JOIN claim c ON c.id = q.claim_id
           WHERE q.id != c.first_quote_id GROUP BY q.relation ORDER BY q.relation""")).all())


def _differs(stored: tuple, values: tuple) -> bool:
    text_, speaker, first, seen, n_art, n_out = stored
    seen = _day(seen)
    return (text_, speaker, first, seen, n_art, n_out) != values


# --- reading claims ----------------------------------------------------------------------------

def list_claims(conn: Connection, min_outlets: int = 1, min_articles: int = 1,
                speaker: str | None = None, query: str | None = None,
                verdict: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Claims, most widely carried first, with speaker, first appearance and review verdict."""
    where = ["c.n_outlets >= :mo", "c.n_articles >= :ma"]
    params: dict[str, Any] = {"mo": min_outlets, "ma": min_articles}
    if speaker:
        from claims.speakers import find_speaker

        params["sid"] = find_speaker(conn, speaker)["id"]
        where.append("c.speaker_id = :sid")
    if query:
        where.append("lower(c.text) LIKE :q")
        params["q"] = f"%{query.casefold()}%"
    if verdict:
        where.append("COALESCE(r.verdict, 'unreviewed') = :verdict")
        params["verdict"] = verdict
    sql = f"""
    SELECT c.id, s.name AS speaker, c.text, c.first_seen, a.outlet AS first_outlet,
           c.first_quote_id, c.n_articles, c.n_outlets, NULL AS relations,
           COALESCE(r.verdict, 'unreviewed') AS verdict
    FROM claim c
    LEFT JOIN speaker s ON s.id = c.speaker_id
    LEFT JOIN quote fq ON fq.id = c.first_quote_id
    LEFT JOIN article a ON a.id = fq.article_id
    LEFT JOIN review r ON r.target_type = 'claim' AND r.target_id = c.id
    WHERE {" AND ".join(where)}
    ORDER BY c.n_outlets DESC, c.n_articles DESC, c.first_seen, c.id
    {f"LIMIT {int(limit)}" if limit else ""}
    """
    rows = [dict(r) for r in conn.execute(text(sql), params).mappings()]
    _add_relation_summaries(conn, rows)
    return rows


def _add_relation_summaries(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """``identical:1 substantive:1``: how the other appearances relate to the first one."""
    ids = [r["id"] for r in rows if r["n_articles"] > 1 or r["n_outlets"] > 1]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for i in range(0, len(ids), 900):
        marks = ",".join(str(int(c)) for c in ids[i:i + 900])
        for cid, rel, n in conn.execute(text(
                f"""SELECT q.claim_id, q.relation, count(*) FROM quote q
                    JOIN claim c ON c.id = q.claim_id
                    WHERE q.claim_id IN ({marks}) AND q.id != c.first_quote_id
                    GROUP BY q.claim_id, q.relation""")):
            counts[cid][rel] = n
    for r in rows:
        rels = counts.get(r["id"], {})
        r["relations"] = " ".join(f"{k}:{v}" for k, v in sorted(rels.items())) or None


APPEARANCE_SQL = """
SELECT q.id AS quote_id, q.relation, s.name AS speaker, q.role, q.affiliation, a.outlet, q.via,
       COALESCE(q.said_on, a.published) AS day, a.published, a.title, a.url, a.lang,
       q.article_id, q.text
FROM quote q JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
WHERE q.claim_id = :cid
ORDER BY (q.id != :first), COALESCE(q.said_on, a.published) IS NULL,
         COALESCE(q.said_on, a.published), q.id
"""


def claim_detail(conn: Connection, claim_id: int, diff: bool = True) -> dict[str, Any]:
    """A claim with every appearance (first one first), its relation to the first appearance,
    a word diff for rewordings, and the claim's review and history."""
    from claims.auditlog import history
    from claims.claimgroup import render_diff, word_diff
    from claims.review import Target, current_review

    row = conn.execute(text(
        """SELECT c.id, c.text, c.speaker_id, s.name AS speaker, c.first_quote_id, c.first_seen,
                  c.n_articles, c.n_outlets FROM claim c
           LEFT JOIN speaker s ON s.id = c.speaker_id WHERE c.id = :id"""),
        {"id": claim_id}).mappings().first()
    if row is None:
        raise ClaimNotFound(f"no claim c{claim_id}; list claims with `claims claims`")
    claim = dict(row)
    apps = [dict(r) for r in conn.execute(text(APPEARANCE_SQL),
                                          {"cid": claim_id, "first": claim["first_quote_id"]})
            .mappings()]
    first_text = apps[0]["text"] if apps else claim["text"]
    for app in apps:
        app["diff"] = (render_diff(word_diff(first_text, app["text"]))
                       if diff and app["relation"] in ("minor", "substantive") else None)
    claim["first_appearance"] = apps[0] if apps else None
    claim["appearances"] = apps
    claim["speakers"] = sorted({a["speaker"] for a in apps if a["speaker"]})
    claim["review"] = current_review(conn, Target("claim", claim_id))
    claim["history"] = history(conn, "claim", claim_id)
    return claim


def stored_groups(conn: Connection, min_members: int = 2) -> dict[str, list[ClaimGroup]]:
    """Stored claims as ``ClaimGroup`` records (per language), for the audit's pure checks."""
    rows = _load(conn, where="""WHERE q.claim_id IN (
        SELECT claim_id FROM quote WHERE claim_id IS NOT NULL
        GROUP BY claim_id HAVING count(*) >= :n)""", params={"n": min_members})
    firsts = dict(conn.execute(text("SELECT id, first_quote_id FROM claim")).all())
    members: dict[int, list[_Stored]] = defaultdict(list)
    for r in rows:
        members[r.old_claim].append(r)  # type: ignore[index]
    out: dict[str, list[ClaimGroup]] = defaultdict(list)
    for cid, rs in sorted(members.items()):
        first_id = firsts.get(cid)
        first = next((r for r in rs if r.quote_id == first_id), rs[0])
        ordered = [first] + [r for r in rs if r is not first]
        group = ClaimGroup(claim_id=cid, first=first, members=list(ordered),
                           relations={r.quote_id: r.old_relation or "identical"
                                      for r in ordered})
        out[first.lang].append(group)
    return out
