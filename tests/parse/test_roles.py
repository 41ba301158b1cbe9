"""Roles and affiliations the parser reads for a speaker, on short texts written in the style
of Indonesian news for the project (never copied from the gold sets or the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.parse import parse_article
from claims.parse.names import abbreviates

TODAY = date(2026, 11, 26)


def _split_of(text: str, speaker: str) -> tuple[str | None, str | None]:
    """(role, affiliation) of the first quote of ``speaker``."""
    for quote in parse_article(text, lang="id", today=TODAY).quotes:
        if quote.speaker == speaker:
            return quote.role, quote.affiliation
    raise AssertionError(f"no quote of {speaker}")


def _role_of(text: str, speaker: str) -> str:
    """Role and affiliation of the first quote of ``speaker``, joined as the scorer joins them."""
    return " ".join(part for part in _split_of(text, speaker) if part)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('"Kami akan memperbaiki sistem antrean di semua puskesmas," kata Hendra Wiratama '
         "selaku Kepala Dinas Kesehatan Kota Depok, Senin (3/2).", "Hendra Wiratama",
         "Kepala Dinas Kesehatan Kota Depok"),
        ('"Semua pemain siap tampil di laga tandang," ujar Rahmat Darmawan sebagai pelatih '
         "Persiba Balikpapan.", "Rahmat Darmawan", "pelatih Persiba Balikpapan"),
        ('"Jembatan itu selesai bulan depan," kata Dedi Kurnia, yang juga menjabat sebagai '
         "Kepala Desa Sukamaju.", "Dedi Kurnia", "Kepala Desa Sukamaju"),
    ],
)
def test_role_written_after_the_name_with_a_marker(text: str, speaker: str, role: str) -> None:
    assert _role_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Jakarta, CNBC Indonesia - Senior portfolio manager Sinarmas Sekuritas Yudi Pratama "
         'menilai pasar masih rawan. "Investor sebaiknya menunggu," kata Yudi.', "Yudi Pratama",
         ("Senior portfolio manager", "Sinarmas Sekuritas")),
        ("Jakarta - Head of research and chief economist Bank Permata Josua Simanjuntak "
         'menyebut inflasi terkendali. "Harga pangan stabil," kata Josua.',
         "Josua Simanjuntak", ("Head of research and chief economist", "Bank Permata")),
        ("Jakarta, CNBC Indonesia - Chief investment officer and US equity strategist "
         "Morgan Stanley Mike Wilson menyebut reli itu rapuh. \"Kami tetap berhati-hati,\" "
         "kata Wilson.", "Mike Wilson",
         ("Chief investment officer and US equity strategist", "Morgan Stanley")),
    ],
)
def test_english_title_written_in_lowercase(text: str, speaker: str,
                                            role: tuple[str, str]) -> None:
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("JAKARTA - Head of Fixed Income Research Mandiri Sekuritas Handy Yunianto mengatakan "
         'yield naik. "Pasar masih ragu," kata Handy.', "Handy Yunianto",
         ("Head of Fixed Income Research", "Mandiri Sekuritas")),
        ("JAKARTA - Chief Financial Officer Adira Finance Sylvanus Gani mengatakan laba naik. "
         '"Kami optimistis," kata Sylvanus.', "Sylvanus Gani",
         ("Chief Financial Officer", "Adira Finance")),
        ("JAKARTA - Analis Fixed Income MNC Sekuritas Made Adi Saputra menilai SUN menarik. "
         '"Yield masih tinggi," kata Made.', "Made Adi Saputra",
         ("Analis Fixed Income", "MNC Sekuritas")),
        # a joining word after the units opens the body, it ends no role
        ("JAKARTA - Direktur Treasury & International Banking Bank Mandiri Panji Irawan "
         'mengatakan likuiditas cukup. "Kami siap," kata Panji.', "Panji Irawan",
         ("Direktur Treasury", "International Banking Bank Mandiri")),
        # units that open a body's name stay in the body
        ("JAKARTA - Direktur Eksekutif Economic Research Institute for ASEAN Lili Yan Ing "
         'mengatakan ekspor naik. "Permintaan kuat," kata Lili.', "Lili Yan Ing",
         ("Direktur Eksekutif", "Economic Research Institute for ASEAN")),
    ],
)
def test_english_department_words_continue_the_role(text: str, speaker: str,
                                                    role: tuple[str, str]) -> None:
    """"Head of" had been the whole role and the department the body ("Fixed Income Research
    Mandiri Sekuritas"): 788 roles ending in "of", "Chief", "&", … over every 7th corpus
    article, 274 after (most of them "Deputi Gubernur Senior", a whole role)."""
    assert _split_of(text, speaker) == role


def test_an_english_body_name_runs_over_its_lowercase_words() -> None:
    """"on" joins an English body's name as "of" does ("Center of Reform on Economics"): the
    speaker had been "Reform", the name cut at the first lowercase word."""
    text = ('"Belanja tidak bisa diimbangi," ujar Direktur Riset Center of Reform on Economics '
            "(Core) Indonesia Piter Abdullah Redjalam melalui keterangan tertulis.")
    assert _split_of(text, "Piter Abdullah Redjalam") == (
        "Direktur Riset", "Center of Reform on Economics (Core) Indonesia")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("JAKARTA - Kepala Departemen Pengawasan Perbankan (DPB) 3 OJK Rina Kusuma mengatakan "
         'kredit macet turun. "Rasio NPL membaik," kata Rina.', "Rina Kusuma",
         ("Kepala", "Departemen Pengawasan Perbankan (DPB) 3 OJK")),
        ("JAKARTA - Wakil Ketua Komisi 2 DPRD Surabaya Agus Salim mengatakan anggaran cukup. "
         '"Dana sudah dialokasikan," kata Agus.', "Agus Salim",
         ("Wakil Ketua", "Komisi 2 DPRD Surabaya")),
    ],
)
def test_number_inside_a_unit_name(text: str, speaker: str, role: tuple[str, str]) -> None:
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # a dateline dash glued to the role does not pull the city into it
        ("Posmetro.co.id, CIREBON –Jurnalis senior Asep Wahyudin secara resmi meluncurkan buku "
         "tentang sejarah pers lokal. Dalam acara itu, Asep menegaskan pentingnya literasi. "
         "“Buku ini untuk generasi muda,” tegasnya.", "Asep Wahyudin", ("Jurnalis senior", None)),
        # two sentences glued after a number: the role starts after the dot
        ("Sekolah tatap muka ditunda akibat Covid-19.Kepala Dinas Pendidikan Kota Bogor Hendra "
         'Gunawan mengatakan, keputusan itu diambil bersama. "Kami tidak ingin ada klaster '
         'baru," kata Hendra.', "Hendra Gunawan", ("Kepala", "Dinas Pendidikan Kota Bogor")),
        # a headline glued to the next sentence ("Bulan DepanSebelumnya") is not read back
        ("JAKARTA - Inflasi September naik tipis. Baca juga: Pemerintah Tunda Kenaikan Harga "
         "Gas Elpiji Bulan DepanSebelumnya Gubernur Bank Indonesia Agus Santoso mengatakan "
         'inflasi masih terkendali. "Kami melihat harga pangan stabil," tutur Agus.',
         "Agus Santoso", ("Gubernur", "Bank Indonesia")),
        # a "Baca juga" link glued to the next sentence: the sentence still introduces
        ("BEKASI - Sungai kembali bersih. Baca juga: Banjir Rendam Ratusan Rumah di Bekasi "
         "Dari hasil pemantauan itu, Pendiri Kali Bersih Rina Marlina merancang alat penyaring. "
         '"Alat ini bisa menangkap satu ton sampah sehari," kata Rina.', "Rina Marlina",
         ("Pendiri", "Kali Bersih")),
        # a capitalised connector before the name is no affiliation
        ("BOGOR - Harga beras di pasar tradisional naik. Karenanya Dedi Mulyana meminta "
         'pemerintah turun tangan. "Kami butuh operasi pasar secepatnya," kata Dedi.',
         "Dedi Mulyana", (None, None)),
    ],
)
def test_sentence_boundaries_around_a_role(text: str, speaker: str,
                                           role: tuple[str | None, str | None]) -> None:
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("description", "role"),
    [
        ("gelandang asal Belanda itu", ("gelandang", None)),
        ("mantan kapten Persija tersebut", ("mantan kapten", "Persija")),
        ("sang gelandang", ("gelandang", None)),
        ("mantan pesepakbola nasional itu", (None, None)),
    ],
)
def test_description_of_the_speaker_states_a_role(
    description: str, role: tuple[str, str | None]
) -> None:
    """A description after the cue refers back to the current speaker ("alias") and, when it
    holds a role head, gives that role; origin ("asal Belanda") is no affiliation."""
    text = ('BANDUNG - Marc Klok tampil penuh semalam. "Kami tahu laga ini sangat penting," '
            f"seru {description} kepada wartawan.")
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.resolution, quote.mention) == ("Marc Klok", "alias",
                                                                description)
    assert (quote.role, quote.affiliation) == role


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("anggota dewan lainnya", ("anggota", "dewan")),
        ("salah satu anggota dewan", ("anggota", "dewan")),
        ("sejumlah pedagang pasar", ("pedagang pasar", None)),  # "pasar" describes the role
    ],
)
def test_descriptive_speaker_role(speaker: str, role: tuple[str, str | None]) -> None:
    """An unnamed speaker keeps the role noun that describes them; "lainnya" is no body."""
    text = f'TOKYO - Suku bunga tetap. "Kami harus tetap waspada," kata {speaker}.'
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.speaker_type) == (speaker, "anonymous")
    assert (quote.role, quote.affiliation) == role


def test_translated_body_name_spells_out_its_acronym() -> None:
    """The long form of an acronym need not share its letters when the name is translated."""
    text = ("JAKARTA - Badan Pangan Dunia (WFP) memperingatkan krisis pangan di Afrika Timur. "
            '"Stok kami menipis dengan cepat," kata Direktur Eksekutif WFP Cindy Marsh.')
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Cindy Marsh", "Direktur Eksekutif", "Badan Pangan Dunia (WFP)")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Suharto Wibowo mengaku kaget saat pertama kali menjabat Bupati Sleman.",
         ("Bupati", "Sleman")),
        ("Suharto Wibowo, yang kini menjabat sebagai Ketua Koperasi Tani Makmur, hadir.",
         ("Ketua", "Koperasi Tani Makmur")),
        ("Suharto Wibowo pernah menjabat Bupati Sleman.", (None, None)),
        ("Suharto Wibowo siap bekerja keras apabila terpilih menjadi Bupati Sleman.",
         (None, None)),
        ("Suharto Wibowo memuji Anton Sujarwo yang menjabat Bupati Sleman.", (None, None)),
    ],
)
def test_role_taken_with_a_verb(sentence: str, role: tuple[str | None, str | None]) -> None:
    """A current role stated with a verb later in a sentence about the speaker counts; a past
    or future one, or someone else's, does not."""
    text = (f'SLEMAN - {sentence} "Kami akan membenahi pasar tradisional," kata Suharto.')
    assert _split_of(text, "Suharto Wibowo") == role


def test_introduction_says_more_than_a_bare_title() -> None:
    """A one-word title near the quote ("Wabup") gives way to the role and body written where
    the article introduces the person."""
    text = ("CIREBON - Wakil Bupati Cirebon, Darsono, membuka lomba baca puisi. Dalam "
            'sambutannya, Wabup Darsono menegaskan pentingnya literasi. "Anak-anak harus gemar '
            'membaca," tegasnya.')
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.role, quote.affiliation) == ("Darsono", "Wakil Bupati",
                                                              "Cirebon")


