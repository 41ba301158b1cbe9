"""The analysts' interface: who said what as typed pandas DataFrames.

``db = claims.open("claims.db")`` then ``db.quotes(speaker=..., since=...)``. Quotes are read
through :func:`claims.query.iter_quotes` with a :class:`claims.query.QuoteFilter`, the same path
as ``claims search`` and ``claims export``, so a filter means the same thing in a notebook and on
the command line. Every frame has stable, typed columns even when empty, so notebook code written
against a small sample keeps working on a full archive.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from sqlalchemy import Engine, text

from claims.db import open_engine, shared_dir
from claims.query import QuoteFilter, iter_quotes, speaker_table

DateLike = date | datetime | str | pd.Timestamp | None

SECTORS_FILE = Path(__file__).resolve().parent / "data" / "sectors_id.toml"
#: The sample articles bundled with the repository (written for the project).
SAMPLE_DIR = shared_dir("data")

# Column families, so every frame converts the same way.
_INT = "Int64"
_STR = pd.StringDtype()
_CAT = "category"
_DATE = "datetime64[ns]"

QUOTE_DTYPES: dict[str, Any] = {
    "id": _INT, "speaker_id": _INT, "speaker": _STR, "speaker_kind": _CAT, "role": _STR,
    "affiliation": _STR, "speaker_role": _STR, "speaker_affiliation": _STR, "text": _STR,
    "kind": _CAT, "cue": _STR, "mention": _STR, "resolution": _CAT, "confidence": "float64",
    "outlet": _CAT, "via": _STR, "said_on": _DATE, "published": _DATE, "date": _DATE, "lang": _CAT,
    "title": _STR, "url": _STR, "article_id": _INT, "start": _INT, "end": _INT, "claim_id": _INT,
    "relation": _CAT,
}
SEARCH_DTYPES: dict[str, Any] = {"snippet": _STR, "rank": "float64"}
SPEAKER_DTYPES: dict[str, Any] = {
    "id": _INT, "speaker": _STR, "kind": _CAT, "quotes": _INT, "outlets": _INT, "role": _STR,
    "affiliation": _STR, "first_seen": _DATE, "last_seen": _DATE, "sector": _CAT,
    "official": "boolean",
}
ARTICLE_DTYPES: dict[str, Any] = {
    "id": _INT, "outlet": _CAT, "title": _STR, "url": _STR, "lang": _CAT, "published": _DATE,
    "source_id": _STR, "parser_version": _CAT, "quotes": _INT, "text": _STR,
}
CLAIM_DTYPES: dict[str, Any] = {
    "id": _INT, "text": _STR, "speaker_id": _INT, "speaker": _STR, "first_quote_id": _INT,
    "first_seen": _DATE, "n_articles": _INT, "n_outlets": _INT, "quotes": _INT, "verdict": _CAT,
    "created_at": _DATE,
}
PARSED_DTYPES: dict[str, Any] = {
    "start": _INT, "end": _INT, "text": _STR, "kind": _CAT, "speaker": _STR, "speaker_type": _CAT,
    "mention": _STR, "cue": _STR, "resolution": _CAT, "role": _STR, "affiliation": _STR,
    "via": _STR, "said_on": _DATE, "confidence": "float64", "outlet": _CAT, "published": _DATE,
    "lang": _CAT, "url": _STR, "title": _STR,
}


def typed_frame(rows: Iterable[Mapping[str, Any]], dtypes: Mapping[str, Any],
                extra: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """A DataFrame with exactly the columns of ``dtypes`` (plus present ``extra`` ones), typed.

    Building from an explicit column list keeps the schema when there are no rows.
    """
    rows = list(rows)
    present_extra = {c: t for c, t in (extra or {}).items() if rows and c in rows[0]}
    columns = {**dtypes, **present_extra}
    frame = pd.DataFrame.from_records(rows, columns=list(columns)) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in columns})
    for column, dtype in columns.items():
        frame[column] = _convert(frame[column], dtype)
    return frame


def _convert(series: pd.Series, dtype: Any) -> pd.Series:
    if dtype == _DATE:
        values = pd.to_datetime(series, errors="coerce")
        if isinstance(values.dtype, pd.DatetimeTZDtype):  # timestamps stored in UTC
            values = values.dt.tz_convert(None)
        # A day outside 1677-2262 is a misread date ("3025"): missing, not a crash.
        representable = (values >= pd.Timestamp.min) & (values <= pd.Timestamp.max)
        return values.where(representable).astype(_DATE)
    if isinstance(dtype, pd.StringDtype):
        return series.astype(object).where(series.notna(), None).astype(dtype)
    return series.astype(dtype)


def as_date(value: DateLike) -> date | None:
    """A calendar day from a date, datetime, Timestamp or ISO string (``2025-03-01``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):  # Timestamp is a datetime
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


