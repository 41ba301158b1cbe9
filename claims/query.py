"""Finding quotes: full-text search with filters, one quote in context, fuzzy "who said".

The CLI, exports and the analysts' API all read through here, so a filter means the same
thing everywhere. Rows are plain dicts with the columns of :data:`QUOTE_COLUMNS`.

Speed: with ``order="rank"`` and no other filter, the FTS5 query ranks (bm25) and cuts to
``LIMIT`` inside a subquery before anything is joined, so a frequent word costs one pass over
its postings, not a join per match. Snippets are built in Python for the returned rows only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from claims.errors import ClaimsError
from claims.fts import (
    FTS_TABLE,
    like_condition,
    like_escape,
    match_condition,
    trigram_plan,
    verify_condition,
)
from claims.speakers import speaker_key
from claims.speakers import speaker_table as speaker_table  # re-export (older import path)

#: The trigram tokenizer cannot match terms shorter than this.
MIN_FTS_TERM = 3
SNIPPET_OPEN, SNIPPET_CLOSE = "[", "]"
SNIPPET_WIDTH = 160
#: Matches ranked by default (the most recent ones): 1M quotes stay under 50 ms at p95.
DEFAULT_POOL = 300
BM25_K1, BM25_B = 1.2, 0.75
_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_ARTICLE_COLUMN = re.compile(r"\ba\.")

QUOTE_COLUMNS = [
    "id", "speaker", "speaker_kind", "role", "affiliation", "text", "kind", "cue", "mention",
    "resolution", "confidence", "outlet", "via", "said_on", "published", "lang", "title", "url",
    "article_id", "start", "end", "claim_id", "relation",
]

_SELECT = """
SELECT q.id, s.name AS speaker, s.kind AS speaker_kind, q.role, q.affiliation, q.text, q.kind,
       q.cue, q.mention, q.resolution, q.confidence, a.outlet, q.via, q.said_on, a.published,
       a.lang, a.title, a.url, q.article_id, q.start, q."end", q.claim_id, q.relation{extra}