def test_dateline_is_not_part_of_a_role() -> None:
    text = ("REPUBLIKA.CO.ID, JAKARTA -- Menteri Pertanian, Perikanan dan Kelautan, Budi Santoso "
            'mengatakan, panen raya dimulai pekan depan. "Stok gabah cukup," kata Budi Santoso.')
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    joined = " ".join(part for part in (quote.role, quote.affiliation) if part)
    assert joined.startswith("Menteri Pertanian")


def test_role_read_back_over_commas_in_a_body_name() -> None:
    """Only the end of "Kepala Dinas Pertanian, Pangan, dan Perikanan Sleman" precedes the
    name after its last comma; the introduction gives the whole role."""
    text = ("SLEMAN - Harga cabai di Sleman naik. Kepala Dinas Pertanian, Pangan, dan Perikanan "
            'Sleman Heru Saptono mengatakan pasokan berkurang. "Ini tantangan bagi kami," kata '
            "Heru.")
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert quote.speaker == "Heru Saptono"
    assert quote.role == "Kepala"
    assert (quote.affiliation or "").startswith("Dinas Pertanian")


def test_role_mention_gives_its_role_to_the_person_it_names() -> None:
    """"kata hakim" resolved to the judge named earlier: "hakim" is her role."""
    text = ("MEDAN - Sidang dibuka oleh hakim Rosita Hutapea pukul 09.00. Rosita Hutapea lalu "
            'membacakan dakwaan. "Sidang ini terbuka untuk umum," kata hakim.')
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.resolution, quote.role) == ("Rosita Hutapea", "alias", "hakim")


