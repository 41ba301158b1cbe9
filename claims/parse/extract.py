"""Placeholder extractor: finds “…” pairs only. Replaced by the real parser."""

from __future__ import annotations

import re
from datetime import date

from claims.parse.records import ParsedArticle, QuoteRecord

PARSER_VERSION = "0.0.1"

_PAIR = re.compile(r"[“\"”][^“\"”\n]+[”\"]")


def parse_article(
    text: str,
    *,
    lang: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    today: date | None = None,
) -> ParsedArticle:
    """Parse one article's text into quote records (pure; never raises on text)."""
    quotes = [QuoteRecord(m.start(), m.end(), m.group()) for m in _PAIR.finditer(text)]
    return ParsedArticle(text=text, lang=lang or "id", outlet=outlet, published=published,
                         quotes=quotes)
