"""Map a record (JSON object or CSV row) onto a SourceArticle.

Field names are a schema, not language text: the aliases below are the names scrapers and
datasets commonly use (English and Indonesian), tried in order, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .records import FieldMap, ReadProblem, SourceArticle

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "isi", "article", "article_text", "maintext"),
    "title": ("title", "judul", "headline"),
    "url": ("url", "link", "source_url"),
    # date_iso first: a parsed day beats a raw scraped string that may not parse.
    "published": (
        "date_iso", "published", "published_at", "publish_date", "pubdate", "date", "tanggal",
    ),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "media"),
    "id": ("id", "source_id", "article_id", "doc_id", "guid"),
    "lang": ("lang", "language"),
}
DEFAULT_KEYS = frozenset({"title", "url", "outlet", "published", "lang"})
# Defaults that make sense for every record of a multi-article file; a title or url would not.
SHARED_DEFAULT_KEYS = frozenset({"outlet", "published", "lang"})

_ISO_DAY = re.compile(r"(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T ])")


def parse_date(value: Any) -> date | None:
    """The calendar day of an ISO date or datetime, as written (no timezone conversion).

    The day the outlet printed is the day the statement is reported on, so
    ``2024-07-09T23:30:00+07:00`` stays 2024-07-09.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value.strip())
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _as_text(value: Any) -> str | None:
    """A metadata value as a clean string; numbers become strings (ids), structures vanish."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return value["name"].strip() or None  # e.g. {"source": {"id": .., "name": ..}}
    return None


def candidate_keys(available: Mapping[str, str], field: str, chosen: FieldMap) -> list[str]:
    """Keys of the record to try for ``field``, best first.

    ``available`` maps lower-cased key -> key as written. A user-chosen name is the only
    candidate (explicit beats clever).
    """
    explicit = getattr(chosen, field)
    names = (explicit,) if explicit else FIELD_ALIASES[field]
    return [available[name.lower()] for name in names if name.lower() in available]


def missing_text_reason(chosen: FieldMap, what: str) -> str:
    """One line telling the user which names were tried, so they can pick one."""
    if chosen.text:
        return f"no {what} '{chosen.text}'"
    return f"no text (looked for {what}s: {', '.join(FIELD_ALIASES['text'])})"


@lru_cache(maxsize=1024)
def record_plan(keys: tuple[str, ...], chosen: FieldMap) -> dict[str, tuple[str, ...]]:
    """For records with these keys: the keys to try for each field, best first.

    The records of one file almost always share their keys, so this is worked out once per
    file rather than once per record (a measurable share of ingest time on big JSONL files).
    """
    available = {key.lower(): key for key in keys}
    return {field: tuple(candidate_keys(available, field, chosen)) for field in FIELD_ALIASES}


def article_from_record(
    record: Mapping[str, Any],
    origin: str,
    chosen: FieldMap,
    shared_defaults: Mapping[str, Any],
    what: str = "field",
) -> SourceArticle | ReadProblem:
    """Build an article from one record, or say why it is not one."""
    plan = record_plan(tuple(key for key in record if isinstance(key, str)), chosen)
    text_keys = plan["text"]
    text_value = next((record[key] for key in text_keys if record[key] not in (None, "")), None)
    if text_value is None:
        return ReadProblem(origin, missing_text_reason(chosen, what))
    if isinstance(text_value, list) and text_value and all(
            isinstance(part, str) for part in text_value):
        text_value = "\n".join(part.strip() for part in text_value if part.strip())  # paragraphs
    if not isinstance(text_value, str):
        what_is = "a list of non-strings" if isinstance(text_value, list) else (
            f"a {type(text_value).__name__}")
        return ReadProblem(origin, f"text is {what_is}, not a string")
    if not text_value.strip():
        return ReadProblem(origin, "text is blank")

    def first(field: str) -> str | None:
        for key in plan[field]:
            value = _as_text(record[key])
            if value is not None:
                return value
        return None

    published = next(
        (day for key in plan["published"] if (day := parse_date(record[key])) is not None),
        None,
    )
    article = SourceArticle(
        text=text_value,
        title=first("title"),
        url=first("url"),
        outlet=first("outlet"),
        published=published,
        lang=first("lang"),
        source_id=first("id"),
        origin=origin,
    )
    return fill_missing(article, shared_defaults)


def normalize_defaults(defaults: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validate command-line metadata early, so a typo fails before any file is read."""
    if not defaults:
        return {}
    unknown = set(defaults) - DEFAULT_KEYS
    if unknown:
        raise ValueError(
            f"unknown default field(s): {', '.join(sorted(unknown))} "
            f"(allowed: {', '.join(sorted(DEFAULT_KEYS))})"
        )
    clean = {key: value for key, value in defaults.items() if value not in (None, "")}
    if "published" in clean:
        day = parse_date(clean["published"])
        if day is None:
            raise ValueError(f"published date {clean['published']!r} is not YYYY-MM-DD")
        clean["published"] = day
    return clean


def fill_missing(article: SourceArticle, defaults: Mapping[str, Any]) -> SourceArticle:
    """Use defaults only where the input itself said nothing."""
    for key, value in defaults.items():
        if getattr(article, key) is None:
            setattr(article, key, value)
    return article


def override(article: SourceArticle, defaults: Mapping[str, Any]) -> SourceArticle:
    """Command-line metadata wins over what was guessed from a single file (e.g. HTML)."""
    for key, value in defaults.items():
        setattr(article, key, value)
    return article