def test_two_people_joined_by_dan_keep_their_own_roles() -> None:
    text = ("DENPASAR - Rapat digelar daring. Hadir Gubernur Jawa Tengah Ganjar Santoso dan "
            "Gubernur Bali Made Wirawan. Made Wirawan menjelaskan persiapan wisata. "
            '"Kami siap menerima wisatawan," kata Made.')
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.role, quote.affiliation) == ("Made Wirawan", "Gubernur",
                                                              "Bali")


def test_marker_without_a_role_gives_no_role() -> None:
    """"sebagai" followed by something that is not a role says nothing about the speaker."""
    text = '"Kami datang sebagai tamu," kata Hendra Wiratama sebagai tanda terima kasih.'
    assert _role_of(text, "Hendra Wiratama") == ""


@pytest.mark.parametrize(
    ("anaphor", "role"),
    [
        ("Musisi asal Kanada berusia 41 tahun itu", ("Musisi", None)),
        ("Penyanyi kelahiran Medan ini", ("Penyanyi", None)),
        ("Gelandang asal Maluku berusia 23 tahun tersebut", ("Gelandang", None)),
        ("Pelatih Persiba asal Brasil itu", ("Pelatih", "Persiba")),
    ],
)
def test_origin_and_age_are_no_part_of_an_anaphoric_role(
    anaphor: str, role: tuple[str, str | None]
) -> None:
    """"ROLE asal X berusia N tahun itu VERB": the descriptors extend the NP, the role is
    what comes before them."""
    text = (f'Selasa malam, Dimas Aryanto tampil di depan ribuan penonton. {anaphor} pun '
            'bercerita soal masa lalunya. "Saya dulu sering gugup di atas panggung," ujarnya.')
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Dimas Aryanto"
    assert (quote.role, quote.affiliation) == role


def test_role_anaphor_before_anyone_named_as_subject_needs_the_name_written_before() -> None:
    """The anaphor points back: a person first named only after it does not take its role."""
    text = ('Selasa malam, konser amal digelar di Bandung. Musisi asal Kanada itu pun '
            'bercerita soal masa lalunya. Dimas Aryanto mengaku senang. "Saya dulu sering '
            'gugup," ujarnya.')
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert (quote.speaker, quote.role) == ("Dimas Aryanto", None)


# Scraped text that wrote ", " as ". " and lost the letter before it (written for the project
# in that shape): four periods between lowercase words show the corruption.
_SCRAPED = (
    "TANGERANG - Pelatih Persikota Tangeran. Budi Hartono beri sinyal mundur. Setelah "
    "pertandinga. Budi mengaku kecewa dengan hasil it. namun tetap optimistis. "
    '"Saya akan bicara ke manajeme. semoga ada jalan terbaik," ujar Budi. '
    '"Hari ini dia kontrol ke dokte. sama cek mata juga," kata Dima. kakak Rudi Hartanto '
    'saat ditemui di Jakart. Senin (6/3/2023). "Dia makin semangat," ungkap Dimas.'
)


@pytest.mark.parametrize(
    ("index", "speaker", "role"),
    [
        (0, "Budi Hartono", "Pelatih Persikota Tangeran"),  # ROLE. NAME read as ROLE, NAME
        (1, "Dimas", "kakak Rudi Hartanto"),  # "kata Dima. kakak …": NAME, ROLE
        (2, "Dimas", "kakak Rudi Hartanto"),  # "Dima" is the "Dimas" written elsewhere
    ],
)
def test_scraped_periods_for_commas_read_as_commas(index: int, speaker: str, role: str) -> None:
    quote = parse_article(_SCRAPED, lang="id", today=TODAY).quotes[index]
    assert quote.speaker == speaker
    assert " ".join(p for p in (quote.role, quote.affiliation) if p) == role
    assert _SCRAPED[quote.start:quote.end] == quote.text  # the text as written


def test_quote_text_keeps_the_scraped_periods() -> None:
    quote = parse_article(_SCRAPED, lang="id", today=TODAY).quotes[0]
    assert quote.text == '"Saya akan bicara ke manajeme. semoga ada jalan terbaik,"'


@pytest.mark.parametrize(
    "text",
    [
        # abbreviations and list letters before a lowercase word are no sign of the corruption
        ("JAKARTA - PT Sinar Abadi Tbk. menargetkan laba naik, a.l. dari ekspor. Biaya naik, "
         "dll. juga pajak, sesuai Pasal 2 jo. pasal 3. Syaratnya: a. lunas, b. terdaftar. "
         'Direktur Keuangan PT Sinar Abad. Rina Sari menilai pasar membaik. "Kami optimistis," '
         "kata Rina."),
        # a clean article: a short verbless sentence stays a sentence
        ('BANDUNG - Direktur Keuangan PT Sinar Abadi. Rina Sari hadir. "Kami optimistis," '
         "kata Rina."),
    ],
)
def test_periods_stay_periods_without_the_scraper_signature(text: str) -> None:
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Rina Sari"
    assert quote.affiliation is None or "Abad" not in quote.affiliation


def test_indirect_speech_opener_is_no_part_of_the_name() -> None:
    text = ('JAKARTA - Anggaran daerah dinilai cukup. Kata Sri Wahyuningsih, sisa dana akan '
            'dikembalikan. "Tidak ada yang kami tahan," ujarnya.')
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Sri Wahyuningsih"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a stray initial after the name's period, then the title after the comma
        ("JAKARTA - Harga obligasi melemah.Hendrikus Wira Santoso. L, Head of Fixed Income "
         "Division PT Sinar Sekuritas mengatakan pasar cenderung datar. "
         '"Kami merekomendasikan beli saat lelang," katanya.',
         "Head of Fixed Income Division PT Sinar Sekuritas"),
        ('JAKARTA - Harga obligasi melemah. "Kami merekomendasikan beli saat lelang," kata '
         "Hendrikus Wira Santoso. L, Fixed Income Analyst, Sinar Sekuritas kepada wartawan.",
         "Fixed Income Analyst Sinar Sekuritas"),
        # an English title alone in the apposition after the name
        ('JAKARTA - Pasar saham dibuka menguat. "Investor menunggu data inflasi," kata '
         "Hendrikus Wira Santoso, Senior Market Strategist, Sinar Sekuritas, Selasa (4/4).",
         "Senior Market Strategist Sinar Sekuritas"),
    ],
)
def test_title_after_a_name_with_a_stray_initial(text: str, role: str) -> None:
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Hendrikus Wira Santoso"
    assert " ".join(p for p in (quote.role, quote.affiliation) if p) == role


