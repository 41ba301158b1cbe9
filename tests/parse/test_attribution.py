"""Attribution on short articles written in the style of Indonesian news (fixtures written
for the project): cue slots, role/name splits, -nya and pronouns, continuations, outlets."""

from __future__ import annotations

from datetime import date

import pytest

from claims.parse import parse_article

TODAY = date(2026, 11, 26)


def parse(text: str, **kwargs):  # noqa: ANN201 - test helper
    return parse_article(text, lang="id", today=TODAY, **kwargs)


@pytest.mark.parametrize(
    ("text", "speaker", "role_words", "cue"),
    [
        ('"Kami sudah menyiapkan 300 personel," kata Kapolres Bogor AKBP Rio Wahyu Anggoro.',
         "Rio Wahyu Anggoro", "Kapolres Bogor", "kata"),
        ('"Stok beras aman sampai akhir tahun," ujar Direktur Utama Perum Bulog Budi Waseso '
         "di Jakarta.", "Budi Waseso", "Direktur Utama Perum Bulog", "ujar"),
        ('"Jalan itu rusak sejak Maret," tutur Kepala Dinas Pekerjaan Umum Kabupaten Garut, '
         "Asep Suherman, saat ditemui.", "Asep Suherman",
         "Kepala Dinas Pekerjaan Umum Kabupaten Garut", "tutur"),
        ('"Kami menolak tuduhan itu," tegas juru bicara Kementerian Luar Negeri Jepang '
         "Yoshimasa Hayashi.", "Yoshimasa Hayashi", "juru bicara Kementerian Luar Negeri Jepang",
         "tegas"),
        ('Ketua Komisi III DPR, Habiburokhman, mengatakan, "Kami akan memanggil Kapolri."',
         "Habiburokhman", "Ketua Komisi III DPR", "mengatakan"),
        ('"Saya ikut antre sejak subuh," kata Siti Aminah, warga Cipinang.', "Siti Aminah",
         "warga Cipinang", "kata"),
        ('"Harga cabai naik dua kali lipat," ungkap Dr. Ir. Bayu Krisnamurthi, M.Si., '
         "pengamat pertanian IPB.", "Bayu Krisnamurthi", "pengamat pertanian IPB", "ungkap"),
    ],
)
def test_named_speaker_with_role(text: str, speaker: str, role_words: str, cue: str) -> None:
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.cue, quote.kind) == (speaker, cue, "direct")
    said = f"{quote.role or ''} {quote.affiliation or ''}".split()
    assert said == role_words.split()


ARTICLE = (
    "JAKARTA, KOMPAS.com - Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) "
    "Dwikorita Karnawati mengingatkan warga pesisir untuk waspada.\n"
    '"Gelombang bisa mencapai empat meter," kata Dwikorita di Jakarta, Selasa (9/7/2024).\n'
    '"Nelayan sebaiknya tidak melaut dulu," ujarnya.\n'
    "Ia menambahkan, peringatan berlaku sampai akhir pekan.\n"
    '"Kami akan memperbarui informasi setiap enam jam," lanjut dia.\n'
    "Sementara itu, Kepala Pelabuhan Muara Angke Bambang Hartono mengatakan kapal sudah "
    "ditambatkan.\n"
    '"Semua kapal kami tahan di dermaga," ucap Bambang.\n'
    '"Keselamatan lebih penting daripada tangkapan."\n'
)


@pytest.fixture(scope="module")
def article():  # noqa: ANN201 - fixture
    return parse(ARTICLE)


def test_outlet_and_spans(article) -> None:  # noqa: ANN001
    assert article.outlet == "Kompas"
    assert len(article.quotes) == 5
    assert all(q.text == ARTICLE[q.start:q.end] for q in article.quotes)


def test_surname_maps_to_the_full_name_and_carries_the_role(article) -> None:  # noqa: ANN001
    first = article.quotes[0]
    assert first.speaker == "Dwikorita Karnawati"
    assert first.mention == "Dwikorita"
    assert "BMKG" in f"{first.role} {first.affiliation}"
    assert first.said_on == date(2024, 7, 9)


@pytest.mark.parametrize(
    ("index", "cue", "mention", "resolution"),
    [(1, "ujarnya", "-nya", "clitic"), (2, "lanjut", "dia", "pronoun")],
)
def test_clitic_and_pronoun_take_the_current_speaker(article, index: int, cue: str,  # noqa: ANN001
                                                     mention: str, resolution: str) -> None:
    quote = article.quotes[index]
    assert (quote.speaker, quote.cue, quote.mention, quote.resolution) == (
        "Dwikorita Karnawati", cue, mention, resolution)


