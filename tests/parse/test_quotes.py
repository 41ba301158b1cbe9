"""Quotation spans as scraped Indonesian news writes them (fixtures written for the project)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.parse import parse_article


def spans(text: str) -> list[str]:
    parsed = parse_article(text, lang="id", today=date(2026, 11, 26))
    assert all(q.text == text[q.start:q.end] for q in parsed.quotes)
    return [q.text for q in parsed.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kompas print: ” opens and closes
        ("”Kami siap melayani pemudik,” kata Kepala Terminal Pulogebang Bernad Pasaribu.",
         ["”Kami siap melayani pemudik,”"]),
        # straight quotes, paragraphs glued by the scraper
        ('Harga naik lagi."Kami kewalahan," ujar Rina."Stok menipis," tambahnya.',
         ['"Kami kewalahan,"', '"Stok menipis,"']),
        # guillemets and curly quotes mixed in one article
        ("«Kami menolak,» kata Ali. “Kami juga,” timpal Budi.",
         ["«Kami menolak,»", "“Kami juga,”"]),
        # Republika print archives: doubled apostrophes
        ("''Kami tidak gentar,'' kata Yusuf.", ["''Kami tidak gentar,''"]),
        # a quote left open runs to the end of its paragraph
        ("“Kami akan terus mengawal kasus ini sampai tuntas.\nSidang berikutnya pekan depan.",
         ["“Kami akan terus mengawal kasus ini sampai tuntas."]),
        # the opening mark is missing: the quote starts at the paragraph's first word
        ('Kami tidak pernah menerima uang itu," kata Dodi.',
         ['Kami tidak pernah menerima uang itu,"']),
        # a quote over two paragraphs, re-opened at each
        ("“Paragraf pertama tentang banjir di Bekasi.\n“Paragraf kedua tentang pengungsi,” "
         "kata Sutopo.",
         ["“Paragraf pertama tentang banjir di Bekasi.", "“Paragraf kedua tentang pengungsi,”"]),
        # a closing mark right after a title pair does not start a quote at the title
        ('Gabung grup "Kabar Kota", caranya klik tautan dan pasang aplikasinya di ponsel."',
         []),
    ],
)
def test_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Film "Gadis Kretek" tayang pekan depan.',
        'Warga menyebutnya "kampung mati" sejak banjir.',
        'Sesuai tagline-nya, "Segar Setiap Hari, Hemat Setiap Saat", produk itu laris.',
        'Baca juga: "Harga Beras Naik Lagi di Pasar Induk"',
        "Simak juga Video “Banjir Rob di Pesisir Utara”",
    ],
)
def test_titles_terms_slogans_and_links_are_not_quotes(text: str) -> None:
    assert spans(text) == []


def test_real_quote_glued_after_a_link_headline() -> None:
    text = ('Baca juga: Harga Beras Naik di Pasar Induk "Kami sudah menambah pasokan," '
            "kata Direktur Utama Bulog Budi Waseso.")
    parsed = parse_article(text, lang="id")
    (quote,) = parsed.quotes
    assert (quote.text, quote.speaker) == ('"Kami sudah menambah pasokan,"', "Budi Waseso")


def test_quote_as_subject_of_the_reporters_sentence_is_partial() -> None:
    text = ('Kepala BPS Amalia Widyasanti menyebut inflasi terkendali. "Kenaikan harga pangan '
            'yang tertahan" membuat daya beli membaik.')
    parsed = parse_article(text, lang="id")
    assert [(q.kind, q.speaker) for q in parsed.quotes] == [("partial", "Amalia Widyasanti")]


def test_duplicated_paragraph_gives_two_quotes() -> None:
    line = '"Pasokan listrik normal kembali," kata Manajer PLN Budi Santoso.\n'
    parsed = parse_article(line + line, lang="id")
    assert [q.start for q in parsed.quotes] == [0, len(line)]
    assert {q.speaker for q in parsed.quotes} == {"Budi Santoso"}


WRAPPED = (
    "The brewery opened in a disused railway shed last spring and has\n"
    "grown faster than its owner expected. Manager Priya Nair said the first\n"
    "month was chaotic. \u201cWe thought we would sell ten barrels a week, but we\n"
    "sold five times that in the first fortnight,\u201d she said. The brewery now\n"
    "employs twelve people and plans a second site near the canal, where the\n"
    "old mills stand empty. \u201cPeople come for the beer and stay for the\n"
    "building,\u201d Ms Nair said.\n"
)


def test_a_quote_runs_over_the_soft_line_breaks_of_hard_wrapped_text() -> None:
    """Text wrapped at a fixed width (mail, old archives): a newline inside a sentence does
    not end the quote, so each quote is one span with its cue."""
    parsed = parse_article(WRAPPED, lang="en")
    assert [(q.text[:11], q.speaker, q.cue) for q in parsed.quotes] == [
        ("\u201cWe thought", "Priya Nair", "said"), ("\u201cPeople com", "Priya Nair", "said")]
    assert all(q.text == WRAPPED[q.start:q.end] for q in parsed.quotes)


def test_single_newlines_between_paragraphs_still_end_an_open_quote() -> None:
    """Scraped news with one newline per paragraph is no wrapped text: a quote left open at a
    paragraph's end stops there (and the next paragraph's opening mark starts a new one)."""
    text = ("\u201cKami akan menambah armada bus pada musim mudik,\n"
            "\u201cTerminal juga diperluas,\u201d kata Kepala Dinas Perhubungan Budi Santoso.\n"
            "Ia menambahkan bahwa tiket bisa dipesan daring.\n")
    spans = [q.text for q in parse_article(text, lang="id").quotes]
    assert spans[0] == "\u201cKami akan menambah armada bus pada musim mudik,"
