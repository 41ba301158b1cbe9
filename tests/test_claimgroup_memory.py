"""Claims regrouping stays small in memory over a whole archive, with the same groups.

Every text here is written for the project in the style of Indonesian news.
"""

from __future__ import annotations

import itertools
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from claims.claimgroup import Appearance, group_claims
from claims.claimgroup.grouping import _evidence_keys, _postings_from, _with_posting

DAY = date(2024, 7, 9)
FULL = "“Indonesia tidak akan mengirim pasukan ke wilayah itu tanpa mandat PBB,”"


@pytest.mark.parametrize(
    ("keys", "max_df", "expected"),
    [
        # 2 is carried twice, 3 four times; 1, 4 and 5 once (never shareable)
        ([[1, 2, 3], [2, 3, 4], [3, 5], [3]], 3, [2]),
        ([[1, 2, 3], [2, 3, 4], [3, 5], [3]], 4, [2, 3]),
        ([[7], [8], [9]], 300, []),
        ([], 300, []),
        ([[-5, 2**62], [2**62, -5], [-5]], 300, [-5, 2**62]),
    ],
)
def test_evidence_keys_are_those_shared_by_two_to_max_df_quotes(
    keys: list[list[int]], max_df: int, expected: list[int]
) -> None:
    assert _evidence_keys(iter(keys), max_df).tolist() == expected


def test_index_slot_holds_a_bare_claim_until_a_second_one_shares_it() -> None:
    slot = _with_posting(None, 7)
    assert slot == 7
    assert _with_posting(slot, 7) == 7
    slot = _with_posting(slot, 3)
    assert slot == (3, 7)
    slot = _with_posting(slot, 5)
    slot = _with_posting(slot, 5)
    assert slot == (3, 5, 7)
    assert list(_postings_from(slot, 4)) == [5, 7]
    assert list(_postings_from(7, 8)) == []
    assert list(_postings_from(7, 7)) == [7]
    assert list(_postings_from(None, 0)) == []


def _app(qid: int, text: str, article: int, outlet: str, day: date = DAY) -> Appearance:
    return Appearance(quote_id=qid, text=text, article_id=article, speaker_key="retno marsudi",
                      speaker_name="Retno Marsudi", speaker_type="person", outlet=outlet, day=day)


def test_a_later_member_counts_as_a_sibling_of_its_own_article() -> None:
    """An article that carries a copy and then a trimmed version of it repeats itself: the trim
    stays apart even though the claim's first appearance is in another article."""
    apps = [
        _app(1, FULL, article=10, outlet="Kompas.com"),
        _app(2, FULL.replace("“", "\"").replace(",”", ".\""), article=20, outlet="Detik"),
        _app(3, "“Indonesia tidak akan mengirim pasukan ke wilayah itu,”", article=20,
             outlet="Detik"),
    ]
    groups = group_claims(apps)
    assert [g.member_ids for g in groups] == [[1, 2], [3]]
    assert groups[0].relations == {1: "identical", 2: "identical"}


def test_a_trim_in_another_article_joins_the_claim() -> None:
    apps = [
        _app(1, FULL, article=10, outlet="Kompas.com"),
        _app(2, "“Indonesia tidak akan mengirim pasukan ke wilayah itu,”", article=20,
             outlet="Detik"),
    ]
    (group,) = group_claims(apps)
    assert group.relations == {1: "identical", 2: "excerpt"}


def _distinct_quotes(n: int) -> Iterator[Appearance]:
    """Quotes that share words and a few shingles but are never one statement."""
    subjects = ["Pemerintah", "Kementerian Sosial", "Dinas Kesehatan", "Pemkot", "Bulog"]
    verbs = ["menyalurkan", "menargetkan", "menyiapkan", "mengevaluasi", "memperketat"]
    objects = ["bantuan beras", "anggaran jalan", "program vaksinasi", "subsidi pupuk"]
    places = ["Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Denpasar"]
    combos = itertools.product(subjects, verbs, objects, places, range(1, 1000))
    for i, (who, verb, what, where, k) in zip(range(n), combos, strict=False):
        yield Appearance(
            quote_id=i, text=f"“{who} {verb} {what} untuk {k} keluarga di {where} pekan ini,”",
            article_id=i, outlet=f"Media {i % 7}", day=DAY + timedelta(days=i // 50))


def test_grouping_an_archive_holds_little_more_than_its_result() -> None:
    """Open claims, the shingle index and the key counts cost a few hundred bytes a quote at
    most (the per-claim maps and tuple-keyed index used to take about 2 KB a quote)."""
    quotes = list(_distinct_quotes(2_000))
    group_claims(quotes[:20])  # the lexicon is loaded once per process, not per archive
    tracemalloc.start()
    try:
        groups = group_claims(quotes)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(len(g.members) for g in groups) == len(quotes)
    assert peak / len(quotes) < 1_200