def test_a_name_ending_in_a_role_word_is_no_title() -> None:
    """"Hakim" is a role head and a surname: after a role chunk, the name stays the name."""
    text = ('"Tindakan itu melanggar hukum," kata Ketua Komisi Etik Jawa Timur, Agus Salim '
            "Hakim kepada wartawan.")
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Agus Salim Hakim"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ('"Inflasi tetap terkendali," kata Gubernur BI Darmawan Prasetyo.', ("Gubernur", "BI")),
        ('JAKARTA - Bank Indonesia (BI) menahan suku bunga. "Inflasi tetap terkendali," kata '
         "Gubernur BI Darmawan Prasetyo.", ("Gubernur", "Bank Indonesia (BI)")),
        ('"Kami akan mengevaluasi direksi," ujar Menteri BUMN Darmawan Prasetyo.',
         ("Menteri", "BUMN")),
        # a role head that ends in an ordinary organisation word stays whole
        ('"Pasar akan ditata," kata Wali Kota Darmawan Prasetyo.', ("Wali Kota", None)),
    ],
)
def test_acronym_ending_a_role_head_is_the_affiliation(
    text: str, role: tuple[str, str | None]
) -> None:
    (quote,) = parse_article(text, lang="id", today=TODAY).quotes
    assert quote.speaker == "Darmawan Prasetyo"
    assert (quote.role, quote.affiliation) == role