def test_new_speaker_then_continuation(article) -> None:  # noqa: ANN001
    named, follow = article.quotes[3], article.quotes[4]
    assert (named.speaker, named.cue) == ("Bambang Hartono", "ucap")
    assert (follow.speaker, follow.cue, follow.resolution) == (
        "Bambang Hartono", None, "continuation")


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        ('Gubernur menyebut banjir itu sebagai "ujian bagi kita semua" dalam rapat.',
         "partial", "Gubernur"),
        ('Film "Gadis Kretek" tayang pekan depan di bioskop.', None, None),
        ('Ia dijuluki "si raja jalanan" oleh teman-temannya.', None, None),
    ],
)
def test_partial_quotes_and_titles(text: str, kind: str | None, speaker: str | None) -> None:
    quotes = parse(text).quotes
    if kind is None:
        assert quotes == []
    else:
        (quote,) = quotes
        assert (quote.kind, quote.speaker) == (kind, speaker)


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ('"Kami tidak akan mundur," ujar Zelensky seperti dikutip dari Reuters, Senin (3/3).',
         "Reuters"),
        ('"Situasi masih tegang," kata juru bicara itu, dilansir Al Jazeera.', "Al Jazeera"),
        ('"Kami siap," kata Budi dalam keterangan tertulis.', None),
    ],
)
def test_source_outlet(text: str, via: str | None) -> None:
    (quote,) = parse(text).quotes
    assert quote.via == via


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("Jakarta, CNN Indonesia -- Harga", "CNN Indonesia"),
        ("JAKARTA, KOMPAS.com - Harga", "Kompas"),
        ("Liputan6.com, Jakarta - Harga", "Liputan6"),
        ("TEMPO.CO, Jakarta - Harga", "Tempo"),
        ("Jakarta (ANTARA) - Harga", "Antara"),
        ("REPUBLIKA.CO.ID, JAKARTA -- Harga", "Republika"),
        ("Bisnis.com, JAKARTA - Harga", "Bisnis.com"),
        ("Jakarta, CNBC Indonesia - Harga", "CNBC Indonesia"),
        ("TRIBUNNEWS.COM, JAKARTA - Harga", "Tribunnews"),
        ("Merdeka.com - Harga", "Merdeka"),
        ("VIVA.co.id - Harga", "Viva"),
        ("Harga beras naik lagi", None),
    ],
)
def test_outlet_from_dateline(head: str, outlet: str | None) -> None:
    text = head + ' beras naik. "Kami pantau terus," kata Budi.'
    assert parse(text).outlet == outlet
    assert parse(text, outlet="Antara").outlet == "Antara"


@pytest.mark.parametrize(
    "text",
    ["", '"', '""', "“”", '" ," kata', "kata ujarnya", "\n\n“\n”", "a" * 5000 + '"',
     '"Tidak ada yang ditutupi," kata ' + "X " * 300],
)
def test_never_raises_and_offsets_hold(text: str) -> None:
    parsed = parse_article(text)
    assert all(q.text == text[q.start:q.end] for q in parsed.quotes)


@pytest.mark.parametrize(
    ("head", "url", "outlet"),
    [
        ("Jakarta\n- Harga", "https://news.detik.com/berita/d-1/harga", "Detik"),
        ("JAKARTA - Harga", "https://bola.okezone.com/read/2008/06/01/x", "Okezone"),
        ("JAKARTA. Harga", "http://investasi.kontan.co.id/news/x", "Kontan"),
        ("BATAM, POSMETRO.CO :Harga", None, "Posmetro"),
        ("Laporan Wartawan Tribunnews.co. Reynas. TRIBUNNEWS.CO. JAKARTA - Harga", None,
         "Tribunnews"),
        ("JAKARTA - Harga", "https://example.org/x", None),
    ],
)
def test_outlet_from_url_when_the_dateline_has_only_a_city(head: str, url: str | None,
                                                           outlet: str | None) -> None:
    text = head + ' beras naik. "Kami pantau terus," kata Budi.'
    assert parse(text, url=url).outlet == outlet


