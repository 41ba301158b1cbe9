"""The seed article (CNN Indonesia, NATO and the Indo-Pacific): every quote, exactly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claims.parse import parse_article
from claims.parse.records import ParsedArticle

SEED = Path(__file__).parents[1] / "fixtures" / "seed" / "cnnindonesia-nato-indopasifik.txt"
GOLD = Path(__file__).parents[3] / "shared" / "eval" / "seed.gold.jsonl"
TODAY = date(2026, 11, 26)

CARPENTER = ("Michael Carpenter", "person", "Direktur Senior untuk Eropa",
             "Dewan Keamanan Nasional AS")
LIN_JIAN = ("Lin Jian", "person", "juru bicara", "Kementerian Luar Negeri China")
BEIJING = ("Beijing", "organization", None, None)

# (start, end, kind, speaker, mention, cue, via, said_on)
EXPECTED = [
    (429, 617, "direct", CARPENTER, "Carpenter", "kata", None, None),
    (711, 731, "partial", CARPENTER, "Carpenter", "menyebut", None, None),
    (825, 869, "partial", CARPENTER, "Carpenter", "menyebut", None, None),
    (1153, 1201, "direct", CARPENTER, "-nya", "ujarnya", "South China Morning Post",
     date(2024, 7, 9)),
    (1279, 1517, "direct", CARPENTER, "dia", "lanjut", None, None),
    (1593, 1613, "partial", CARPENTER, "Dia", "menambahkan", None, None),
    (1703, 1787, "direct", CARPENTER, "-nya", "ucapnya", None, None),
    (2081, 2151, "partial", BEIJING, "Beijing", "menyebut", None, None),
    (2152, 2326, "direct", LIN_JIAN, "juru bicara Kementerian Luar Negeri China Lin Jian",
     "kata", None, date(2024, 7, 8)),
    (2395, 2484, "direct", LIN_JIAN, "-nya", "lanjutnya", None, None),
]


@pytest.fixture(scope="module")
def parsed() -> ParsedArticle:
    return parse_article(SEED.read_text(encoding="utf-8"), today=TODAY)


def test_outlet_from_dateline(parsed: ParsedArticle) -> None:
    assert parsed.outlet == "CNN Indonesia"


def test_metadata_outlet_wins() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert parse_article(text, outlet="Antara", today=TODAY).outlet == "Antara"


def test_spans_are_exact_and_complete(parsed: ParsedArticle) -> None:
    assert [(q.start, q.end, q.kind) for q in parsed.quotes] == [e[:3] for e in EXPECTED]
    for quote in parsed.quotes:
        assert quote.text == parsed.text[quote.start:quote.end]


@pytest.mark.parametrize("expected", EXPECTED, ids=[str(e[0]) for e in EXPECTED])
def test_attribution(parsed: ParsedArticle, expected: tuple) -> None:
    start, _end, _kind, (speaker, speaker_type, role, affiliation), mention, cue, via, said_on = (
        expected
    )
    quote = next(q for q in parsed.quotes if q.start == start)
    assert (quote.speaker, quote.speaker_type) == (speaker, speaker_type)
    assert (quote.role, quote.affiliation) == (role, affiliation)
    assert (quote.mention, quote.cue) == (mention, cue)
    assert (quote.via, quote.said_on) == (via, said_on)
    assert 0.0 < quote.confidence <= 1.0


def test_counts(parsed: ParsedArticle) -> None:
    kinds = [q.kind for q in parsed.quotes]
    assert (kinds.count("direct"), kinds.count("partial")) == (6, 4)
    speakers = [q.speaker for q in parsed.quotes]
    assert speakers.count("Michael Carpenter") == 7
    assert speakers.count("Lin Jian") == 2
    assert speakers.count("Beijing") == 1


@pytest.mark.skipif(not GOLD.exists(), reason="shared eval gold set not present")
def test_matches_shared_gold(parsed: ParsedArticle) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    assert gold["text"] == parsed.text
    predicted = [q.to_prediction() for q in parsed.quotes]
    for want, got in zip(gold["quotes"], predicted, strict=True):
        for key in ("start", "end", "kind", "speaker", "speaker_type", "mention", "cue", "role",
                    "affiliation", "via", "said_on"):
            assert got[key] == want[key], key
