"""Mixed articles: an Indonesian article quoting English, an English article quoting Indonesian.

The article's language decides the grammar of attribution; the quoted words may be in the other
language (texts written for the project)."""

from __future__ import annotations

from claims.parse import parse_article

ID_QUOTING_EN = (
    "Jakarta - Pemerintah menyambut baik kunjungan delegasi dagang dari Australia.\n"
    '"We are ready to work with anyone who wants fair trade in the region," kata Menteri '
    "Perdagangan Rina Marlina di Jakarta, Senin (3/3/2025).\n"
    '"This is only the beginning," ujarnya.\n'
)
EN_QUOTING_ID = (
    "Indonesia's trade minister said talks with Australia would continue next week.\n"
    '"Kami tidak akan mundur dari posisi ini," said Rina Marlina, the trade minister, '
    "speaking in Jakarta on Monday.\n"
    '"Semua pihak harus sabar," she added.\n'
)


def test_indonesian_article_quoting_english() -> None:
    parsed = parse_article(ID_QUOTING_EN)
    assert parsed.lang == "id"
    assert [q.speaker for q in parsed.quotes] == ["Rina Marlina", "Rina Marlina"]
    first, second = parsed.quotes
    assert first.cue == "kata"
    assert " ".join(filter(None, [first.role, first.affiliation])) == "Menteri Perdagangan"
    assert second.resolution == "clitic"
    for q in parsed.quotes:
        assert ID_QUOTING_EN[q.start:q.end] == q.text


def test_english_article_quoting_indonesian() -> None:
    parsed = parse_article(EN_QUOTING_ID)
    assert parsed.lang == "en"
    assert [q.speaker for q in parsed.quotes] == ["Rina Marlina", "Rina Marlina"]
    assert "minister" in " ".join(filter(None, [parsed.quotes[0].role,
                                                 parsed.quotes[0].affiliation]))
    assert parsed.quotes[1].resolution == "pronoun"