@pytest.mark.parametrize(
    ("text", "index", "speaker"),
    [
        # the fullest form of the name, written where the person is introduced
        ("Bupati Sleman Kustini Sri Purnomo meresmikan pasar itu. "
         '"Pasar ini milik warga," kata Kustini.', 0, "Kustini Sri Purnomo"),
        # a place that also stands alone is not part of the name
        ("Banjir melanda Kota Malang. Wali Kota Malang Sutiaji meninjau lokasi. "
         '"Kami kirim bantuan," kata Sutiaji.', 0, "Sutiaji"),
        # nickname introduced with "akrab disapa"
        ("Muhammad Rais atau akrab disapa Rais Simson memilih diam. "
         '"Saya tidak tahu soal uang itu," ujar Rais.', 0, "Muhammad Rais"),
        # a subject introduced by a non-speech verb is who -nya means
        ("Analis Mirae Asset Nafan Aji Gusta memproyeksikan IHSG menguat. "
         '"Sentimen global membaik," ujarnya.', 0, "Nafan Aji Gusta"),
        # an aside in parentheses is not part of the name
        ('"Pengawasan harus ketat," kata Anton Supit (Kompas, 23/9/2020).', 0, "Anton Supit"),
        # a word between the quote and its cue
        ('Ia membalas singkat. "Jangan sebar fitnah," begitu katanya kepada Rudi Hartono.', 0,
         None),
        # a doubled cue verb left by an editor
        ('"Suku bunga tetap," kata ungkap Gubernur BI Perry Warjiyo.', 0, "Perry Warjiyo"),
        # a passive cue after the quote
        ('"Stok vaksin cukup," seperti disampaikan Menteri Kesehatan Budi Gunadi Sadikin.', 0,
         "Budi Gunadi Sadikin"),
        # an account as the speaker
        ('"Tempatnya nyaman dan murah," tulis akun google rina.', 0, "rina"),
        # three capitalised words after a body: a three-word name, though a given name is the
        # second word (the given-name rule is for longer runs that hold the body's end)
        ("Kepala Dinas Pariwisata Bali I Ketut Sumarjaya menyambut rombongan itu. "
         '"Hotel sudah siap," kata Sumarjaya.', 0, "I Ketut Sumarjaya"),
        ("Ketua KPU DIY Hamdan Budi Prasetyo meninjau gudang logistik. "
         '"Surat suara aman," ujar Prasetyo.', 0, "Hamdan Budi Prasetyo"),
        # "Menurut Rano, …" names the person by a short name as "kata Rano" does: that first
        # name, also written alone, is no body word used apart from the name
        ("Juru Bicara Satgas Covid-19 Rano Hidayat mengumumkan aturan baru. Menurut Rano, "
         'warga wajib memakai masker. "Razia digelar tiap malam," ujar Hidayat.', 0,
         "Rano Hidayat"),
        # ... and the Balinese "I", an initial or a title that only opens a name, too
        ("Kepala Dinas Pariwisata Badung I Made Sukarsa menyambut tamu. "
         '"Okupansi naik," kata Made.', 0, "I Made Sukarsa"),
        ("Ketua Bawaslu Minahasa M Rinto Pangemanan meninjau TPS. "
         '"Tidak ada pelanggaran," ujar Rinto.', 0, "M Rinto Pangemanan"),
        ("Direktur Utama Bank Banten Tubagus Rudi Hartono menyebut laba naik. "
         '"Kredit tumbuh," kata Rudi.', 0, "Tubagus Rudi Hartono"),
        # a regency or city ends the body's name: the name is what follows it
        ("Ketua Bawaslu Kebumen Nurhadi Santosa menegaskan pengawasan diperketat. "
         '"Kami awasi semua TPS," kata Santosa.', 0, "Nurhadi Santosa"),
        # ... while a multi-word place ends the body ("New York"), not the name
        ('"Inflasi masih tinggi," kata Presiden Federal Reserve Bank of New York John '
         "Williams.", 0, "John Williams"),
        # a short name the article uses ("kata Fadil") keeps the given names written before it
        ("Direktur Keuangan PT Kereta Api Indonesia Muhammad Fadil Ramdani menyebut laba naik. "
         '"Penumpang kembali normal," kata Fadil.', 0, "Muhammad Fadil Ramdani"),
        # a word that ends bodies' names ("Futures", "Berjangka", "Mandiri") does not open the
        # name after the body, nor join a short name's fullest form
        ('"Rupiah menguat," kata Analis Monex Investindo Futures Ariston Tjendra.', 0,
         "Ariston Tjendra"),
        ('"Harga emas naik," ujar Direktur PT Rifan Financindo Berjangka Sutopo Widodo.', 0,
         "Sutopo Widodo"),
        ("Meski ada faktor negatif, Kepala Ekonom Bank Mandiri Andry Asmoro memandang "
         'kepercayaan investor tinggi. "Kami optimistis," kata Andry.', 0, "Andry Asmoro"),
        # the agent of a passive reporting verb outside quotes is who a later -nya means
        ('"Harga emas naik," kata analis Monex Ariston Tjendra. Pendapat berbeda disampaikan '
         "analis pasar di Gainesville Coins, Everett Millman. Menurutnya, emas bisa turun. "
         '"Pasar sudah jenuh," tuturnya.', 1, "Everett Millman"),
        ('"Kami tambah armada," ujar Direktur PT Angkasa Budi Santoso. Hal serupa juga '
         "diungkapkan oleh Direktur Keuangan PT Nusantara Kerry Wijaya. "
         '"Permintaan tinggi," imbuhnya.', 1, "Kerry Wijaya"),
        # ... but not inside a relative clause, and not an agent in a verb's own clitic
        ('"Pidato itu bagus," kata Ketua Umum Partai Maju Rudi Hartono. Rudi memuji pidato yang '
         'disampaikan oleh Presiden Joko Widodo. "Kita perlu bersyukur," katanya.', 1,
         "Rudi Hartono"),
        ('"Stok aman," kata Kepala Bulog Budi Waseso. Hal itu disampaikannya di gudang Bulog. '
         '"Beras cukup," ujarnya.', 1, "Budi Waseso"),
        # ... nor two people joined by "dan"
        ('"Kasus turun," kata Kepala Dinas Kesehatan Rina Sari. Hal itu disampaikan Gubernur '
         'Jambi Andi Hakim dan Gubernur Riau Joko Santoso. "Tes masif," ujarnya.', 1,
         "Rina Sari"),
    ],
)
def test_speaker_resolution_classes(text: str, index: int, speaker: str | None) -> None:
    quote = parse(text).quotes[index]
    assert quote.speaker == speaker