FROM {source}
JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
WHERE 1=1 {where}
ORDER BY {order}
{limit}
"""


class QueryError(ClaimsError):
    """A search the user can fix (bad FTS syntax, bad filter)."""


@dataclass(slots=True)
class QuoteFilter:
    """Filters shared by search and export (and the analysts' API).

    ``since``/``until`` compare the day the words were said, else the article's publication day.
    """

    query: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    via: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    lang: str | None = None
    raw: bool = False
    order: Literal["rank", "date"] = "rank"
    limit: int | None = None
    #: ``order="rank"`` ranks the ``pool`` most recent matches (bm25 computed here, fast at any
    #: size); ``None`` ranks every match with FTS5's own bm25 (exact, slow for frequent words).
    pool: int | None = DEFAULT_POOL

    def has_row_filters(self) -> bool:
        return any(v is not None for v in (self.speaker, self.outlet, self.via, self.since,
                                           self.until, self.kind, self.lang))


def query_terms(query: str) -> list[str]:
    """The words of a query as typed (quotes and FTS operators stripped)."""
    words = re.findall(r"[^\s\"()*^:+]+", query)
    return [w for w in words if w not in _FTS_OPERATORS]


def _split_terms(query: str) -> tuple[list[str], list[str]]:
    """(terms the trigram index can match, terms too short for it)."""
    terms = re.findall(r"\S+", query)
    short = [t for t in terms if len(re.sub(r"\W", "", t)) < MIN_FTS_TERM]
    return [t for t in terms if t not in short], short


def _text_terms(f: QuoteFilter) -> tuple[list[str], list[str], str | None]:
    """(terms for the full-text index, terms too short for it, raw syntax) of the query."""
    if not (f.query and f.query.strip()):
        return [], [], None
    if f.raw:
        return [], [], f.query
    long_terms, short = _split_terms(f.query)
    return long_terms, short, None


def _uses_index(f: QuoteFilter) -> bool:
    terms, _, raw = _text_terms(f)
    return bool(terms) or raw is not None


def speaker_ids_for(conn: Connection, name: str) -> list[int]:
    """Speakers a ``--speaker`` value names: its key, an alias, or a part of a name.

    Resolved before the quote query so that the quote side uses its speaker index.
    """
    key = speaker_key(name)
    rows = conn.execute(text(
        """SELECT id FROM speaker WHERE key = :skey OR key LIKE :slike OR lower(name) LIKE :sname
           UNION SELECT speaker_id FROM speaker_alias WHERE key = :skey"""),
        {"skey": key, "slike": f"%{key}%", "sname": f"%{name.casefold()}%"})
    return sorted(r[0] for r in rows)


def outlets_for(conn: Connection, outlet: str) -> list[str]:
    """Stored outlet names equal to ``outlet`` ignoring case (so the outlet index is used)."""
    wanted = outlet.casefold()
    return [n for n in stored_outlets(conn) if n.casefold() == wanted]


def stored_outlets(conn: Connection) -> list[str]:
    """Every outlet name in the database, one index seek per name: ``SELECT DISTINCT`` would
    read the whole outlet index (16 ms at 300,000 articles) for a dozen names."""
    rows = conn.execute(text(
        """WITH RECURSIVE outlets(name) AS (
               SELECT min(outlet) FROM article
               UNION ALL
               SELECT (SELECT min(outlet) FROM article WHERE outlet > outlets.name)
               FROM outlets WHERE outlets.name IS NOT NULL)
           SELECT name FROM outlets WHERE name IS NOT NULL"""))
    return [name for (name,) in rows]


def _in_list(column: str, prefix: str, values: list[Any],
             params: dict[str, Any]) -> str:
    if not values:
        return "1 = 0"
    names = []
    for i, v in enumerate(values):
        params[f"{prefix}{i}"] = v
        names.append(f":{prefix}{i}")
    return f"{column} IN ({', '.join(names)})"


def _row_filters(conn: Connection, f: QuoteFilter,
                 short: list[str]) -> tuple[list[str], dict[str, Any]]:
    """WHERE conditions (over ``q``, ``a``, ``s``) for everything but the FTS match."""
    where: list[str] = []
    params: dict[str, Any] = {}
    for i, term in enumerate(short):
        where.append(f"lower(q.text) LIKE :like{i} ESCAPE '\\'")
        params[f"like{i}"] = f"%{like_escape(term.casefold())}%"
    if f.speaker:
        where.append(_in_list("q.speaker_id", "sid", speaker_ids_for(conn, f.speaker), params))
    if f.outlet:
        where.append(_in_list("a.outlet", "outlet", outlets_for(conn, f.outlet), params))
    if f.via:
        where.append("lower(q.via) LIKE :via")
        params["via"] = f"%{f.via.casefold()}%"
    if f.since:
        where.append("q.day >= :since")
        params["since"] = f.since
    if f.until:
        where.append("q.day <= :until")
        params["until"] = f.until
    if f.kind:
        where.append("q.kind = :kind")
        params["kind"] = f.kind
    if f.lang:
        where.append("a.lang = :lang")
        params["lang"] = f.lang
    return where, params


def _build(conn: Connection, f: QuoteFilter) -> tuple[str, dict[str, Any]]:
    """The exact query: the backend's own ranking over every match (or date order)."""
    terms, short, raw = _text_terms(f)
    where, params = _row_filters(conn, f, short)
    source, extra = "quote q", ""
    order = "q.day DESC, q.id"
    limit = f"LIMIT {int(f.limit)}" if f.limit else ""
    if not (terms or raw is not None) and f.limit:
        # newest first: pick the ids from the (speaker_id, day, id) or (day, id) index, then
        # read only those rows (sorting whole rows cost 60 ms for a 40,000-quote speaker)
        joins = "JOIN article a ON a.id = q.article_id" if any(
            _ARTICLE_COLUMN.search(w) for w in where) else ""
        ids = (f"SELECT q.id FROM quote q {joins} WHERE 1=1"
               + "".join(f" AND {w}" for w in where) + f" ORDER BY {order} {limit}")
        where = [f"q.id IN ({ids})"]
    if (terms or raw is not None) and conn.dialect.name == "sqlite":
        _, match = match_condition("sqlite", terms, raw, params)
        inner = f"SELECT rowid AS qid, rank FROM quote_fts WHERE {match}"
        if f.order == "rank" and f.limit and not short and not f.has_row_filters():
            inner += f" ORDER BY rank LIMIT {int(f.limit)}"
        source = f"({inner}) m JOIN quote q ON q.id = m.qid"
        extra = ", m.rank AS rank"
        if f.order == "rank":
            order = "m.rank, q.id"
    elif terms or raw is not None:
        _, match = match_condition(conn.dialect.name, terms, raw, params)
        where.append(match)
        params["rankq"] = raw if raw is not None else " ".join(terms)
        extra = (", -ts_rank(q.search_vector, plainto_tsquery('simple', :rankq)) AS rank")
        if f.order == "rank":
            order = "rank, q.id"
    sql = _SELECT.format(extra=extra, source=source,
                         where="".join(f"\n  AND {w}" for w in where), order=order, limit=limit)
    return sql, params


def make_snippet(body: str, terms: list[str], width: int = SNIPPET_WIDTH) -> str:
    """The part of ``body`` around the first match, every match wrapped in ``[...]``.

    Matching is case-blind and inside words, like the trigram index (``naik`` in ``kenaikan``).
    """
    words = [t for t in (re.sub(r"^\W+|\W+$", "", t) for t in terms) if t]
    if not words:
        return body[:width] + ("…" if len(body) > width else "")
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)
    first = pattern.search(body)
    start = 0 if first is None else max(0, first.start() - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < (first.start() if first else start) else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    window = pattern.sub(lambda m: f"{SNIPPET_OPEN}{m.group()}{SNIPPET_CLOSE}", body[start:end])
    return ("…" if start else "") + window + ("…" if end < len(body) else "")


def search_quotes(conn: Connection, f: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes matching the filter, best match first (or newest first with order='date')."""
    return list(iter_quotes(conn, f))


def iter_quotes(conn: Connection, f: QuoteFilter) -> Iterator[dict[str, Any]]:
    """Stream matching quotes as dicts (exports use this to stay flat in memory).

    With a query, each row also has ``snippet`` (matches in ``[...]``) and ``rank`` (bm25,
    lower is better).
    """
    if _uses_index(f) and f.order == "rank" and f.pool:
        yield from _ranked_from_pool(conn, f)
        return
    sql, params = _build(conn, f)
    result = _execute(conn, f, sql, params)
    terms = query_terms(f.query) if f.query else []
    for row in result.mappings():
        out = dict(row)
        if f.query:
            out["snippet"] = make_snippet(out["text"], terms)
        yield out


def _execute(conn: Connection, f: QuoteFilter, sql: str, params: dict[str, Any]):  # type: ignore[no-untyped-def]
    try:
        return conn.execute(text(sql), params)
    except DBAPIError as exc:  # FTS5 and to_tsquery syntax errors
        if "fts" not in params and not any(k.startswith("trg") for k in params):
            raise
        msg = str(getattr(exc, "orig", exc))
        hint = ("drop --raw to search the words literally" if f.raw
                else "rephrase the query")
        raise QueryError(f"malformed search query ({msg}); {hint}") from None


def bm25_scores(texts: dict[int, str], terms: list[str], k1: float = BM25_K1,
                b: float = BM25_B) -> dict[int, float]:
    """Okapi BM25 of each text for the terms (substring counts, as the trigram index matches).

    Every candidate holds every term (the match is an AND), so the terms' IDF weights are
    equal and drop out of the ranking; lengths are normalised against the candidates' mean.
    """
    words = [w.casefold() for w in (re.sub(r"^\W+|\W+$", "", t) for t in terms) if w]
    if not texts:
        return {}
    lengths = {qid: max(1, len(body.split())) for qid, body in texts.items()}
    mean = sum(lengths.values()) / len(lengths)
    scores = {}
    for qid, body in texts.items():
        folded = body.casefold()
        norm = k1 * (1 - b + b * lengths[qid] / mean)
        score = 0.0
        for w in words:
            tf = folded.count(w)
            score += tf * (k1 + 1) / (tf + norm) if tf else 0.0
        scores[qid] = score
    return scores


#: Below this many quotes, a speaker/outlet filter is applied first and words matched with LIKE.
FILTER_FIRST_MAX = 30_000
#: An outlet with this many articles is large: its quotes are found through the index.
OUTLET_COUNT_CAP = 20_000


def _filtered_rows_estimate(conn: Connection, f: QuoteFilter,
                            params: dict[str, Any]) -> float:
    """Quotes left by the speaker and outlet filters (from their indexes), inf without one."""
    estimate = float("inf")
    sids = [v for k, v in params.items() if k.startswith("sid")]
    outlets = [v for k, v in params.items() if k.startswith("outlet")]
    if f.speaker:
        if not sids:
            return 0
        marks = ",".join(str(int(s)) for s in sids)
        estimate = conn.execute(text(
            f"SELECT count(*) FROM quote WHERE speaker_id IN ({marks})")).scalar() or 0
    if f.outlet and not outlets:
        return 0
    if outlets:
        names = {f"o{i}": o for i, o in enumerate(outlets)}
        # counted up to a cap: past it the outlet is large, and counting costs milliseconds
        articles = conn.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM article WHERE outlet IN "
            f"({', '.join(':' + k for k in names)}) LIMIT {OUTLET_COUNT_CAP}) AS capped"),
            names).scalar() or 0
        per_article = ((conn.execute(text("SELECT max(id) FROM quote")).scalar() or 0)
                       / max(1, conn.execute(text("SELECT max(id) FROM article")).scalar() or 1))
        if articles < OUTLET_COUNT_CAP:
            estimate = min(estimate, articles * per_article)
    return estimate


def _ranked_from_pool(conn: Connection, f: QuoteFilter) -> Iterator[dict[str, Any]]:
    """Rank the ``f.pool`` most recent matches with BM25 in Python, then fetch the best rows.

    FTS5's own bm25 must count every document holding each phrase first, a full pass over the
    postings of a frequent word (~0.2-2 s at 1M quotes with trigrams); walking the postings
    newest first and stopping after ``pool`` matches costs a few milliseconds.
    """
    terms, short, raw = _text_terms(f)
    where, params = _row_filters(conn, f, short)
    joins = "JOIN article a ON a.id = q.article_id" if where else ""
    pool = int(f.pool or 0)
    plan = trigram_plan(terms) if raw is None and conn.dialect.name == "sqlite" else None
    if not f.raw and _filtered_rows_estimate(conn, f, params) < FILTER_FIRST_MAX:
        # a narrow speaker/outlet filter: read its rows and match the words with LIKE
        # (the trigram index matches case-blind substrings, so LIKE finds the same quotes)
        if terms:
            where.append(like_condition(terms, params))
        if f.outlet and not f.speaker:
            # the outlet's articles newest first, stopping after ``pool`` matches
            sql = (f"SELECT q.id, q.text FROM article a JOIN quote q ON q.article_id = a.id "
                   f"WHERE {' AND '.join(where)} ORDER BY a.id DESC, q.id DESC LIMIT {pool}")
        else:
            sql = (f"SELECT q.id, q.text FROM quote q {joins} WHERE {' AND '.join(where)} "
                   f"ORDER BY q.id DESC LIMIT {pool}")
    elif plan is not None:
        # words by their rarest trigrams where cheaper, each row checked for the whole words
        params["fts"] = plan.expression
        if plan.verify:
            where.append(verify_condition(plan.verify, params))
        sql = (f"SELECT q.id, q.text FROM {FTS_TABLE} JOIN quote q ON q.id = {FTS_TABLE}.rowid "
               f"{joins} WHERE {FTS_TABLE} MATCH :fts {''.join(f' AND {w}' for w in where)} "
               f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT {pool}")
    elif conn.dialect.name == "sqlite":
        _, match = match_condition("sqlite", terms, raw, params)
        sql = (f"SELECT q.id, q.text FROM quote_fts JOIN quote q ON q.id = quote_fts.rowid "
               f"{joins} WHERE {match} {''.join(f' AND {w}' for w in where)} "
               f"ORDER BY quote_fts.rowid DESC LIMIT {pool}")
    else:
        _, match = match_condition(conn.dialect.name, terms, raw, params)
        sql = (f"SELECT q.id, q.text FROM quote q {joins} WHERE "
               f"{' AND '.join([match, *where])} ORDER BY q.id DESC LIMIT {pool}")
    texts = dict(_execute(conn, f, sql, params).all())
    terms = query_terms(f.query or "")
    scores = bm25_scores(texts, terms)
    best = sorted(scores, key=lambda q: (-scores[q], -q))
    if f.limit:
        best = best[:f.limit]
    rows: dict[int, dict[str, Any]] = {}
    for i in range(0, len(best), 900):
        marks = ",".join(str(int(q)) for q in best[i:i + 900])
        sql = _SELECT.format(extra="", source="quote q", where=f"AND q.id IN ({marks})",
                             order="q.id", limit="")
        rows.update((r["id"], dict(r)) for r in conn.execute(text(sql)).mappings())
    for qid in best:
        row = rows[qid]
        row["snippet"] = make_snippet(row["text"], terms)
        row["rank"] = round(-scores[qid], 4)
        yield row


# --- one quote in context ----------------------------------------------------------------------

def _paragraph_bounds(body: str, start: int, end: int, around: int) -> tuple[int, int]:
    """Offsets of the paragraph(s) holding ``start:end`` plus ``around`` paragraphs each side."""
    lo = body.rfind("\n", 0, start) + 1
    hi = body.find("\n", end)
    hi = len(body) if hi < 0 else hi
    for _ in range(around):
        if lo > 0:
            lo = body.rfind("\n", 0, max(0, lo - 1)) + 1
            while lo > 0 and not body[lo:body.find("\n", lo)].strip():
                lo = body.rfind("\n", 0, lo - 1) + 1
        if hi < len(body):
            nxt = body.find("\n", hi + 1)
            while nxt >= 0 and not body[hi + 1:nxt].strip():
                hi, nxt = nxt, body.find("\n", nxt + 1)
            hi = len(body) if nxt < 0 else nxt
    return lo, hi


def quote_context(body: str, start: int, end: int, around: int = 1,
                  max_chars: int = 1500) -> dict[str, Any]:
    """The paragraphs around a quote, with the quote's position inside them.

    Scraped articles sometimes have no line breaks: the context is then cut to ``max_chars``
    centred on the quote.
    """
    lo, hi = _paragraph_bounds(body, start, end, around)
    if hi - lo > max_chars:
        spare = max(0, max_chars - (end - start)) // 2
        lo, hi = max(lo, start - spare), min(hi, end + spare)
    return {"before": body[lo:start], "quote": body[start:end], "after": body[end:hi],
            "context_start": lo, "context_end": hi}


_DETAIL_SQL = """
SELECT q.id, q.text, q.start, q."end", q.kind, q.cue, q.mention, q.resolution, q.confidence,
       q.role, q.affiliation, q.via, q.said_on, q.claim_id, q.relation, q.speaker_id,
       s.name AS speaker, s.kind AS speaker_kind, s.key AS speaker_key,
       a.id AS article_id, a.title, a.outlet, a.url, a.published, a.lang, a.text AS article_text
FROM quote q JOIN article a ON a.id = q.article_id
LEFT JOIN speaker s ON s.id = q.speaker_id
WHERE q.id = :id
"""


def quote_details(conn: Connection, quote_id: int, around: int = 1) -> dict[str, Any]:
    """Everything ``claims show`` prints: the quote in context, who said it in what capacity,
    the article, how the speaker was resolved, the claim, the review and its history."""
    from claims.auditlog import history
    from claims.review import Target, current_review

    row = conn.execute(text(_DETAIL_SQL), {"id": quote_id}).mappings().first()
    if row is None:
        raise QueryError(f"no quote q{quote_id}; find ids with `claims search`")
    r = dict(row)
    body = r.pop("article_text")
    verbatim = body[r["start"]:r["end"]] == r["text"]
    context = quote_context(body, r["start"], r["end"], around) if verbatim else None
    claim = None
    if r["claim_id"] is not None:
        claim = conn.execute(text(
            """SELECT c.id, c.text, c.first_quote_id, c.first_seen, c.n_articles, c.n_outlets,
                      fa.outlet AS first_outlet, COALESCE(rv.verdict, 'unreviewed') AS verdict
               FROM claim c LEFT JOIN quote fq ON fq.id = c.first_quote_id
               LEFT JOIN article fa ON fa.id = fq.article_id
               LEFT JOIN review rv ON rv.target_type = 'claim' AND rv.target_id = c.id
               WHERE c.id = :id"""), {"id": r["claim_id"]}).mappings().first()
        claim = dict(claim) if claim else None
    aliases = []
    if r["speaker_id"] is not None:
        aliases = [a for (a,) in conn.execute(text(
            "SELECT alias FROM speaker_alias WHERE speaker_id = :id ORDER BY alias"),
            {"id": r["speaker_id"]})]
    return {
        "id": r["id"], "text": r["text"], "kind": r["kind"], "verbatim": verbatim,
        "context": context,
        "speaker": {"id": r["speaker_id"], "name": r["speaker"], "kind": r["speaker_kind"],
                    "role": r["role"], "affiliation": r["affiliation"], "aliases": aliases},
        "attribution": {"resolution": r["resolution"], "mention": r["mention"], "cue": r["cue"],
                        "confidence": r["confidence"], "via": r["via"]},
        "said_on": r["said_on"],
        "article": {"id": r["article_id"], "title": r["title"], "outlet": r["outlet"],
                    "url": r["url"], "published": r["published"], "lang": r["lang"],
                    "start": r["start"], "end": r["end"]},
        "claim": claim, "relation": r["relation"],
        "review": current_review(conn, Target("quote", quote_id)),
        "history": history(conn, "quote", quote_id),
    }


# --- who said it? ------------------------------------------------------------------------------

WHO_SAID_CANDIDATES = 3000
#: Matches taken per word (most recent first) before candidates are compared.
WHO_SAID_PER_WORD = 2000
WHO_SAID_MAX_WORDS = 12


def _candidate_ids(conn: Connection, words: list[str], pool: int) -> list[int]:
    """Quotes sharing the most words with the half-remembered text.

    Each word's most recent matches are fetched on their own (a bounded walk of its
    postings, fast at any database size) and candidates are ranked by how many of the
    words they hold; a misremembered word costs one word, not the whole search.
    """
    usable = list(dict.fromkeys(w.casefold() for w in words if len(w) >= MIN_FTS_TERM))
    usable = sorted(usable, key=len, reverse=True)[:WHO_SAID_MAX_WORDS]
    hits: Counter[int] = Counter()
    for w in usable:
        params: dict[str, Any] = {}
        _, match = match_condition(conn.dialect.name, [w], None, params)
        # SQLite walks the FTS postings newest first without touching the quote table
        sqlite = conn.dialect.name == "sqlite"
        source, qid = ("quote_fts", "rowid") if sqlite else ("quote q", "q.id")
        sql = (f"SELECT {qid} FROM {source} WHERE {match} "
               f"ORDER BY {qid} DESC LIMIT {WHO_SAID_PER_WORD}")
        hits.update(qid for (qid,) in conn.execute(text(sql), params))
    return [qid for qid, _ in sorted(hits.items(), key=lambda kv: (-kv[1], -kv[0]))[:pool]]


def similarity_score(query: str, choice: str, **_: Any) -> float:
    """0-100: the best-matching stretch of the quote, damped when the words are scattered.

    A quote shorter than the query is compared whole (a one-word quote is no match for a
    sentence just because the sentence contains that word).
    """
    from rapidfuzz import fuzz

    if len(choice) < len(query):
        return fuzz.ratio(query, choice)
    return 0.6 * fuzz.partial_ratio(query, choice) + 0.4 * fuzz.token_set_ratio(query, choice)


def who_said(conn: Connection, words: str, limit: int = 10, min_score: float = 50.0,
             pool: int = WHO_SAID_CANDIDATES) -> list[dict[str, Any]]:
    """Quotes closest to half-remembered words, with speaker, outlet, date and a 0-100 score.

    Candidates come from the full-text index (quotes holding most of the words), then
    rapidfuzz scores each one by its best-matching part (:func:`similarity_score`), so a
    fragment finds its long original.
    """
    from rapidfuzz import process, utils

    needle = utils.default_process(words)
    if not needle:
        raise QueryError("give a few words of the quote, e.g. claims who-said \"harga beras\"")
    ids = _candidate_ids(conn, re.findall(r"\w+", words), pool)
    if not ids:
        return []
    texts: dict[int, str] = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        marks = ",".join(str(int(q)) for q in chunk)
        texts.update(conn.execute(text(f"SELECT id, text FROM quote WHERE id IN ({marks})")).all())
    score = similarity_score

    best = process.extract(needle, {q: utils.default_process(t) for q, t in texts.items()},
                           scorer=score, limit=limit, score_cutoff=min_score)
    if not best:
        return []
    scores = {qid: round(s, 1) for _, s, qid in best}
    marks = ",".join(str(int(q)) for q in scores)
    rows = {r["id"]: dict(r) for r in conn.execute(text(
        f"""SELECT q.id, 0.0 AS score, s.name AS speaker, q.role, q.affiliation,
                   a.outlet, COALESCE(q.said_on, a.published) AS date, q.text, q.claim_id,
                   a.title, a.url
            FROM quote q JOIN article a ON a.id = q.article_id
            LEFT JOIN speaker s ON s.id = q.speaker_id WHERE q.id IN ({marks})""")).mappings()}
    out = []
    for qid, s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        row = rows[qid]
        row["score"] = s
        out.append(row)
    return out
