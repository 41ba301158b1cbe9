"""said_on: weekday/day-month forms resolved against the published date or, without one,
against the latest year in which weekday and date agree."""

from __future__ import annotations

from datetime import date

import pytest

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