@pytest.mark.parametrize(
    ("text", "speaker", "split"),
    [
        # a role head whose last word opens the body's name: the body keeps it
        ('"Stok cukup sampai Lebaran," kata Kepala Badan Cadangan Logistik Nasional '
         "Surya Hadinata di Jakarta.", "Surya Hadinata",
         ("Kepala", "Badan Cadangan Logistik Nasional")),
        ('"Kami akan memanggil direksi pekan depan," ujar Anggota Komisi VI DPR '
         "Lestari Wulandari.", "Lestari Wulandari", ("Anggota", "Komisi VI DPR")),
        ('"Sekolah dibuka kembali Senin," kata Kepala Dinas Pendidikan Kota Tegal '
         "Bambang Sulistyo.", "Bambang Sulistyo", ("Kepala", "Dinas Pendidikan Kota Tegal")),
        # a head that is a role only as a whole stays whole ("Wali Kota", not "Wali")
        ('"Pasar baru dibangun tahun ini," kata Wali Kota Madiun Rahmat Sutomo.',
         "Rahmat Sutomo", ("Wali Kota", "Madiun")),
        # inner words of bodies ("Umum") are no openers: "Ketua Umum" stays the role
        ('"Anggota kami siap membantu," ujar Ketua Umum Persatuan Petani Garam Rahmat Hidayat.',
         "Rahmat Hidayat", ("Ketua Umum", "Persatuan Petani Garam")),
    ],
)
def test_a_body_word_ending_a_role_head_opens_the_affiliation(
    text: str, speaker: str, split: tuple[str, str]
) -> None:
    assert _split_of(text, speaker) == split


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        # a long run of capitalised words after a body: its last word marks the boundary
        ('"Kami butuh waktu enam bulan," kata Ketua Umum Asosiasi Pedagang Pasar Nusantara '
         "Ratna Kumalasari di Jakarta.", "Ratna Kumalasari", "Asosiasi Pedagang Pasar Nusantara"),
        ("JAKARTA - Analis PT Sinar Investasi Utama Bagus Prasetyo mengatakan pasar "
         'sedang jenuh. Bagus menambahkan, "Investor menunggu data inflasi," ujarnya.',
         "Bagus Prasetyo", "PT Sinar Investasi Utama"),
    ],
)
def test_a_body_name_tail_ends_the_body_not_the_name(text: str, speaker: str,
                                                     affiliation: str) -> None:
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert quote.speaker == speaker
    assert quote.affiliation == affiliation


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # the subject starts at the last role head after the headline
        ("JAKARTA - Harga cabai naik. Baca Juga: Harga Cabai Melonjak Jelang Lebaran Ekonom "
         "Lembaga Riset Pangan Nusantara Dimas Pratama menyebut pasokan menipis. "
         '"Stok di gudang tinggal sedikit," ujarnya.', "Dimas Pratama",
         ("Ekonom", "Lembaga Riset Pangan Nusantara")),
        # or at a word the article uses alone for a speaker ("kata Iqbal")
        ("JAKARTA - Direktur Utama PT Kereta Nusantara Iqbal Ramadhan mengatakan tarif belum "
         'naik. "Kami masih menghitung," kata Iqbal. Baca Juga: Tarif Kereta Naik, Penumpang '
         "Tak Harus Bayar Tunai Iqbal menjelaskan, pembayaran digital terus tumbuh. "
         '"Separuh penumpang sudah memakai kartu," ujarnya.', "Iqbal Ramadhan",
         ("Direktur Utama", "PT Kereta Nusantara")),
        # a connector that turns to a new sentence ends the headline
        ("MEDAN - Menteri Perdagangan Budi Santoso mengatakan ekspor kopi naik. Baca Juga: "
         "Ekspor Kopi Diprediksi Bakal Bertumbuh "
         "Sementara itu, Arief Wibowo menilai harga membaik. "
         '"Petani mulai menanam lagi," ujarnya.', "Arief Wibowo", (None, None)),
        ('JAKARTA - "Ekonomi tumbuh," kata Perry Warjiyo, Gubernur Bank Indonesia. Baca Juga: '
         "Bank Sentral Terus Berinovasi Adapun Perry menilai transaksi digital melonjak. "
         '"Kami siap mendukung," ujarnya.', "Perry Warjiyo", ("Gubernur", "Bank Indonesia")),
        # but not at a role head the headline goes on after ("Analis Saat Kinerja …")
        ('JAKARTA - "Pasar masih ragu," kata Nico Demus, Direktur Pilarmas Investindo '
         "Sekuritas. Baca Juga: Rekomendasi Saham Pilihan Analis Saat Kinerja LQ45 Masih "
         'Tertinggal Nico bilang kenaikan bunga menekan saham. "Investor beralih ke obligasi," '
         "jelas dia.", "Nico Demus", ("Direktur", "Pilarmas Investindo Sekuritas")),
        # a name the article writes again, after headline words
        ("JAKARTA - Finance Director BFI Finance Sudjono memastikan obligasi lunas. Baca Juga: "
         "BFI Finance Bidik Pembiayaan Alat Berat Naik Tahun Ini Sudjono menambahkan dana "
         'berasal dari kas internal. "Kami tidak memakai pinjaman baru," tambahnya.',
         "Sudjono", ("Finance Director", "BFI Finance")),
        # a pronoun, or a name set off by commas, opens the sentence after the headline
        ('JAKARTA - "Krisis ini berbeda," kata ekonom Nouriel Roubini. Baca Juga: Ekonom '
         "Ungkap Kondisi yang Menghantui Perekonomian AS Dia menambahkan, "
         '"Utang kita jauh lebih besar."', "Nouriel Roubini", ("ekonom", None)),
        ("LONDON - Inflasi Inggris turun. Baca Juga: Konser Besar Dorong Bank Sentral Tunda "
         "Penurunan Suku Bunga Gubernur Bank Sentral Inggris, Andrew Bailey, mengatakan bahwa "
         'BoE memutuskan mempertahankan suku bunga "untuk saat ini" pada bulan lalu.',
         "Andrew Bailey", ("Gubernur", "Bank Sentral Inggris")),
        # a connector glued to the headline's last word ends it too
        ("SEMARANG - Kepala Perwakilan Ombudsman Jateng Sabarudin Hulu mengatakan aduan naik. "
         "Baca JugaProses Pemakzulan Presiden Mugabe DimulaiSementara Suharsono, Inspektur "
         "Inspektorat Pemprov Jateng mengungkapkan, layanan aduan lebih baik. "
         '"Kami membalas setiap aduan," ucapnya.', "Suharsono",
         ("Inspektur", "Inspektorat Pemprov Jateng")),
        # the headline's last words run into the quote: no subject is read there
        ("JAKARTA - Direktur Utama PT Bank Sejahtera Helen Wong mengatakan Indonesia menarik. "
         'Baca Juga: Bank Swasta Tunjuk Komisaris Baru Jadi Komisaris "Apakah kami akan '
         'ekspansi? Iya, kami akan melakukannya," ujarnya.', "Helen Wong",
         ("Direktur Utama", "PT Bank Sejahtera")),
    ],
)
def test_a_link_headline_glued_to_the_text_is_no_subject(
        text: str, speaker: str, role: tuple[str | None, str | None]) -> None:
    """Scrapers glue a "Baca Juga: <headline>" link to the next sentence; the title-case
    headline read as one long subject had given speakers such as "Penumpang Tak Harus Bayar
    Tunai Iqbal"."""
    quote = parse_article(text, lang="id", today=TODAY).quotes[-1]
    assert (quote.speaker, (quote.role, quote.affiliation)) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # the body's abbreviation keeps its parentheses: not one more word of the body
        ('"Inflasi terkendali," kata Gubernur Bank Indonesia (BI) Perry Warjiyo di Jakarta.',
         "Perry Warjiyo", ("Gubernur", "Bank Indonesia (BI)")),
        ('"Kami siap," ujar Direktur Utama PT Pertamina (Persero) Nicke Widyawati.',
         "Nicke Widyawati", ("Direktur Utama", "PT Pertamina (Persero)")),
        # an abbreviation of the role itself closes the role (it was spelled out into the
        # body: "Keuangan Menteri Keuangan (Menkeu)")
        ('"Defisit melebar," kata Menteri Keuangan (Menkeu) Sri Mulyani Indrawati. "Kami '
         'waspada," tegas Sri Mulyani.', "Sri Mulyani Indrawati",
         ("Menteri Keuangan (Menkeu)", None)),
        ('"Likuiditas cukup," kata Deputi Gubernur Senior (DGS) Bank Indonesia (BI) Destry '
         "Damayanti.", "Destry Damayanti",
         ("Deputi Gubernur Senior (DGS)", "Bank Indonesia (BI)")),
        ('"Lelang ramai," ujar Direktur Jenderal Pengelolaan Pembiayaan dan Risiko (DJPPR) '
         "Kemenkeu Suminto.", "Suminto",
         ("Direktur Jenderal Pengelolaan Pembiayaan dan Risiko (DJPPR)", "Kemenkeu")),
    ],
)
def test_parenthesised_abbreviation(text: str, speaker: str,
                                    role: tuple[str, str | None]) -> None:
    assert _split_of(text, speaker) == role


def test_body_speaks_under_its_name_without_abbreviation() -> None:
    """A body named with its abbreviation is the speaker under its name, and the
    abbreviation alone later points at it."""
    text = ('Otoritas Jasa Keuangan (OJK) menyatakan kredit tumbuh. "Kredit tumbuh 10 persen," '
            'tulis OJK dalam keterangan resmi. "Risiko terjaga," lanjut OJK.')
    speakers = {q.speaker for q in parse_article(text, lang="id", today=TODAY).quotes}
    assert speakers == {"Otoritas Jasa Keuangan"}


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("DGS", "deputi gubernur senior", True),
        ("Menkeu", "menteri keuangan", True),
        ("Mendagri", "menteri dalam negeri", True),  # the last word's piece from inside it
        ("DJPPR", "direktur jenderal pengelolaan pembiayaan dan risiko", True),
        ("Wamenhan", "wakil menteri pertahanan", True),
        ("BI", "gubernur bank indonesia", False),  # the body's abbreviation, not the role's
        ("Banggar", "ketua badan anggaran", False),
        ("Kemenkeu", "kepala badan kebijakan fiskal kementerian keuangan", False),
        ("Menkeu", "menteri", False),  # letters left over
        ("dgs", "deputi gubernur senior", False),  # not written as an abbreviation
    ],
)
def test_abbreviates(acronym: str, words: str, expected: bool) -> None:
    assert abbreviates(acronym, words.split(), {"dan", "&", "of"}) is expected


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # the long form is the run of words the acronym abbreviates, not from the first word
        # with its first letter ("Kepala Badan Kebijakan Fiskal Kementerian Keuangan")
        ("Kepala Badan Kebijakan Fiskal Kementerian Keuangan (Kemenkeu) Febrio Kacaribu "
         'menyebut defisit aman. "Kami jaga," kata analis Kemenkeu Rudi Hartono.',
         "Rudi Hartono", ("analis", "Kementerian Keuangan (Kemenkeu)")),
        # "(Persero)" is no abbreviation of the company's name: not spelled out as one
        ("Maskapai PT Garuda Indonesia (Persero) Tbk merugi. "
         '"Kami efisien," kata Direktur Keuangan PT Angkasa Persero Budi Santoso.',
         "Budi Santoso", ("Direktur Keuangan", "PT Angkasa Persero")),
    ],
)
def test_acronym_spelled_out_from_its_definition(text: str, speaker: str,
                                                 role: tuple[str, str | None]) -> None:
    assert _split_of(text, speaker) == role