# ---------------------------------------------------------------------------------------------
# Who speaks for what: officials vs citizens, government vs business.


@dataclass(frozen=True, slots=True)
class SectorRules:
    """Sector data from ``claims/data/sectors_id.toml`` (case-folded phrases)."""

    labels: dict[str, str]
    official: frozenset[str]
    prefixes: tuple[str, ...]
    organizations: dict[str, str]
    roles: dict[str, str]


@cache
def sector_rules(path: Path = SECTORS_FILE) -> SectorRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sectors = data["sectors"]

    def phrase_map(section: dict[str, list[str]]) -> dict[str, str]:
        return {p.casefold(): sector for sector, phrases in section.items() for p in phrases}

    return SectorRules(
        labels={k: v["label"] for k, v in sectors.items()},
        official=frozenset(k for k, v in sectors.items() if v.get("official")),
        prefixes=tuple(sorted((p.casefold() for p in data["modifiers"]["prefixes"]),
                              key=len, reverse=True)),
        organizations=phrase_map(data["organizations"]),
        roles=phrase_map(data["roles"]),
    )


def _words(value: str) -> list[str]:
    return value.replace(",", " ").replace("(", " ").replace(")", " ").casefold().split()


def _longest_at(words: Sequence[str], i: int, phrases: Mapping[str, str]) -> str | None:
    for n in range(min(5, len(words) - i), 0, -1):
        found = phrases.get(" ".join(words[i:i + n]))
        if found:
            return found
    return None


def _first_phrase(value: str | None, phrases: Mapping[str, str]) -> str | None:
    words = _words(value or "")
    for i in range(len(words)):
        found = _longest_at(words, i, phrases)
        if found:
            return found
    return None


def _role_head(role: str | None, rules: SectorRules) -> str | None:
    words = _words(role or "")
    changed = True
    while changed and words:
        changed = False
        for prefix in rules.prefixes:
            n = len(prefix.split())
            if " ".join(words[:n]) == prefix and len(words) > n:
                words, changed = words[n:], True
                break
    return _longest_at(words, 0, rules.roles) if words else None


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def sector_of(role: str | None, affiliation: str | None = None, name: str | None = None,
              kind: str | None = None) -> str:
    """The sector a speaker talks for: ``government``, ``business``, ``citizen``, ...

    A role's head decides first ("Warga Kota Bekasi" is a citizen, not the city), then a body
    named in the affiliation, then one named inside the role, then a role written where the
    affiliation should be ("Pedagang di Pasar Baru"), then an organisation's own name.
    """
    body = str(name) if kind == "organization" and not _missing(name) else None
    return _sector(None if _missing(role) else str(role),
                   None if _missing(affiliation) else str(affiliation), body)


@lru_cache(maxsize=65_536)
def _sector(role: str | None, affiliation: str | None, body: str | None) -> str:
    # Cached: an archive repeats the same few thousand roles across a million quotes.
    rules = sector_rules()
    found = (_role_head(role, rules) or _first_phrase(affiliation, rules.organizations)
             or _first_phrase(role, rules.organizations) or _role_head(affiliation, rules))
    if not found and body:  # an organisation speaking as a body: its own name
        found = _first_phrase(body, rules.organizations)
    if found:
        return found
    return "other" if role or affiliation else "unknown"