def test_begitu_katanya_keeps_the_current_speaker() -> None:
    text = ('Ketua RT Joko Susilo menolak berkomentar panjang. "Jangan sebar fitnah," begitu '
            "katanya.")
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.cue, quote.mention) == ("Joko Susilo", "katanya", "-nya")


def test_role_anaphor_gives_the_speaker_a_role_for_all_quotes() -> None:
    text = ('"Pemerintah sudah di jalur yang benar," kata Dede Yusuf kepada wartawan. '
            '"Temuan kecil harus diperbaiki," ujarnya. Wakil Ketua Komisi II DPR RI ini menilai '
            'kepercayaan publik naik. "Kami terus mengawasi," tambahnya.')
    quotes = parse(text).quotes
    assert [q.speaker for q in quotes] == ["Dede Yusuf"] * 3
    expected = ["Wakil", "Ketua", "Komisi", "II", "DPR", "RI"]
    assert all(f"{q.role} {q.affiliation}".split() == expected for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Suku bunga tetap," kata ungkap Gubernur BI Perry Warjiyo.', "Perry Warjiyo", "kata"),
        ('Rina Wati, CEO PT Maju Jaya, menambahkan "Kami akan membuka 20 gerai baru tahun ini '
         'di seluruh Jawa dan Bali."', "Rina Wati", "menambahkan"),
        ("Baca juga: Harga Cabai Melonjak Jelang Lebaran Dalam wawancara dengan wartawan, "
         'Menteri Pertanian Andi Amran Sulaiman menegaskan: "Stok cabai aman sampai Lebaran."',
         "Andi Amran Sulaiman", "menegaskan"),
    ],
)
def test_cue_forms_around_the_quote(text: str, speaker: str, cue: str) -> None:
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.cue, quote.kind) == (speaker, cue, "direct")


@pytest.mark.parametrize(
    "verb", ["cetus", "sahut", "celetuk", "seloroh", "kelakar", "rinci", "ulas", "balas",
             "simpul", "komentar", "catat", "lapor", "prediksi"],
)
def test_less_common_reporting_verbs_after_the_quote(verb: str) -> None:
    """Verbs found missing by counting the words right after closing quotes in the corpus."""
    text = f'"Harga beras sudah turun di pasar," {verb} Kepala Dinas Pangan Rudi Santoso.'
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.cue) == ("Rudi Santoso", verb)