def test_introduction_of_a_full_name_that_a_short_name_hint_would_cut() -> None:
    """The article uses "Dasri" alone ("kata Dasri"), so reading "… Partai Gerindra Sufran
    Dasri Ahmad" the name would start at Dasri; the role of the whole name is still the one
    written before it, without the given name that the hint cut off."""
    from claims.parse.extract import _pipeline
    from claims.parse.language import get_language

    text = ("Wakil Ketua Umum Partai Gerindra Sufran Dasri Ahmad, Jumat (5/6/2020), mengatakan, "
            'aspirasi dari seluruh daerah sudah didengar. "Kami akan mengumumkan hasilnya pekan '
            'depan," kata Dasri.')
    attributor = _pipeline(get_language("id")).attributor
    view = attributor.prepare(text)
    assert "dasri" in attributor.nps.hints
    assert attributor.nps.introduction(view, "Sufran Dasri Ahmad") == (
        "Wakil Ketua Umum", "Partai Gerindra")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # "ROLE BODY, PLACE, NAME": the role is read back over the place, which joins the
        # affiliation
        pytest.param(
            "Pengamat kebijakan publik dari Universitas Pancasila, Tegal, Hamidah Rachmawati "
            'mempertanyakan keputusan itu. "Keluarga pasti berinteraksi," kata Hamidah.',
            "Hamidah Rachmawati", ("Pengamat kebijakan publik", "Universitas Pancasila, Tegal"),
            id="place-between"),
        pytest.param(
            "Setelah dilantik sebagai Wakil Bupati Cianjur, Jawa Barat, Ramzi Hidayat tetap "
            'manggung. "Saya masih suka melawak," kata Ramzi.',
            "Ramzi Hidayat", ("Wakil Bupati", "Cianjur, Jawa Barat"), id="place-between-2"),
        # "ROLE, NAME" with the role in lowercase, or after "salah satu" (one of the founders)
        pytest.param(
            "Sementara itu, pemerhati sosial dari vokasi Universitas Nusantara, Dewi Rahmawati, "
            'mengamini hal itu. "Anak takut ketinggalan arus," kata Dewi.',
            "Dewi Rahmawati", ("pemerhati sosial", "vokasi Universitas Nusantara"),
            id="lowercase-role"),
        pytest.param(
            "Salah satu pendiri Kurabesi Explorer, Rina Bustari, sepakat dengan hal itu. "
            '"Kami mengoperasikan sebuah kapal pinisi," kata Rina.',
            "Rina Bustari", ("pendiri", "Kurabesi Explorer"), id="one-of-many"),
        # "Brigadir Jenderal", "Letnan Kolonel Inf" are ranks (honorifics), not names; a
        # military unit's number and seat ("151/ Binaiya") belongs to the body
        pytest.param(
            "AMBON, KOMPAS — Komandan Komando Resor Militer 151/ Binaiya Brigadir Jenderal Arnold "
            'Sitompul menegaskan, posisi TNI netral. "Jaga kehormatan TNI," kata Arnold.',
            "Arnold Sitompul", ("Komandan Komando", "Resor Militer 151/ Binaiya"),
            id="spelled-out-rank"),
        pytest.param(
            "Komandan Distrik Militer 1702/Jayawijaya Letnan Kolonel Inf Candra Wibowo yang "
            'berada di Yalimo mengatakan logistik aman. "Kami memastikan distribusi logistik," '
            "kata Candra.",
            "Candra Wibowo", ("Komandan Distrik Militer 1702/Jayawijaya", None), id="unit-number"),
        # "ROLE, yakni NAME"; "lain" (other) ends no body's name
        pytest.param(
            "Ketua KPU berhalangan hadir. Kehadirannya diwakili anggota KPU lain, yakni Ilham "
            'Pratama. "Hasil tes keluar negatif," kata Ilham.',
            "Ilham Pratama", ("anggota", "KPU"), id="yakni"),
    ],
)
def test_introductions_around_places_ranks_and_lowercase_roles(
        text: str, speaker: str, role: tuple[str, str | None]) -> None:
    """Where the article introduces a person, the role read before the name."""
    assert _split_of(text, speaker) == role


