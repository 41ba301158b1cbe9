"""The corpus benchmark counts what it parses and never hides an error."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest

from claims.parse.attribution import (
    _SENTENCE_STOP,
    Attributor,
    ascii_words,
    sentence_break_ends,
)
from claims.parse.bench import main, read_articles, run
from claims.parse.dates import _NUMBER
from claims.parse.language import get_language
from claims.parse.names import NounPhrases, alias_pairs, tokens
from claims.parse.quotes import find_spans, quotation_marks

ARTICLES = [
    {"id": "a", "lang": "id", "date_iso": "2024-07-09",
     "text": 'JAKARTA, KOMPAS.com - "Stok aman," kata Direktur Bulog Budi Waseso, Selasa (9/7).'},
    {"id": "b", "lang": "id", "date_iso": None, "text": 'Film "Gadis Kretek" tayang pekan depan.'},
]


def write_corpus(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for article in ARTICLES:
            handle.write(json.dumps(article) + "\n")
    return path


def test_run_counts_quotes_cues_and_speakers(tmp_path: Path) -> None:
    articles = list(read_articles(write_corpus(tmp_path / "c.jsonl.gz")))
    report = run(articles, date(2026, 11, 26))
    assert (report.articles, report.quotes, report.errors, report.offset_mismatches) == (
        2, 1, 0, 0)
    assert report.cues == {"kata": 1}
    assert report.without_speaker == 0
    assert report.articles_per_second > 0


def test_main_reads_a_limit_and_exits_zero(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main([str(write_corpus(tmp_path / "c.jsonl.gz")), "--limit", "1"]) == 0
    assert "1 articles" in capsys.readouterr().out


# -- the fast forms the parser uses give exactly what the plain regexes they replace give ----

NEWS = [
    'JAKARTA, KOMPAS.com - "Stok beras aman sampai akhir tahun," kata Direktur Utama Perum '
    "Bulog Budi Waseso, Selasa (9/7/2024).\nIa menambahkan, ''harga tetap stabil''.\n",
    "SURABAYA — Wali Kota Eri Cahyadi menegaskan, “Kami tidak akan menaikkan tarif.” "
    "Menurut dia, kenaikan 12 persen terlalu berat! Apa kata warga? Ärger über 2.500 unit…",
    "Kepala Dinas Kesehatan Kabupaten Sidoarjo dr. Syaf Satriawarman, Sp.P mengatakan Rabu, "
    "5 November 2025 bahwa 123 pasien dirawat sejak 01/11.Ia menyebut “waktu yang penting”",
    "", "'", "''", "'''", "a.\tb!\n?", "9", "12 345 6789 ١٢ ab7c",
    "Ia berkata ''''cukup'''.\u00a0Lalu?\u2003Ya!\n\n«Non» „ja“ ''", ".\n", "!",
]


@pytest.mark.parametrize("text", NEWS)
def test_ascii_words_are_the_regex_letter_runs(text: str) -> None:
    assert ascii_words(text) == set(re.findall(r"[A-Za-z]+", text))


@pytest.mark.parametrize("text", NEWS)
def test_sentence_breaks_and_stops_match_their_plain_alternations(text: str) -> None:
    breaks = [m.end() for m in re.finditer(r"\n|[.!?](?=\s)", text)]
    assert sentence_break_ends(text) == breaks
    for end in range(len(text) + 1):  # "$" at a clause end given as endpos
        stops = [m.span() for m in re.compile(r"\n|[\"“”«»]|[.!?](?=\s|$|[\"“”])").finditer(
            text, 0, end)]
        assert [m.span() for m in _SENTENCE_STOP.finditer(text, 0, end)] == stops


@pytest.mark.parametrize("text", NEWS)
def test_quotation_marks_and_day_numbers_match_their_plain_patterns(text: str) -> None:
    assert quotation_marks(text) == [
        (m.start(), m.end(), m.group()) for m in re.finditer("''|[\"“”„«»]", text)]
    for start in range(min(len(text), 12)):
        assert [m.span() for m in _NUMBER.finditer(text, start)] == [
            m.span() for m in re.compile(r"(?<!\d)\d{1,2}(?!\d)").finditer(text, start)]


def test_spans_pair_marks_within_each_paragraph() -> None:
    text = "Ia berkata, \"Stok aman.\nHarga naik,\" kata Budi. ''Cukup'', ujarnya."
    spans = [(s.start, s.end, s.opened, s.closed) for s in find_spans(text)]
    assert spans == [(12, 23, True, False), (24, 36, False, True), (48, 57, True, True)]


@pytest.mark.parametrize("text", NEWS)
def test_tokens_keep_offsets_in_any_window(text: str) -> None:
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 11):
            for tok in tokens(text, start, end):
                assert start <= tok.start <= tok.end <= end
                assert text[tok.start:tok.end] == tok.text


def test_place_word_pre_test_never_hides_a_place() -> None:
    attributor = Attributor(get_language("id"))
    text = ("Banjir melanda Kabupaten Sidoarjo.\nSidoarjo menetapkan status darurat. "
            "Warga di  Porong\nmengungsi. Porong kemudian membuka posko. Budi menambahkan.")
    places = set(attributor.lang.after_place_re.findall(text))
    for word in ("Sidoarjo", "Porong", "Budi", "Warga"):
        if word in places:
            assert attributor._may_follow_place_word(text, word)
    assert not attributor._may_follow_place_word(text, "Budi")


@pytest.mark.parametrize(("text", "aliases"), [
    ("Muhammad Rais atau akrab disapa Rais Simson memilih diam.",
     {("rais", "simson"): "Muhammad Rais"}),
    ("Arief Budiman, sapaannya Ajul, tertawa.", {("ajul",): "Arief Budiman"}),  # not "sapaan"
    ("Pelatih itu, Arief Budiman alias Ajul, tertawa.", {("ajul",): "Arief Budiman"}),
    ("Wali kota “Arief” Budiman atau biasa disapa Ajul tertawa.", {("ajul",): "Budiman"}),
    ("Arief Budiman tertawa di depan wartawan.", {}),
])
def test_alias_markers_are_found_in_ascii_and_other_text(text: str, aliases: dict) -> None:
    nps = NounPhrases(get_language("id"))
    nps.set_article(text, frozenset())
    assert alias_pairs(nps, text) == aliases
