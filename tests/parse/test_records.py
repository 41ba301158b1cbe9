"""The parser's records: what crosses a process boundary comes back unchanged."""

from __future__ import annotations

import pickle
from dataclasses import fields
from datetime import date

from claims.parse import ParsedArticle, QuoteRecord


def test_parsed_articles_cross_the_process_boundary_unchanged() -> None:
    quote = QuoteRecord(10, 42, "“Kami siap,” kata Budi", kind="partial", speaker="Budi Santoso",
                        speaker_type="person", mention="Budi", cue="kata", resolution="named",
                        role="Kepala", affiliation="Dinas Pangan", via="Antara",
                        said_on=date(2024, 7, 9), confidence=0.9)
    parsed = ParsedArticle(text="x" * 50, lang="id", outlet="Kompas",
                           published=date(2024, 7, 10), quotes=[quote, QuoteRecord(0, 1, "x")])
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    # a field added to a record must be added to its __reduce__ too
    assert len(quote.__reduce__()[1]) == len(fields(QuoteRecord))
    assert len(parsed.__reduce__()[1]) == len(fields(ParsedArticle))
