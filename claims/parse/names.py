"""Speaker noun phrases: where a name starts and ends, and what is role or affiliation.

Input is the text next to a cue (``juru bicara Kementerian Luar Negeri China Lin Jian``,
``Direktur …, Michael Carpenter,``); output is a ``Mention`` with the name, the role and
the affiliation split off. Every word class comes from the language data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from claims.parse.language import Language

# What ``\s`` matches, spelled out (every Unicode space is below U+3001): a class of plain
# characters compiles to a bitmap, one look-up per character, where ``\s`` among literals is
# tested in sequence; tokenising is 15% faster
SPACES: Final = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
# A token: a run of characters without spaces or clause punctuation. Dots stay (initials,
# degrees, "Dr."); a sentence-final dot is trimmed afterwards.
TOKEN: Final = re.compile(f"[^{re.escape(SPACES)},;:()\\[\\]\"“”„«»?!]+")
_UNIT_NUMBER: Final = re.compile(r"\d{1,4}/(?:[A-Z][\w-]*)?$")
_CAPITAL_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_OPENING_CHARS: Final = frozenset("\"'‘(")
_NAME_RUN: Final = re.compile(r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)+")
_CAP_WORD: Final = re.compile(r"(?<![\w-])[A-Z][\w'-]*")
_LEFT_CAPS: Final = re.compile(r"(?:(?<![\w-])[A-Z][\w'-]*[ \t]+){0,2}$")
_RIGHT_CAPS: Final = re.compile(r"(?:[ \t]+(?:[A-Z]\.)+(?!\w)|[ \t]+[A-Z][\w'-]*(?!\.\w)){0,3}")
_HEAD_LEFT: Final = re.compile(r"(?:[A-Z][\w.'-]*[ \t]+){0,8}$")
_HEAD_RIGHT: Final = re.compile(r"(?:[ \t]+[A-Z][\w.'-]*){0,8}")
_NAME_BEFORE: Final = re.compile(
    r"((?:[A-Z][\w'-]*[ \t]+){0,3}[A-Z][\w'-]*)\s*,?\s*(?:atau\s+|yang\s+)?(?:lebih\s+)?$"
)
_PREVIOUS_WORD: Final = re.compile(r"(\S+)[ \t]*$")
_ACRONYM: Final = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
_DASH: Final = re.compile(r"\s[-–—]+\s|--")
# a lowercase word too long to be a preposition of a title-case headline: running text
_LOWER_WORD: Final = re.compile(r"(?<![\w-])[a-z]{5,}(?![\w-])")
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_CAMEL_TAIL: Final = re.compile(r"[a-z]([A-Z][a-z]+)$")  # "HariSebelumnya": two words glued
_LOOSE_DASH: Final = re.compile(r"\s[-–—]+|--")  # "INDRAMAYU –Jurnalis": glued on the right
_SENTENCE_BREAK: Final = re.compile(r"[.!?]\s")
_AFTER_COMMA: Final = re.compile(r",\s*([^,.;\n]{3,120})")
_ROLE_CHUNK: Final = re.compile(r"([^,.;\n]{3,120})")
_NEXT_WORD: Final = re.compile(r"[ \t]+(\w+)")
_LETTERS: Final = re.compile(r"[A-Za-z]+")  # ASCII: 40% faster; only used to pre-filter
_GLUED_SENTENCE: Final = re.compile(r"[a-z0-9]{2}\.(?=[A-Z][a-z])|[A-Z]{3,}\.(?=[A-Z][a-z])")
# words after a role head searched for its parenthesised abbreviation
_ROLE_ACRONYM_REACH: Final = 8
_INITIAL: Final = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


@dataclass(slots=True, init=False)
class Mention:
    """A reference to a speaker as it appears in the text."""

    text: str
    start: int
    end: int
    kind: str  # person | organization | anonymous | pronoun | role (a role without a name)
    name: str | None
    role: str | None
    affiliation: str | None

    def __init__(self, text: str, start: int, end: int, kind: str, name: str | None = None,
                 role: str | None = None, affiliation: str | None = None) -> None:
        # written out (init=False): mypyc compiles this one; the generated one runs as
        # interpreted Python, ten times slower, and the parser makes thousands
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.role = role
        self.affiliation = affiliation


class Tok:
    """A word with its offsets and its case-folded form (computed once)."""

    __slots__ = ("end", "fold", "paren", "start", "text")

    def __init__(self, text: str, start: int, end: int, paren: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.fold = text.casefold()
        self.paren = paren  # written in parentheses: "(Unair)", "(22)", "(Kompas, 23/9)"

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets; a sentence-final dot is dropped.

    Not memoised: a memo of ranges hit 1% of the calls (the parser rarely asks for the same
    range twice) and cost a tuple and a dictionary entry on each of the others.
    """
    out: list[Tok] = []
    pos = start
    # findall + str.find is 15% faster than finditer's match objects; the find is exact, as
    # only separators (never a token character) lie between one token and the next. Typed
    # words: mypyc then compiles the str operations below to direct calls
    words: list[str] = TOKEN.findall(text, start, end)
    for raw in words:
        s = text.find(raw, pos)
        e = pos = s + len(raw)
        if "." not in raw and raw[0] not in "-–—":  # the common case: a plain word
            out.append(Tok(raw, s, e, s > 0 and text[s - 1] == "("))
            continue
        word = raw
        if word[0] in "-–—" and len(word) > 1:  # "–Jurnalis": a dash glued to the word
            trimmed = word.lstrip("-–—")
            if not trimmed:
                continue
            dash_end = e - len(trimmed)  # the dash still separates, as " – " does
            out.append(Tok(text[s:dash_end], s, dash_end))
            out.extend(tokens(text, dash_end, e))
            continue
        if "." not in word:  # a lone dash
            out.append(Tok(word, s, e, s > 0 and text[s - 1] == "("))
            continue
        glued = _GLUED_SENTENCE.search(word) if "." in word[2:-1] else None
        if glued:  # "Lucky.Menurut": two sentences glued by a scraper
            cut = glued.end() - 1
            out.append(Tok(word[:cut], s, s + cut))
            out.append(Tok(".", s + cut, s + cut + 1))
            word, s = word[cut + 1:], s + cut + 1
        while word.endswith(".") and len(word) > 1 and not _keeps_dot(word):
            word, e = word[:-1], e - 1
        if word and word != ".":
            out.append(Tok(word, s, e))
        if raw.endswith(".") and not _keeps_dot(raw) and len(word) > 2:
            out.append(Tok(".", e, e + 1))
    return out


def _keeps_dot(word: str) -> bool:
    """Initials and dotted abbreviations keep their final dot (P.S., Dr., M.Sn.)."""
    if word.endswith(".."):
        return False  # "Cipta..": a scraper's double stop
    core = word[:-1]
    return bool(_INITIAL.match(word)) or "." in core or len(core) <= 2


def is_capitalised(word: str) -> bool:
    """Starts with A-Z or a digit, after at most one opening quote or parenthesis (set
    look-ups, not a regex: it is asked for nearly every token)."""
    first = word[:1]
    return first in _CAPITAL_CHARS or first in _OPENING_CHARS and word[1:2] in _CAPITAL_CHARS


def is_initial(tok: Tok) -> bool:
    """One capital letter alone ("L")."""
    return len(tok.text) == 1 and "A" <= tok.text <= "Z"


