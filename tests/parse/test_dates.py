"""said_on: weekday/day-month forms resolved against the published date or, without one,
against the latest year in which weekday and date agree."""

from __future__ import annotations

from datetime import date

import pytest

from claims.parse import parse_article
from claims.parse.dates import DateFinder
from claims.parse.language import get_language

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder(get_language("id"))


@pytest.mark.parametrize(
    ("clause", "published", "expected"),
    [
        ("ujarnya kepada wartawan, Selasa (9/7).", None, date(2024, 7, 9)),
        ("kata Kapolsek, Senin (8/7/2024) malam.", None, date(2024, 7, 8)),
        ("ujar dia di Palu, Rabu (18/6).", date(2025, 6, 19), date(2025, 6, 18)),
        ("kata dia di Jakarta, Rabu.", date(2025, 11, 7), date(2025, 11, 5)),
        ("tutur Budi pada Jumat.", date(2025, 11, 7), date(2025, 11, 7)),
        ("ucap Rina, Rabu, 5 November 2025.", None, date(2025, 11, 5)),
        ("ungkap Sari dalam rapat 17 Agt 2024.", None, date(2024, 8, 17)),
        ("jelasnya (Sabtu, 14/6).", date(2025, 6, 20), date(2025, 6, 14)),
        ("kata Dedi dalam jumpa pers 28 Desember.", date(2025, 1, 3), date(2024, 12, 28)),
        ("katanya sambil tersenyum.", date(2025, 1, 3), None),
        ("tambahnya, minggu depan ia kembali.", date(2025, 1, 3), None),
    ],
)
def test_date_in_attribution_clause(finder: DateFinder, clause: str, published: date | None,
                                    expected: date | None) -> None:
    assert finder.find(clause, 0, len(clause), published, TODAY) == expected


def test_bare_weekday_takes_the_reference_date(finder: DateFinder) -> None:
    clause = "kata juru bicara itu pada Senin."
    assert finder.find(clause, 0, len(clause), date(2024, 7, 11), TODAY) == date(2024, 7, 8)


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    # a typo in the year: the statement cannot postdate its article
    ('"Pasar masih lesu," kata Budi, Sabtu (26/1/2913).', date(2013, 1, 27), date(2013, 1, 26)),
    ('"Stok aman," kata Budi kepada wartawan, Minggu (11/2/22018) siang.', date(2018, 2, 11),
     date(2018, 2, 11)),
    ('"Kami siap," kata Budi, Senin (20/5/2015).', date(2013, 5, 20), date(2013, 5, 20)),
    # an earlier statement quoted again keeps its own (past) year
    ('"Kami siap," kata Budi, Kamis (14/9/2023) silam.', date(2025, 6, 20), date(2023, 9, 14)),
    # a birth or maturity date is not when it was said
    ('"Saya berlatih sejak kecil," kata pemain kelahiran 30 April 2004 itu.', date(2025, 6, 20),
     None),
    ('"Imbal hasilnya menarik," kata Dian tentang seri yang jatuh tempo pada 15 September 2026.',
     date(2015, 7, 6), None),
])
def test_implausible_and_other_event_dates(sentence: str, published: date,
                                           expected: date | None) -> None:
    quotes = parse_article(sentence, published=published).quotes
    assert quotes and quotes[0].said_on == expected


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("id", "Polisi menahan dia, Selasa (9/7), lalu Kamis (11/7/2024) dan Jum'at (12/7)."),
        ("id", "KAMIS (9/7) dan sabtu, 13/7; rapat 5 JULI 2024, 12 agustus, 17 Agt."),
        ("en", "Monday (9/7), on 5 July 2024 and 12 Aug; Sunday, 14/7."),
        ("id", "ſenin (9/7) dan Kamis (11/7)"),  # the long s folds to "s", as the patterns read it
        ("id", "ſenin (9/7) dan Senın (10/7) serta Kamis (11/7)"),  # a dotless i does not
        ("id", "İbu datang Kamis (1/2) dan ẞ 5 Mei"),  # folds that change the length
        ("id", "Selasabtu (9/7), a5 Juli, 123 Juli 12 Juli, 1 2 Juli, 5  Juli."),
        ("id", "Rabu (5/6)Kamis (6/6) 7 Juni8 Juni"),
        ("en", "Rabu (5/6), 7 Juni"),
    ],
)
def test_explicit_dates_find_what_the_patterns_find_everywhere(code: str, text: str) -> None:
    """The day and number search that picks where the patterns are tried loses no match
    that trying them at every position finds."""
    finder = DateFinder(get_language(code))
    everywhere = [*finder.numeric.finditer(text), *finder.named.finditer(text)]
    assert [m.span() for m in finder._explicit_matches(text)] == [m.span() for m in everywhere]
    assert bool(everywhere) == (code == "id" or "Monday" in text)
