"""``claims audit``: what a fact-checker should look at, as one stream of uniform rows.

Checks (each a function returning rows; :func:`run_audit` runs the chosen ones):

- ``verbatim``: the stored quote is no longer ``article.text[start:end]`` (article edited);
- ``unattributed``: a quote without a speaker;
- ``low_confidence``: an attribution the parser was unsure of (below a threshold);
- ``conflict``: one claim credited to different speakers in different articles (an institution
  and its own spokesperson are not a conflict: ``claims.claimgroup.find_conflicts``);
- ``drift``: the wording of one claim changed between appearances, substantive first, with a
  word diff (``format`` and ``excerpt`` are how outlets copy, not drift);
- ``duplicate_speaker``: speaker records that look like one person (merge candidates).

Every row has the same columns (:data:`AUDIT_COLUMNS`), so table, CSV and JSON agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from claims.errors import ClaimsError

AUDIT_COLUMNS = ["check", "severity", "claim_id", "quote_id", "other_quote_id", "speaker",
                 "outlet", "article_id", "text", "detail"]
#: The parser gives 0.6 to its weakest attributions (a pronoun or clitic far from the name).
DEFAULT_MIN_CONFIDENCE = 0.65


class AuditError(ClaimsError):
    """An audit request the user can fix (unknown check)."""


def _row(check: str, severity: str, **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(AUDIT_COLUMNS)
    row.update(check=check, severity=severity, **values)
    return row


_QUOTE_SQL = """
SELECT q.id, q.article_id, s.name AS speaker, a.outlet, q.text, q.confidence, q.resolution,
       q.mention, q.start, q."end", {extra}
FROM quote q JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
WHERE {where}
ORDER BY q.id
"""


def not_verbatim(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes whose text is no longer at their offsets in the stored article."""
    extra = "substr(a.text, q.start + 1, q.\"end\" - q.start) AS found"
    found = 'substr(a.text, q.start + 1, q."end" - q.start)'
    sql = _QUOTE_SQL.format(extra=extra, where=f"({found} <> q.text OR {found} IS NULL)")
    sql += f" LIMIT {int(limit)}" if limit else ""
    out = []
    for r in conn.execute(text(sql)).mappings():
        found = (r["found"] or "")[:80]
        out.append(_row("verbatim", "high", quote_id=r["id"], speaker=r["speaker"],
                        outlet=r["outlet"], article_id=r["article_id"], text=r["text"],
                        detail=f"article now has {found!r} at {r['start']}:{r['end']}"))
    return out