def is_acronym(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def match_phrase(
    toks: list[Tok], i: int, phrases: tuple[tuple[str, ...], ...]
) -> int:
    """Length of the longest phrase starting at token ``i`` (0 if none)."""
    if i >= len(toks):
        return 0
    index = _PHRASE_INDEX.get(id(phrases))
    if index is None:
        index = _phrase_index(phrases)
    candidates = index.get(toks[i].fold)
    if candidates is None:  # the common case: no phrase starts with this word
        return 0
    for phrase in candidates:  # longest first
        n = len(phrase)
        if n == 1:
            return 1
        if i + n <= len(toks):
            k = 1
            while k < n and toks[i + k].fold == phrase[k]:
                k += 1
            if k == n:
                return n
    return 0


def _phrase_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word (built once per phrase tuple)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:  # already longest first
        index.setdefault(phrase[0], []).append(phrase)
    _PHRASE_INDEX[id(phrases)] = index
    _PHRASE_KEEP.append(phrases)  # keep the object alive so its id stays unique
    return index


_PHRASE_INDEX: Final[dict[int, dict[str, list[tuple[str, ...]]]]] = {}
_PHRASE_KEEP: Final[list[tuple[tuple[str, ...], ...]]] = []


def abbreviates(acronym: str, folds: list[str], joiners: frozenset[str] | set[str]) -> bool:
    """Whether ``acronym`` abbreviates the (case-folded) words: each word gives it a piece,
    in order, that starts with the word's first letter ("DGS": Deputi Gubernur Senior;
    "Menkeu": MENteri KEUangan); joining words may give none, and the last word's piece may
    come from inside it ("Mendagri": MENteri DAlam neGeRI)."""
    letters = acronym.casefold()
    if len(letters) < 2 or not letters.isalpha() or not acronym[0].isupper() or not folds:
        return False

    def fits(i: int, k: int) -> bool:  # words[i:] give letters[k:]
        if i == len(folds):
            return k == len(letters)
        word = folds[i]
        if word in joiners and fits(i + 1, k):
            return True
        last = i == len(folds) - 1
        if k == len(letters) or not last and letters[k] != word[:1]:
            return False
        pos = 0
        for m in range(k, len(letters)):  # the piece letters[k:m + 1], read in the word
            pos = word.find(letters[m], pos) + 1
            if pos == 0:
                return False
            if fits(i + 1, m + 1):
                return True
        return False

    return fits(0, 0)


def unabbreviated(words: str) -> str:
    """``words`` without the abbreviations written in parentheses ("Bank Indonesia (BI)")."""
    if "(" not in words:
        return words
    kept = [w for w in words.split() if not (w[0] == "(" and w[-1] == ")")]
    return " ".join(kept) or words


def _letters_in_order(acronym: str, folds: list[str]) -> bool:
    """The acronym's letters occur in this order in the words run together."""
    joined = "".join(folds)
    pos = 0
    for letter in acronym.casefold():
        if not letter.isalpha():
            continue  # "PU-Pera"
        pos = joined.find(letter, pos) + 1
        if not pos:
            return False
    return True


def _join(toks: list[Tok]) -> str | None:
    return " ".join([t.text for t in toks]) or None  # a list joins faster than a generator


class NounPhrases:
    """Parsing of speaker noun phrases for one language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        # Words the current article uses alone for a speaker ("kata Kharisma"); set per
        # article by the pipeline, they tell where a name starts after an organisation.
        # the capitalised words (and joining words) right before "(ACRONYM)"
        joiners = "|".join(re.escape(w) for w in sorted(lang.role_inner, key=len, reverse=True))
        self.definition_re = re.compile(
            rf"((?:[A-Z][\w-]*[ \t]+(?:(?:{joiners})[ \t]+)?){{2,8}})$"
        )
        self.hints: frozenset[str] = frozenset()
        self.connector_words = frozenset(p[0] for p in lang.connectors if len(p) == 1)
        # the subset of hints written right after a cue ("kata Kharisma"): surely names
        self.cue_hints: frozenset[str] = frozenset()
        # Words the current article also writes in lower case: a capitalised one at the start
        # of a sentence is an ordinary word ("Apalagi", "Nama"), not a name.
        self.ordinary: set[str] | frozenset[str] = frozenset()
        self.text = ""
        self.fuller_names: dict[str, str] = {}
        self._extends_hints: frozenset[str] | None = None
        self._extends_ordinary: set[str] | frozenset[str] | None = None
        self._extends_memo: dict[str, bool] = {}
        # (start, end) of the links of the article last asked about (``_links_text``)
        self._links: list[tuple[int, int]] = []
        self._links_text: str | None = None
        # the links' first words as an article may write them: no link without one of them
        self._link_words = frozenset(
            form for prefix in lang.link_prefixes for word in prefix.split()[:1]
            for form in (word.strip(":"), word.strip(":").capitalize(), word.strip(":").upper()))
        # words a subject NP may hold in lower case (titles, roles, particles, descriptors):
        # one set look-up in the subject walk instead of seven
        self._walk_words = (lang.titles | lang.role_head_words | lang.role_inner
                            | lang.name_particles | lang.anaphor_markers
                            | lang.descriptive_heads | lang.anonymous_words)

    def set_article(self, text: str, hints: frozenset[str],
                    words: set[str] | None = None) -> None:
        """Per-article evidence (see ``hints`` and ``ordinary``)."""
        self.hints = hints
        self.text = text
        self.fuller_names = {}
        self.ordinary = words if words is not None else set(_LETTERS.findall(text))

    def is_ordinary(self, tok: Tok) -> bool:
        lang = self.lang
        fold = tok.fold
        return len(fold) > 2 and fold in self.ordinary and fold not in self.hints and not (
            fold in lang.role_head_words or fold in lang.pronouns or fold in lang.anonymous_words
            or fold in lang.descriptive_heads or self.is_org(tok)
        )

    # -- word classes -------------------------------------------------------------------
    def is_title(self, tok: Tok) -> bool:
        return tok.fold in self.lang.titles or tok.fold.rstrip(".") in self.lang.titles

    def is_org(self, tok: Tok) -> bool:
        if tok.fold in self.lang.org_heads:
            return True
        return 2 < len(tok.text) <= 8 and "." not in tok.text and is_acronym(tok.text)

    def is_place(self, tok: Tok) -> bool:
        return tok.fold in self.lang.place_words

    def is_name_word(self, tok: Tok) -> bool:
        if tok.paren:
            return False  # "(Unair)": an acronym of the organisation before it
        if tok.fold in self.lang.name_particles:
            return True
        return is_capitalised(tok.text) and not tok.text[0].isdigit() and not (
            tok.fold in self.lang.months or tok.fold in self.lang.days
            or self.lang.nominal_re.match(tok.fold)
        )

    # -- cutting an NP out of running text -------------------------------------------------
    def cut_after_cue(self, toks: list[Tok]) -> list[Tok]:
        """The tokens of the speaker NP right after an inverted cue, up to its first adjunct."""
        lang = self.lang
        out: list[Tok] = []
        seen_capital = False
        abbreviations = 0  # "(OJK)": not counted among the NP's words
        for i, tok in enumerate(toks):
            fold = tok.fold
            if fold == ".":
                break
            if tok.paren and out and not tok.text[0].isdigit():
                if is_acronym(tok.text) or self._abbreviation_inside(toks, i):
                    out.append(tok)  # "Otoritas Jasa Keuangan (OJK)": closes the organisation
                    abbreviations += 1
                continue  # "(Kompas, 23/9)": an aside, not part of the name
            if tok.text[0].isdigit() and not (seen_capital and i + 1 < len(toks)
                                              and is_capitalised(toks[i + 1].text)
                                              and not toks[i + 1].text[0].isdigit()):
                break  # a number, unless inside a name like "Daop 1 Jakarta"
            next_capital = i + 1 < len(toks) and is_capitalised(toks[i + 1].text)
            if out and fold in lang.role_joiners and next_capital and not (
                self._role_affiliation(out)[2] or len(out) == 1 and out[0].fold in self.hints
            ):
                out.append(tok)  # "Direktur X di Dewan Y, Budi": still inside the role
                continue
            lower = not is_capitalised(tok.text)
            if out and lower and (fold in lang.np_stop or fold in lang.days):
                break
            if not out and fold in lang.days:
                break
            if lower and fold in lang.role_inner and not next_capital and not (
                    not seen_capital and out and out[0].fold in lang.role_head_words
                    and i + 1 < len(toks) and toks[i + 1].fold not in lang.np_stop):
                break  # but "kepala ekonomi dan strategi di …": a lowercase role goes on
            ends_name = fold not in lang.role_inner and fold not in lang.name_particles and (
                fold not in lang.role_joiners
            )
            if seen_capital and lower and ends_name and not (
                    next_capital and len(fold) > 1 and self.is_title(tok)):
                # … but "… Kendari dr Algazali": a lowercase title before the name goes on
                if fold in lang.anaphor_markers:
                    out.append(tok)
                break
            if not lower:
                seen_capital = True
            out.append(tok)
            if len(out) - abbreviations >= 14:
                break
        while out and (out[-1].fold in lang.role_joiners or out[-1].fold in lang.role_inner):
            out.pop()
        return out

    def _abbreviation_inside(self, toks: list[Tok], i: int) -> bool:
        """``toks[i]`` is one capitalised word in parentheses with the NP going on after it:
        an abbreviation ("Menteri Keuangan (Menkeu) Sri Mulyani", "PT Pertamina (Persero)
        Nicke Widyawati"), not an aside after the name ("kata Budi (Antara)")."""
        tok = toks[i]
        return is_capitalised(tok.text) and (self.text or "")[tok.end:tok.end + 1] == ")" and (
            i + 1 < len(toks) and is_capitalised(toks[i + 1].text) and not toks[i + 1].paren)

    def subject_before(self, toks: list[Tok]) -> list[Tok]:
        """The subject NP at the end of ``toks`` (the words before an active cue verb)."""
        lang = self.lang
        walk_words = self._walk_words
        end = len(toks)
        while end and toks[end - 1].fold in lang.subject_particles:
            end -= 1
        begin = end
        while begin > 0:
            tok = toks[begin - 1]
            fold = tok.fold
            if fold in lang.pronouns and begin == end:
                begin -= 1
                break
            word = tok.text
            # a capital after a lowercase letter needs a capital after the first character
            glued = _CAMEL_TAIL.search(word) if len(word) > 4 and not (
                word[1:].islower()) else None
            if glued and glued.group(1).casefold() in self.connector_words:
                break  # "… Esok HariSebelumnya Gubernur BI": a headline glued to the sentence
            digit = word[0].isdigit()
            if digit and (self._number_in_name(toks, begin - 1) or _UNIT_NUMBER.match(word)
                          and begin >= 2 and is_capitalised(toks[begin - 2].text)):
                # "Departemen Pengawasan IKNB 2B OJK", "Komisi 2 DPR", "Distrik Militer
                # 1702/Jayawijaya" (a military unit's number and seat)
                begin -= 1
                continue
            if fold in lang.coordinators and begin >= 2 and begin < end and match_phrase(
                toks, begin, lang.role_heads
            ) and self.plain_person_word(toks[begin - 2]):
                break  # "Gubernur Sumbar Irwan Prayitno dan Gubernur Bali Wayan Koster"
            if fold == "." and begin == end - 1 and begin >= 2 and is_initial(toks[begin]) and (
                    is_capitalised(toks[begin - 2].text)):
                # "Maximilianus Nico Demus. L, Head of …": a stray initial after the name
                end = begin = begin - 1
                continue
            if fold in lang.days or fold in lang.months or digit or fold == ".":
                break
            first = word[:1]  # is_capitalised, inlined: asked for every word walked
            capitalised = first in _CAPITAL_CHARS or first in _OPENING_CHARS and (
                word[1:2] in _CAPITAL_CHARS)
            ok = (
                capitalised
                or fold in walk_words
                or fold.rstrip(".") in lang.titles
                or (fold in lang.role_joiners and begin < end)
            )
            if not ok and self._in_lowercase_title(toks, begin - 1):
                begin -= 1  # "Chief investment officer", "US equity strategist"
                continue
            if not ok and not capitalised and fold not in lang.np_stop:
                # "Pengamat politik Lely", "pemain bertahan Manchester United, Daley"
                span = lang.descriptor_span
                heads = [k for k in range(max(0, begin - 1 - span), begin - 1)
                         if toks[k].fold in lang.role_single_heads]
                if heads:
                    begin = heads[-1]
                    continue
            if not ok or end - begin >= 20:
                break
            begin -= 1
        sub = toks[begin:end]
        # drop sentence connectors and leading joiners
        while sub:
            n = match_phrase(sub, 0, lang.connectors)
            if n and n < len(sub):
                sub = sub[n:]
                continue
            if sub[0].fold in lang.role_joiners or sub[0].fold in lang.role_inner or (
                    sub[0].fold in lang.indirect_openers and len(sub) > 1):
                sub = sub[1:]  # "Kata Budi, …": the reporting word opens the sentence
                continue
            break
        return sub

    # -- reading an NP --------------------------------------------------------------------
    def read(self, toks: list[Tok], text: str) -> Mention | None:
        """Classify an NP and split it into role, affiliation and name."""
        if not toks:
            return None
        lang = self.lang
        while toks and is_capitalised(toks[0].text) and self.is_ordinary(toks[0]):
            toks = toks[1:]
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        surface = text[start:end]
        account = match_phrase(toks, 0, lang.account_markers)
        if account and account < len(toks):  # "akun google amanda": the account holder
            holder = toks[account:]
            return Mention(surface, start, end, "person",
                           name=text[holder[0].start:holder[-1].end])
        first = toks[0].fold
        if len(toks) == 1 and (first in lang.pronouns or first in lang.anaphor_markers):
            return Mention(surface, start, end, "pronoun")
        if toks[-1].fold in lang.anaphor_markers and len(toks) > 1:
            role, aff = self._described_role(toks[:-1])
            return Mention(surface, start, end, "pronoun", role=role, affiliation=aff)
        n = match_phrase(toks, 0, lang.anonymous_heads)
        if n and not self._has_name(toks):
            if n == 1 and first in lang.role_head_words and len(toks) > 1:
                n = 0  # "anggota dewan lainnya": the head is the role itself
            role, aff, _ = self._role_affiliation(toks[n:])
            return Mention(surface, start, end, "anonymous", name=surface, role=role,
                           affiliation=aff)
        if first in lang.descriptive_heads and not self._has_name(toks):
            role, aff = self._described_role(toks)
            return Mention(surface, start, end, "pronoun", role=role, affiliation=aff)
        role, aff, name = self._role_affiliation(toks)
        if name and len(name) == 1 and len(name[0].text.rstrip(".")) == 1:
            name = []  # "L": a stray initial, not a name
        if name and any(self.is_org(t) for t in name):
            return Mention(surface, start, end, "organization", name=_join(name), role=role,
                           affiliation=aff)
        if name:
            return Mention(surface, start, end, "person", name=_join(name), role=role,
                           affiliation=aff)
        if role is None and aff:
            return Mention(surface, start, end, "organization", name=aff)
        if role:
            return Mention(surface, start, end, "role", name=surface, role=role,
                           affiliation=aff)
        return None

    def _described_role(self, toks: list[Tok]) -> tuple[str | None, str | None]:
        """The role a description of a known person states ("bek asal Italia itu" -> bek,
        "sang pelatih Persib" -> pelatih, Persib): its role head, and the body named right
        after it; descriptors such as origin ("asal Italia") are no affiliation."""
        lang = self.lang
        while toks and toks[0].fold in lang.descriptive_heads and not match_phrase(
                toks, 0, lang.role_heads):
            toks = toks[1:]  # "sang", "pria"
        n = match_phrase(toks, 0, lang.role_heads)
        if not n:
            return None, None
        while more := match_phrase(toks, n, lang.role_heads):
            n += more  # "mantan Dirut", "mantan kapten"
        if all(t.fold in lang.role_modifiers for t in toks[:n]):
            return None, None  # "mantan pesepakbola …": a modifier alone is no role
        rest = toks[n:]
        body = rest if rest and all(is_capitalised(t.text) or t.fold in lang.role_inner
                                    for t in rest) else []
        return self._written(toks[:n]), self._written(body)

    def _has_name(self, toks: list[Tok]) -> bool:
        return self._role_affiliation(toks)[2] != []

    def _looks_like_name(self, toks: list[Tok]) -> bool:
        """At most four name words and nothing of an organisation ("Direktorat Jenderal X")."""
        return len(toks) <= 5 and not any(
            self.is_org(t) or t.fold in self.lang.role_head_words for t in toks
        )

    def _title_marks(self, toks: list[Tok]) -> list[bool]:
        """Which tokens are honorifics, ranks or academic titles (multi-word ranks included)."""
        titles = self.lang.titles  # is_title, inlined: asked for every token of every NP
        folds = [t.fold for t in toks]
        marks = [fold in titles or fold.rstrip(".") in titles for fold in folds]
        if True in marks:
            for i in range(1, len(toks) - 1):
                # "Scenaider H Siahaan": a one-letter "title" between two name words is an
                # initial
                if marks[i] and len(toks[i].text.rstrip(".")) == 1 and self.is_name_word(
                    toks[i - 1]) and not marks[i - 1] and self.is_name_word(toks[i + 1]):
                    marks[i] = False
        heads = self.lang.title_phrase_heads
        if heads.isdisjoint(folds):
            return marks  # the common case: no multi-word rank
        for i, fold in enumerate(folds):
            if fold in heads:
                n = match_phrase(toks, i, self.lang.title_phrases)
                for k in range(i, i + n):
                    marks[k] = True
        return marks

    def _role_affiliation(self, toks: list[Tok]) -> tuple[str | None, str | None, list[Tok]]:
        """Split ``[role] [joiner] [affiliation] [titles] [name]``."""
        lang = self.lang
        marks = self._title_marks(toks)
        # titles mark where the name starts; they are not part of anything
        name_from = -1
        for i in range(len(toks) - 1, -1, -1) if True in marks else ():
            if marks[i] and i + 1 < len(toks) and not marks[i + 1] and is_capitalised(
                toks[i + 1].text
            ) and self._looks_like_name(toks[i + 1:]):
                name_from = i + 1
                break
        body = toks[:name_from] if name_from >= 0 else toks
        body_marks = marks[: len(body)]
        role_len = self._role_head_without_body(body)
        if not role_len:
            role_len = self.late_role_head(body)
        i = role_len
        if role_len:
            joiner = next(
                (k for k in range(role_len, len(body)) if body[k].fold in lang.role_joiners), -1
            )
            if joiner > 0 and (name_from >= 0 or joiner + 1 < len(body)):
                i = joiner
            else:
                while i < len(body):
                    tok = body[i]
                    if self._in_lowercase_title(body, i) or is_capitalised(tok.text) and (
                        self._in_lowercase_title(body, i + 1)
                    ):  # "Chief investment officer and US equity strategist"
                        i += 1
                        continue
                    if body[i - 1].fold in lang.role_inner and not body_marks[i]:
                        units = self._unit_run(body, i)
                        if units:
                            i += units  # "Head of Research | Phintraco Sekuritas"
                            continue
                    if self.is_org(tok) or self.is_place(tok) or body_marks[i]:
                        break
                    more = match_phrase(body, i, lang.role_heads)
                    if more:
                        i += more
                        continue
                    if tok.fold in lang.role_inner and i + 1 < len(body):
                        i += 1
                        continue
                    if is_capitalised(tok.text) and self._role_word_continues(body, i, name_from):
                        i += 1
                        continue
                    units = self._unit_run(body, i)
                    if units:
                        i += units  # "Head of Fixed Income Research", "Chief Financial Officer"
                        continue
                    # lowercase descriptors end the role, as in read_role: "analis fixed
                    # income", "pengamat pasar modal" (a capitalised word after them is no
                    # more role: "pengamat pasar modal Siswa Rizali")
                    limit = i + lang.descriptor_span
                    while i < min(limit, len(body)) and self._descriptor_word(body[i]):
                        i += 1
                    break
        while i > role_len and body[i - 1].fold in lang.role_inner:
            i -= 1  # "Direktur Treasury & International Banking …": the "&" opens the body
        role_toks = body[:i]
        rest = body[i:]
        rest_marks = body_marks[i:]
        if rest and rest[0].fold in lang.role_joiners:
            rest, rest_marks = rest[1:], rest_marks[1:]
        while rest and (rest[0].fold in lang.role_inner or role_toks and rest[0].fold in (
                lang.naming_markers)) and not is_capitalised(rest[0].text):
            rest, rest_marks = rest[1:], rest_marks[1:]  # "korban bernama Darto": no body
        if True in rest_marks:
            rest = [t for t, m in zip(rest, rest_marks, strict=True) if not m]
        if role_toks and rest:
            role_toks, rest = self._split_at_abbreviation(role_toks, rest)
        if name_from >= 0:
            name_toks = [t for t, m in zip(toks[name_from:], marks[name_from:], strict=True)
                         if not m]
            return self._written(role_toks), self._written(rest), name_toks
        # after lowercase descriptors ("pengamat pasar modal Siswa Rizali") a capitalised role
        # word opens the name: the role has ended
        described = bool(role_toks) and role_toks[-1].text.islower() and i > role_len
        split = self._name_start(rest, has_role=bool(role_toks), role_ended=described)
        aff_toks, name_toks = rest[:split], rest[split:]
        while aff_toks and aff_toks[-1].fold in lang.role_joiners:
            aff_toks.pop()
        return self._written(role_toks), self._written(aff_toks), name_toks

    def _descriptor_word(self, tok: Tok) -> bool:
        """A lowercase word that may describe a role right after its head ("fixed income",
        "pasar modal"): no function word ("yang", "ini", "asal", "lain", "bernama")."""
        lang = self.lang
        fold = tok.fold
        return not is_capitalised(tok.text) and fold not in lang.role_joiners and not (
            fold in lang.np_stop or fold in lang.relative_markers or fold in lang.anaphor_markers
            or fold in lang.descriptor_markers or fold in lang.role_fillers
            or fold in lang.naming_markers)

    def _written(self, toks: list[Tok]) -> str | None:
        """A role or body as written: a word the article puts in parentheses keeps them
        ("Bank Indonesia (BI)", "PT Pertamina (Persero)"), so that an acronym reads as the
        long form's abbreviation, not as one more word of the name ("Bank Indonesia BI")."""
        if not any([t.paren for t in toks]):
            return _join(toks)
        text = self.text or ""
        return " ".join([f"({t.text})" if t.paren and text[t.end:t.end + 1] == ")" else t.text
                         for t in toks])

    def after_link_headline(self, text: str, sub: list[Tok]) -> list[Tok]:
        """``sub`` without the headline of a "Baca juga: …" link it starts in. Scrapers glue
        the link to the next sentence, and a headline in title case reads as one long subject
        ("Baca Juga: Pemerintah Ubah Skema, Dana Pensiun Tak Harus Dikelola Taspen Iqbal
        menjelaskan")."""
        first = sub[0].start
        link_end = self.link_end(text, max(text.rfind("\n", 0, first) + 1, first - 200),
                                 sub[-1].start)
        if link_end is None:
            return sub
        sub = [tok for tok in sub if tok.start >= link_end]  # "Baca", "Juga", "JugaJoe"
        if not sub or self._headline_ended(text, link_end, sub):
            return sub
        return self._subject_inside_headline(text, sub, first)

    def _headline_ended(self, text: str, link_end: int, sub: list[Tok]) -> bool:
        """The headline after ``link_end`` ended before ``sub``: at a lowercase word, a sentence
        break, a connector that turns to a new sentence (``lang.headline_ends``: "… Bakal
        Bertumbuh Sementara itu, Head of …, Ariteguh Arief"; also glued to the headline's last
        word: "… Mugabe DimulaiSementara Suharsono, Inspektur …"); or ``sub`` is a pronoun or
        a name set off by commas."""
        start = sub[0].start
        if _LOWER_WORD.search(text, link_end, start) or _SENTENCE_BREAK.search(
                text, link_end, start) or sub[0].fold in self.lang.pronouns:
            return True  # "… Ini Alasannya Dia juga mengatakan"
        if len(sub) <= 4 and text[link_end:start].rstrip().endswith(",") and text.startswith(
                ",", sub[-1].end) and all(
                self.plain_person_word(tok) and not self.is_ordinary(tok) for tok in sub):
            return True  # "… Suku Bunga Gubernur Bank of England, Andrew Bailey, mengatakan"
        ends = self.lang.headline_ends
        gap = tokens(text, link_end, start)  # the headline's words before the chunk
        return any(match_phrase(gap, k, ends) for k in range(len(gap))) or any(
            (glued := _CAMEL_TAIL.search(tok.text)) and glued.group(1).casefold() in (
                self.connector_words) for tok in gap)

    def _subject_inside_headline(self, text: str, sub: list[Tok], first: int) -> list[Tok]:
        """Where a subject read from inside a headline starts: after its last turning
        connector ("… Berinovasi Adapun Perry"), at its last role head when no headline word
        follows it ("… Menipis Ekonom Indef Aviliani", not "… Analis Saat Kinerja LQ45 Masih
        Tertinggal Nico"), at a word the article uses alone for a speaker ("… Taspen Iqbal"),
        or at a last name word the article writes again ("… Tahun Ini Sudjono"); else
        nowhere: nothing is read rather than a headline."""
        ends = self.lang.headline_ends
        for k in range(len(sub) - 2, 0, -1):
            n = match_phrase(sub, k, ends)
            if n and k + n < len(sub):
                return sub[k + n:]
        for k in range(len(sub) - 2, -1, -1):
            if match_phrase(sub, k, self.lang.role_heads):
                if any(tok.fold in self.connector_words and tok.fold not in self.lang.role_inner
                       for tok in sub[k + 1:]):
                    break
                return sub[k:]
        for k, tok in enumerate(sub):
            if tok.fold in self.hints:
                return sub[k:]
        last = sub[-1]
        if self.plain_person_word(last) and not self.is_ordinary(last) and (
                text.find(last.text, last.end) >= 0 or text.find(last.text, 0, first) >= 0):
            return [last]
        return []

    def link_end(self, text: str, start: int, end: int) -> int | None:
        """Where the first link to another article ("Baca juga:", ``lang.link_prefix_re``)
        written within ``text[start:end]`` ends, if there is one. The article's links are
        found once (see ``_find_links``), then looked up."""
        if self._links_text is not text:
            self._links, self._links_text = self._find_links(text), text
        links = self._links
        i = bisect_left(links, (start, 0)) if links else 0
        if i == len(links) or links[i][1] > end:
            return None
        return links[i][1]

    def _find_links(self, text: str) -> list[tuple[int, int]]:
        """Where the article's links to other articles ("Baca juga:") start and end. The regex
        is tried only where a word that opens a link is written, in the forms the article
        writes it (its word set says which): the regex alone tries its case-insensitive
        alternation at every position, and lower-casing a whole article costs as much."""
        pattern = self.lang.link_prefix_re
        if not self._link_words or not self.ordinary:  # prefixes not all ASCII, no word set
            return [match.span() for match in pattern.finditer(text)]
        found = set()
        for word in self._link_words.intersection(self.ordinary):
            pos = text.find(word)
            while pos >= 0:
                match = pattern.match(text, pos)
                if match:
                    found.add(match.span())
                pos = text.find(word, pos + 1)
        return sorted(found)

    def _unit_run(self, body: list[Tok], i: int) -> int:
        """Length of the run of English department words (``lang.role_units``, joined by
        ``lang.role_inner`` words: "Research & Investment") at ``body[i]`` that continues a
        role, 0 when there is none or it opens a body's name instead (the word after it is one
        of ``lang.unit_body_ends``: "Economic Research Institute")."""
        units = self.lang.role_units
        j = i
        while j < len(body) and is_capitalised(body[j].text) and body[j].fold in units or (
                j > i and j + 1 < len(body) and body[j].fold in self.lang.role_inner
                and body[j + 1].fold in units):
            j += 1
        while j > i and body[j - 1].fold in self.lang.role_inner:
            j -= 1
        if j == i or j < len(body) and body[j].fold in self.lang.unit_body_ends:
            return 0
        return j - i

    def plain_person_word(self, tok: Tok) -> bool:
        """A capitalised word that can only be part of a personal name here."""
        return is_capitalised(tok.text) and not tok.text[0].isdigit() and not (
            self.is_org(tok) or self.is_place(tok) or tok.fold in self.lang.role_head_words)

    def _number_in_name(self, toks: list[Tok], i: int) -> bool:
        """``toks[i]`` is a short number that numbers a unit: after an organisation word or
        an acronym, before a capitalised word that is not a date ("Pengawasan IKNB 2B OJK",
        "Komisi 2 DPR"); years are longer, amounts follow no organisation word."""
        if not 0 < i < len(toks) - 1 or len(toks[i].text) > 3 or toks[i].paren:
            return False
        before, after = toks[i - 1], toks[i + 1]
        lang = self.lang
        return (self.is_org(before) or is_acronym(before.text)) and is_capitalised(
            after.text) and not after.text[0].isdigit() and after.fold not in lang.days and (
            after.fold not in lang.months)

    def _in_lowercase_title(self, toks: list[Tok], i: int) -> bool:
        """``toks[i]`` is a lowercase word inside an English title written in lowercase: a
        capitalised or role word before it, a lowercase title head at most three lowercase
        words after it ("Chief investment officer", "Head of research and chief economist")."""
        lang = self.lang
        if not 0 < i < len(toks) - 1:
            return False
        tok, before = toks[i], toks[i - 1]
        if not (tok.text.isalpha() and tok.text.islower() and tok.fold not in lang.np_stop
                and (is_capitalised(before.text) or before.fold in lang.role_single_heads
                     or before.fold in lang.role_inner)):
            return False
        for after in toks[i + 1:i + 4]:
            if not (after.text.isalpha() and after.text.islower()) or after.fold in lang.np_stop:
                return False
            if after.fold in lang.lowercase_title_heads:
                return True
        return False

    def indefinite_lead(self, toks: list[Tok]) -> int:
        """How many indefinite words ("seorang", "salah satu": one of) open ``toks`` before a
        role ("salah satu pendiri Kurabesi Explorer"), 0 when no role follows them."""
        lead = match_phrase(toks, 0, self.lang.anonymous_heads)
        return lead if lead and match_phrase(toks, lead, self.lang.role_heads) else 0

    def late_role_head(self, body: list[Tok]) -> int:
        """Length of a role whose head word comes second or third ("Investment Director",
        "Senior Fund Manager", "Pengamat politik"), 0 when there is none."""
        lang = self.lang
        for k in range(1, min(4, len(body) - 1)):
            if body[k].fold in lang.role_single_heads and is_capitalised(body[k].text) and all(
                is_capitalised(t.text) and not self.is_org(t) and not self.is_place(t)
                for t in body[:k]
            ):
                return k + 1
        return 0

    def lowercase_role_head(self, toks: list[Tok]) -> int:
        """Length of a lowercase role written in English order, its head word last after one
        to three lowercase descriptors ("fixed income analyst", "senior economist"), 0 when
        there is none."""
        lang = self.lang
        for k in range(1, min(4, len(toks))):
            tok = toks[k - 1]
            if not (tok.text.isalpha() and tok.text.islower()) or tok.fold in lang.np_stop or (
                    tok.fold in lang.role_joiners or tok.fold in lang.role_single_heads
                    or lang.cue(tok.text) is not None):
                return 0  # "menegaskan mobilitas warga": a clause with a verb, no role
            if toks[k].fold in lang.role_single_heads and toks[k].text.islower():
                return k + 1
        return 0

    def _role_head_without_body(self, toks: list[Tok]) -> int:
        """Length of the listed role head opening ``toks``, without a last word that opens
        the body named after it: an acronym ("Gubernur BI", "Ketua DPR") or an organisation
        word followed by the rest of its name ("Kepala Badan Pangan Nasional" -> Kepala of
        Badan Pangan Nasional, "Anggota Komisi IV DPR" -> Anggota of Komisi IV DPR)."""
        heads = self.lang.role_heads
        role_len = match_phrase(toks, 0, heads)
        if role_len > 1 and (is_acronym(toks[role_len - 1].text) or (
            toks[role_len - 1].fold in self.lang.org_openers and role_len < len(toks)
            and is_capitalised(toks[role_len].text)
            and match_phrase(toks[:role_len - 1], 0, heads) == role_len - 1  # not "Wali Kota"
        )):
            role_len -= 1
        return role_len

    def role_head_length(self, toks: list[Tok]) -> int:
        """Length of the role head opening ``toks`` (a listed head or a late one), 0 if none."""
        return match_phrase(toks, 0, self.lang.role_heads) or self.late_role_head(toks)

    def is_title_phrase(self, toks: list[Tok]) -> bool:
        """A short capitalised phrase ending in the head of an English title ("Fixed Income
        Analyst", "Senior Fund Manager"): a role written alone in an apposition."""
        return 1 < len(toks) <= 4 and toks[-1].fold in self.lang.lowercase_title_heads and all(
            is_capitalised(t.text) and not self.is_org(t) and not self.is_place(t)
            for t in toks)

    def is_person_word(self, word: str) -> bool:
        """A capitalised word that can only be part of a personal name here."""
        return self.plain_person_word(Tok(word, 0, 0))

    def starts_with_role(self, toks: list[Tok]) -> bool:
        return bool(match_phrase(toks, 0, self.lang.role_heads))

    def read_role(self, toks: list[Tok]) -> tuple[str | None, str | None]:
        """Role and affiliation of an NP known to hold no name (``Pelatih Everton``)."""
        lang = self.lang
        toks = [t for t in toks if not self.is_title(t)]
        if not toks:
            return None, None
        role_len = len(toks) if self.is_title_phrase(toks) else (  # "Fixed Income Analyst"
            self._role_head_without_body(toks) or self.late_role_head(toks)
            or self.lowercase_role_head(toks))
        i = role_len
        if role_len:
            i += self._unit_run(toks, i)  # "Senior Investment Strategist"
        while i < len(toks) and not is_capitalised(toks[i].text) and toks[i].fold not in (
            lang.role_joiners
        ):
            i += 1  # lowercase descriptors: "pengamat politik"
        while i > role_len and toks[i - 1].fold in lang.role_inner:
            i -= 1  # "Direktur Treasury & Capital Market …": the "&" opens the body
        rest = toks[i:]
        if rest and rest[0].fold in lang.role_joiners:
            rest = rest[1:]
        while rest and rest[0].fold in lang.role_inner and not is_capitalised(rest[0].text):
            rest = rest[1:]  # "…, dan International Banking Bank BJB"
        role = toks[:i]
        if role and rest:
            role, rest = self._split_at_abbreviation(role, rest)
        return self._written(role), self._written(rest)

    def _split_at_abbreviation(self, role: list[Tok], rest: list[Tok]
                               ) -> tuple[list[Tok], list[Tok]]:
        """Role and body split where a parenthesised abbreviation says: an abbreviation of the
        whole role closes it, with the words before it ("Menteri Keuangan (Menkeu)", "Deputi
        Gubernur Senior (DGS)", "Direktur Jenderal Pengelolaan Pembiayaan dan Risiko (DJPPR)");
        one right after the role that abbreviates only its last words marks them as the body
        ("Kepala Induk | Patroli Jalan Raya (PJR) Tol Purbaleunyi"). An abbreviation of the
        body alone changes nothing ("Gubernur | Bank Indonesia (BI)")."""
        text = self.text or ""
        joiners = self.lang.role_inner
        for j, tok in enumerate(rest[:_ROLE_ACRONYM_REACH]):
            if not tok.paren:
                continue
            if text[tok.end:tok.end + 1] != ")":
                break
            folds = [t.fold for t in role + rest[:j]]
            if abbreviates(tok.text, folds, joiners):
                return role + rest[:j + 1], rest[j + 1:]
            if j == 0:
                for k in range(1, len(role)):
                    if abbreviates(tok.text, folds[k:], joiners):
                        return role[:k], role[k:] + rest
            break
        return role, rest

    def _role_word_continues(self, toks: list[Tok], i: int, name_from: int) -> bool:
        """A capitalised word after a role head stays in the role while a name still follows."""
        return name_from >= 0

    def read_name(self, toks: list[Tok], text: str) -> Mention | None:
        """Read a chunk known to be a name in apposition ("…, Azhar Zaki Assjari, …"): a word
        the article uses alone does not cut it."""
        hints, self.hints = self.hints, frozenset()
        try:
            return self.read(toks, text)
        finally:
            self.hints = hints

    def _name_start(self, rest: list[Tok], *, has_role: bool, role_ended: bool = False) -> int:
        """Index in ``rest`` where the personal name begins (len(rest) when there is none);
        ``role_ended``: a role word opening ``rest`` cannot continue the role before it."""
        lang = self.lang
        n = len(rest)
        if n == 0:
            return 0
        # the name is a trailing run of name words after the last organisation/place word;
        # is_name_word, is_org and is_place inlined: asked for nearly every word of every NP
        particles, months, days = lang.name_particles, lang.months, lang.days
        org_heads, places, nominal = lang.org_heads, lang.place_words, lang.nominal_re.match
        place_inner = lang.place_inner
        tail = n
        while tail > 0:
            tok = rest[tail - 1]
            fold, word = tok.fold, tok.text
            if tok.paren or fold not in particles and not (
                is_capitalised(word) and not word[0].isdigit()
                and fold not in months and fold not in days and not nominal(fold)
            ):
                break  # not a name word
            if fold in org_heads or fold in places and not (
                fold in place_inner and (tail < 2 or rest[tail - 2].fold not in places)
            ) or (2 < len(word) <= 8 and "." not in word and is_acronym(word)):
                break  # an organisation or a place (not "Putih" of "Sekar Putih Djarot")
            if tail == 1 and has_role and not role_ended and fold in lang.role_head_words:
                break
            tail -= 1
        # "Kabupaten Indramayu", "Polda Jawa Barat": the place belongs to the organisation
        if 0 < tail < n and rest[tail - 1].fold in lang.place_prefixes:
            tail += 1
            while tail < n and rest[tail].fold in lang.place_suffixes:
                tail += 1
        run = n - tail
        if run <= 0:
            return n
        # a word the article uses alone for the speaker ("kata Kharisma") starts the name, with
        # the given names written right before it ("Muhammad Ikhsan Asaad", "kata Ikhsan")
        for k in range(tail, n - 1):
            if rest[k].fold in self.hints:
                while k > tail and (rest[k - 1].fold in lang.given_names
                                    or self._opens_name(rest[k - 1].text)):
                    k -= 1
                if k == tail + 1 and run == 3 and self._closes_body(rest[tail - 1]) and (
                        self.plain_person_word(rest[tail]) and not self.is_title(rest[tail])
                        and not is_acronym(rest[tail].text)
                        and rest[tail].fold not in lang.org_name_tails
                        and not match_phrase(rest, tail, lang.connectors)
                        and not self._used_apart(rest[tail], rest[k])):
                    k = tail  # "Kabupaten Magelang Oktora Kunto Edy" for "ujar Kunto"
                return k
        if tail == 0 and not has_role:
            return 0
        # the leftmost given name starts a name that follows a body's unknown last words, but
        # three words right after an acronym, a place or a role are the name itself ("BI Dody
        # Budi Waluyo", "Bali I Wayan Koster"); a word after "PT", "Perum", "Bank" … is the
        # body's own name ("Perum Bulog Budi Waseso")
        for k in range(tail, n - 1):
            if rest[k].fold in lang.given_names:
                boundary = rest[tail - 1] if tail else None
                whole_run = run == 3 and boundary is not None and not (
                    boundary.fold in lang.org_openers and not is_acronym(boundary.text)
                    and not boundary.paren  # "(Bappenas) Nugroho Tri Utomo": the body closed
                ) and not self._used_apart(rest[tail], rest[tail + 1])
                if not whole_run:
                    while k > tail and self._opens_name(rest[k - 1].text):
                        k -= 1  # "Bareksa Ni Putu Kurniasari": the prefix opens the name
                    return k
                break
        # after a role, an organisation or a place: the boundary is unknown; names have
        # two or three words, organisation names run longer
        if tail > 0 and run == 3 and rest[tail].fold not in lang.org_name_tails and not (
                self._used_apart(rest[tail], rest[tail + 1])):
            start = tail  # "… DPR RI Ahmadi Noor Supit": a known first name after a body
        else:
            start = max(tail, tail if run <= 2 else n - 3 if run >= 4 else n - 2)
            if run >= 4 and start < n - 2 and rest[start].fold in lang.org_name_tails:
                # "Asosiasi Pengusaha Ritel Nusantara Melati Suryani": the body's last word
                # marks the boundary (the first name may well be used alone too)
                return start + 1
        # a word the article also uses without the next one ("Kota Malang", "Gunung Raung")
        # belongs to the organisation or place, not to the name
        while start < n - 1 and self._used_apart(rest[start], rest[start + 1]):
            start += 1
        return start

    def _closes_body(self, tok: Tok) -> bool:
        """A word after which a body's name does not go on: a place or a word in parentheses
        ("Kabupaten Magelang", "(Bappenas)"); an acronym may ("BPJS Watch", "DCFX Futures")."""
        return tok.paren or tok.fold in self.lang.place_words

    def _name_length(self, name: str) -> int:
        """Words of a personal name, not counting a prefix that only opens it ("I Gede Putu
        Krisna Juliharta": four)."""
        words = name.split()
        return len(words) - (len(words) > 1 and self._opens_name(words[0]))

    def _opens_name(self, word: str) -> bool:
        """A word that only opens a personal name ("I", "Ni", "Tubagus": ``lang.name_prefixes``,
        case as written) or an initial ("M", "A."), but for the Roman numerals I, V, X."""
        letter = word.rstrip(".")
        return word in self.lang.name_prefixes or (
            len(letter) == 1 and "A" <= letter <= "Z" and letter not in "IVX")

    def _used_apart(self, word: Tok, following: Tok) -> bool:
        """True when ``word`` occurs in the article more often than ``word following``."""
        if word.fold in self.cue_hints or word.fold in self.lang.given_names or not self.text:
            return False
        places = occurrences(self.text, word.text)
        together = len(occurrences(self.text, word.text + " " + following.text))
        return len(places) > together and not self._speaks_alone(word, following, places)

    def _speaks_alone(self, word: Tok, following: Tok, places: list[tuple[int, int]]) -> bool:
        """A word written alone right before a reporting verb ("Lebih lanjut, Ramdhan
        menuturkan") and never before another capitalised word than ``following`` is a
        person's first name used alone, not a body's word used apart ("Fitch Ratings",
        "Credit Suisse memperkirakan")."""
        text = self.text or ""
        if word.fold in self.lang.org_heads or is_acronym(word.text) or (
                f"({word.text})" in text):
            return False  # a body's word; "Pefindo", "(Pefindo)": a body's short name
        speaks = False
        for start, end in places:
            after = _NEXT_WORD.match(text, end)
            if after is None:
                continue
            next_word = after.group(1)
            if is_capitalised(next_word) and next_word != following.text:
                return False  # "Fitch Ratings": the word opens a body's name
            if speaks:
                continue
            form = self.lang.cue(next_word)
            if form is not None and form.slot == "active":
                before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
                speaks = not (before and before.group(1)[0].isalpha()
                              and is_capitalised(before.group(1)))
        return speaks

    def person_before(self, text: str, end: int, alias: str) -> str | None:
        """The full name (two to four words) of the person an NP ending at ``end`` introduces
        with a role, whom ``alias`` in parentheses after it names ("Presiden Joko Widodo
        (Jokowi)"); None for anything else, such as a body whose last words were read as a
        name ("Lembaga Penjamin Simpanan (LPS)", "Organisasi Angkutan Darat (Organda)")."""
        toks = tokens(text, max(0, end - 120), end)
        sub = self.subject_before(toks)
        if not sub or sub[-1].end < end - 1:
            return None
        mention = self.read(sub, text)
        if mention is None or mention.kind != "person" or not mention.name or not (
                mention.role) or not 2 <= len(mention.name.split()) <= 4:
            return None
        size = len(mention.name.split())
        if not all(self.plain_person_word(t) for t in sub[-size:]):
            return None
        folds = [t.fold for t in sub]
        if any(abbreviates(alias, folds[-(size + k):], self.lang.role_inner)
               for k in range(1, min(4, len(sub) - size) + 1)):
            return None  # the alias abbreviates words before the name too: a body's
        return mention.name

    def fullest_form(self, text: str, name: str) -> str | None:
        """The longest form of a short name found in the text ("Anssi" -> "Anssi Mikola",
        "Carpenter" -> "Michael Carpenter").

        Extends over neighbouring name words, never over a title, role, organisation, place,
        day or month word, and never across punctuation. A word that is ever followed by
        another name word is a first name and is only extended to the right.
        """
        words = name.split()
        if not words or len(words) > 2:
            return None
        # Each occurrence's form is read first and the (costlier) headline and link tests run
        # only for a form longer than the best so far: the result is the same first longest
        # form, without testing occurrences that cannot change it.
        best: list[str] = []
        for start, end in occurrences(text, name):
            right: list[str] = []
            after = _RIGHT_CAPS.match(text, end)
            following = after.group().split() if after else []
            for i, word in enumerate(following):
                initial = len(word.rstrip(".")) == 1 and i + 1 < len(following) and (
                    self._extends_name(following[i + 1]))  # "Scenaider H Siahaan"
                if not (initial or self._extends_name(word)):
                    break
                right.append(word)
            shortest_useful = max(len(words), len(best)) + 1
            if len(words) + len(right) + (len(words) == 1) < shortest_useful:
                continue  # even a word on the left would not make it longer
            left = self._left_name_word(text, start, words) if len(words) == 1 else []
            form = left + words + right
            if len(form) < shortest_useful:
                continue
            if self._headline(text, start, end):
                continue  # a headline in title case, not a name
            line_start = text.rfind("\n", 0, start) + 1
            if self.link_end(text, max(line_start, start - 80), start) is not None:
                continue  # "Simak juga Video: Tekad Prabowo …": a link to another article
            best = form
        return " ".join(best) if best else None

    def _left_name_word(self, text: str, start: int, words: list[str]) -> list[str]:
        """The name word written right before a one-word name at ``start`` (or none)."""
        before = _LEFT_CAPS.search(text, max(0, start - 80), start)
        left: list[str] = []
        following = words[0]
        tails = self.lang.org_name_tails
        for word in reversed(before.group().split() if before else []):
            if not self._extends_name(word) or word.casefold() in tails or self._used_apart(
                    Tok(word, 0, 0), Tok(following, 0, 0)):
                # "Kota Malang Sutiaji": Malang also stands without Sutiaji; "Bank Mandiri
                # Andry": a body's last word
                break
            left.insert(0, word)
            following = word
        if len(left) > 1 and before and self._at_sentence_start(
            text, start - len(" ".join(left)) - 1
        ):
            left = left[1:]
        left = left[-1:]
        if left:
            # only where the capitalised run starts: "Universitas Katolik Parahyangan Asep"
            # or "Sekretaris Jenderal Kiara Susan" leave the boundary unknown
            left_start = start - len(left[0]) - 1
            previous = _PREVIOUS_WORD.search(text, max(0, left_start - 40), left_start)
            prev = Tok(previous.group(1), 0, 0) if previous else None
            if prev and prev.text[:1].isupper() and self._extends_name(prev.text) and not (
                self._used_apart(prev, Tok(left[0], 0, 0))
            ):
                left = []
        return left

    def _extends_name(self, word: str) -> bool:
        """Whether ``word`` can continue a name (memoised while the article's evidence, the
        hints and the ordinary words, stays the same objects)."""
        if self._extends_hints is not self.hints or self._extends_ordinary is not self.ordinary:
            self._extends_hints, self._extends_ordinary = self.hints, self.ordinary
            self._extends_memo = {}
        found = self._extends_memo.get(word)
        if found is None:
            found = self._extends_memo[word] = self._word_extends_name(word)
        return found

    def _word_extends_name(self, word: str) -> bool:
        tok = Tok(word, 0, 0)
        fold = tok.fold
        lang = self.lang
        return not (
            self.is_title(tok) or self.is_org(tok) or self.is_place(tok)
            or fold in lang.role_head_words or fold in lang.days or fold in lang.months
            or fold in lang.cue_forms or fold in lang.pronouns or fold in lang.np_stop
            or fold in lang.according_to or match_phrase([tok], 0, lang.connectors) > 0
            or self.is_ordinary(tok)
        )

    def _headline(self, text: str, start: int, end: int) -> bool:
        """More than five name-like capitalised words in a row: a title-case headline."""
        before = _HEAD_LEFT.search(text, max(0, start - 120), start)
        after = _HEAD_RIGHT.match(text, end)
        count = len(text[start:end].split())
        for word in reversed(before.group().split() if before else []):
            if not self._extends_name(word):
                break
            count += 1
        for word in after.group().split() if after else []:
            if not self._extends_name(word):
                break
            count += 1
        return count > 5

    @staticmethod
    def _at_sentence_start(text: str, pos: int) -> bool:
        before = text[max(0, pos - 3):pos].rstrip()
        return not before or before[-1] in ".!?\n\"”"

    def _role_across_commas(self, text: str, floor: int, chunk_start: int,
                            name: str) -> tuple[str | None, str | None] | None:
        """A role whose own words contain commas, read back over up to three chunks."""
        dash = _DASH.search(text, floor, chunk_start)
        while dash:  # never back into a dateline ("REPUBLIKA.CO.ID, JAKARTA -- Menteri …")
            floor = dash.end()
            dash = _DASH.search(text, floor, chunk_start)
        begin = chunk_start
        for _ in range(3):
            prev = text.rfind(",", floor, begin - 1)
            begin = prev + 1 if prev >= 0 else floor
            toks = tokens(text, begin, chunk_start)
            if not toks:
                return None
            sub = self.subject_before(toks)
            if sub and (match_phrase(sub, 0, self.lang.role_heads)
                        or self.late_role_head(sub)):
                role, affiliation = self.read_role(sub)
                at = text.find(name, chunk_start)  # -1 when written otherwise ("M.Wahid")
                rest = text[chunk_start:at].strip(" ,") if at >= 0 else ""
                if all(self.is_title(tok) for tok in tokens(text, chunk_start, max(at, 0))):
                    rest = ""  # "…, Dr dr Tri Edhi": titles before the name, not a body
                first, _, after = rest.partition(" ")
                if affiliation is None and first in self.lang.role_inner:
                    rest = after  # "Direktur Information Technology, Treasury, dan …"
                return role, ", ".join(p for p in (affiliation, rest) if p) or None
            if begin == floor:
                return None
        return None

    def name_after(self, text: str, role_text: str) -> str | None:
        """The name written right after ``role_text`` somewhere in the text."""
        for _start, end in occurrences(text, role_text):
            after = _RIGHT_CAPS.match(text, end)
            words = []
            for word in after.group().split() if after else []:
                if not self._extends_name(word):
                    break
                words.append(word)
            if words:
                return " ".join(words)
        return None

    def last_name_before(self, text: str, position: int) -> str | None:
        """The last run of two to four name words before ``position`` (within 1,500 chars)."""
        window_start = max(0, position - 1500)
        best: str | None = None
        for match in _NAME_RUN.finditer(text, window_start, position):
            after = _NAME_RUN.match(text, match.end() + 2) if text.startswith(
                ", ", match.end()) else None
            if after and after.group().split()[0].casefold() in self.lang.place_words:
                continue  # "… Tenggarong, Kutai Kartanegara, Kalimantan Timur": an address
            run = match.group().split()
            words = run[:]
            while words and not self._plain_name_word(words[0]):
                words.pop(0)
            while words and not self._plain_name_word(words[-1]):
                words.pop()
            if 2 <= len(words) <= 4 and all(self._plain_name_word(w) for w in words):
                best = " ".join(words)
            elif run[-2].casefold() in self.lang.region_words and self._plain_name_word(run[-1]):
                best = run[-1]  # "Bawaslu Indramayu Nurhadi": a one-word name after a region
        return best

    def _plain_name_word(self, word: str) -> bool:
        tok = Tok(word, 0, 0)
        return self._extends_name(word) and not is_acronym(word) and tok.fold not in (
            self.lang.anaphor_markers
        )

    def introduction(self, text: str, name: str) -> tuple[str | None, str | None]:
        """Role and affiliation stated where ``name`` appears with them (``Pelatih PSS Sleman
        Seto Nurdiantoro``, ``Direktur Utama BTN, Nixon``, ``Seto, pelatih PSS Sleman,``)."""
        name_words = name.split()
        if not name_words:
            return None, None
        for name_start, name_end in occurrences(text, name):
            line_start = text.rfind("\n", 0, name_start) + 1
            link_end = self.link_end(text, max(line_start, name_start - 150), name_start)
            if link_end is not None and not _LOWER_WORD.search(text, link_end, name_start):
                continue  # "Baca juga: …": a headline of another article (in title case)
            floor = max(0, name_start - 250)
            cut = max(text.rfind(".", floor, name_start - 1), text.rfind("\n", floor,
                                                                         name_start))
            start = _after_last_dash(text, cut + 1 if cut >= 0 else floor, name_start)
            stripped = text[start:name_start].rstrip()
            last_word = stripped[stripped.rfind(" ") + 1:]
            if last_word.casefold() in self.lang.naming_markers and stripped[
                    :-len(last_word)].rstrip().endswith(","):
                stripped = stripped[:-len(last_word)].rstrip()  # "anggota KPU lain, yakni NAME"
            end = start + len(stripped)
            if stripped.endswith(","):  # ROLE, NAME
                chunk_start = max(text.rfind(",", start, end - 1) + 1, start)
                whole = tokens(text, chunk_start, end - 1)
                chunk = self.subject_before(whole)
                if chunk and (match_phrase(chunk, 0, self.lang.role_heads)
                              or self.late_role_head(chunk)):
                    return self.read_role(chunk)
                for k in range(min(4, len(whole))):  # "Ketua PMO bank syariah BUMN, Hery"
                    if whole[k].fold in self.lang.role_single_heads and is_capitalised(
                            whole[k].text):
                        return self.read_role(whole[k:])
                lead = self.indefinite_lead(whole)  # "Salah satu pendiri …, Rani"
                if match_phrase(whole, lead, self.lang.role_heads):
                    return self.read_role(whole[lead:])  # "pemerhati sosial dari …, Devie"
                heads = self.lang.role_head_words
                if whole and whole[0].fold in self.lang.role_inner or 0 < len(whole) <= 3 and all(
                        is_capitalised(t.text) and t.fold not in heads for t in whole):
                    # "Pengamat … dari Universitas Pancasakti, Tegal, Hamidah": a place
                    # between the role and the name; "Kepala Dinas Kepemudaan, Olahraga,
                    # dan Pariwisata …, Muhamad Masrofi": the body's own commas
                    found = self._role_across_commas(text, start, chunk_start, name)
                    if found:
                        return found
            else:
                chunk_start = max(text.rfind(",", start, end) + 1, start)
                sub = self.subject_before(tokens(text, chunk_start, end)
                                          + tokens(text, name_start, name_end))
                if len(sub) > len(name_words):
                    mention = self.read(sub, text)
                    fuller = mention is not None and mention.kind == "person" and (
                        mention.name is not None) and mention.name.endswith(" " + name) and (
                        self._name_length(mention.name) <= 4)
                    if fuller and mention is not None and mention.name:
                        self.fuller_names.setdefault(name, mention.name)  # "Erni Sylviane Purba"
                    if mention and mention.kind == "person" and mention.name and (
                        mention.name == name or mention.name.endswith(" " + name)
                    ) and (mention.role or mention.affiliation) and (
                        mention.role or chunk_start == start
                    ):
                        return mention.role, mention.affiliation
                    if fuller and mention is not None and mention.name and not (
                            mention.role or mention.affiliation):
                        # "Duta Besar Pakistan, Zahid Hafeez Chaundhri" for "Chaundhri": the
                        # chunk is the whole name, so the role before its comma is that name's
                        # (read across the comma, its words would join the affiliation)
                        role, affiliation = self.introduction(text, mention.name)
                        if role:
                            return role, affiliation
                        if chunk_start > start:
                            found = self._role_across_commas(text, start, chunk_start,
                                                             mention.name)
                            if found:
                                return found
                    elif chunk_start > start and not (mention and mention.role):
                        # "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD"
                        found = self._role_across_commas(text, start, chunk_start, name)
                        if found:
                            return found
                    if mention and mention.kind == "person" and mention.affiliation and (
                        mention.name == name
                    ):
                        return mention.role, mention.affiliation
                    if mention and mention.kind == "person" and mention.name and name.endswith(
                            " " + mention.name) and chunk_start == start:
                        # a short-name hint ("kata Dasco") cut the name read here ("Wakil
                        # Ketua Umum Partai Gerindra Sufmi Dasco Ahmad"): the words it cut off
                        # ended the role or affiliation, which are the whole name's
                        cut_off = name[:-len(mention.name)].split()
                        role, affiliation = mention.role, mention.affiliation
                        if affiliation and affiliation.split()[-len(cut_off):] == cut_off:
                            affiliation = " ".join(affiliation.split()[:-len(cut_off)]) or None
                        elif role and not affiliation and role.split()[-len(cut_off):] == cut_off:
                            role = " ".join(role.split()[:-len(cut_off)]) or None
                        else:
                            role = None
                        if role:
                            return role, affiliation
            marker = self.lang.role_apposition_re.match(text, name_end, name_end + 40)
            after = _AFTER_COMMA.match(text, name_end, name_end + 130) if marker is None else (
                _ROLE_CHUNK.match(text, marker.end(), marker.end() + 130))
            if after:  # NAME, ROLE / NAME selaku ROLE
                chunk = tokens(text, after.start(1), after.end(1))
                np = self.cut_after_cue(chunk)
                if np and (match_phrase(np, 0, self.lang.role_heads)
                           or self.late_role_head(np)):
                    return self.read_role(np)
        return self._role_by_verb(text, name_words)

    def _role_by_verb(self, text: str, name_words: list[str]) -> tuple[str | None, str | None]:
        """A role the person takes with a verb later in a sentence about them ("Prabowo
        mengaku kaget … setelah dia menjabat Presiden"): nobody else is named in between, and
        a past or future role ("pernah menjabat", "akan dilantik sebagai") does not count."""
        lang = self.lang
        if not lang.role_verbs:
            return None, None
        own = {w.casefold() for w in name_words}
        for word in dict.fromkeys((name_words[0], name_words[-1])):
            for _start, end in occurrences(text, word):
                stop = _SENTENCE_END.search(text, end)
                limit = stop.start() if stop else len(text)
                verb = lang.role_verb_re.search(text, end, limit)
                if verb is None:
                    continue
                between = tokens(text, end, verb.start())
                if any(is_capitalised(t.text) and t.fold not in own for t in between):
                    continue  # "Prabowo memuji Budi yang menjabat …": someone else's role
                if any(tuple(t.fold for t in between[-k:]) in lang.role_not_current
                       for k in (1, 2, 3)):
                    continue  # "pernah menjabat", "akan dilantik sebagai": not a current role
                np = self.cut_after_cue(tokens(text, verb.end(), limit))
                if np and match_phrase(np, 0, lang.role_heads):
                    return self.read_role(np)
        return None, None


def _after_last_dash(text: str, start: int, end: int) -> int:
    """Where the words before a name begin after a dash between ``start`` and ``end``: a noun
    phrase never runs across one ("INDRAMAYU –Jurnalis senior Jujun", "JAKARTA -- Menteri")."""
    found = start
    dash = _LOOSE_DASH.search(text, start, end)
    while dash:
        found = dash.end()
        dash = _LOOSE_DASH.search(text, found, end)
    return found


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Offsets of ``name`` as whole words in ``text`` (memoised for the last text: the
    registry, introductions and name boundaries look up the same names; do not mutate)."""
    if _OCCURRENCES.text is not text:
        _OCCURRENCES.text = text
        _OCCURRENCES.found = {}
    found = _OCCURRENCES.found.get(name)
    if found is None:
        found = _OCCURRENCES.found[name] = _find_occurrences(text, name)
    return found


after_last_dash = _after_last_dash


class _OccurrenceCache:
    __slots__ = ("found", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[str, list[tuple[int, int]]] = {}


_OCCURRENCES: Final = _OccurrenceCache()


def _find_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    found = []
    pos = text.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and (
            end >= len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            found.append((pos, end))
        pos = text.find(name, end)
    return found


@lru_cache(maxsize=8)
def _alias_phrases(markers: tuple[tuple[str, ...], ...]) -> list[tuple[str, str]]:
    """Each alias marker as a phrase, with the shortest marker it contains (at least itself):
    where that one is absent, so is the phrase."""
    phrases = [" ".join(marker) for marker in markers]
    return [(phrase, min((other for other in phrases if other in phrase), key=len))
            for phrase in phrases]


def alias_pairs(nps: NounPhrases, text: str) -> dict[tuple[str, ...], str]:
    """Nicknames introduced in the text ("Muhammad Rais atau akrab disapa Rais Simson",
    "Ajul, sapaan Arief"): folded alias words -> the full name they stand for."""
    found: dict[tuple[str, ...], str] = {}
    folded = text.lower() if text.isascii() else text.casefold()  # the same on ASCII, faster
    present: dict[str, bool] = {}
    for phrase, core in _alias_phrases(nps.lang.alias_markers):
        if core not in present:
            present[core] = core in folded
        if not present[core]:
            continue  # "akrab disapa" where the text has no "disapa": one search for several
        for start, end in _find_occurrences(folded, phrase):
            after = _RIGHT_CAPS.match(text, end)
            alias = [w for w in (after.group().split() if after else [])][:3]
            before = _NAME_BEFORE.search(text, max(0, start - 80), start)
            if before and before.group(1)[-1:] in "'’\"”":
                continue  # "'Nona Ambon Pica Pica' alias Dewi Perssik": a nickname in quotes
            full = before.group(1).split() if before else []
            while full and not nps._extends_name(full[0]):
                full.pop(0)
            if alias and full and alias != full:
                found[tuple(w.casefold() for w in alias)] = " ".join(full)
    return found


def nickname_of(nps: NounPhrases, text: str, alias: str) -> str | None:
    """The person a one-word short name stands for when the article puts it in parentheses
    right after their full name ("Presiden Joko Widodo (Jokowi)", "… Agus Harimurti Yudhoyono
    (AHY)"); one string search first, the NP read only where it is written so."""
    at = text.find(f"({alias})")
    if at < 0 or not _ACRONYM.match(text, at):
        return None
    person = nps.person_before(text, at, alias)
    if person and alias.casefold() not in person.casefold().split():
        return person
    return None


def parenthesised_acronyms(text: str) -> list[str]:
    """Every "(IBPA)" of the article: the only acronyms :func:`acronym_definitions` can
    define."""
    return _ACRONYM.findall(text)


def acronym_definitions(nps: NounPhrases, text: str) -> dict[str, str]:
    """Acronyms the article defines: "Indonesia Bond Pricing Agency (IBPA)" -> IBPA.

    Only the stretch before each parenthesised acronym is read (a literal "(" search first).
    """
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym in found:
            continue
        before = nps.definition_re.search(text, max(0, match.start() - 120), match.start())
        if before is None:
            continue
        long_words = before.group(1).split()
        # the long form is the longest run of the last words that the acronym abbreviates
        # ("… Kementerian Keuangan (Kemenkeu)"); failing that, it starts at the word that
        # gives the acronym its first letter
        folds = [word.casefold() for word in long_words]
        joiners = nps.lang.role_inner
        whole = next((k for k in range(len(folds) - 1) if folds[k] not in joiners
                      and abbreviates(acronym, folds[k:], joiners)), None)
        if whole is not None:
            found[acronym] = " ".join(long_words[whole:])
            continue
        for k, word in enumerate(long_words):
            if word[:1].upper() == acronym[:1].upper() and len(long_words) - k >= 2:
                # a syllable acronym takes letters from inside words ("Bawaslu", "Gaikindo");
                # one that is no abbreviation at all does not ("PT Garuda Indonesia (Persero)")
                if acronym.isupper() or _letters_in_order(acronym, folds[k:]):
                    found[acronym] = " ".join(long_words[k:])
                break
        else:  # a translated name keeps the original acronym: "Kantor Anggaran Kongres (CBO)"
            if long_words[0].casefold() in nps.lang.org_heads and len(long_words) <= 5:
                found[acronym] = " ".join(long_words)
    return found