def test_a_body_name_with_commas_before_a_comma_and_the_name() -> None:
    """"Kepala Dinas Kepemudaan, Olahraga, dan Pariwisata …, NAME": the chunk before the name
    opens with "dan", so the role is read back over the body's own commas."""
    text = ("Sementara itu, Kepala Dinas Kepemudaan, Olahraga, dan Pariwisata Provinsi Jawa "
            "Tengah, Muhamad Sutrisno, mengatakan ajang lari itu diikuti 5.000 peserta. "
            '"Tahun depan pesertanya kami tambah," kata Sutrisno.')
    role, affiliation = _split_of(text, "Muhamad Sutrisno")
    assert role == "Kepala"
    assert affiliation is not None and affiliation.startswith("Dinas Kepemudaan")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        pytest.param('"Pasar masih menunggu data inflasi," kata Hana Lidwina, seorang analis di '
                     "Meridian Sekuritas, kepada wartawan.",
                     "Hana Lidwina", ("analis", "Meridian Sekuritas"), id="seorang"),
        pytest.param('"Kami hanya menjual stok lama," ujar Warsini, salah satu pedagang Pasar '
                     "Cibubur, Senin.", "Warsini", ("pedagang", "Pasar Cibubur"),
                     id="salah-satu"),
    ],
)
def test_an_apposed_role_after_seorang_or_salah_satu(text: str, speaker: str,
                                                     role: tuple[str, str | None]) -> None:
    """"NAME, seorang ROLE di BODY" after an inverted cue: the apposition is the role, without
    the indefinite words before it (it had been read as an adjunct and dropped)."""
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        pytest.param('"Inflasi masih terkendali," kata Ekonom Bank Sejahtera I Made Wirata Putra '
                     "kepada wartawan.", "I Made Wirata Putra", ("Ekonom", "Bank Sejahtera"),
                     id="balinese-i"),
        pytest.param("Ketua Relawan TIK Provinsi Bali, Wakil Ketua III STMIK Primakara I Gede "
                     "Putu Krisna Wiradana menyatakan pandemi membawa perubahan. "
                     '"Kami siap," kata Krisna Wiradana.', "I Gede Putu Krisna Wiradana",
                     ("Wakil Ketua", "III STMIK Primakara"), id="five-words-with-prefix"),
        pytest.param('"Harga bitcoin masih tertekan," kata Trader Kriptoku Fahri Ramadhan, '
                     "Senin.", "Fahri Ramadhan", ("Trader", "Kriptoku"), id="english-title"),
    ],
)
def test_name_prefixes_and_english_titles_after_a_body(text: str, speaker: str,
                                                       role: tuple[str, str | None]) -> None:
    """The Balinese "I"/"Ni" opens the name it precedes, never ends the body before it, and
    does not count towards the four words a full name may have; English job titles used in
    Indonesian business news ("Trader", "Investment Specialist", "CFO") are roles."""
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        pytest.param('"Yield masih naik," kata analis fixed income Sinar Sekuritas Martha '
                     "Christina.", "Martha Christina", ("analis fixed income", "Sinar Sekuritas"),
                     id="descriptors-before-body"),
        pytest.param('"Pasar masih fluktuatif," kata pengamat pasar modal Siswa Rizali.',
                     "Siswa Rizali", ("pengamat pasar modal", None),
                     id="role-word-opens-the-name"),
        pytest.param('"Kami sudah melapor," kata korban bernama Darto Wiyono di Polsek Cilandak.',
                     "Darto Wiyono", ("korban", None), id="bernama-is-no-descriptor"),
    ],
)
def test_lowercase_descriptors_belong_to_the_role_before_a_body_and_name(
        text: str, speaker: str, role: tuple[str, str | None]) -> None:
    """"analis fixed income | Sinar Sekuritas | Martha Christina": the lowercase words after a
    role head describe the role (as they do in an apposition); at most two, never a function
    word; a capitalised role word after them ("Siswa") already opens the name."""
    assert _split_of(text, speaker) == role


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ('"Distribusinya harus dicek," ujar Menteri Dalam Negeri Tito Santoso.', "Dalam Negeri"),
        ('"Jalur dialihkan," kata Direktur Lalu Lintas Polda Jambi Budi Santoso.',
         "Lalu Lintas Polda Jambi"),
    ],
)
def test_a_body_name_opening_with_a_function_word_keeps_it(text: str, affiliation: str) -> None:
    """"Dalam" and "Lalu" are function words trimmed off the ends of roles, but capitalised
    in "Dalam Negeri" and "Lalu Lintas" they are the body's name (language data
    ``function_word_names``)."""
    assert parse_article(text, lang="id", today=TODAY).quotes[0].affiliation == affiliation


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ('"Yield naik," kata Head of Fixed Income Bank Sentosa Ariawan Putra.',
         ("Head of Fixed Income", "Bank Sentosa")),
        ('Menurut Head of Research Mitra Sekuritas Valdy Kurniawan, pasar naik. "Yield naik," '
         "kata Valdy.", ("Head of Research", "Mitra Sekuritas")),
        ('"Yield naik," kata Head of Fixed Income Fund Manager Prospera Aset Dian Sutedja.',
         ("Head of Fixed Income Fund Manager", "Prospera Aset")),
        ('"Yield naik," kata Fund Manager Mitra Aset Budi Santoso.',
         ("Fund Manager", "Mitra Aset")),
    ],
)
def test_the_department_after_head_of_belongs_to_the_role(
        text: str, role: tuple[str, str]) -> None:
    """"Head of Research | Mitra Sekuritas": the department words after "of" continue the
    role even when one of them also names bodies ("Research"), and "Bank" after them opens the
    body instead of ending a department's name."""
    quote = parse_article(text, lang="id", today=TODAY).quotes[-1]
    assert (quote.role, quote.affiliation) == role


def test_an_origin_marker_does_not_end_a_role() -> None:
    """"pelajar asal SMA Negeri 1": the origin descriptor is no part of the role, even when the
    reading stops right after it."""
    text = ('"Saingan di kampus itu nasional," kata Nauli Ramadhan, pelajar asal Bukittinggi, '
            "Senin.")
    role = parse_article(text, lang="id", today=TODAY).quotes[0].role
    assert role is not None and not role.endswith("asal")


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ('"Katalis negatif datang dari imbal hasil global," kata Made Saputra, fixed income '
         "analyst MNC Sekuritas, dalam riset harian.", "fixed income analyst", "MNC Sekuritas"),
        ('"Pasar ingin mendengar lebih banyak," kata Jamie Cox, managing partner di Harris '
         "Financial Group.", "managing partner", "Harris Financial Group"),
    ],
)
def test_a_lowercase_english_role_in_apposition_after_a_cue(text: str, role: str,
                                                            affiliation: str) -> None:
    """"…, fixed income analyst MNC Sekuritas": an English role, its head word last, in the
    apposition after the name (the chunk had been dropped as an adjunct: it opens with a
    lowercase word that is no role head)."""
    quote = parse_article(text, lang="id").quotes[-1]
    assert (quote.role, quote.affiliation) == (role, affiliation)


def test_a_clause_before_a_role_word_is_no_role() -> None:
    """"…, menegaskan mobilitas warga …": a verb before the role word makes a clause."""
    text = ('"Balapan aman," kata Budi Santoso, menegaskan mobilitas warga sekitar tetap '
            "lancar.")
    assert parse_article(text, lang="id").quotes[-1].role is None


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Kunjungan itu disambut Duta Besar Malaysia, Ahmad Rizal Hakimi, yang meninjau "
         'kawasan pelabuhan. "Tempat ini indah," ujar Hakimi.', "Ahmad Rizal Hakimi",
         ("Duta Besar", "Malaysia")),
        ("Pernyataan itu disampaikan Deputi Bidang Usaha Mikro, Kementerian Koperasi dan UKM, "
         'Dedi Kurnia Sembiring di Jakarta. "Pasar terbuka," tutur Sembiring.',
         "Dedi Kurnia Sembiring",
         ("Deputi", "Bidang Usaha Mikro, Kementerian Koperasi dan UKM")),
        ("Acara dibuka Rektor Universitas Nusantara, Prof Dr Ir Bambang Wiyono. "
         '"Kampus siap," kata Wiyono.', "Bambang Wiyono", ("Rektor", "Universitas Nusantara")),
    ],
)
def test_a_short_name_takes_the_role_written_before_its_full_name(
        text: str, speaker: str, role: tuple[str, str]) -> None:
    """"ROLE, Ahmad Rizal Hakimi" and later "ujar Hakimi": the words before the short name
    are the rest of the name (and titles before it), not more of the affiliation."""
    assert _split_of(text, speaker) == role


