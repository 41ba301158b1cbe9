"""Who said it: comparing the speakers of two appearances of one claim.

``speaker_link`` answers one question for grouping and conflicts:

- ``unknown``: either side has no speaker key (or is anonymous): no evidence either way;
- ``same``: equal keys, or every word of one key matching a word of the other exactly, with one
  or two typos, or as its start (``budi`` / ``Budi Santosa`` / ``budi santoso``, ``pras`` /
  ``prasetyo hadi``, ``jokowi`` / ``joko widodo``), or one key the initials of the other
  (``sby``): within one claim a shortened or misspelt name is the same person;
- ``member``: one side is an institution and the other names it as its affiliation (a
  spokesperson, a minister, a member). Names of bodies compare case-, punctuation- and
  abbreviation-blind (``Kemlu`` == ``Kementerian Luar Negeri``, data file), and a longer name
  that contains the shorter one matches it (``Kementerian Luar Negeri RI``);
- ``different``: anything else.
"""

from __future__ import annotations

from typing import Literal, Protocol

from rapidfuzz.distance import OSA

from claims.claimgroup.lexicon import load_claim_lexicon
from claims.claimgroup.text import normalise

_TYPO_MIN_LENGTH = 5
_MIN_NICKNAME = 4
_LONG_WORD = 8

SpeakerLink = Literal["unknown", "same", "member", "different"]


class HasSpeaker(Protocol):
    speaker_key: str | None
    speaker_name: str | None
    speaker_type: str | None
    affiliation: str | None


def organisation_words(name: str | None, lang: str = "id") -> tuple[str, ...]:
    """A body's name as case-folded words, abbreviations expanded to the full name."""
    if not name:
        return ()
    key = normalise(name)
    aliases = load_claim_lexicon(lang).organisation_aliases
    return tuple(aliases.get(key, key).split())


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def names_same_body(a: str | None, b: str | None, lang: str = "id") -> bool:
    """``Kemlu`` vs ``Kementerian Luar Negeri RI``: one name of a body contains the other."""
    wa, wb = organisation_words(a, lang), organisation_words(b, lang)
    if not wa or not wb:
        return False
    aliases = load_claim_lexicon(lang).organisation_aliases
    wa = tuple(aliases.get(w, w) for w in wa)
    wb = tuple(aliases.get(w, w) for w in wb)
    wa = tuple(" ".join(wa).split())
    wb = tuple(" ".join(wb).split())
    return _contains(wa, wb) or _contains(wb, wa) or wa == wb


def _word_matches(a: str, b: str) -> bool:
    """``budi``/``budi``, ``keneth``/``kenneth``, ``ladahalia``/``lahadalia`` (typos),
    ``pras``/``prasetyo`` and ``jokowi``/``joko`` (one is the start of the other)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= _MIN_NICKNAME and long.startswith(short):
        return True
    if len(short) >= _TYPO_MIN_LENGTH:
        allowed = 2 if len(short) >= _LONG_WORD else 1
        return OSA.distance(short, long) <= allowed
    return False


def _short_form(a: str, b: str) -> bool:
    """Within one claim, ``budi`` / ``budi santoso`` / ``Budi Santosa`` are one person: every
    word of the shorter key matches a word of the longer one (equal, one typo, or its start)."""
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1 and len(long) >= 2 and short[0] == "".join(w[0] for w in long):
        return True  # sby / susilo bambang yudhoyono
    return bool(short) and all(any(_word_matches(w, x) for x in long) for w in short)


def _is_institution_of(body: HasSpeaker, person: HasSpeaker, lang: str) -> bool:
    if body.speaker_type not in (None, "organization"):
        return False
    if person.speaker_type == "organization":
        return False
    return names_same_body(body.speaker_name or body.speaker_key, person.affiliation, lang)


def speaker_link(a: HasSpeaker, b: HasSpeaker, lang: str = "id") -> SpeakerLink:
    """How the speakers of two appearances relate (see module docstring)."""
    if not a.speaker_key or not b.speaker_key:
        return "unknown"
    if "anonymous" in (a.speaker_type, b.speaker_type):
        return "unknown"
    if a.speaker_key == b.speaker_key or _short_form(a.speaker_key, b.speaker_key):
        return "same"
    if _is_institution_of(a, b, lang) or _is_institution_of(b, a, lang):
        return "member"
    return "different"