def unattributed(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes without a speaker."""
    sql = _QUOTE_SQL.format(extra="q.cue", where="q.speaker_id IS NULL")
    sql += f" LIMIT {int(limit)}" if limit else ""
    return [_row("unattributed", "medium", quote_id=r["id"], outlet=r["outlet"],
                 article_id=r["article_id"], text=r["text"],
                 detail=f"no speaker (cue {r['cue']!r})" if r["cue"] else "no speaker")
            for r in conn.execute(text(sql)).mappings()]


def low_confidence(conn: Connection, threshold: float = DEFAULT_MIN_CONFIDENCE,
                   limit: int | None = None) -> list[dict[str, Any]]:
    """Attributed quotes whose confidence is below ``threshold`` (least sure first)."""
    sql = _QUOTE_SQL.format(extra="q.cue", where="q.speaker_id IS NOT NULL "
                            "AND q.confidence < :t").replace("ORDER BY q.id",
                                                             "ORDER BY q.confidence, q.id")
    sql += f" LIMIT {int(limit)}" if limit else ""
    return [_row("low_confidence", "low", quote_id=r["id"], speaker=r["speaker"],
                 outlet=r["outlet"], article_id=r["article_id"], text=r["text"],
                 detail=f"confidence {r['confidence']:.2f}, resolved by {r['resolution']}"
                 + (f" from {r['mention']!r}" if r["mention"] else ""))
            for r in conn.execute(text(sql), {"t": threshold}).mappings()]


def _article_of(conn: Connection, quote_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    ids = sorted(set(quote_ids))
    out: dict[int, tuple[int, str]] = {}
    for i in range(0, len(ids), 900):
        marks = ",".join(str(int(q)) for q in ids[i:i + 900])
        for qid, aid, outlet in conn.execute(text(
                f"SELECT q.id, q.article_id, a.outlet FROM quote q JOIN article a "
                f"ON a.id = q.article_id WHERE q.id IN ({marks})")):
            out[qid] = (aid, outlet)
    return out


def conflicts(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per conflicting claim: who is credited where (quote ids per speaker)."""
    from claims.claimgroup import find_conflicts
    from claims.claims_db import stored_groups

    out = []
    for lang, groups in stored_groups(conn).items():
        texts = {g.claim_id: g.first.text for g in groups}
        for c in find_conflicts(groups, lang):
            if names_compatible([s.speaker_name or s.speaker_key for s in c.sides], lang):
                continue  # one person under a short and a full name: a duplicate, not a clash
            sides = "; ".join(
                f"{s.speaker_name or s.speaker_key} in {', '.join(s.outlets) or '?'} "
                f"(q{', q'.join(map(str, s.quote_ids))})" for s in c.sides)
            other = next((s.quote_ids[0] for s in c.sides
                          if c.first_quote_id not in s.quote_ids), None)
            out.append(_row("conflict", "high", claim_id=c.claim_id,
                            quote_id=c.first_quote_id, other_quote_id=other,
                            speaker=" | ".join(s.speaker_name or s.speaker_key for s in c.sides),
                            text=texts.get(c.claim_id), detail=f"credited to {sides}"))
    out.sort(key=lambda r: r["claim_id"])
    return out[:limit] if limit else out


def names_compatible(names: list[str], lang: str = "id") -> bool:
    """True when every name's words are contained in the longest one (``Febrio`` and
    ``Febrio Nathan Kacaribu``): the sides of such a "conflict" are one speaker."""
    from claims.claimgroup.audit import name_words

    words = [set(name_words(n, lang)) for n in names]
    longest = max(words, key=len)
    return all(w and w <= longest for w in words)


def drift(conn: Connection, limit: int | None = None,
          include_minor: bool = True) -> list[dict[str, Any]]:
    """Rewordings of a claim across appearances, substantive first, each with a word diff."""
    from claims.claimgroup import drift as find_drift
    from claims.claims_db import stored_groups

    items = []
    texts: dict[int, str] = {}
    names: dict[int, str | None] = {}
    for groups in stored_groups(conn).values():
        for g in groups:
            for m in g.members:
                texts[m.quote_id] = m.text
                names[m.quote_id] = m.speaker_name
        items.extend(find_drift(groups))
    order = {"substantive": 0, "minor": 1}
    items.sort(key=lambda d: (order[d.relation], d.claim_id, d.quote_id))
    if not include_minor:
        items = [d for d in items if d.relation == "substantive"]
    if limit:
        items = items[:limit]
    where = _article_of(conn, [d.quote_id for d in items])
    return [_row("drift", "high" if d.relation == "substantive" else "low",
                 claim_id=d.claim_id, quote_id=d.quote_id, other_quote_id=d.first_quote_id,
                 speaker=names.get(d.quote_id), outlet=d.outlet,
                 article_id=where.get(d.quote_id, (None,))[0],
                 text=texts.get(d.quote_id),
                 detail=f"{d.relation} vs first ({d.first_outlet}): {d.rendered}")
            for d in items]


def duplicate_speakers(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Speaker records that look like one speaker; merge with ``claims speaker merge``."""
    from claims.claimgroup import SpeakerInfo, merge_candidates
    from claims.speakers import speaker_table

    table = speaker_table(conn)
    infos = [SpeakerInfo(key=str(r["id"]), name=r["speaker"], speaker_type=r["kind"],
                         role=r["role"], affiliation=r["affiliation"]) for r in table]
    names = {str(r["id"]): r for r in table}
    out = []
    for c in merge_candidates(infos):
        a, b = names[c.key_a], names[c.key_b]
        keep, dup = (a, b) if (a["quotes"] or 0) >= (b["quotes"] or 0) else (b, a)
        out.append(_row("duplicate_speaker", "medium",
                        speaker=f"{keep['speaker']} | {dup['speaker']}",
                        detail=f"{c.reason}: s{keep['id']} ({keep['quotes']} quotes) and "
                               f"s{dup['id']} ({dup['quotes']} quotes); "
                               f"claims speaker merge s{keep['id']} s{dup['id']}"))
    return out[:limit] if limit else out


CHECKS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "verbatim": not_verbatim,
    "unattributed": unattributed,
    "low_confidence": low_confidence,
    "conflict": conflicts,
    "drift": drift,
    "duplicate_speaker": duplicate_speakers,
}


def run_audit(conn: Connection, checks: Iterable[str] | None = None, limit: int | None = None,
              min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[dict[str, Any]]:
    """Rows of the chosen checks (all by default), each check at most ``limit`` rows."""
    chosen = list(checks) if checks else list(CHECKS)
    unknown = [c for c in chosen if c.replace("-", "_") not in CHECKS]
    if unknown:
        raise AuditError(f"unknown check {unknown[0]!r}; choose from {', '.join(CHECKS)}")
    rows: list[dict[str, Any]] = []
    for name in chosen:
        name = name.replace("-", "_")
        if name == "low_confidence":
            rows.extend(low_confidence(conn, min_confidence, limit))
        else:
            rows.extend(CHECKS[name](conn, limit=limit))
    return rows


def audit_counts(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(CHECKS, 0)
    for r in rows:
        counts[r["check"]] += 1
    return counts
