"""Quote extraction and attribution: pure functions, text in, records out.

Nothing in this package touches a database. Language data (cue verbs, titles,
ranks, pronouns, day and month names, outlet datelines) lives in ``lang/*.toml``.
"""

from claims.parse.extract import PARSER_VERSION, parse_article
from claims.parse.records import ParsedArticle, QuoteRecord

__all__ = ["PARSER_VERSION", "ParsedArticle", "QuoteRecord", "parse_article"]