def test_a_document_quoted_after_bunyi_is_the_speaker() -> None:
    text = '"Setiap warga berhak atas pekerjaan," bunyi Pasal 27 UUD 1945.'
    (quote,) = parse(text).quotes
    assert quote.cue == "bunyi" and quote.speaker is not None and "bunyi" not in quote.speaker


def test_a_derived_noun_opening_a_sentence_is_not_a_speaker() -> None:
    text = ('Pelatih Persita Bambang Nurdiansyah optimistis. Kepercayaan Persita juga meningkat '
            'setelah laga uji coba. "Materi pemain kami cukup," kata pelatih itu.')
    (quote,) = parse(text).quotes
    assert quote.speaker == "Bambang Nurdiansyah"


def test_a_name_in_apposition_is_read_whole_even_if_a_part_is_used_alone() -> None:
    text = ('"Kursi bertambah," kata Manajer Humas KAI Divre IV, Azhar Zaki Assjari, Sabtu. '
            '"Kami tambah gerbong," ujar Zaki.')
    assert [q.speaker for q in parse(text).quotes] == ["Azhar Zaki Assjari"] * 2


def test_a_given_name_used_alone_after_a_date_without_its_period_stays_in_the_name() -> None:
    """Scraped paragraphs glued after "(12/3/2024)": the given name opening the next sentence
    ("Arlan memaparkan") is a person's short name, not the body's last word."""
    text = ('"Penyaluran kredit tumbuh dua digit," kata Ketua OJK Arlan Hendrawan dalam jumpa '
            'pers, Selasa (12/3/2024) Arlan memaparkan, risiko kredit masih terjaga. '
            '"Rasio kredit bermasalah rendah," paparnya.')
    quotes = parse(text).quotes
    assert [q.speaker for q in quotes] == ["Arlan Hendrawan"] * 2
    assert (quotes[0].role, quotes[0].affiliation) == ("Ketua", "OJK")


def test_a_given_name_opening_a_sentence_glued_to_the_period_stays_in_the_name() -> None:
    """"ujarnya.Arlan menjelaskan": a scraper dropped the space after the period; the given
    name opening that sentence is still the person's short name, not the body's last word."""
    text = ('"Pemulihan masih berlanjut," ujar Ekonom Sinar Sekuritas Arlan Taloputra.Arlan '
            'menjelaskan, inflasi inti turun. "Kami tetap yakin," jelasnya.')
    assert [q.speaker for q in parse(text).quotes] == ["Arlan Taloputra"] * 2


def test_a_name_between_commas_after_a_role_is_read_whole_before_the_verb() -> None:
    """"epidemiolog UI, Tri Yunis Miko Wahyono, menjelaskan": the name in apposition is not cut
    at the word the article later uses alone ("ucap Miko"), as after a cue it is not."""
    text = ("Dihubungi terpisah, epidemiolog Universitas Indonesia, Tri Yunis Miko Wahyono, "
            'menjelaskan, inti PSBB adalah pembatasan. "Akan ada euforia," ucap Miko.')
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Tri Yunis Miko Wahyono", "epidemiolog", "Universitas Indonesia")


def test_imam_before_a_name_is_a_given_name() -> None:
    """"Imam" opens many Indonesian names (Imam Nahrawi, Imam B Prasodjo); as a religious role
    it is written in lowercase ("imam masjid"), so capitalised it is no role head."""
    text = ('Sosiolog Universitas Indonesia, Imam Sudrajat, menilai pelajar bukan perusuh. '
            '"Tanpa pemahaman, aksi itu ompong," ujar Imam.')
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.role) == ("Imam Sudrajat", "Sosiolog")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # a lowercase title between the body and the name does not end the NP
        ('"Kasus baru bertambah," kata Juru Bicara Gugus Tugas Covid-19 Kendari dr Algazali.',
         "Algazali", "Juru Bicara Gugus Tugas Covid-19"),
        # a role whose head is its second word ("Regional Head") is an apposition, no name
        ('"Partisi akan dibagikan," kata Russell Cohen, Regional Head of Operations Grab.',
         "Russell Cohen", "Regional Head"),
    ],
)
def test_the_name_after_a_cue_past_a_title_or_before_a_late_role_head(
        text: str, speaker: str, role: str) -> None:
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.role) == (speaker, role)


def test_one_letter_initial_between_names_is_not_a_title() -> None:
    text = ("Jakarta, CNN Indonesia -- Direktur Pembiayaan Kementerian Keuangan Scenaider H "
            'Siahaan memastikan penerbitan sukuk."Sekarang lagi persiapan," ujarnya.')
    (quote,) = parse(text).quotes
    assert quote.speaker == "Scenaider H Siahaan"