def test_a_lowercase_role_goes_on_after_dan() -> None:
    """"kepala ekonomi dan strategi": a lowercase role continues over "dan" before another
    lowercase word; the coordinator had ended it, leaving the body behind, and a speaker
    before a name that followed such a role ("kata pelatih hubungan dan pendidik … NAME")."""
    text = ('"Bank sentral akan melonggarkan," kata Vishnu Ramesh, kepala ekonomi dan strategi '
            "di Bank Mizuho.")
    assert _split_of(text, "Vishnu Ramesh") == ("kepala ekonomi dan strategi", "Bank Mizuho")
    text = '"Pasar dunia berubah," kata pelatih hubungan dan pendidik karier Julie Tran.'
    assert parse_article(text, lang="id").quotes[0].speaker == "Julie Tran"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Associate Director Fixed Income Anugerah Sekuritas Ramdhan Ario Maruto mengatakan, "
         'minat investor tinggi. "Rupiah positif," katanya. Lebih lanjut, Ramdhan menuturkan, '
         "kondisi baik.", "Ramdhan Ario Maruto",
         ("Associate Director Fixed Income", "Anugerah Sekuritas")),
        ("Kepala Ekonom Bank Permata Josua Pardede menilai pasar stabil. Josua memperkirakan "
         'rupiah menguat. "Cadangan devisa cukup," ujarnya.', "Josua Pardede",
         ("Kepala Ekonom", "Bank Permata")),
        ("Direktur Perumahan Badan Perencanaan Pembangunan Nasional (Bappenas) Nugroho Tri Utomo "
         'mengungkapkan program itu diakui. "Belum semua tergali," ujarnya.', "Nugroho Tri Utomo",
         ("Direktur", "Perumahan Badan Perencanaan Pembangunan Nasional (Bappenas)")),
    ],
)
def test_a_first_name_the_article_uses_alone_before_a_verb_stays_in_the_name(
        text: str, speaker: str, role: tuple[str, str]) -> None:
    """"Ramdhan menuturkan" elsewhere: a word used apart from the next one is a body's word
    ("Kota Malang"), unless it is used alone as a subject before a reporting verb and never
    before another capitalised word; then it is a first name."""
    assert _split_of(text, speaker) == role


def test_a_first_name_used_alone_after_a_glued_date_stays_in_the_name() -> None:
    """"(8/11/2019).Listiarini menyebut": the date glued before the first name is no
    capitalised word of a body's name running on."""
    text = ('"Permintaan tinggi," kata Direktur Treasury BRI Listiarini Dewajanti dalam '
            "keterangan tertulis, Jumat (8/11/2019).Listiarini menyebut penjualan naik.")
    assert parse_article(text, lang="id").quotes[0].speaker == "Listiarini Dewajanti"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Kepala Bidang Pelayanan Dinas Kesehatan Kabupaten Magelang Oktora Kunto Edy "
         'mengatakan, hasil tes bisa langsung. "Penularan tidak akan terjadi," ujar Kunto.',
         "Oktora Kunto Edy"),
        # a body's usual last word is no first name, even after a place ("Valbury Asia Futures")
        ("Analis Valbury Asia Futures Nanang Wahyudin menilai rupiah melemah. "
         '"Tekanan masih besar," ujar Nanang.', "Nanang Wahyudin"),
    ],
)
def test_three_name_words_after_a_place_are_the_whole_name_a_short_name_points_into(
        text: str, speaker: str) -> None:
    """"Kabupaten Magelang Oktora Kunto Edy" and "ujar Kunto": after a place (or a word in
    parentheses) the body has ended, so the word before the short name opens the name."""
    assert parse_article(text, lang="id").quotes[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # after a quote, the subject of the next sentence's verb
        ("Penyaluran naik tahun ini. “Kami berharap bunga turun lagi.”Rahmat Suryadi, Direktur "
         "Utama PT Griya Dana, menjelaskan pihaknya menargetkan Rp7 triliun. Rahmat optimistis.",
         "Rahmat Suryadi", ("Direktur Utama", "PT Griya Dana")),
        ('"Pasar masih tenang," Dewi Lestari Hapsari, analis Sinar Sekuritas mengatakan pada '
         "pekan lalu. Menurut Dewi, investor menunggu data inflasi.",
         "Dewi Lestari Hapsari", ("analis", "Sinar Sekuritas")),
        # a sentence's subject: a name the article writes again, then an unnamed role
        ("Ekspor turun. Budi Hartono, seorang ahli perdagangan di CSIS di Jakarta, mengatakan "
         'kepada wartawan bahwa "ini belum pernah terjadi." Budi memperkirakan ekspor pulih.',
         "Budi Hartono", ("ahli perdagangan", "CSIS di Jakarta")),
    ],
)
def test_name_then_role_in_apposition_before_a_verb(text: str, speaker: str,
                                                     role: tuple[str, str]) -> None:
    """"NAME, ROLE, menjelaskan": the speaker is the name, the apposition its role; not
    "NAME, ROLE" as one unnamed description with the name inside its role."""
    assert _split_of(text, speaker) == role


def test_role_then_name_after_a_quote_keeps_the_whole_mention() -> None:
    """"ROLE, NAME menjelaskan" after a quote is read whole, as before: the apposition rule
    only applies when the name comes first."""
    text = ("“Kami optimistis.”Direktur Utama PT Griya Dana, Rahmat Suryadi, menjelaskan "
            "pihaknya menargetkan Rp7 triliun. Rahmat optimistis.")
    quote = parse_article(text, lang="id", today=TODAY).quotes[0]
    assert (quote.speaker, quote.role, quote.affiliation) == (
        "Rahmat Suryadi", "Direktur Utama", "PT Griya Dana")
    assert quote.mention == "Direktur Utama PT Griya Dana, Rahmat Suryadi"