def add_sectors(frame: pd.DataFrame, role: str = "role", affiliation: str = "affiliation",
                name: str = "speaker", kind: str = "speaker_kind") -> pd.DataFrame:
    """A copy of ``frame`` with ``sector`` (category) and ``official`` (boolean) columns."""
    rules = sector_rules()
    out = frame.copy()
    cols = [c if c in frame else None for c in (role, affiliation, name, kind)]
    values = [frame[c].tolist() if c else [None] * len(frame) for c in cols]
    # A quote cued by "ujarnya" has no role of its own: use the speaker's usual one.
    for i, usual in ((0, f"speaker_{role}"), (1, f"speaker_{affiliation}")):
        if usual in frame:
            values[i] = [own if not _missing(own) else fallback
                         for own, fallback in zip(values[i], frame[usual].tolist(), strict=True)]
    sectors = [sector_of(r, a, n, k) for r, a, n, k in zip(*values, strict=True)]
    out["sector"] = pd.Categorical(sectors, categories=list(rules.labels))
    out["official"] = pd.array([s in rules.official for s in sectors], dtype="boolean")
    return out


def sector_labels() -> dict[str, str]:
    """Display labels of the sectors, in their order (for legends)."""
    return dict(sector_rules().labels)


# ---------------------------------------------------------------------------------------------
# The database handle.