def test_an_acronym_the_article_defines_is_spelled_out_in_the_affiliation() -> None:
    text = ("Data Indonesia Bond Pricing Agency (IBPA) menunjukkan yield naik. "
            '"Pasar masih wait and see," kata Direktur IBPA Wahyu Trenggono.')
    (quote,) = parse(text).quotes
    assert (quote.role, quote.affiliation) == ("Direktur", "Indonesia Bond Pricing Agency (IBPA)")


def test_the_last_name_before_a_clitic_may_be_one_word_after_a_region() -> None:
    """With no speaker yet, "-nya" means the last name written before it; after a regency
    ("Bawaslu Indramayu Nurhadi") one word is a whole name, not the end of a body's."""
    from claims.parse.language import get_language
    from claims.parse.names import NounPhrases

    nps = NounPhrases(get_language("id"))
    text = ("PSU digelar di Desa Tugu Kidul. Menurut Ketua Bawaslu Indramayu Nurhadi, Sabtu "
            '(12/12/2020), ada pelanggaran. "Petugas mencoblos sendiri," ujarnya.')
    assert nps.last_name_before(text, text.index('"Petugas')) == "Nurhadi"


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        # the reported clause after the source has a subject of its own ("Bank Dunia")
        ("Menurut Deputi Bidang Neraca BPS, Rudi Hartanto, Bank Dunia memakai standar baru. "
         '"Angkanya berbeda," ujarnya.', "Rudi Hartanto", "Bidang Neraca BPS"),
        # the name after the comma is the source's own when the source is only a role
        ("Menurut Head of Research Mitra Sekuritas, Dimas Yusuf peminat lelang masih tinggi. "
         '"Pemerintah masih punya ruang," ujar dia.', "Dimas Yusuf", "Mitra Sekuritas"),
    ],
)
def test_the_source_of_menurut_ends_at_its_last_comma(text: str, speaker: str,
                                                      affiliation: str) -> None:
    """"Menurut ROLE, NAME, CLAUSE": the subject of the clause is no apposition of the
    source, so the source is the speaker of a later "-nya" without that subject's words."""
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.affiliation) == (speaker, affiliation)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('Nurdin, orangtua Rindy Liviani, tak kuasa menahan tangis. "Dia tadi mau cari kerja," '
         'katanya. Nurdin lalu pulang.', "Nurdin", ("orangtua", "Rindy Liviani")),
        ("Anita Kolopaking, kuasa hukum Joko Tjandra, menyatakan kliennya akan hadir. "
         '"Dia tidak bersalah," ujarnya. Anita menunggu.', "Anita Kolopaking",
         ("kuasa hukum", "Joko Tjandra")),
        ("Suahasil Nazara, Kepala Badan Kebijakan Fiskal, menyatakan defisit aman. "
         '"Kami optimistis," ujarnya. Suahasil lalu pergi.', "Suahasil Nazara",
         ("Kepala", "Badan Kebijakan Fiskal")),
    ],
)
def test_a_name_inside_the_apposition_after_a_subject_is_not_the_subject(
        text: str, speaker: str, role: tuple[str, str]) -> None:
    """"Nurdin, orangtua Rindy Liviani, …": the apposition describes the name before it; a
    name inside it is its relatum (or a body's words misread as a name)."""
    (quote,) = parse(text).quotes
    assert (quote.speaker, (quote.role, quote.affiliation)) == (speaker, role)


def test_an_opening_adverb_is_no_name_before_an_apposition() -> None:
    """"Senada, Direktur … Loto Ginting mengharapkan": a word the article writes only once,
    opening the sentence, is no subject that the role and name after it describe."""
    text = ("Senada, Analis Mitra Sekuritas Dimas Yusuf menilai pasar kuat. "
            '"Permintaan tinggi," ujarnya.')
    (quote,) = parse(text).quotes
    assert quote.speaker == "Dimas Yusuf"


def test_lowercase_tags_after_the_editors_initials_are_no_ordinary_words() -> None:
    """A tag list closing the article ("(pig/wes) dewi lestari konser") writes names in
    lowercase; they are no evidence that "Dewi" and "Lestari" are ordinary words."""
    text = ('Penyanyi Dewi Lestari tampil di Jakarta.\n"Saya senang sekali bisa kembali," ujar '
            "Dewi Lestari.\n(pig/wes) dewi lestari konser jakarta penyanyi")
    (quote,) = parse(text).quotes
    assert quote.speaker == "Dewi Lestari"


