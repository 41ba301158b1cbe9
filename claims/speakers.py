"""Speaker identity across articles: keys, resolution at ingest, the directory, merge and rename.

Identity rules (issue 4):

- a full name is one speaker everywhere: names compare by :func:`speaker_key` (titles, case,
  accents and spacing folded), and keys an editor merged are followed through ``speaker_alias``;
- a short form (``Retno``, ``Santoso``) becomes the full-name speaker only for a quote whose own
  role or affiliation agrees with what that speaker is known as, and only when exactly one full
  name fits (:func:`resolve_short_forms`); two people who share a surname are never merged;
- editors merge and rename through :func:`merge_speakers` / :func:`rename_speaker`; both are
  appended to the audit log.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from claims.errors import ClaimsError
from claims.models import Speaker, SpeakerAlias
from claims.parse.lexicon import title_words
from claims.sqlutil import chunks, insert_ignoring_duplicates

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s,.;:()\"'“”‘’]+|[\s,;:()\"'“”‘’]+$")
_SPEAKER_REF = re.compile(r"[sS]?(\d+)")


class SpeakerError(ClaimsError):
    """A speaker the user named cannot be used (unknown, ambiguous, or a clash)."""


def strip_titles(name: str) -> str:
    """Drop honorifics, ranks and academic titles (before the name or after a comma)."""
    titles = title_words()
    # Degrees after the name come after a comma: "Irawati Kusumorasri, M.Sn".
    parts = [p.strip() for p in name.split(",")]
    head = parts[0]
    for extra in parts[1:]:
        if not extra or any(w.casefold() not in titles for w in extra.split()):
            head = f"{head}, {extra}" if extra else head
    words = head.split()
    changed = True
    while changed and words:
        changed = False
        for n in (3, 2, 1):  # multi-word ranks first ("Ajun Komisaris Besar")
            if len(words) > n and " ".join(words[:n]).casefold() in titles:
                words = words[n:]
                changed = True
                break
    while len(words) > 1 and words[-1].casefold() in titles:
        words = words[:-1]
    return " ".join(words)


def speaker_key(name: str) -> str:
    """Identity key of a name: titles dropped; case, accents and spacing folded."""
    bare = strip_titles(_EDGE_PUNCT.sub("", name))
    folded = unicodedata.normalize("NFKD", bare)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _SPACE.sub(" ", folded.replace(".", ". ")).strip().casefold().replace(" .", ".")


def resolve_speakers(conn: Connection, names: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Map speaker keys to ids, creating speakers that do not exist yet.

    ``names`` maps key -> (display name, kind). Aliases (merged or renamed speakers) are
    followed, so an editor's merge holds for later ingests. Short forms are settled per quote
    afterwards by :func:`resolve_short_forms`, because only the quote knows its role.
    """
    if not names:
        return {}
    keys = sorted(names)
    ids: dict[str, int] = {}
    for chunk in chunks(keys):
        found = conn.execute(select(Speaker.key, Speaker.id).where(Speaker.key.in_(chunk)))
        ids.update(found.all())
        missing = [k for k in chunk if k not in ids]
        if missing:
            ids.update(conn.execute(select(SpeakerAlias.key, SpeakerAlias.speaker_id)
                                    .where(SpeakerAlias.key.in_(missing))).all())
    new = [{"name": names[k][0], "key": k, "kind": names[k][1]} for k in keys if k not in ids]
    if new:
        statement = insert_ignoring_duplicates(conn, Speaker)
        ids.update(conn.execute(statement.returning(Speaker.key, Speaker.id), new).all())
        raced = [row["key"] for row in new if row["key"] not in ids]
        if raced:  # another writer created them meanwhile: read their ids
            found = conn.execute(select(Speaker.key, Speaker.id).where(Speaker.key.in_(raced)))
            ids.update(found.all())
    return ids


# --- short forms -------------------------------------------------------------------------------

def _normal(value: str | None) -> str:
    return " ".join(re.findall(r"[^\W_]+", (value or "").casefold()))