class ClaimsDB:
    """A claims database opened for analysis. Every method returns a fresh typed DataFrame."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> ClaimsDB:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ClaimsDB({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def ingest(self, *paths: str | os.PathLike[str], **read_options: Any) -> Any:
        """Parse and store articles (files, directories, gzip), as ``claims ingest`` does.

        Idempotent: articles already stored are skipped. Returns the ingest summary.
        """
        from claims.ingest import ingest_paths

        return ingest_paths(self.engine, [os.fspath(p) for p in paths], **read_options)

    def refresh_claims(self, full: bool = False) -> Any:
        """Group stored quotes into claims (``claims claims rebuild`` with ``full=True``).

        Needed after an ingest before :meth:`claims` and the audit see new quotes.
        """
        from claims.claims_db import refresh_claims

        return refresh_claims(self.engine, full=full)

    def ingest_sample(self) -> Any:
        """Store the bundled sample articles (``data/*.jsonl``) if the database has none."""
        if not self.articles().empty:
            return None
        return self.ingest(*sorted(SAMPLE_DIR.glob("*.jsonl")))

    def quotes(
        self,
        query: str | None = None,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        via: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        kind: str | None = None,
        lang: str | None = None,
        raw: bool = False,
        order: Literal["rank", "date"] = "date",
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Quotes with their speaker, role, affiliation, outlet and dates, one row per quote.

        Filters are those of ``claims search``: ``query`` finds words (part of a word works),
        ``speaker`` a name or alias, ``since``/``until`` bound the day it was said (else the
        day it was published), ``kind`` is ``direct`` or ``partial``. ``date`` is that day;
        ``speaker_role``/``speaker_affiliation`` are the speaker's usual ones, for quotes
        whose own role is empty (``ujarnya``). With a query, ``snippet`` and ``rank`` are added.
        """
        flt = QuoteFilter(query=query, speaker=speaker, outlet=outlet, via=via,
                          since=as_date(since), until=as_date(until), kind=kind, lang=lang,
                          raw=raw, order=order, limit=limit)
        with self.engine.connect() as conn:
            rows = list(iter_quotes(conn, flt))
            speaker_ids = _speaker_ids(conn, [r["id"] for r in rows])
            usual = {s["id"]: s for s in speaker_table(conn, limit=None)} if rows else {}
        for row in rows:
            sid = speaker_ids.get(row["id"])
            row["speaker_id"] = sid
            row["speaker_role"] = usual.get(sid, {}).get("role")
            row["speaker_affiliation"] = usual.get(sid, {}).get("affiliation")
            row["date"] = row["said_on"] or row["published"]
        return typed_frame(rows, QUOTE_DTYPES, SEARCH_DTYPES)

    def speakers(self, search: str | None = None) -> pd.DataFrame:
        """Canonical speakers: quote and outlet counts, first and last day quoted, usual role
        and affiliation, and the sector that role puts them in."""
        with self.engine.connect() as conn:
            rows = speaker_table(conn, search, limit=None)  # every speaker, not a page
        frame = typed_frame(rows, {k: v for k, v in SPEAKER_DTYPES.items()
                                   if k not in {"sector", "official"}})
        frame["quotes"] = frame["quotes"].fillna(0)
        frame = add_sectors(frame, name="speaker", kind="kind")
        return frame[list(SPEAKER_DTYPES)]

    def articles(self, *, outlet: str | None = None, since: DateLike = None,
                 until: DateLike = None, lang: str | None = None,
                 with_text: bool = False) -> pd.DataFrame:
        """Stored articles with their quote counts (``with_text`` adds the full text)."""
        where, params = [], {}
        if outlet:
            where.append("lower(a.outlet) = :outlet")
            params["outlet"] = outlet.casefold()
        if since:
            where.append("a.published >= :since")
            params["since"] = as_date(since)
        if until:
            where.append("a.published <= :until")
            params["until"] = as_date(until)
        if lang:
            where.append("a.lang = :lang")
            params["lang"] = lang
        sql = f"""
        SELECT a.id, a.outlet, a.title, a.url, a.lang, a.published, a.source_id,
               a.parser_version, (SELECT count(*) FROM quote q WHERE q.article_id = a.id) AS quotes
               {", a.text" if with_text else ""}
        FROM article a
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY a.published, a.id
        """
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(text(sql), params).mappings()]
        dtypes = dict(ARTICLE_DTYPES)
        if not with_text:
            dtypes.pop("text")
        return typed_frame(rows, dtypes)

    def claims(self) -> pd.DataFrame:
        """Claims (one statement across articles) with speaker, quote count and verdict."""
        sql = """
        SELECT c.id, c.text, c.speaker_id, s.name AS speaker, c.first_quote_id, c.first_seen,
               c.n_articles, c.n_outlets,
               (SELECT count(*) FROM quote q WHERE q.claim_id = c.id) AS quotes,
               r.verdict, c.created_at
        FROM claim c
        LEFT JOIN speaker s ON s.id = c.speaker_id
        LEFT JOIN review r ON r.target_type = 'claim' AND r.target_id = c.id
        ORDER BY c.first_seen, c.id
        """
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(text(sql)).mappings()]
        frame = typed_frame(rows, CLAIM_DTYPES)
        frame["verdict"] = frame["verdict"].cat.add_categories(
            [c for c in ["unreviewed"] if c not in frame["verdict"].cat.categories]
        ).fillna("unreviewed")
        return frame


def _speaker_ids(conn: Any, quote_ids: Sequence[int]) -> dict[int, int | None]:
    """Quote id -> speaker id (the search rows carry the name, not the id)."""
    if not quote_ids:
        return {}
    found: dict[int, int | None] = {}
    ids = sorted(set(quote_ids))
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        marks = ",".join(str(int(q)) for q in chunk)
        found.update(conn.execute(
            text(f"SELECT id, speaker_id FROM quote WHERE id IN ({marks})")).all())
    return found


def open(db: str | os.PathLike[str] = "claims.db", *, upgrade: bool = True) -> ClaimsDB:  # noqa: A001
    """Open (or create) a claims database; a schema behind the code is upgraded first.

    ``db`` is a SQLite path or a SQLAlchemy URL; no CLI is involved.
    """
    return ClaimsDB(open_engine(db, upgrade_schema=upgrade))


# ---------------------------------------------------------------------------------------------
# Parsing without a database.

_PARSE_META = ("lang", "outlet", "published", "url", "title")


def parse_text(text: str, *, as_frame: bool = False, **meta: Any) -> list[Any] | pd.DataFrame:
    """Quotes in one article's text, no database needed.

    ``meta`` may give ``lang``, ``outlet``, ``published`` (a date or ``YYYY-MM-DD``), ``url``
    and ``title``. Returns the parser's ``QuoteRecord``s, or with ``as_frame=True`` a typed
    DataFrame with one row per quote and the article's metadata repeated on each row.
    """
    from claims.parse import parse_article

    unknown = set(meta) - set(_PARSE_META)
    if unknown:
        raise TypeError(f"unknown metadata {sorted(unknown)}; use {', '.join(_PARSE_META)}")
    published = as_date(meta.get("published"))
    parsed = parse_article(text, lang=meta.get("lang"), outlet=meta.get("outlet"),
                           published=published, url=meta.get("url"))
    if not as_frame:
        return list(parsed.quotes)
    article = {"outlet": parsed.outlet, "published": parsed.published, "lang": parsed.lang,
               "url": meta.get("url"), "title": meta.get("title")}
    rows = [{**asdict(q), **article} for q in parsed.quotes]
    return typed_frame(rows, PARSED_DTYPES)


__all__ = [
    "SAMPLE_DIR", "ClaimsDB", "add_sectors", "as_date", "open", "parse_text", "sector_labels",
    "sector_of", "typed_frame",
]
