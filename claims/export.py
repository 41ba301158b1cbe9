"""Writing rows out: table, CSV, TSV, JSON, JSONL, Parquet, and ClaimReview JSON-LD.

CSV and TSV are safe to open in a spreadsheet: a text cell that starts with
``= + - @``, a tab or a carriage return gets a leading ``'`` so it is shown,
not executed (formula injection). Every export streams rows (flat memory) and
carries each quote's claim id and its relation to the claim's first appearance.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_FORMATS = ("csv", "tsv", "jsonl", "json", "parquet", "claimreview")
PARQUET_BATCH = 10_000
EXPORT_COLUMNS = [
    "id", "speaker", "speaker_kind", "role", "affiliation", "text", "kind", "cue", "mention",
    "resolution", "confidence", "outlet", "via", "said_on", "published", "lang", "title", "url",
    "article_id", "start", "end", "claim_id", "relation",
]


def neutralise_cell(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cells(row: dict[str, Any], columns: list[str]) -> list[Any]:
    return ["" if row.get(c) is None else neutralise_cell(_plain(row.get(c))) for c in columns]


def write_delimited(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str],
                    delimiter: str = ",", bom: bool = False) -> int:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(_cells(row, columns))
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None) -> int:
    n = 0
    for row in rows:
        data = row if columns is None else {c: row.get(c) for c in columns}
        out.write(json.dumps(data, ensure_ascii=False, default=_plain) + "\n")
        n += 1
    return n


def write_json(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None) -> int:
    data = [row if columns is None else {c: row.get(c) for c in columns} for row in rows]
    json.dump(data, out, ensure_ascii=False, default=_plain, indent=2)
    out.write("\n")
    return len(data)


def write_table(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str],
                title: str | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=70 if c in {"text", "snippet"} else 30)
    n = 0
    for row in rows:
        table.add_row(*[_table_cell(row.get(c)) for c in columns])
        n += 1
    Console(file=out, width=None if out.isatty() else 200, soft_wrap=False).print(table)
    return n


def _table_cell(value: Any):  # type: ignore[no-untyped-def]
    """A rich Text (never parsed as markup); ``[match]`` snippet markers shown bold."""
    from rich.text import Text

    if value is None:
        return Text("")
    cell = Text(str(_plain(value)))
    cell.highlight_regex(r"\[[^\]\n]*\]", "bold yellow")
    return cell


def write_records(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str] | None = None, *,
                  columns: list[str] | None = None, title: str | None = None,
                  table_columns: list[str] | None = None, bom: bool = False) -> int:
    """Write rows in ``fmt``; returns how many were written."""
    out = out or sys.stdout
    rows = iter(rows)
    if fmt in {"csv", "tsv", "table"} and columns is None:
        first = next(rows, None)
        if first is None:
            columns = []
            rows = iter(())
        else:
            columns = list(first)
            rows = _chain_first(first, rows)
    if fmt == "csv":
        return write_delimited(rows, out, columns or [], ",", bom)
    if fmt == "tsv":
        return write_delimited(rows, out, columns or [], "\t", bom)
    if fmt == "jsonl":
        return write_jsonl(rows, out, columns)
    if fmt == "json":
        return write_json(rows, out, columns)
    if fmt == "table":
        return write_table(rows, out, table_columns or columns or [], title)
    raise ValueError(f"unknown format {fmt!r}")


def _chain_first(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


# --- Parquet -----------------------------------------------------------------------------------

_PARQUET_TYPES = {
    "id": "int64", "article_id": "int64", "start": "int64", "end": "int64",
    "claim_id": "int64", "confidence": "float64", "said_on": "date32", "published": "date32",
    "rank": "float64",
}


def parquet_schema(columns: list[str]):  # type: ignore[no-untyped-def]
    """Typed columns (ints, floats, dates); everything else is text."""
    import pyarrow as pa

    types = {"int64": pa.int64(), "float64": pa.float64(), "date32": pa.date32()}
    return pa.schema([(c, types.get(_PARQUET_TYPES.get(c, ""), pa.string())) for c in columns])


def _parquet_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = _PARQUET_TYPES.get(column)
    if kind == "date32" and not isinstance(value, date):
        return date.fromisoformat(str(value)[:10])
    if kind is None and not isinstance(value, str):
        return str(_plain(value))
    return value


def write_parquet(rows: Iterable[dict[str, Any]], path: Any, columns: list[str]) -> int:
    """Stream rows into a Parquet file in row groups of :data:`PARQUET_BATCH`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({c: _parquet_value(c, row.get(c)) for c in columns})
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


