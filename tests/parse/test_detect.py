"""Language detection from function-word shares: cheap, quote-aware, and wired into
``parse_article`` when no language is given."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from claims.parse import parse_article
from claims.parse.detect import detect_language, language_scores

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council said on Tuesday that the new bridge would open in the spring, "
         "two years later than planned.", "en"),
        ("Pemerintah kota mengatakan jembatan baru itu akan dibuka pada musim hujan, "
         "dua tahun lebih lambat dari rencana.", "id"),
        # an Indonesian article quoting English: the quote does not count
        ('"We are ready to work with anyone who wants peace in the region," kata Menteri '
         "Luar Negeri Retno Marsudi di Jakarta, Senin. Ia menegaskan bahwa Indonesia tetap "
         "mendukung dialog.", "id"),
        # an English article quoting Indonesian
        ('"Kami tidak akan mundur dari posisi ini," the minister said in Jakarta on Monday, '
         "adding that the talks would continue next week.", "en"),
    ],
)
def test_detects_the_article_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_no_words_falls_back_to_the_default() -> None:
    assert detect_language("") == "id"
    assert detect_language("12345 — 678", default="en") == "en"
    assert all(score == 0.0 for score in language_scores("").values())


@pytest.mark.parametrize(
    "text",
    [
        "Kata dia, “kata” dia’s café ²abc x_y covid19 ﬁrma K\u00a0dan\u2009yang—itu",
        "The council’s “plan” and the town's bridge: naïve, 2024_the, ÉTÉ and THE",
        "\ud800 dan yang",  # a lone surrogate (scraped text can hold one)
    ],
)
def test_scores_count_the_words_of_the_word_pattern(text: str) -> None:
    """The fast count agrees with the definition: the words ``[^\\W\\d_]+`` finds in the
    case-folded sample, quotes removed."""
    from claims.parse.detect import _QUOTED, _WORD, _function_words

    words = _WORD.findall(_QUOTED.sub(" ", text).casefold())
    expected = {code: sum(w in listed for w in words) / len(words)
                for code, listed in _function_words().items()}
    assert language_scores(text) == pytest.approx(expected)
    assert any(expected.values())


def test_parse_article_stores_the_detected_language() -> None:
    text = '"We sold out by nine," said Linda Marsh, who runs the bakery in the town.'
    assert parse_article(text).lang == "en"
    assert parse_article(text, lang="id").lang == "id"  # a given language wins


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
@pytest.mark.parametrize(("name", "lang"), [("en-bbc", "en"), ("id-news", "id")])
def test_corpus_sample_accuracy(name: str, lang: str) -> None:
    total = right = 0
    with gzip.open(CORPUS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            total += 1
            right += detect_language(text) == lang
            if total >= 300:
                break
    assert right / total >= 0.99