def context_agrees(role: str | None, affiliation: str | None,
                   known: set[tuple[str | None, str | None]], lang: str = "id") -> bool:
    """True when a quote's role or affiliation matches one the speaker is known by."""
    from claims.claimgroup.speakers import names_same_body

    for known_role, known_affiliation in known:
        if role and known_role and _normal(role) == _normal(known_role):
            return True
        if affiliation and known_affiliation and names_same_body(affiliation, known_affiliation,
                                                                 lang):
            return True
    return False


#: A short form fitting several full names goes to the most-quoted one only when it has this
#: many times the quotes of the runner-up (a famous name against mis-split variants of it).
DOMINANCE = 10


def is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``Sri Mulyani`` / ``Santoso`` of ``Sri Mulyani Indrawati`` / ``Budi Santoso``: the
    leading or trailing words of a longer name."""
    n = len(short)
    return 0 < n < len(full) and (full[:n] == short or full[-n:] == short)


def name_like(words: tuple[str, ...]) -> bool:
    """No sentence glued into the name (``indonesia.perry``): dots only after initials."""
    return all("." not in w or (w.endswith(".") and len(w) <= 3 and w.count(".") == 1)
               for w in words)


def _dominant(fits: list[int], weight: dict[int, int]) -> int | None:
    """The one candidate, or the one that dwarfs the others; None when truly ambiguous."""
    if len(fits) == 1:
        return fits[0]
    if not fits:
        return None
    ranked = sorted(fits, key=lambda c: -weight[c])
    return ranked[0] if weight[ranked[0]] >= DOMINANCE * max(1, weight[ranked[1]]) else None


@dataclass(slots=True)
class ShortFormResult:
    """What :func:`resolve_short_forms` did."""

    quotes_moved: int = 0
    speakers_removed: int = 0


def resolve_short_forms(conn: Connection, only_unclaimed: bool = True) -> ShortFormResult:
    """Give quotes credited to a short form (``Santoso``) to the one full-name speaker
    (``Budi Santoso``) whose known role or affiliation the quote shares.

    ``only_unclaimed`` limits the work to quotes not yet grouped into claims (new since the last
    refresh). A short-form speaker left without quotes, aliases or reviews is deleted.
    """
    people = conn.execute(text(
        "SELECT id, key FROM speaker WHERE kind = 'person'")).all()
    words = {sid: tuple(key.split()) for sid, key in people}
    by_word: dict[str, set[int]] = defaultdict(set)
    for sid, ws in words.items():
        for w in ws:
            by_word[w].add(sid)
    fulls: dict[int, list[int]] = {}
    for sid, ws in words.items():
        if not ws:
            continue
        pool = set.intersection(*(by_word[w] for w in set(ws)))
        longer = [o for o in pool
                  if o != sid and is_short_form(ws, words[o]) and name_like(words[o])]
        if longer:
            fulls[sid] = longer
    result = ShortFormResult()
    if not fulls:
        return result
    scope = "AND claim_id IS NULL" if only_unclaimed else ""
    short_ids = sorted(fulls)
    own = _quote_counts(conn, sorted(fulls))
    quotes: list[tuple[int, int, str | None, str | None]] = []
    for chunk in chunks(short_ids):
        marks = ",".join(str(int(s)) for s in chunk)
        quotes += conn.execute(text(
            f"SELECT id, speaker_id, role, affiliation FROM quote WHERE speaker_id IN ({marks}) "
            f"AND (role IS NOT NULL OR affiliation IS NOT NULL) {scope}")).all()
    if not quotes:
        return result
    candidate_ids = sorted({c for q in quotes for c in fulls[q[1]]})
    known: dict[int, set[tuple[str | None, str | None]]] = defaultdict(set)
    weight: dict[int, int] = defaultdict(int)
    for chunk in chunks(candidate_ids):
        marks = ",".join(str(int(s)) for s in chunk)
        for sid, role, aff, n in conn.execute(text(
                f"SELECT speaker_id, role, affiliation, count(*) FROM quote "
                f"WHERE speaker_id IN ({marks}) GROUP BY speaker_id, role, affiliation")):
            known[sid].add((role, aff))
            weight[sid] += n
    moves = []
    for qid, sid, role, aff in quotes:
        # the full name must be established: quoted at least as often as the short form
        fits = [c for c in fulls[sid]
                if weight[c] >= own.get(sid, 0) and context_agrees(role, aff, known[c])]
        if chosen := _dominant(fits, weight):
            moves.append({"id": qid, "sid": chosen})
    if moves:
        conn.execute(text("UPDATE quote SET speaker_id = :sid WHERE id = :id"), moves)
        result.quotes_moved = len(moves)
        emptied = sorted({sid for qid, sid, _, _ in quotes})
        for chunk in chunks(emptied):
            marks = ",".join(str(int(s)) for s in chunk)
            result.speakers_removed += conn.execute(text(
                f"""DELETE FROM speaker WHERE id IN ({marks})
                    AND NOT EXISTS (SELECT 1 FROM quote WHERE speaker_id = speaker.id)
                    AND NOT EXISTS (SELECT 1 FROM speaker_alias WHERE speaker_id = speaker.id)
                    AND NOT EXISTS (SELECT 1 FROM review WHERE target_type = 'speaker'
                                    AND target_id = speaker.id)""")).rowcount
    return result


def _quote_counts(conn: Connection, speaker_ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for chunk in chunks(speaker_ids):
        marks = ",".join(str(int(s)) for s in chunk)
        counts.update(conn.execute(text(
            f"SELECT speaker_id, count(*) FROM quote WHERE speaker_id IN ({marks}) "
            "GROUP BY speaker_id")).all())
    return counts


# --- finding one speaker -----------------------------------------------------------------------

def find_speaker(conn: Connection, ref: str) -> dict[str, Any]:
    """One speaker from a name, an alias, or an id (``s12`` or ``12``).

    A name that is neither a key nor an alias may still name exactly one speaker by a part of
    it; several matches are an error that lists them, so nobody merges the wrong person.
    """
    ref = ref.strip()
    cols = "id, name, key, kind"
    if m := _SPEAKER_REF.fullmatch(ref):
        row = conn.execute(text(f"SELECT {cols} FROM speaker WHERE id = :id"),
                           {"id": int(m.group(1))}).mappings().first()
        if row:
            return dict(row)
    key = speaker_key(ref)
    row = conn.execute(text(
        f"""SELECT {cols} FROM speaker WHERE key = :key
            UNION ALL
            SELECT s.id, s.name, s.key, s.kind FROM speaker_alias al
            JOIN speaker s ON s.id = al.speaker_id WHERE al.key = :key
            LIMIT 1"""), {"key": key}).mappings().first()
    if row:
        return dict(row)
    like = conn.execute(text(f"SELECT {cols} FROM speaker WHERE key LIKE :like ORDER BY name "
                             "LIMIT 6"), {"like": f"%{key}%"}).mappings().all()
    if len(like) == 1:
        return dict(like[0])
    if not like:
        raise SpeakerError(f"no speaker named {ref!r}; list them with: claims speakers "
                           f"--search {ref.split()[0] if ref.split() else ref!r}")
    names = ", ".join(f"s{r['id']} {r['name']}" for r in like[:5])
    raise SpeakerError(f"{ref!r} names several speakers ({names}); "
                       f"use the id, e.g. s{like[0]['id']}")


# --- editorial changes -------------------------------------------------------------------------

def _alias(conn: Connection, speaker_id: int, name: str) -> None:
    key = speaker_key(name)
    if not key:
        return
    taken = conn.execute(text("SELECT 1 FROM speaker WHERE key = :k UNION ALL "
                              "SELECT 1 FROM speaker_alias WHERE key = :k"), {"k": key}).first()
    if not taken:
        conn.execute(insert(SpeakerAlias).values(speaker_id=speaker_id, alias=name, key=key))


def merge_speakers(conn: Connection, keep_ref: str, duplicate_ref: str,
                   actor: str | None = None) -> dict[str, Any]:
    """Fold ``duplicate`` into ``keep``: its quotes, claims and aliases move, its name becomes an
    alias (so later ingests resolve to ``keep``), and the merge is appended to the audit log."""
    from claims.auditlog import record_change

    keep = find_speaker(conn, keep_ref)
    dup = find_speaker(conn, duplicate_ref)
    if keep["id"] == dup["id"]:
        raise SpeakerError(f"{keep_ref!r} and {duplicate_ref!r} are already one speaker "
                           f"(s{keep['id']} {keep['name']})")
    params = {"keep": keep["id"], "dup": dup["id"]}
    moved = conn.execute(text("UPDATE quote SET speaker_id = :keep WHERE speaker_id = :dup"),
                         params).rowcount
    conn.execute(text("UPDATE claim SET speaker_id = :keep WHERE speaker_id = :dup"), params)
    conn.execute(text("UPDATE speaker_alias SET speaker_id = :keep WHERE speaker_id = :dup"),
                 params)
    conn.execute(text("DELETE FROM speaker WHERE id = :dup"), params)
    conn.execute(insert(SpeakerAlias).values(speaker_id=keep["id"], alias=dup["name"],
                                             key=dup["key"]))
    old = {"speaker": keep, "duplicate": dup}
    new = {"speaker": keep, "merged": dup, "quotes_moved": moved}
    record_change(conn, "speaker.merge", "speaker", keep["id"], old, new, actor)
    record_change(conn, "speaker.merged_into", "speaker", dup["id"], {"speaker": dup},
                  {"merged_into": keep, "quotes_moved": moved}, actor)
    return {"speaker_id": keep["id"], "speaker": keep["name"], "merged_id": dup["id"],
            "merged": dup["name"], "quotes_moved": moved}


def rename_speaker(conn: Connection, ref: str, new_name: str,
                   actor: str | None = None) -> dict[str, Any]:
    """Give a speaker a new canonical name; the old name stays an alias (audit-logged)."""
    from claims.auditlog import record_change

    who = find_speaker(conn, ref)
    new_name = " ".join(new_name.split())
    new_key = speaker_key(new_name)
    if not new_key:
        raise SpeakerError("the new name is empty once titles are dropped; give a person's name")
    clash = conn.execute(text("SELECT id, name FROM speaker WHERE key = :k AND id != :id"),
                         {"k": new_key, "id": who["id"]}).first()
    if clash:
        raise SpeakerError(f"{new_name!r} is already speaker s{clash[0]} ({clash[1]}); "
                           f"merge instead: claims speaker merge s{clash[0]} s{who['id']}")
    conn.execute(text("DELETE FROM speaker_alias WHERE key = :k"), {"k": new_key})
    conn.execute(text("UPDATE speaker SET name = :n, key = :k WHERE id = :id"),
                 {"n": new_name, "k": new_key, "id": who["id"]})
    if who["key"] != new_key:
        conn.execute(insert(SpeakerAlias).values(speaker_id=who["id"], alias=who["name"],
                                                 key=who["key"]))
    after = {**who, "name": new_name, "key": new_key}
    record_change(conn, "speaker.rename", "speaker", who["id"], who, after, actor)
    return {"speaker_id": who["id"], "old_name": who["name"], "name": new_name}


# --- the directory -----------------------------------------------------------------------------

def speaker_table(conn: Connection, search: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
    """Canonical speakers with quote and outlet counts and their most frequent role/affiliation.

    ``search`` matches the name or any alias (case- and accent-blind).
    """
    params: dict[str, Any] = {}
    where = ""
    if search:
        where = """WHERE (s.key LIKE :search OR lower(s.name) LIKE :raw OR s.id IN
                   (SELECT speaker_id FROM speaker_alias WHERE key LIKE :search))"""
        params.update(search=f"%{speaker_key(search)}%", raw=f"%{search.casefold()}%")
    top_roles = {r[0]: (r[1], r[2]) for r in conn.execute(text(
        """SELECT speaker_id, role, affiliation FROM (
               SELECT q.speaker_id, q.role, q.affiliation,
                      row_number() OVER (PARTITION BY q.speaker_id
                                         ORDER BY (q.role IS NULL), count(*) DESC,
                                                  q.role, q.affiliation) AS rk
               FROM quote q WHERE q.speaker_id IS NOT NULL
               GROUP BY q.speaker_id, q.role, q.affiliation) ranked
           WHERE rk = 1"""))}
    sql = f"""
    SELECT s.id, s.name AS speaker, s.kind, COALESCE(t.quotes, 0) AS quotes,
           COALESCE(t.outlets, 0) AS outlets, NULL AS role, NULL AS affiliation,
           t.first_seen, t.last_seen
    FROM speaker s
    LEFT JOIN (
        SELECT q.speaker_id, count(*) AS quotes, count(DISTINCT a.outlet) AS outlets,
               min(COALESCE(q.said_on, a.published)) AS first_seen,
               max(COALESCE(q.said_on, a.published)) AS last_seen
        FROM quote q JOIN article a ON a.id = q.article_id
        WHERE q.speaker_id IS NOT NULL GROUP BY q.speaker_id
    ) t ON t.speaker_id = s.id
    {where}
    ORDER BY quotes DESC, s.name
    {f"LIMIT {int(limit)}" if limit else ""}
    """
    rows = [dict(r) for r in conn.execute(text(sql), params).mappings()]
    for row in rows:
        row["role"], row["affiliation"] = top_roles.get(row["id"], (None, None))
    return rows


def speaker_profile(conn: Connection, ref: str) -> dict[str, Any]:
    """Everything known about one speaker: aliases, roles and affiliations over time (first and
    last seen), outlets, quote counts, and the editorial history."""
    from claims.auditlog import history

    who = find_speaker(conn, ref)
    sid = {"sid": who["id"]}
    aliases = [r[0] for r in conn.execute(text(
        "SELECT alias FROM speaker_alias WHERE speaker_id = :sid ORDER BY alias"), sid)]
    roles = [dict(r) for r in conn.execute(text(
        """SELECT q.role, q.affiliation, count(*) AS quotes,
                  min(COALESCE(q.said_on, a.published)) AS first_seen,
                  max(COALESCE(q.said_on, a.published)) AS last_seen
           FROM quote q JOIN article a ON a.id = q.article_id
           WHERE q.speaker_id = :sid AND (q.role IS NOT NULL OR q.affiliation IS NOT NULL)
           GROUP BY q.role, q.affiliation ORDER BY first_seen, quotes DESC"""), sid).mappings()]
    outlets = [dict(r) for r in conn.execute(text(
        """SELECT a.outlet, count(*) AS quotes,
                  min(COALESCE(q.said_on, a.published)) AS first_seen,
                  max(COALESCE(q.said_on, a.published)) AS last_seen
           FROM quote q JOIN article a ON a.id = q.article_id
           WHERE q.speaker_id = :sid GROUP BY a.outlet ORDER BY quotes DESC, a.outlet"""),
        sid).mappings()]
    mentions = [dict(r) for r in conn.execute(text(
        """SELECT mention, count(*) AS quotes FROM quote WHERE speaker_id = :sid
           AND mention IS NOT NULL GROUP BY mention ORDER BY quotes DESC LIMIT 10"""), sid)
        .mappings()]
    totals = conn.execute(text(
        """SELECT count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
                  count(DISTINCT q.claim_id) AS claims,
                  min(COALESCE(q.said_on, a.published)) AS first_seen,
                  max(COALESCE(q.said_on, a.published)) AS last_seen
           FROM quote q JOIN article a ON a.id = q.article_id WHERE q.speaker_id = :sid"""),
        sid).mappings().one()
    return {**who, **dict(totals), "aliases": aliases, "roles": roles, "outlets": outlets,
            "mentions": mentions, "history": history(conn, "speaker", who["id"])}