def test_a_nickname_in_quotes_before_alias_is_no_full_name() -> None:
    """"'Nona Ambon Pica Pica' alias Dewi Lestari": the quoted words are the nickname, so
    "Dewi Lestari" does not stand for them."""
    text = ('"Saya senang sekali bisa kembali," ujar Dewi Lestari.\n'
            "Video: 'Nona Ambon Pica Pica' alias Dewi Lestari.")
    assert parse(text).quotes[0].speaker == "Dewi Lestari"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Danareksa merilis riset harian. "Harga turun, volume perdagangan deras," terang '
         "riset tersebut.", "riset tersebut"),
        ('Emiten itu menerbitkan obligasi. "Target listing 27 Maret," tambah sumber itu.',
         "sumber itu"),
    ],
)
def test_a_description_with_nobody_to_point_at_is_kept_as_written(text: str,
                                                                   speaker: str) -> None:
    """"terang riset tersebut" with no person or body named before: the description is the
    speaker as written (anonymous), as "salah satu anggota" is, rather than no speaker."""
    (quote,) = parse(text).quotes
    assert (quote.speaker, quote.speaker_type) == (speaker, "anonymous")


@pytest.mark.parametrize(("code", "cue"), [("id", "kata Budi"), ("en", "said Reuters")])
def test_inverted_cue_lookup_finds_what_the_cue_regex_finds(code: str, cue: str) -> None:
    """``Language.inverted_at`` (a word and a dictionary look-up) agrees with the regex
    alternation of every inverted and clitic form at every position: case, hyphens, a
    longer word that only starts with a form, a form glued to the word before."""
    from claims.parse.language import get_language

    lang = get_language(code)
    text = ('"Kami siap," kata Budi. "Ya," ujarnya; KATA dia, Katanya-katanya, katakan '
            'pikata tutur-nya, ungkap_ said Reuters, "Yes," SAID she, says-who, pointed out '
            'tuturnya. kata\u00a0dia ujar\u2009Budi kata')
    for pos in range(len(text) + 2):
        match = lang.inverted_re.match(text, pos)
        expected = (match.end(), match.group(1)) if match else None
        assert lang.inverted_at(text, pos) == expected, (pos, text[pos:pos + 12])
    verb = cue.split()[0]
    assert lang.inverted_at(text, text.index(cue)) == (text.index(cue) + len(verb), verb)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Presiden Joko Santoso (Jokos) meminta warga tenang. "Kita hadapi bersama," kata '
         "Jokos.", "Joko Santoso"),
        ("Ketua Umum Partai Maju Agus Hartono Yudanto (AHY) mengatakan partainya siap. "
         '"Kami siap berkoalisi," kata AHY.', "Agus Hartono Yudanto"),
        # an acronym of a body whose last words read like a name stays the body's
        ("Ketua Umum Organisasi Angkutan Darat (Organda) Adrianto Wibowo hadir. "
         '"Tarif harus ditinjau," kata Organda.', "Organda"),
    ],
)
def test_a_nickname_in_parentheses_after_a_full_name_means_that_person(
        text: str, speaker: str) -> None:
    """"Presiden Joko Widodo (Jokowi)": the parenthesised short name a later cue uses is the
    person introduced with a role right before it, not a speaker of its own."""
    assert parse(text).quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        # "Putih" is a place only after "Gedung" (or "Merah"): here it is a name word
        ('Juru Bicara OJK, Sekar Putih Djarot mengatakan pengawasan berjalan. "Kami pantau '
         'terus," katanya.', "Sekar Putih Djarot", "OJK"),
        ('Juru bicara Gedung Putih Karine Jean mengatakan rapat ditunda. "Kami tunggu," '
         "katanya.", "Karine Jean", "Gedung Putih"),
    ],
)
def test_a_word_of_a_multi_word_place_is_a_place_only_within_it(
        text: str, speaker: str, affiliation: str) -> None:
    """The second word of "Gedung Putih" ends a body only after "Gedung": after another word
    it is part of a person's name ("Sekar Putih Djarot" had been "Djarot" of "OJK, Sekar
    Putih"). Compass words ("Selatan", "Timur") stay places: they end regions the list lacks."""
    quote = parse(text).quotes[-1]
    assert (quote.speaker, quote.affiliation) == (speaker, affiliation)


