"""Records say how their speaker was found (resolution), in both languages: the name written
in full, a short form or description mapped to a fuller name, a pronoun, a -nya clitic, or a
follow-on paragraph without a cue. Fixtures written for the project."""

from __future__ import annotations

from datetime import date

import pytest

from claims.parse import parse_article

TODAY = date(2026, 11, 26)

INDONESIAN = (
    "BEKASI, KOMPAS.com - Kepala Dinas Perhubungan Kota Bekasi Rudi Hartono Siregar mengatakan, "
    'jalan itu ditutup. "Kami akan menutup jalan selama dua pekan," kata Rudi.\n'
    '"Warga diminta mencari jalan lain," ujarnya.\n'
    '"Pengalihan arus sudah disiapkan di tiga titik."\n'
    'Menurut dia, pekerjaan itu mendesak. "Saluran air sudah rusak parah," kata dia.\n'
    '"Kami tetap membuka posko pengaduan," kata Rudi Hartono Siregar.\n'
)

ENGLISH = (
    "Jane Holloway, chief executive of Northfield Water, said the plan was ready. "
    '"We have done the work and the pipes are in," she said.\n'
    '"The town will have water by spring," the chief executive added.\n'
    'A spokesman for the council said: "We welcome the investment in the town.\n'
    '"It has taken far too long for the people who live here."\n'
    '"We will keep watching the costs closely," Ms Holloway said.\n'
    '"Nobody should pay twice for the same pipe," Jane Holloway said.\n'
)


def _resolutions(text: str, lang: str) -> list[tuple[str | None, str | None, str]]:
    quotes = parse_article(text, lang=lang, today=TODAY).quotes
    return [(q.speaker, q.mention, q.resolution) for q in quotes]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (INDONESIAN, "id", [
            ("Rudi Hartono Siregar", "Rudi", "alias"),
            ("Rudi Hartono Siregar", "-nya", "clitic"),
            ("Rudi Hartono Siregar", None, "continuation"),
            ("Rudi Hartono Siregar", "dia", "pronoun"),
            ("Rudi Hartono Siregar", "Rudi Hartono Siregar", "named"),
        ]),
        (ENGLISH, "en", [
            ("Jane Holloway", "she", "pronoun"),
            ("Jane Holloway", "the chief executive", "alias"),
            ("A spokesman for the council", "A spokesman for the council", "named"),
            ("A spokesman for the council", None, "continuation"),
            ("Jane Holloway", "Ms Holloway", "alias"),
            ("Jane Holloway", "Jane Holloway", "named"),
        ]),
    ],
    ids=["id", "en"],
)
def test_resolution_says_how_the_speaker_was_found(
    text: str, lang: str, expected: list[tuple[str | None, str | None, str]]
) -> None:
    assert _resolutions(text, lang) == expected


def test_confidence_follows_resolution() -> None:
    """A pronoun or a carried-over speaker is less certain than a name written in full."""
    quotes = parse_article(ENGLISH, lang="en", today=TODAY).quotes
    by_resolution = {q.resolution: q.confidence for q in quotes}
    assert by_resolution["named"] > by_resolution["alias"] > by_resolution["pronoun"]
    assert by_resolution["pronoun"] > by_resolution["continuation"]