# --- ClaimReview (schema.org JSON-LD) ----------------------------------------------------------

CLAIMREVIEW_SQL = """
SELECT c.id, c.text, c.first_seen, c.first_quote_id, s.name AS speaker, s.kind AS speaker_kind,
       r.verdict, r.note, r.reviewer, r.updated_at
FROM review r JOIN claim c ON c.id = r.target_id
LEFT JOIN speaker s ON s.id = c.speaker_id
WHERE r.target_type = 'claim' AND r.verdict IN ({verdicts})
ORDER BY c.id
"""


def _creative_work(app: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if app.get("url"):
        work["url"] = app["url"]
    if app.get("title"):
        work["headline"] = app["title"]
    if app.get("published"):
        work["datePublished"] = _plain(app["published"])
    if app.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": app["outlet"]}
    return work


def claim_reviews(conn: Any, review_url: str, publisher: str | None = None,
                  claim_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """ClaimReview JSON-LD for every claim with a final verdict.

    ``review_url`` is where the fact check is published, with ``{id}`` standing for the
    claim id (``https://cekfakta.example/klaim/{id}``). Carries Google's required fields
    (``claimReviewed``, ``reviewRating.alternateName``, ``url``) and the recommended ones
    (``author``, ``datePublished``, ``inLanguage``, rating values, and ``itemReviewed`` with the
    claim's author, first appearance and every appearance).
    """
    from sqlalchemy import text

    from claims.claims_db import APPEARANCE_SQL
    from claims.review import verdict_data

    data = verdict_data()
    ratings = data["claimreview"]
    labels = data.get("claimreview_labels", {})
    verdicts = ", ".join(f"'{v}'" for v in ratings)
    wanted = set(claim_ids) if claim_ids is not None else None
    out = []
    for row in conn.execute(text(CLAIMREVIEW_SQL.format(verdicts=verdicts))).mappings():
        if wanted is not None and row["id"] not in wanted:
            continue
        apps = [dict(a) for a in conn.execute(text(APPEARANCE_SQL), {
            "cid": row["id"], "first": row["first_quote_id"]}).mappings()]
        first = apps[0] if apps else {}
        lang = first.get("lang") or "id"
        rating = ratings[row["verdict"]]
        name = labels.get(lang, {}).get(row["verdict"], rating["name"])
        claimant_type = "Organization" if row["speaker_kind"] == "organization" else "Person"
        item: dict[str, Any] = {"@type": "Claim",
                                "appearance": [_creative_work(a) for a in apps],
                                "firstAppearance": _creative_work(first)}
        if row["speaker"]:
            item["author"] = {"@type": claimant_type, "name": row["speaker"]}
        if row["first_seen"]:
            item["datePublished"] = _plain(row["first_seen"])
        review_rating = {"@type": "Rating", "ratingValue": rating["value"],
                         "bestRating": data["rating"]["best"],
                         "worstRating": data["rating"]["worst"], "alternateName": name}
        if row["note"]:
            review_rating["ratingExplanation"] = row["note"]
        author = publisher or row["reviewer"] or "claims"
        reviewed = row["updated_at"]
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": review_url.replace("{id}", str(row["id"])),
            "claimReviewed": row["text"],
            "author": {"@type": "Organization", "name": author},
            "datePublished": str(_plain(reviewed))[:10] if reviewed else None,
            "inLanguage": lang,
            "reviewRating": review_rating,
            "itemReviewed": item,
        })
    return out