def test_a_body_misread_as_a_name_before_an_apposed_name_is_rejoined_whole() -> None:
    """"Kepala Badan Kebijakan Fiskal, Suahasil Nazara menilai": the first chunk's last word
    was read as a name ("Fiskal"); given back to the body, it follows the rest of it without
    the comma that had been put between them ("Badan Kebijakan, Fiskal")."""
    text = ('Kepala Badan Kebijakan Fiskal, Suahasil Nazara menilai utang aman. "Persentasenya '
            'rendah," katanya.')
    quote = parse(text).quotes[-1]
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Suahasil Nazara", "Kepala", "Badan Kebijakan Fiskal")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Selanjutnya, Bank Dunia menyatakan akan menggelar rapat. "Kami tunggu hasilnya," '
         "katanya.", "Bank Dunia"),
        ('Namun, S&P mengatakan skenario itu tetap berlaku. "Kami tunggu hasilnya," katanya.',
         "S&P"),
    ],
)
def test_a_connector_before_a_body_is_no_apposed_name(text: str, speaker: str) -> None:
    """"Selanjutnya, Bank Dunia menyatakan": the connector chunk before a body that opens the
    subject is no name the body describes ("Selanjutnya" had been the speaker)."""
    assert parse(text).quotes[-1].speaker == speaker


def test_a_connector_before_a_colon_is_no_speaker() -> None:
    """"Artinya: "…"" (it means): a translation, not a speaker's name before a colon."""
    text = 'Doa berbuka dibaca. Artinya: "Saya niat puasa sunnah karena Allah." Lalu selesai.'
    assert parse(text).quotes[0].speaker is None


def test_a_name_run_in_an_address_is_no_speaker_for_a_clitic() -> None:
    """"… di kawasan Panjaitan, Tenggarong, Kutai Kartanegara, Kalimantan Timur." and then
    "ujarnya": a capitalised run followed by ", PLACE" is part of an address, not the last
    person named ("Kutai Kartanegara" had been the speaker)."""
    text = ("Seorang warga mengaku jadi korban. Penembakan terjadi di jembatan di kawasan "
            "Panjaitan, Tenggarong, Kutai Kartanegara, Kalimantan Timur.\n"
            '"Saya mau pulang lewat jembatan itu," ujarnya.')
    assert parse(text).quotes[-1].speaker != "Kutai Kartanegara"


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        ('Kapolda Kalimantan Selatan Irjen Budi Santoso mengatakan jalan ditutup. "Kami '
         'jaga," katanya.', "Budi Santoso", "Kalimantan Selatan"),
        ('Kepala Dinas Kominfo Sumsel Suhadi Wijaya mengatakan data aman. "Kami jaga," '
         "katanya.", "Suhadi Wijaya", "Dinas Kominfo Sumsel"),
    ],
)
def test_province_names_end_a_body_before_a_name(text: str, speaker: str,
                                                 affiliation: str) -> None:
    """Provinces and their short forms ("Kalimantan Selatan", "Sumsel") are places: they end
    the body, and the name after them is the person's."""
    quote = parse(text).quotes[-1]
    assert (quote.speaker, quote.affiliation) == (speaker, affiliation)


def test_pihaknya_points_at_the_current_speaker() -> None:
    """"Pihaknya berharap …" (his side): an anaphor of the person named before, like "dia";
    it had become a speaker of its own ("Pihaknya")."""
    text = ("Hal senada disampaikan Gubernur DKI Jakarta Basuki Tjahaja Purnama. Pihaknya "
            'mengatakan tak mempermasalahkan langkah DPRD. "Itu hak mereka," ujarnya.')
    assert parse(text).quotes[-1].speaker == "Basuki Tjahaja Purnama"


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('Bisnis.com, JAKARTA--Kepala Ekonom Samuel Sekuritas Lana Soelistyaningsih menilai '
         'rupiah kuat. "Kami jaga," jelasnya.', "Kepala Ekonom", "Samuel Sekuritas"),
        ('SEMARANG—Mantan Ketua DPRD Jawa Tengah Rustriningsih mengatakan harga naik. "Kami '
         'jaga," katanya.', "Mantan Ketua", "DPRD Jawa Tengah"),
    ],
)
def test_a_city_dateline_is_no_part_of_the_first_subject(text: str, role: str,
                                                          affiliation: str) -> None:
    """"JAKARTA--", "SEMARANG—": a dateline of the city alone, after an outlet's or not, ends
    before the first sentence's subject (it had been read into the role: "JAKARTA--Kepala
    Ekonom")."""
    quote = parse(text).quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)
