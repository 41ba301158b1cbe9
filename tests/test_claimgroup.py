"""Claims across outlets: relations, grouping precision, conflicts, drift, merge candidates.

Every text here is written for the project in the style of Indonesian news.
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from claims.claimgroup import (
    Appearance,
    SpeakerInfo,
    drift,
    find_conflicts,
    group_claims,
    merge_candidates,
    normalise,
    relation,
    render_diff,
    speaker_link,
    word_diff,
)
from claims.claimgroup.text import canonical_tokens

DAY = date(2024, 7, 9)


@pytest.mark.parametrize(
    ("first", "other", "expected"),
    [
        # identical: case, punctuation, quotation marks, spacing
        ("“Kami menargetkan pertumbuhan 5 persen tahun ini,”",
         "Kami  menargetkan pertumbuhan 5 persen tahun ini.", "identical"),
        ("\"Tidak ada yang ditutupi.\"", "“tidak ada yang ditutupi”", "identical"),
        # format: units, currency scales, spelling variants, typos, glued words
        ("Inflasi diperkirakan 4 persen - 5 persen", "Inflasi diperkirakan 4%-5%", "format"),
        ("Inflasi diperkirakan 4%-5% tahun ini", "Inflasi diperkirakan 4-5 persen tahun ini",
         "format"),
        ("Inflasi diperkirakan 4%-5% tahun ini", "Inflasi diperkirakan 4-6 persen tahun ini",
         "substantive"),
        ("Anggarannya Rp 5 miliar untuk jembatan", "Anggarannya Rp5 M untuk jembatan", "format"),
        ("Dananya Rp 1,5 juta per keluarga", "Dananya Rp1.500.000 per keluarga", "format"),
        ("Ada dua belas korban luka", "Ada 12 korban luka", "format"),
        ("Saya ga tahu soal itu", "Saya gak tahu soal itu", "format"),
        ("Saya nggak tahu soal itu", "Saya tidak tahu soal itu", "format"),
        ("Warga yg terdampak akan dibantu", "Warga yang terdampak akan dibantu", "format"),
        ("Pemerintah akan memperbaiki jalan itu", "Pemerintah akan memperbakii jalan itu",
         "format"),
        ("Kami tinggal di rumah dinas", "Kami tinggal dirumah dinas", "format"),
        # excerpt, both directions
        ("Kami sudah memeriksa lima saksi dalam kasus ini", "Kami sudah memeriksa lima saksi",
         "excerpt"),
        ("memeriksa lima saksi dalam kasus", "Kami sudah memeriksa lima saksi dalam kasus ini",
         "excerpt"),
        ("Kami sudah memeriksa lima saksi dalam kasus korupsi dana desa",
         "“Kami sudah memeriksa lima saksi ... dana desa”", "excerpt"),
        ("Kami sudah memeriksa lima saksi dalam kasus korupsi dana desa",
         "“Kami sudah memeriksa lima saksi … dana bansos”", "substantive"),
        ("Di samping itu, dinas akan menambah armada angkutan sekolah di kecamatan",
         "dinas akan menambah armada angkutan sekolah di kecamtan", "excerpt"),
        # minor: fillers, titles, word order, synonyms
        ("Harganya memang naik sih", "Harganya naik", "minor"),
        ("Kok bisa begitu cepat keputusannya", "Bisa begitu cepat keputusannya", "minor"),
        ("Kami pun siap membantu warga", "Kami siap membantu warga", "minor"),
        ("Ibu Winda Sari sudah kami periksa kemarin", "Winda Sari sudah kami periksa kemarin",
         "minor"),
        ("Kemarin kami periksa Winda Sari", "Winda Sari kami periksa kemarin", "minor"),
        ("Pak Budi telah menyerahkan berkas", "Budi sudah menyerahkan berkas", "minor"),
        ("Petani memakai pupuk NPK (nitrogen fosfor kalium) tahun ini",
         "Petani memakai pupuk NPK tahun ini", "minor"),
        ("Hujan deras semalam dorong naiknya muka air sungai",
         "Hujan deras semalam mendorong naiknya muka air sungai", "minor"),
        ("Pelatihan ini untuk tingkatkan keterampilan nelayan",
         "Pelatihan ini untuk meningkatkan keterampilan nelayan", "minor"),
        ("Harga cabai di pasar naik sekitar sekitar 20 persen",
         "Harga cabai di pasar naik sekitar 20%", "minor"),
        ("Jadwal KRL-nya tidak berubah", "Jadwal KRL tidak berubah", "minor"),
        ("Dia sudah memutus kontraknya bulan lalu", "Dia sudah memutus kontrak bulan lalu",
         "minor"),
        # substantive: numbers, negations, names, verbs of consequence, clauses
        ("Kami sudah memeriksa lima saksi", "Kami sudah memeriksa enam saksi", "substantive"),
        ("Inflasi diperkirakan 4 persen", "Inflasi diperkirakan 4,5 persen", "substantive"),
        ("Anggarannya Rp 5 miliar", "Anggarannya Rp 5 juta", "substantive"),
        ("Harga beras naik bulan ini", "Harga beras tidak naik bulan ini", "substantive"),
        ("Itu kebijakan pemerintah pusat", "Itu bukan kebijakan pemerintah pusat", "substantive"),
        ("Kami sudah memeriksa lima saksi", "Kami belum memeriksa lima saksi", "substantive"),
        ("Saya tidak setuju dengan kebijakan itu", "setuju dengan kebijakan itu", "substantive"),
        ("Tindakan itu mencederai demokrasi kita", "Tindakan itu menghilangkan demokrasi kita",
         "substantive"),
        ("Kami sudah bertemu Budi Santoso", "Kami sudah bertemu Agus Santoso", "substantive"),
        ("Partai kami tidak menolak usulan itu dan mendukung revisi",
         "Partai kami menolak usulan itu dan tidak mendukung revisi", "substantive"),
        ("Kami akan menaikkan tarif, dan subsidi tetap berjalan untuk warga miskin",
         "Kami akan menaikkan tarif untuk warga miskin", "substantive"),
    ],
)
def test_relation(first: str, other: str, expected: str) -> None:
    assert relation(first, other) == expected


@pytest.mark.parametrize(
    ("first", "other", "expected"),
    [
        ("We will cut taxes by 5 per cent", "We will cut taxes by five percent", "format"),
        ("The plan costs $5bn", "The plan costs $5 billion", "format"),
        ("The plan costs two hundred million", "The plan costs 200 million", "format"),
        ("The plan costs two hundred million", "The plan costs 300 million", "substantive"),
        ("We will not cut taxes this year", "We will cut taxes this year", "substantive"),
        ("The plan really costs 5 billion dollars", "The plan costs 5 billion dollars", "minor"),
    ],
)
def test_relation_in_english(first: str, other: str, expected: str) -> None:
    assert relation(first, other, lang="en") == expected


def test_normalise_strips_marks_case_and_spacing() -> None:
    assert normalise("“Ini  BUKAN  urusan kami,”  ") == "ini bukan urusan kami"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Rp5 M", ["rupiah", "#5000000000"]),
        ("US$ 392,8 juta", ["dolar", "#392800000"]),
        ("USD 392,8 juta", ["dolar", "#392800000"]),
        ("dua puluh lima ribu orang", ["#25000", "orang"]),
        ("naik 4,5%", ["naik", "#4.5", "persen"]),
        ("antara 4 - 5 persen", ["antara", "#4", "#5", "persen"]),
        ("antara 4% - 5%", ["antara", "#4", "#5", "persen"]),
        ("naik 4 persen ke 5 persen", ["naik", "#4", "persen", "ke", "#5", "persen"]),
        ("5 M dari sungai", ["#5", "m", "dari", "sungai"]),  # no currency: M is not miliar
    ],
)
def test_canonical_tokens_fold_numbers(text: str, tokens: list[str]) -> None:
    assert canonical_tokens(text) == tokens


def test_word_diff_and_rendering() -> None:
    ops = word_diff("“Tindakan itu mencederai demokrasi,”", "Tindakan itu menghilangkan demokrasi")
    assert ops == [
        ("equal", ["Tindakan", "itu"], ["Tindakan", "itu"]),
        ("replace", ["mencederai"], ["menghilangkan"]),
        ("equal", ["demokrasi"], ["demokrasi"]),
    ]
    assert render_diff(ops) == "Tindakan itu [-mencederai-] {+menghilangkan+} demokrasi"


def test_render_diff_shortens_long_unchanged_runs() -> None:
    a = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas naik"
    b = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas turun"
    assert render_diff(word_diff(a, b), context=2) == "… sepuluh sebelas [-naik-] {+turun+}"


def app(qid: int, text: str, *, article: int | None = None, outlet: str = "Detik",
        day: date | None = DAY, speaker: str | None = "retno marsudi",
        name: str | None = "Retno Marsudi", stype: str | None = "person",
        affiliation: str | None = None) -> Appearance:
    return Appearance(quote_id=qid, text=text, article_id=article if article is not None else qid,
                      speaker_key=speaker, speaker_name=name, speaker_type=stype,
                      affiliation=affiliation, outlet=outlet, day=day)


FULL = "“Indonesia tidak akan mengirim pasukan ke wilayah itu tanpa mandat PBB,” "


def test_trimmed_and_repunctuated_copies_join_one_claim() -> None:
    apps = [
        app(1, FULL, outlet="CNN Indonesia"),
        app(2, "\"Indonesia tidak akan mengirim pasukan ke wilayah itu tanpa mandat PBB.\"",
            outlet="Detik", day=date(2024, 7, 10)),
        app(3, "“Indonesia tak akan mengirim pasukan ke wilayah itu,”", outlet="Kompas.com"),
        app(4, "Indonesia tidak akan mengirim pasukan ke wilayah itu tanpa mandat PBB",
            outlet="Tempo", day=None),
    ]
    groups = group_claims(apps)
    assert len(groups) == 1
    group = groups[0]
    assert group.first.quote_id == 1
    assert group.relations == {1: "identical", 2: "identical", 3: "excerpt", 4: "identical"}
    assert group.outlets == ["CNN Indonesia", "Detik", "Kompas.com", "Tempo"]
    assert group.n_articles == 4


def test_first_appearance_is_the_earliest_day() -> None:
    later = app(1, FULL, day=date(2024, 7, 11), outlet="Tempo")
    earlier = app(2, FULL.replace("tidak", "gak"), day=date(2024, 7, 9), outlet="Viva")
    (group,) = group_claims([later, earlier])
    assert group.first.quote_id == 2
    assert group.relations[1] == "format"


def test_number_changed_by_one_outlet_joins_as_substantive() -> None:
    apps = [
        app(1, "Tahun ini kami menyalurkan bantuan kepada 5.000 keluarga di Jawa Barat"),
        app(2, "Tahun ini kami menyalurkan bantuan kepada 50.000 keluarga di Jawa Barat",
            outlet="Merdeka"),
    ]
    (group,) = group_claims(apps)
    assert group.relations[2] == "substantive"


@pytest.mark.parametrize(("second_outlet", "n_claims"), [("Bisnis.com", 2), ("Tempo", 1)])
def test_same_outlet_template_on_the_next_day_is_a_new_claim(
    second_outlet: str, n_claims: int
) -> None:
    """A daily bulletin reworded by its own outlet is a new statement; another outlet's
    version with changed numbers is one claim with substantive drift."""
    apps = [
        app(1, "Cuaca cerah berawan, angin dari barat, gelombang sedang, suhu 31 derajat di "
               "pesisir utara Jakarta", outlet="Bisnis.com", speaker=None),
        app(2, "Cuaca cerah berawan, angin dari timur, gelombang sedang, suhu 27 derajat di "
               "pesisir utara Jakarta", outlet=second_outlet, speaker=None,
            day=date(2024, 7, 10)),
    ]
    assert len(group_claims(apps)) == n_claims


BOILERPLATE_A = "Kami mengimbau masyarakat untuk tidak mudah percaya kabar bohong di media sosial"
BOILERPLATE_B = "Kami mengimbau masyarakat untuk tetap tenang dan menjauhi lokasi banjir di utara"


@pytest.mark.parametrize(
    ("second_speaker", "second_day"),
    [("dedi prasetyo", DAY), ("retno marsudi", DAY), ("retno marsudi", date(2024, 9, 1))],
)
def test_shared_boilerplate_opening_stays_apart(second_speaker: str, second_day: date) -> None:
    apps = [
        app(1, BOILERPLATE_A),
        app(2, BOILERPLATE_B, speaker=second_speaker, day=second_day, outlet="Tempo"),
    ]
    assert len(group_claims(apps)) == 2


def test_stock_sentence_quoted_first_does_not_glue_two_statements() -> None:
    stock = "Kami mengimbau masyarakat untuk tetap tenang dan tidak terprovokasi"
    apps = [
        app(1, stock, outlet="Detik"),
        app(2, stock + ". Dua pelaku sudah kami tangkap di Bekasi tadi malam", outlet="Tempo"),
        app(3, stock + ". Kami akan mengusut kasus ini sampai tuntas bersama TNI",
            outlet="Kompas.com"),
    ]
    groups = sorted(group_claims(apps), key=lambda g: g.first.quote_id)
    assert [g.member_ids for g in groups] == [[1, 2], [3]]


def test_same_words_on_another_occasion_are_another_claim() -> None:
    apps = [app(1, FULL, day=date(2024, 1, 5)), app(2, FULL, day=date(2024, 3, 20))]
    assert len(group_claims(apps)) == 2


def test_minor_rewording_by_a_different_speaker_stays_apart() -> None:
    apps = [
        app(1, "Kami memang sudah menyiapkan posko di tiga kecamatan sejak pagi"),
        app(2, "Kami sudah menyiapkan posko di tiga kecamatan sejak pagi", speaker="dedi prasetyo",
            name="Dedi Prasetyo", outlet="Tempo"),
    ]
    assert len(group_claims(apps)) == 2


def test_same_article_only_groups_duplicated_paragraphs() -> None:
    apps = [
        app(1, FULL, article=7),
        app(2, FULL, article=7),
        app(3, "“Indonesia tidak akan mengirim pasukan ke wilayah itu,”", article=7),
    ]
    groups = sorted(group_claims(apps), key=lambda g: len(g.members))
    assert [g.member_ids for g in groups] == [[3], [1, 2]]


def test_fragments_join_only_exact_copies_by_the_same_speaker() -> None:
    apps = [
        app(1, "“waktu yang penting”", outlet="CNN Indonesia"),
        app(2, "\"Waktu yang penting\"", outlet="Detik"),
        app(3, "“waktu yang penting”", outlet="Tempo", speaker="dedi prasetyo"),
        app(4, "“waktu yang penting”", outlet="Viva", speaker=None),
        app(5, "Ini adalah waktu yang penting bagi kawasan Indo-Pasifik", outlet="Tempo"),
        app(6, "“penting”", outlet="Kompas.com"),
        app(7, "“penting”", outlet="Merdeka"),
    ]
    groups = sorted(group_claims(apps), key=lambda g: g.first.quote_id)
    assert [g.member_ids for g in groups] == [[1, 2], [3], [4], [5], [6], [7]]


def test_unknown_articles_count_apart() -> None:
    apps = [Appearance(1, FULL, outlet="Detik", day=DAY), Appearance(2, FULL, outlet="Tempo")]
    (group,) = group_claims(apps)
    assert group.n_articles == 2


def test_records_are_picklable() -> None:
    groups = group_claims([app(1, FULL), app(2, FULL)])
    assert pickle.loads(pickle.dumps(groups))[0].member_ids == [1, 2]


MINISTRY = dict(speaker="kementerian luar negeri", name="Kementerian Luar Negeri",
                stype="organization")


@pytest.mark.parametrize(
    ("second", "is_conflict"),
    [
        (dict(speaker="dedi prasetyo", name="Dedi Prasetyo"), True),
        (dict(speaker="teuku faizasyah", name="Teuku Faizasyah",
              affiliation="Kementerian Luar Negeri RI"), False),
        (dict(speaker="teuku faizasyah", name="Teuku Faizasyah", affiliation="Kemlu"), False),
        (dict(speaker=None, name=None, stype=None), False),
        (dict(speaker="kementerian", name="Kementerian", stype="organization"), False),
        (dict(speaker="kementrian luar negri", name="Kementrian Luar Negri",
              stype="organization"), False),
        (dict(speaker="seorang pejabat", name="seorang pejabat", stype="anonymous"), False),
    ],
)
def test_conflicts(second: dict, is_conflict: bool) -> None:
    apps = [app(1, FULL, outlet="Detik", **MINISTRY), app(2, FULL, outlet="Tempo", **second)]
    groups = group_claims(apps)
    assert len(groups) == 1
    conflicts = find_conflicts(groups)
    assert bool(conflicts) is is_conflict
    if is_conflict:
        assert {s.speaker_key for s in conflicts[0].sides} == {"kementerian luar negeri",
                                                                "dedi prasetyo"}


@pytest.mark.parametrize(
    ("key_a", "key_b", "link"),
    [
        ("joko widodo", "jokowi", "same"),
        ("bahlil lahadalia", "bahlil ladahalia", "same"),
        ("prasetyo hadi", "pras", "same"),
        ("sby", "susilo bambang yudhoyono", "same"),
        ("budi santoso", "agus santoso", "different"),
        ("ana", "josua pardede", "different"),
    ],
)
def test_speaker_link_between_people(key_a: str, key_b: str, link: str) -> None:
    assert speaker_link(app(1, FULL, speaker=key_a), app(2, FULL, speaker=key_b)) == link


def test_two_people_of_one_ministry_is_a_conflict_but_each_with_it_is_not() -> None:
    spokes = app(1, FULL, speaker="a", name="Ani", affiliation="Kementerian Luar Negeri")
    minister = app(2, FULL, speaker="b", name="Budi", affiliation="Kementerian Luar Negeri")
    body = app(3, FULL, **MINISTRY)
    assert speaker_link(body, spokes) == "member"
    assert speaker_link(spokes, minister) == "different"
    assert find_conflicts(group_claims([spokes, body])) == []
    assert len(find_conflicts(group_claims([spokes, minister, body]))) == 1


def test_drift_lists_substantive_first_and_skips_format_and_excerpt() -> None:
    base = "Kami sudah memeriksa lima saksi dalam kasus korupsi dana desa itu"
    apps = [
        app(1, base, outlet="Kompas.com"),
        app(2, base.replace("lima", "5"), outlet="Detik"),  # format
        app(3, "Kami sudah memeriksa lima saksi", outlet="Tempo"),  # excerpt
        app(4, base.replace("sudah", "telah"), outlet="Viva"),  # minor
        app(5, base.replace("sudah", "belum"), outlet="Okezone"),  # substantive
    ]
    groups = group_claims(apps)
    assert len(groups) == 1
    assert groups[0].relations == {1: "identical", 2: "format", 3: "excerpt", 4: "minor",
                                   5: "substantive"}
    items = drift(groups)
    assert [(d.quote_id, d.relation) for d in items] == [(5, "substantive"), (4, "minor")]
    assert items[0].rendered == "Kami [-sudah-] {+belum+} memeriksa lima saksi dalam …"
    assert (items[0].first_outlet, items[0].outlet) == ("Kompas.com", "Okezone")


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (SpeakerInfo("k1", "Dr. Retno Marsudi"), SpeakerInfo("k2", "Retno Marsudi"), "same name"),
        (SpeakerInfo("k1", "Soekarno"), SpeakerInfo("k2", "Sukarno"), "same name"),
        (SpeakerInfo("k1", "Budi Santoso, S.H., M.H."), SpeakerInfo("k2", "Budi Santoso"),
         "same name"),
        (SpeakerInfo("k1", "Kombes Pol. Ade Ary Syam"), SpeakerInfo("k2", "Ade Ary Syam"),
         "same name"),
        (SpeakerInfo("k1", "Retno Marsudi"), SpeakerInfo("k2", "Retno Marsudy"), "spelling"),
        (SpeakerInfo("k1", "Retno", affiliation="Kementerian Luar Negeri"),
         SpeakerInfo("k2", "Retno Marsudi", affiliation="Kemlu"), "short form"),
        (SpeakerInfo("k1", "Budi Santoso"), SpeakerInfo("k2", "Agus Santoso"), None),
        (SpeakerInfo("k1", "Ridwan Kamil"), SpeakerInfo("k2", "Ridwan Jamil"), None),
        (SpeakerInfo("k1", "Santoso", affiliation="KPK"),
         SpeakerInfo("k2", "Budi Santoso", affiliation="Polri"), None),
        (SpeakerInfo("k1", "Retno"), SpeakerInfo("k2", "Retno Marsudi"), None),
    ],
)
def test_merge_candidates(a: SpeakerInfo, b: SpeakerInfo, reason: str | None) -> None:
    found = [(c.key_a, c.key_b, c.reason) for c in merge_candidates([a, b])]
    assert found == ([("k1", "k2", reason)] if reason else [])


def test_ambiguous_short_form_is_not_a_candidate() -> None:
    speakers = [
        SpeakerInfo("s", "Santoso", affiliation="KPK"),
        SpeakerInfo("b", "Budi Santoso", affiliation="KPK"),
        SpeakerInfo("a", "Agus Santoso", affiliation="KPK"),
    ]
    assert merge_candidates(speakers) == []
