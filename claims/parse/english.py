"""English attribution: the grammar of English reporting clauses, as a hook of the shared pipeline.

English puts the speaker on either side of the verb after a quote (``"…," said X`` and
``"…," X said``), leads quotes in with a colon (``X said: "…"``), names people in full once and
then by courtesy title and surname (``Mr Eddington``), stacks roles before names (``BA's chief
executive Rod Eddington``) or after them in appositions, and quotes words and phrases inside
the reporter's sentence (partial quotes). The words come from ``lang/en.toml``; this module
holds only the grammar. Spans, continuations and discourse resolution stay shared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from claims.parse.attribution import Attribution, Attributor, _mid_sentence, _word_count
from claims.parse.language import Language
from claims.parse.lexicon import load_lexicon
from claims.parse.names import Mention, NounPhrases, Tok, is_acronym, tokens
from claims.parse.quotes import Span

_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_MARKS: Final = "\"'“”‘’«»"  # skipped when looking back for the end of a sentence
_BODY_TAIL: Final = re.compile(r"(?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")
_LOWER_WORD: Final = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_POSSESSIVE: Final = re.compile(r"^(.+?)(?:'s|’s|'|’)$")
_MAX_NP_TOKENS: Final = 14
_MAX_SUBJECT_GAP: Final = 6  # words of object/adjunct between a lead-in verb and its colon
_MIN_CONTINUATION_WORDS: Final = 4
_CLAUSE_END: Final = frozenset(",?!…-—–")
# words of a description opening a sentence ("A report on the experiment")
_MAX_DESCRIPTION: Final = 8


def _phrase_set(words: list[str]) -> tuple[tuple[str, ...], ...]:
    phrases = {tuple(w.casefold().split()) for w in words if w.strip()}
    return tuple(sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class EnglishWords:
    """The English-only word classes of ``en.toml`` ``[english]``, case-folded."""

    participles: frozenset[str]
    fillers: frozenset[str]
    statement_heads: frozenset[str]
    org_descriptors: frozenset[str]
    np_end: frozenset[str]
    anaphoric_heads: frozenset[str]
    determiners: frozenset[str]
    openers: frozenset[str]
    dashes: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    not_before_names: frozenset[str]
    clause_starters: frozenset[str]
    copulas: frozenset[str]
    quote_only_verbs: frozenset[str]
    naming_words: frozenset[str]
    given_gender: dict[str, str]
    work_nouns: frozenset[str]
    non_speakers: frozenset[str]
    articles: frozenset[str]
    relatives: frozenset[str]
    description_openers: frozenset[str]
    field_joiners: frozenset[str]
    body_joiners: frozenset[str]
    descriptor_suffixes: tuple[str, ...]
    location_markers: frozenset[str]
    name_joiners: frozenset[str]
    role_time_adverbs: frozenset[str]
    address_words: frozenset[str]
    time_words: frozenset[str]
    introductory_endings: tuple[str, ...]
    lone_speakers: frozenset[str]

    @classmethod
    def load(cls, code: str) -> EnglishWords:
        data = load_lexicon(code)
        eng = data.get("english", {})

        def fold(key: str) -> frozenset[str]:
            return frozenset(w.casefold() for w in eng.get(key, []))

        return cls(
            participles=fold("participles"), fillers=fold("verb_fillers"),
            statement_heads=fold("statement_heads"), org_descriptors=fold("org_descriptors"),
            np_end=fold("np_end"), anaphoric_heads=fold("anaphoric_heads"),
            determiners=fold("anonymous_determiners"), openers=fold("openers"),
            dashes=frozenset(eng.get("header_dashes", [])),
            according=_phrase_set(data["cue_words"]["according_to"]),
            female_titles=fold("female_titles"), male_titles=fold("male_titles"),
            not_before_names=fold("not_before_names"), clause_starters=fold("clause_starters"),
            copulas=fold("copulas"), quote_only_verbs=fold("quote_only_verbs"),
            naming_words=fold("naming_words"), non_speakers=fold("non_speakers"),
            work_nouns=fold("work_nouns"), articles=fold("articles"),
            relatives=fold("relatives"), description_openers=fold("description_openers"),
            field_joiners=fold("field_joiners"), body_joiners=fold("body_joiners"),
            descriptor_suffixes=tuple(sorted(fold("descriptor_suffixes"))),
            location_markers=fold("location_markers"), name_joiners=fold("name_joiners"),
            role_time_adverbs=fold("role_time_adverbs"), address_words=fold("address_words"),
            time_words=fold("time_words"),
            introductory_endings=tuple(sorted(fold("introductory_endings"))),
            lone_speakers=fold("lone_speakers"),
            given_gender={**{n: "m" for n in fold("male_given")},
                          **{n: "f" for n in fold("female_given")}},
        )


@dataclass(slots=True)
class Person:
    """Someone the article names in full, with the role it gives them where it first does."""

    name: str
    folded: tuple[str, ...]
    start: int
    role: str | None = None
    affiliation: str | None = None


class EnglishAttributor(Attributor):
    """Cues and speaker noun phrases around quotation spans in English news."""

    def __init__(self, lang: Language) -> None:
        super().__init__(lang)
        self.en = EnglishWords.load(lang.code)
        self.people: list[Person] = []
        self.text = ""
        self._connectors = frozenset(p[0] for p in lang.connectors if len(p) == 1)
        self.nps = _EnglishNames(lang, self)
        self.ordinary: frozenset[str] = frozenset()
        self.occurrences: list[tuple[int, Person]] = []
        self.gender: dict[str, str] = {}
        self.anonymous: list[Mention] = []
        self.trusted: set[str] = set()
        self.all_occurrences: list[tuple[int, Person]] = []
        self.speaking_at: set[int] = set()
        self.function_words = frozenset(
            w.casefold() for w in load_lexicon(lang.code).get("detect", {}).get(
                "function_words", []))
        self.reported: list[Mention] = []
        self.all_tokens: list[Tok] = []
        self._starts: list[int] = []
        self._salient_at = -1
        pronouns = load_lexicon(lang.code).get("english", {}).get("gendered_pronouns", {})
        self._pronoun_gender: dict[str, str] = {
            w.casefold(): g for g, words in pronouns.items() for w in words}
        verbs = sorted({w for w, f in lang.cue_forms.items()}, key=len, reverse=True)
        parts = sorted(self.en.participles, key=len, reverse=True)
        # lower case only: a capitalised "States" or "Warns" is part of a name or headline
        # ("the United States"), not a reporting verb
        self._verb_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(v) for v in verbs + parts) + r")(?![\w-])"
        )
        according = "|".join(r"\s+".join(re.escape(w) for w in p) for p in self.en.according)
        self._according_re = re.compile(rf"(?i)(?<![\w-])(?:{according})(?![\w-])")

    # -- word classes -----------------------------------------------------------------------
    def _is_title(self, tok: Tok) -> bool:
        return tok.fold in self.lang.titles or tok.fold.rstrip(".") in self.lang.titles

    def _is_role_word(self, tok: Tok) -> bool:
        """A word of a role head ("spokesman", "chief"), never a function word of a
        multi-word head ("chancellor of the exchequer")."""
        return tok.fold in self.lang.role_head_words and tok.fold not in self.function_words

    def _is_org_word(self, tok: Tok) -> bool:
        return tok.fold in self.lang.org_heads or (is_acronym(tok.text) and len(tok.text) <= 6)

    def _is_verb(self, tok: Tok) -> bool:
        return tok.fold in self.lang.cue_forms or tok.fold in self.en.participles

    def _is_capital(self, tok: Tok) -> bool:
        return tok.text[:1].isupper() or tok.text[:1].isdigit() and len(tok.text) > 1 and (
            any(c.isalpha() for c in tok.text))

    def _name_like(self, tok: Tok) -> bool:
        """A word that can be part of a personal name."""
        text = tok.text
        if not text[:1].isupper():
            return text in self.lang.name_particles  # particles are lower case: "de", "van"
        fold = text.casefold()
        return not (
            fold in self.lang.titles or fold.rstrip(".") in self.lang.titles
            or fold in self.lang.months or fold in self.lang.days
            or fold in self.en.openers or fold in self._connectors
            or text[-2:] in ("'s", "’s")
        )

    # -- the article's people -----------------------------------------------------------------
    def _index_people(self, text: str) -> list[Person]:
        """Full names (two or more name words) with the role around their first mention."""
        toks = self.all_tokens
        people: dict[tuple[str, ...], Person] = {}
        i = 0
        count = len(toks)
        while i < count:
            if not toks[i].text[:1].isupper():  # most words: no name starts here
                i += 1
                continue
            j = i
            while j < len(toks) and (self._name_like(toks[j]) or j > i and toks[j].fold in (
                self.lang.months) and toks[j - 1].fold in self.en.given_gender  # Theresa May
                and toks[j].text[:1].isupper()) and (
                j == i or _adjacent(text, toks[j - 1], toks[j])
            ) and not self._is_role_word(toks[j]) and not self._is_org_word(toks[j]):
                j += 1
            run = toks[i:j]
            if run and i > 0 and _adjacent(text, toks[i - 1], toks[i]) and (
                toks[i - 1].fold in self.en.not_before_names
            ):
                run = []  # "in Conwy Valley", "the Rolling Stones": places and bands
            if j < len(toks) and j > i and _adjacent(text, toks[j - 1], toks[j]) and (
                toks[j].text[:1].isupper() and self._is_org_word(toks[j])
            ):
                run = []  # "Marine Conservation Trust": part of a body's name
            while run and (run[0].fold in self.lang.name_particles or run[0].fold in
                           self.ordinary or run[0].fold.endswith(self.en.descriptor_suffixes)):
                run = run[1:]  # "Toronto-based Stella Alexandrova": a description
            while run and run[-1].fold in self.ordinary:
                run = run[:-1]
            while run and run[-1].fold in self.lang.name_particles:
                run = run[:-1]
            if len(run) >= 2 and len(run) <= 4 and not any(
                t.fold in self.lang.place_words for t in run
            ):
                key = tuple(t.fold.rstrip("'’") for t in run)  # "Robbie Williams' album"
                if key not in people:
                    name = " ".join(t.text for t in run).rstrip("'’")
                    role, aff = self._role_around(text, toks, i, j)
                    people[key] = Person(name, key, run[0].start, role, aff)
                elif people[key].role is None:
                    people[key].role, people[key].affiliation = self._role_around(
                        text, toks, i, j)
            i = max(j, i + 1)
        return list(people.values())

    def _role_around(self, text: str, toks: list[Tok], i: int, j: int) -> tuple[
            str | None, str | None]:
        """Role and affiliation before a name (premodifiers) or after it (apposition)."""
        role, aff = self._premods(toks[self._premod_start(text, toks, i):i])
        if role or aff:
            return role, aff
        if i > 0 and text[toks[i - 1].end:toks[i].start].strip() == ",":
            # "Avonmouth reuse shop volunteer, Barbara Bloomfield," and
            # "Ukraine's ambassador in London, Vadym Prystaiko,"
            m = i - 1
            while m > 0 and i - 1 - m < 3 and not self._is_role_word(toks[m]) and (
                toks[m].text[:1].isupper() or toks[m].fold in self.lang.role_joiners
                or toks[m].fold in self.lang.role_inner
            ) and _adjacent(text, toks[m - 1], toks[m]):
                m -= 1
            if self._is_role_word(toks[m]):
                role, aff = self._premods(toks[self._premod_start(text, toks, m,
                                                                  seen_role=True):m + 1])
                extra = " ".join(t.text for t in toks[m + 1:i])
                if role:
                    return (f"{role} {extra}" if extra else role), aff
        if j + 1 < len(toks) and toks[j].fold in self.en.copulas and _adjacent(
            text, toks[j - 1], toks[j]
        ):  # "Chloe Collins is a retail analyst at GlobalData"
            end = j + 1
            while end < len(toks) and end - j < 14 and _adjacent(text, toks[end - 1], toks[end]):
                end += 1
            chunk = toks[j + 1:end]
            if chunk and chunk[0].fold in ("a", "an", "the"):
                np = self._apposition_np(chunk)
                if np:
                    return self._role_phrase(text, np, described=True)
        return self._apposition(text, toks, j)

    def _premod_start(self, text: str, toks: list[Tok], i: int, *,
                      seen_role: bool = False) -> int:
        """Where the words before a name that describe it begin (``Lib Dem home affairs
        spokesman``, ``Ukraine's President``): capitals, role words, and lowercase words
        that modify a role word to their right; never a function word or a verb."""
        k = i
        modifiers = 0
        while k > 0 and i - k < 8 and _adjacent(text, toks[k - 1], toks[k]):
            tok = toks[k - 1]
            fold = tok.fold
            if fold[-1:] == "." and fold[:-1].isdigit():
                break  # "died aged 86. Foreign Minister X": a sentence ends after the number
            if self._is_title(tok) or self._is_role_word(tok):
                seen_role = seen_role or self._is_role_word(tok)
            elif fold in self.function_words or fold in self.en.np_end or (
                fold in self._connectors or self._is_verb(tok) or fold in self.en.fillers
            ):
                break
            elif not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
                if not seen_role or modifiers >= 3 or not fold.replace("-", "").isalpha():
                    break
                right = toks[k]
                if right.text[:1].isupper() and not self._is_role_word(right) and (
                        fold not in self.lang.role_modifiers):
                    break  # "signed Danish midfielder": a verb before a name, no modifier
                modifiers += 1
            k -= 1
        return k

    def _premods(self, pre: list[Tok], *, described: bool = False, named: bool = False
                 ) -> tuple[str | None, str | None]:
        """``Ukraine's President`` / ``Lib Dem home affairs spokesman`` -> (role, affiliation).

        Before a name a title is no role ("Professor Jane Smith"), but an acronym that is a
        role word is (``named``: "Labour MP John Smith"); in a description (``described``:
        "Jane Smith, a professor at X") a title that is a role word is."""
        pre = [t for t in pre if not self._is_title(t) or (
            described or named and is_acronym(t.text)) and self._is_role_word(t)]
        lead = 0  # "(On) Friday afternoon Chancellor …", "last week President …": the time
        while lead < len(pre) - 1 and (pre[lead].fold in self.en.time_words and pre[
                lead].text.islower() or pre[lead].fold in self.lang.days and (
                pre[lead + 1].fold in self.en.time_words or self._is_role_word(pre[lead + 1]))):
            lead += 1
        pre = pre[lead:]
        head = max((k for k, t in enumerate(pre) if self._is_role_word(t)), default=-1)
        if head < 0:
            capitalised = [t for t in pre if t.text[:1].isupper()]
            if pre and capitalised and _POSSESSIVE.match(pre[-1].text) and len(
                    capitalised) == len(pre):
                return None, _strip_possessive(" ".join(t.text for t in pre))
            return None, None
        pre = pre[: head + 1]
        start = 0
        for k, tok in enumerate(pre):
            if _POSSESSIVE.match(tok.text) and tok.text[-2:] in ("'s", "’s") and k < head:
                start = k + 1
        owner = _strip_possessive(" ".join(t.text for t in pre[:start])) if start else None
        body = pre[start:]
        # the first lowercase word, a joiner inside a body's name aside ("Bank of England")
        lower = next((k for k, t in enumerate(body) if not t.text[:1].isupper() and not (
            t.fold in self.lang.role_inner and 0 < k < len(body) - 1
            and body[k - 1].text[:1].isupper() and body[k + 1].text[:1].isupper())), None)
        split = 0
        if lower is not None:
            split = lower
            # "Chief executive Jim Skinner", "Former cabinet minister …": role words and
            # modifiers alone before the lowercase role open it (capitalised as the sentence's
            # first words); they are no body, as "Green Party" in "Green Party leader" is
            if all(self._is_role_word(tok) or tok.fold in self.lang.role_modifiers
                   for tok in body[:split]):
                split = 0
        else:
            split = next(k for k, t in enumerate(body) if self._is_role_word(t))
            while split > 0 and body[split - 1].fold in self.lang.role_modifiers:
                split -= 1  # "CBP | Acting Commissioner": a modifier opens the role
        aff_toks, role_toks = body[:split], body[split:]
        while aff_toks and aff_toks[-1].fold in self.lang.role_inner:
            aff_toks = aff_toks[:-1]  # "Department of | Health": no body ends with "of"
        while role_toks and not self._is_role_word(role_toks[0]) and role_toks[0].fold in (
            self.lang.role_inner
        ):
            role_toks = role_toks[1:]
        affiliation = " ".join(t.text for t in aff_toks) or owner
        if aff_toks and owner:
            affiliation = f"{owner} {affiliation}"
        return " ".join(t.text for t in role_toks) or None, affiliation or None

    def _apposition(self, text: str, toks: list[Tok], j: int) -> tuple[str | None, str | None]:
        """``Name, an analyst at X,`` / ``Name, X's chief economist,`` / ``Name of X`` /
        ``Name, who is a lecturer at X,``."""
        if j >= len(toks):
            return None, None
        between = text[toks[j - 1].end:toks[j].start]
        if between.strip() == "" and toks[j].fold in ("of", "at", "from"):
            org = self._caps_after(text, toks, j + 1)
            return None, org
        if between.strip() != ",":
            return None, None
        if j + 2 < len(toks) and toks[j].fold == "who" and toks[j + 1].fold in self.en.copulas:
            j += 2  # "Yiannis Papadoyiannakis, who was head of the Greek Olympic team,"
            while j + 1 < len(toks) and toks[j].fold in self.en.role_time_adverbs:
                j += 1  # "who is now senior vice president"
        end = j
        while end < len(toks) and end - j < 14 and _adjacent(text, toks[end - 1], toks[end]) | (
            end == j
        ):
            end += 1
        chunk = self._apposition_np(toks[j:end])
        if not chunk:
            return None, None
        return self._role_phrase(text, chunk, described=True)

    def _apposition_np(self, chunk: list[Tok]) -> list[Tok]:
        """The role NP an apposition chunk starts with (``an analyst at Calyon Securities``,
        ``Ulster Bank's chief economist``), or nothing when the chunk is a clause
        (``bought all of her presents``): a role word within the first words, only
        capitals or modifiers before it, and after it joiners, capitals and role words."""
        k = 1 if chunk and chunk[0].fold in ("a", "an", "the") else 0
        head = next((m for m in range(k, min(len(chunk), k + 5))
                     if self._is_role_word(chunk[m])), None)
        if head is None:
            return []
        for tok in chunk[k:head]:
            if not tok.text[:1].isupper() and (tok.fold in self.function_words
                                               or self._is_verb(tok)):
                return []
        end = head + 1
        while end < len(chunk) and not self._is_verb(chunk[end]) and chunk[end].fold != "." and (
            chunk[end].fold not in self.en.clause_starters or chunk[end].fold == "and"
            and end + 1 < len(chunk) and (self._is_role_word(chunk[end + 1]) or (
                chunk[end - 1].text.islower() and self._is_field(chunk[end + 1:end + 2])
                and any(t.fold in self.en.field_joiners for t in chunk[head + 1:end])))
        ):
            end += 1  # "and" joins two roles, or two words of a field ("plant and …")
        out = chunk[:end]
        while out and (out[-1].fold in self.lang.role_joiners or out[-1].fold in
                       self.lang.role_inner):
            out = out[:-1]
        return out

    def _caps_after(self, text: str, toks: list[Tok], k: int) -> str | None:
        while k < len(toks) and toks[k].fold == "the":
            k += 1
        start = k
        while k < len(toks) and (toks[k].text[:1].isupper() or toks[k].text[:1].isdigit() or (
            toks[k].fold in self.lang.role_inner and k + 1 < len(toks)
            and toks[k + 1].text[:1].isupper()
        )) and (k == start or _adjacent(text, toks[k - 1], toks[k])):
            k += 1
        if k == start:
            return None
        return _strip_possessive(" ".join(t.text for t in toks[start:k]))

    def _role_phrase(self, text: str, chunk: list[Tok], *, described: bool = False) -> tuple[
            str | None, str | None]:
        """``an analyst at Calyon Securities`` / ``Ulster Bank's chief economist``; with
        ``described``, the phrase describes a name written next to it (see :meth:`_premods`)."""
        while chunk and chunk[0].fold in ("a", "an", "the", "its", "his", "her", "their"):
            chunk = chunk[1:]
        cut = len(chunk)
        for k, tok in enumerate(chunk):
            if tok.fold in ("who", "which", "said", "says", "told") or self._is_verb(tok):
                cut = k
                break
        chunk = chunk[:cut]
        joiner = next((k for k, t in enumerate(chunk) if t.fold in self.lang.role_joiners and
                       k > 0 and any(self._is_role_word(x) for x in chunk[:k])), None)
        if joiner is not None and chunk[joiner].fold in self.en.field_joiners:
            # "director of telecoms research at Ovum": the field is part of the role
            body_joiner = next((m for m in range(joiner + 2, len(chunk))
                                if chunk[m].fold in self.en.body_joiners), None)
            if body_joiner is not None and self._is_field(chunk[joiner + 1:body_joiner],
                                                          capitals=True):
                joiner = body_joiner
        if joiner is not None:
            role_part, rest = chunk[:joiner], chunk[joiner + 1:]
            work = rest[1:2] if rest and rest[0].fold == "the" else rest[:1]
            if work and work[0].fold in self.en.work_nouns:
                # "author of the book X": a work, no body
                return self._premods_with_field(role_part, described)
            if described and chunk[joiner].fold in self.en.field_joiners and self._is_field(rest):
                return self._premods_with_field(chunk, described)  # a field, no body
            if rest and all(t.text.islower() for t in rest) and self._is_field(rest):
                return self._premods_with_field(chunk, described)  # "… for human rights"
            org = self._caps_after(text, rest, 0) if rest else None
            if org is None and rest:
                org = " ".join(t.text for t in rest if t.fold not in ("the",)) or None
            role, aff = self._premods_with_field(role_part, described)
            return role, (f"{aff} {org}" if aff and org else aff or org)
        return self._premods_with_field(chunk, described)

    def _is_field(self, words: list[Tok], *, capitals: bool = False) -> bool:
        """Words naming a field of work ("telecoms research", "plant and environmental
        sciences"; with ``capitals`` also "Cardiology and Medical Sciences", which only a
        body after it tells from a body): no other function word, no verb."""
        if not words or words[0].fold == "and" or words[-1].fold == "and":
            return False
        return all(t.fold == "and" or t.text.replace("-", "").isalpha() and (
            t.text.islower() or capitals and t.text[:1].isupper() and not self._is_title(t))
            and t.fold not in self.function_words and not self._is_verb(t) for t in words)

    def _premods_with_field(self, words: list[Tok], described: bool) -> tuple[
            str | None, str | None]:
        """:meth:`_premods`, the role keeping the field written after its last role word
        ("professor in clinical microbiology", "head of equities trading")."""
        role, aff = self._premods(words, described=described)
        head = max((k for k, t in enumerate(words) if self._is_role_word(t)), default=-1)
        if role and 0 <= head < len(words) - 2 and words[head + 1].fold in (
                self.en.field_joiners) and self._is_field(words[head + 2:]):
            role = f"{role} {' '.join(t.text for t in words[head + 1:])}"
        return role, aff

    def _find_person(self, folded: list[str], position: int) -> Person | None:
        """The full name of the article that contains every word of ``folded``: the latest
        one introduced before ``position`` (two Kennedys: the one last named), else the first."""
        if not folded:
            return None
        matching = [p for p in self.people
                    if folded[-1] == p.folded[-1] and all(w in p.folded for w in folded)]
        if not matching:  # "Sir Alan" for Alan Pryce: a first name alone
            matching = [p for p in self.people if all(w in p.folded for w in folded)]
        before = [p for p in matching if p.start <= position]
        if before:
            return max(before, key=lambda p: (p.start, len(p.folded)))
        return min(matching, key=lambda p: p.start) if matching else None

    def _person_with_role(self, head: str, position: int) -> Person | None:
        """The latest person before ``position`` whose role has the word ``head``."""
        best = None
        for person in self.people:
            if person.role and head in person.role.casefold().split() and (
                person.start < position
            ) and (best is None or person.start > best.start):
                best = person
        return best

    # -- reading a speaker noun phrase ------------------------------------------------------
    def read_np(self, text: str, toks: list[Tok]) -> Mention | None:
        """Classify a speaker NP (its tokens are the whole NP) and split role and name; a
        place after "in" is not the speaker ("China's embassy in Hanoi" had been "Hanoi")."""
        found = self._read_np(text, toks)
        if found is None or found.kind not in ("person", "organization"):
            return found
        located = self._located(toks)
        if located and found.name == _join(toks[located + 1:]):
            inner = self._read_np(text, toks[:located])
            if inner is not None and inner.kind != "person":
                inner.text, inner.end = found.text, found.end
                return inner
        return found

    def _read_np(self, text: str, toks: list[Tok]) -> Mention | None:
        while toks and toks[0].fold in self.en.openers:
            toks = toks[1:]
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        surface = text[start:end]
        first = toks[0].fold
        if len(toks) == 1 and first in self.en.non_speakers:
            return None  # "You might say the "going rate" is obscene"
        if len(toks) == 1 and first in self.lang.pronouns:
            gender = self._pronoun_gender.get(first)
            self._salient_at = -1
            person = self._salient(start, gender=gender) if gender else None
            anonymous = self._anonymous_before(start, self._salient_at)
            if anonymous is not None:
                anonymous.text, anonymous.start, anonymous.end = surface, start, end
                return anonymous
            if person is not None:
                return Mention(surface, start, end, "person", name=person.name,
                               role=person.role, affiliation=person.affiliation)
            return Mention(surface, start, end, "pronoun")
        if first in self.en.determiners and len(toks) > 1:
            return self._anonymous(text, toks[1:], surface, start, end)
        joiner = next((k for k in range(1, len(toks) - 1) if toks[k].fold in ("of", "at", "from")
                       and self._name_like(toks[k - 1]) and not self._is_role_word(toks[k - 1])
                       and (toks[k + 1].fold == "the" or toks[k + 1].text[:1].isupper())), None)
        if joiner is not None:
            left = self.read_np(text, toks[:joiner])
            if left is not None and left.kind == "person":
                left.affiliation = left.affiliation or self._caps_after(text, toks, joiner + 1)
                left.text, left.end = surface, end
                return left
        definite = first == "the"
        body = toks[1:] if definite else toks
        if not body:
            return None
        if len(body) > 2 and (body[-1].fold,) not in self.lang.role_heads:
            # "The Bank of England said", "the Department for Education said": the joiner
            # inside a body's name is no boundary (a role word at the end describes a person:
            # "the Bank of England governor")
            body_name = self._body_name(body)
            if body_name:
                return Mention(surface, start, end, "organization", name=body_name)
        # a statement or spokesman of a body: "a Uefa statement", "Ukraine's statement"
        owner_end = max((k for k, t in enumerate(body[:-1]) if _POSSESSIVE.match(t.text)
                         and t.text[-2:] in ("'s", "’s")), default=-1)
        tail = body[owner_end + 1:]
        if owner_end >= 0 and tail and tail[0].fold in self.en.statement_heads and not (
            self._is_role_word(tail[0])
        ):
            owner = _strip_possessive(" ".join(t.text for t in body[:owner_end + 1]))
            return Mention(surface, start, end, "organization", name=owner)
        # "the IMF report", "the IFS study": the body's document speaks for it
        if definite and len(body) >= 2 and body[-1].fold in self.en.statement_heads and not (
            self._is_role_word(body[-1])
        ) and body[-1].text[:1].islower() and all(t.text[:1].isupper() for t in body[:-1]):
            return Mention(surface, start, end, "organization", name=_join(body[:-1]))
        post_role = None
        if not definite and len(body) >= 3 and is_acronym(body[-1].text) and (
                self._is_role_word(body[-1])) and (
                body[-2].text[:1].isupper() and self._name_like(body[-2])
                and body[-3].text[:1].isupper() and self._name_like(body[-3])):
            post_role, body = body[-1].text, body[:-1]  # "Brian Monteith MSP": after the name
        name_from = len(body)
        while name_from > 0 and (self._name_like(body[name_from - 1]) or self._titled_surname(
                body, name_from - 1)) and not (
            self._is_role_word(body[name_from - 1]) and name_from < len(body)
        ):
            name_from -= 1
        while name_from < len(body) - 1 and body[name_from].fold.endswith(
                self.en.descriptor_suffixes):
            name_from += 1  # "Leicestershire-based Rachel Neale": a description
        while name_from < len(body) and body[name_from].fold in self.lang.name_particles:
            name_from += 1
        courtesy = name_from > 0 and (body[name_from - 1].fold in self.en.male_titles
                                      or body[name_from - 1].fold in self.en.female_titles)
        if all(self._is_role_word(t) for t in body[name_from:]) and not courtesy:
            name_from = len(body)  # "the Prime Minister"; but "Mr King" is a surname
        while len(body) - name_from > 2 and body[name_from].fold in self.lang.place_words:
            name_from += 1  # "Finland Peter Moller": a caption glued to the name
        seat = name_from - 1
        while seat > 1 and body[seat].fold in ("and", "&") and body[seat - 1].text[:1].isupper():
            seat -= 2  # "the MP for Sittingbourne and Sheppey": one place of two words
        if 0 < name_from < len(body) and body[seat].fold in self.lang.role_joiners:
            if seat < name_from - 1 and len(body) - name_from > 2:
                name_from += 1  # "… for Business and Trade Kemi Badenoch": "Trade" is the body's
            else:
                name_from = len(body)  # "director general of British Music Rights": no name
        name = body[name_from:]
        pre = body[:name_from]
        if not name:
            return self._role_only(text, toks, body, surface, start, end, definite)
        if pre and any(t.fold in self.en.org_descriptors for t in pre[-1:]) and not any(
            self._is_role_word(t) for t in pre
        ):
            return Mention(surface, start, end, "organization", name=_join(name))
        role, aff = self._premods(pre, named=True)
        folded = [t.fold for t in name]
        titled = bool(pre) and self._is_title(pre[-1])
        known = self._find_person(folded, start)
        role = role or post_role
        if known is not None:
            if role and known.role and known.role.endswith(" " + role) and not aff:
                role, aff = known.role, known.affiliation  # "Senior business manager"
            return Mention(surface, start, end, "person", name=known.name,
                           role=role or known.role,
                           affiliation=aff if role else (aff or known.affiliation))
        is_org = definite and not titled or any(self._is_org_word(t) for t in name) or (
            _join(name) or "").casefold() in {" ".join(p) for p in self.lang.places}
        if is_org and pre and self._is_org_word(name[-1]):
            # "The World Health Organization", "the Home Office": the capitalised words right
            # before the body's head word name it, even role words ("Health", "Premier");
            # not a title, day or sentence opener before them ("If Apple", "Tuesday Labour")
            k = len(pre)
            while k > 0 and pre[k - 1].text[:1].isupper() and self._name_like(pre[k - 1]) and (
                    not _POSSESSIVE.match(pre[k - 1].text)):
                k -= 1
            if k == 0 or k < len(pre) and not self._is_role_word(pre[k - 1]):
                name, role, aff = pre[k:] + name, None, None
        if is_org or len(name) == 1 and not titled:
            org = self._full_body_name(_join(name) or "", start)
            return Mention(surface, start, end, "organization", name=org, role=role,
                           affiliation=aff)
        return Mention(surface, start, end, "person", name=_join(name), role=role,
                       affiliation=aff)

    def _titled_surname(self, toks: list[Tok], k: int) -> bool:
        """``toks[k]`` is a surname that reads as a month ("Ms May", "Mr March"): capitalised,
        right after a courtesy title."""
        tok = toks[k]
        return k > 0 and tok.fold in self.lang.months and tok.text[:1].isupper() and (
            toks[k - 1].fold in self.en.male_titles or toks[k - 1].fold in self.en.female_titles)

    def _located(self, toks: list[Tok]) -> int | None:
        """Where "in PLACE" starts at the end of a description of a body or an office
        ("China's embassy in Hanoi", "officials in Brussels"): one or two capitalised words
        after "in", and a role, body or statement word before it. None otherwise ("the
        ambassador in Kiev Jan Tombinski" names a person after the place)."""
        n = len(toks)
        k = next((k for k in range(max(1, n - 3), n - 1)
                  if toks[k].fold in self.en.location_markers), None)
        if k is None or not all(t.text[:1].isupper() and self._name_like(t) for t in toks[k + 1:]):
            return None
        head = toks[k - 1]
        # a role on its own ("spokesperson", not the "home" of "home secretary"), a body's or
        # a statement's head word
        if (head.fold,) in self.lang.role_heads or self._is_org_word(head) or (
                head.fold in self.en.statement_heads or head.fold in self.en.org_descriptors):
            return k
        return None

    def _body_name(self, toks: list[Tok]) -> str | None:
        """A body's name with joining words inside it ("Bank of England", "Office for National
        Statistics", "Department for Work and Pensions"): capitalised words and joiners between
        them, the word before the first joiner a body's head word."""
        joiners = [k for k, t in enumerate(toks) if t.fold in self.lang.role_inner]
        if not joiners or joiners[0] == 0 or toks[joiners[0]].fold not in self.en.name_joiners or (
                not self._is_org_word(toks[joiners[0] - 1])) or self._is_role_word(
                toks[joiners[0] - 1]):
            return None  # "the MP for Sittingbourne and Sheppey" is a person's seat
        for k, tok in enumerate(toks):
            if k in joiners:
                if k == len(toks) - 1 or not toks[k + 1].text[:1].isupper():
                    return None
            elif not tok.text[:1].isupper() or _POSSESSIVE.match(tok.text) or (
                    not self._name_like(tok) and not self._is_org_word(tok)):
                return None
            elif self._is_role_word(tok) and k + 1 < len(toks) and k + 1 not in joiners:
                return None  # "Bank of England Governor Andrew Bailey": a person follows
        return _join(toks)

    def _full_body_name(self, name: str, position: int) -> str:
        """A body named by its head alone ("the Bank") after the article named it in full
        ("the Bank of England"): the full name."""
        if " " in name or not name or not self.text:
            return name
        at = self.text.find(f"{name} of ", 0, position)
        while at >= 0:
            if at == 0 or not (self.text[at - 1].isalnum() or self.text[at - 1] in "-'"):
                tail = _BODY_TAIL.match(self.text, at + len(name) + 4)
                if tail:
                    return f"{name} of {tail.group()}"
            at = self.text.find(f"{name} of ", at + 1, position)
        return name

    def _anonymous(self, text: str, body: list[Tok], surface: str, start: int,
                   end: int) -> Mention | None:
        """``a spokesman for X``, ``A Bristol Waste spokeswoman``, ``a Uefa statement``."""
        if body[-1].fold in self.en.statement_heads and not self._is_role_word(body[-1]):
            caps = [t for t in body[:-1] if t.text[:1].isupper()]
            if caps:
                return Mention(surface, start, end, "organization", name=_join(caps))
        if not any(self._is_role_word(t) or t.fold in self.en.anaphoric_heads
                   for t in body):
            return None
        role, aff = self._role_phrase(text, body)
        if role is None:
            return Mention(surface, start, end, "anonymous", name=surface)
        role_words = [w for w in role.split() if not w[:1].isupper() or w.casefold() in
                      self.lang.role_head_words]
        adjectives = [w for w in role.split() if w not in role_words]
        if adjectives and not aff:
            aff = " ".join(adjectives)
        return Mention(surface, start, end, "anonymous", name=surface,
                       role=" ".join(role_words) or role, affiliation=aff)

    def _role_only(self, text: str, toks: list[Tok], body: list[Tok], surface: str, start: int,
                   end: int, definite: bool) -> Mention | None:
        """An NP without a name: ``the defender``, ``Mr Putin's spokesman``, ``the Fed``."""
        role, aff = self._role_phrase(text, body)
        heads = [t.fold for t in body if self._is_role_word(t) or t.fold in
                 self.en.anaphoric_heads]
        if not heads:
            if definite and body and all(t.text[:1].isupper() for t in body):
                return Mention(surface, start, end, "organization", name=_join(body))
            if body[-1].fold in self.en.org_descriptors and any(
                t.text[:1].isupper() for t in body
            ):
                return Mention(surface, start, end, "organization", name=_join(body))
            if definite and body and body[-1].fold in self.en.anaphoric_heads | {
                    "year-old"} or body[-1].fold.endswith("-year-old"):
                return Mention(surface, start, end, "pronoun")
            return None
        if definite:
            person = self._person_with_role(heads[-1], start)
            if person is not None:
                return Mention(surface, start, end, "person", name=person.name,
                               role=person.role, affiliation=person.affiliation)
            if heads[-1] in self.en.anaphoric_heads:
                person = self._salient(start, role_head=heads[-1])
                if person is not None and person.role is None and person.affiliation is None:
                    person.role, person.affiliation = role, aff  # "the Lib Dem leader"
                if person is not None:
                    return Mention(surface, start, end, "person", name=person.name,
                                   role=person.role or role, affiliation=person.affiliation or aff)
                return Mention(surface, start, end, "pronoun")
        if role is None:
            return None
        return Mention(surface, start, end, "anonymous", name=surface, role=role,
                       affiliation=aff)

    # -- NPs in running text ----------------------------------------------------------------
    def _np_tail(self, toks: list[Tok]) -> list[Tok]:
        """The longest run at the end of ``toks`` that can be a subject NP."""
        field = self._role_field_start(toks)
        if field:  # "The Council of Europe's commissioner for human rights said"
            head = self._np_tail(toks[:field - 1])
            if head and head[0].fold == "the" and any(
                    _POSSESSIVE.match(t.text) and t.text[-2:] in ("'s", "’s") for t in head):
                return head + toks[field - 1:]
        begin = len(toks)
        while begin > 0:
            tok = toks[begin - 1]
            fold = tok.fold
            if fold in ("the", "a", "an") or fold in self.en.determiners and begin < len(toks):
                begin -= 1
                break
            if fold in self.lang.pronouns and begin == len(toks):
                begin -= 1
                break
            ok = tok.text[:1].isupper() or tok.text[:1].isdigit() or self._is_role_word(tok) or (
                fold in self.lang.role_inner and begin < len(toks)
            ) or fold in self.en.org_descriptors or fold in self.en.anaphoric_heads or (
                fold.endswith("-year-old")
            ) or (fold in self.lang.role_joiners and begin < len(toks)
                  and toks[begin].text[:1].isupper()) or (
                # "a senior Spanish diplomat", "the district court": an adjective or noun
                # right after the determiner
                begin >= 2 and begin < len(toks) and toks[begin - 2].fold in ("a", "an", "the")
                and fold not in self.function_words and not self._is_verb(tok)
                and fold.replace("-", "").isalpha()
            )
            if not ok or len(toks) - begin >= _MAX_NP_TOKENS:
                break
            if fold in self.en.openers and tok.text[:1].isupper():
                break
            if begin < len(toks) and not _adjacent(self.text, tok, toks[begin]):
                break
            begin -= 1
        sub = toks[begin:]
        if begin >= 2 and toks[begin - 1].fold in self.lang.role_joiners and sub:
            head = self._np_tail(toks[:begin - 1])
            if head and (self._is_role_word(head[-1]) or head[-1].fold in
                         self.en.statement_heads or head[-1].text[:1].isupper()
                         and self._name_like(head[-1]) and not self._is_org_word(head[-1])):
                sub = head + [toks[begin - 1]] + sub
        while sub and (sub[0].fold in self.lang.role_joiners or sub[0].fold in
                       self.lang.role_inner and sub[0].fold != "the"):
            sub = sub[1:]
        return sub

    def _role_field_start(self, toks: list[Tok]) -> int:
        """Where the joiner of a role's field stands when ``toks`` ends with one ("commissioner
        for human rights", "minister for women and equalities"): one to four lowercase words
        after "for"/"of" after a role word; 0 when it does not."""
        j = len(toks)
        while j > 0 and len(toks) - j < 4 and toks[j - 1].text.isalpha() and (
                toks[j - 1].text.islower()) and toks[j - 1].fold not in self.lang.role_joiners and (
                not self._is_role_word(toks[j - 1])) and not self._is_verb(toks[j - 1]) and (
                toks[j - 1].fold not in self.function_words) and (
                toks[j - 1].fold not in self.en.fillers):
            j -= 1
        if j == len(toks) or j < 2 or toks[j - 1].fold not in ("for", "of") or not (
                self._is_role_word(toks[j - 2])) or not toks[j].fold.isalpha():
            return 0
        if any(t.fold in self.lang.pronouns or t.fold in ("the", "a", "an") for t in toks[j:]):
            return 0
        return j

    def subject_of(self, text: str, start: int, verb_start: int) -> Mention | None:
        """The subject before a verb, with comma appositions joined and fillers skipped."""
        toks = self._without_fillers(self._tokens(text, start, verb_start))
        relative = bool(toks) and toks[-1].fold in ("who", "which", "that")
        if relative and len(toks) > 1:
            toks.pop()
        while len(toks) > 2 and (toks[-1].fold in self.lang.months or toks[-1].fold in
                                 self.lang.days or toks[-1].text.isdigit()) and (
                toks[-2].fold in self.lang.day_lead or toks[-2].fold in ("in", "on")):
            toks = toks[:-2]
        if not toks:
            return None
        inserted = None if relative or toks[-1].fold in self.lang.pronouns else (
            self._before_insertion(text, toks, verb_start))  # "what he called": his verb
        if inserted is not None:
            return inserted
        chunk = _strip_comma_tail(text, toks)
        prev_chunk = toks[:len(toks) - len(chunk)]
        if prev_chunk and _comma_before(text, chunk[0], toks) and (any(
            self._is_role_word(t) for t in chunk[:5]  # "…, BAM Nuttall project manager, said"
        ) or chunk[0].fold in ("a", "an")) and chunk[0].fold not in self.lang.role_joiners:
            # "Glenn Maguire, chief economist for the region at Societe Generale, told";
            # "Anne Verhoef, a soil physicist at the University of Reading, says" (a
            # description, even with a role word the lexicon lacks)
            named_chunk = _strip_comma_tail(text, prev_chunk)
            if len(named_chunk) == 1 and named_chunk[0].text.isdigit() and (
                    len(named_chunk) < len(prev_chunk)):
                # "Marc Pradel, 40, an expert …": the age between name and description
                named_chunk = _strip_comma_tail(text, prev_chunk[:-1])
            named_toks = self._np_tail(named_chunk)
            named = self.read_np(text, named_toks) if named_toks else None
            if named is not None and named.kind == "person":
                role, aff = self._role_phrase(text, self._apposition_np(chunk) or chunk,
                                              described=True)
                named.role = named.role or role
                named.affiliation = named.affiliation or aff
                named.end = chunk[-1].end
                return named
        tail = self._np_tail(toks)
        if not tail:
            return None
        head = self.read_np(text, tail)
        # appositions: "Richard Ramsey, Ulster Bank's chief economist, said" and
        # "Mr Cuomo, a Democrat, said"
        prev = toks[:len(toks) - len(tail)]
        if prev and _comma_before(text, tail[0], toks) and (
            head is None or head.kind in ("anonymous", "role")
        ):
            chunk = _strip_comma_tail(text, prev)
            name_toks = self._np_tail(chunk)
            if name_toks and len(name_toks) == len(chunk):
                named = self.read_np(text, name_toks)
                if named is not None and named.kind == "person":
                    if head is not None and head.role:
                        named.role = named.role or head.role
                        named.affiliation = named.affiliation or head.affiliation
                    named.end = tail[-1].end
                    return named
        return head

    def _before_insertion(self, text: str, toks: list[Tok], verb_start: int
                          ) -> Mention | None:
        """The subject named before a relative clause or a "from" phrase that ends right at
        the verb ("Ian, who plans to vote Labour, told"; "Peter Spowage, from Southern
        Locomotives, said"), not the last name inside it."""
        closed = "," in text[toks[-1].end:verb_start]  # "…, who plans to vote Labour, told"
        last_chunk = len(toks) - len(_strip_comma_tail(text, toks))
        for k in range(len(toks) - 2, 0, -1):
            fold = toks[k].fold
            joiner = k
            if fold in self.en.role_time_adverbs and toks[k + 1].fold in ("of", "from") and (
                    k + 2 < len(toks)):
                joiner, fold = k + 1, toks[k + 1].fold  # "Captain Pope, formerly of the 1st …,"
            if closed and not (_comma_before(text, toks[k], None) and k == last_chunk):
                continue  # the insertion is the whole last comma chunk
            if not closed and k < last_chunk:
                break  # "When asked about Julia who struggles, he said": not the verb's clause
            following = toks[k + 1]
            if fold in self.en.relatives and following.text[:1].islower() and (
                    following.fold not in self.lang.pronouns
                    and following.fold not in self.en.articles):
                pass  # a subject relative: "who made Friends", not "which he said"
            elif fold == "from" and (closed or k == last_chunk and _comma_before(
                    text, toks[k], None)):
                pass  # "…, senior market analyst, from Oanda told": no comma needed after it
            elif fold == "of" and closed and k == last_chunk and _comma_before(
                    text, toks[k], None) and (toks[joiner + 1].text[:1].isupper()
                                                 or toks[joiner + 1].fold == "the"):
                pass  # "Paul Terrington, of PwC Northern Ireland, said": commas on both sides
            elif fold == "from" and not closed and k == last_chunk + 2 and all(
                    t.text[:1].isupper() and self._name_like(t) and not self._is_org_word(t)
                    and not self._is_role_word(t) for t in toks[last_chunk:k]) and (
                    following.text[:1].isupper()):
                pass  # "Stephen Boyd from Thompsons nightclub in Belfast said": a full name
            else:
                continue
            found = self.subject_of(text, toks[0].start, toks[k].start)
            if found is None or found.kind not in ("person", "organization", "anonymous"):
                return None
            if fold in ("from", "of") and found.kind == "person" and not found.affiliation:
                body = self._caps_after(text, toks, joiner + 1)
                if body and body.rsplit(None, 1)[-1].casefold() not in self.en.address_words:
                    found.affiliation = body
            return found
        return None

    def speaker_after(self, text: str, start: int, end: int) -> Mention | None:
        """The NP after an inverted cue (``said Mr X, an analyst at Y``)."""
        toks = self._tokens(text, start, end)
        cut = len(toks)
        for k, tok in enumerate(toks):
            if tok.fold == ".":
                cut = k
                break
            if k and tok.fold in self.en.np_end and not (
                tok.fold in ("at", "of") and k + 1 < len(toks) and (
                    toks[k + 1].text[:1].isupper() or toks[k + 1].fold == "the")
            ) and not (tok.fold == "and" and (self._two_roles(toks, k) or self._possessive_pair(
                    toks, k))):
                cut = k
                break
            if k and text[toks[k - 1].end:tok.start].strip() == ",":
                cut = k
                break
            if k and tok.paren and tok.text[:1].islower() and text[
                    toks[k - 1].end:tok.start].strip() == "(":
                cut = k  # "says Jaz Brisack (pictured above)": an aside after the name
                break
        head = toks[:cut]
        if head and head[-1].fold in ("of", "at") and len(head) > 1:
            head = head[:-1]
        if not head:
            return None
        # "the" or an owner before the body: "said China's National Bureau of Statistics"
        owned = head[0].fold == "the" or len(head) > 1 and _POSSESSIVE.match(head[0].text)
        body_name = self._body_name(head[1:] if owned else head)
        if body_name:  # "said the Bank of England", "said the Office for National Statistics"
            return Mention(text[head[0].start:head[-1].end], head[0].start, head[-1].end,
                           "organization", name=body_name)
        joiner = next((k for k, t in enumerate(head) if t.fold in ("of", "at", "from") and k), None)
        org = None
        if joiner is not None and not self._is_org_word(head[joiner - 1]):  # "Bank of England"
            org = self._caps_after(text, head, joiner + 1)
            if head[0].fold not in self.en.determiners:
                head = head[:joiner]
        mention = self.read_np(text, head) or self._described_as_written(text, head)
        if mention is None:
            return None
        if org and mention.kind == "person" and not mention.affiliation:
            mention.affiliation = org
        if mention.kind == "person" and not mention.role and cut < len(toks):
            role, aff = self._apposition(text, toks, cut)
            if role or aff:
                mention.role, mention.affiliation = role, aff or mention.affiliation
        return mention

    def _described_as_written(self, text: str, head: list[Tok]) -> Mention | None:
        """An unnamed speaker after an inverted cue, as the article describes them ("said the
        researchers", "said one bondholder", "says one local"): right after the cue a
        determiner and a noun are a speaker even when no role word tells who; not a definite
        description of what the article already named."""
        if len(head) == 1 and head[0].text in self.en.lone_speakers:
            return _as_written(text, head)  # '"Why are you celebrating?" asked one.'
        if len(head) < 2 or head[0].fold not in self.en.determiners and (
                head[0].fold != "the"):
            return None
        last = head[-1]
        if not last.text.isalpha() or not last.text.islower() or (
                last.fold in self.function_words or last.fold in self.en.participles
                or last.fold.endswith("ed")):
            return None  # "the documents released (at …)": the NP goes on past the cut
        if any(not t.text.replace("-", "").replace("'", "").isalnum() or self._is_verb(t)
               or t.fold in self.lang.pronouns or t.text == "I" for t in head[1:]):
            return None  # "one exchange rate) has been raised", "one of those I spoke"
        if head[0].fold == "the" and (
                last.fold in self.en.statement_heads or last.fold in self.en.org_descriptors
                or any(t.text[:1].isupper() for t in head[1:])):
            # "the statement", "the group", "the Melbourne Storm hooker": a body or person
            # the article already named, carried over better than described
            return None
        surface = text[head[0].start:last.end]
        return Mention(surface, head[0].start, last.end, "anonymous", name=surface)

    def _possessive_pair(self, toks: list[Tok], k: int) -> bool:
        """``toks[k]`` ("and") joins the two words of a body before its owner's "'s" ("added
        Ernst and Young's Sanjay Mehta"): one capitalised word on each side, the second
        possessive, a name after it."""
        return 0 < k < len(toks) - 2 and toks[k - 1].text[:1].isupper() and (
            _POSSESSIVE.match(toks[k + 1].text) is not None
            and toks[k + 1].text[-2:] in ("'s", "’s") and toks[k + 2].text[:1].isupper())

    def _two_roles(self, toks: list[Tok], k: int) -> bool:
        """``toks[k]`` ("and") joins two roles of one person before the name ("warns
        negotiator and former MP Fawzia Koofi", "writes the historian and author William
        Polk"): only lowercase role words before it, and a name after it."""
        before = [t for t in toks[:k] if t.fold not in self.en.determiners and t.fold != "the"]
        return 0 < len(before) <= 3 and all(
            t.text[:1].islower() and t.fold not in self.en.np_end for t in before) and any(
            t.text[:1].isupper() for t in toks[k + 1:k + 6])

    def _tokens(self, text: str, start: int, end: int) -> list[Tok]:
        """``names.tokens`` of a stretch of the current article, cut from the article's
        tokens (tokenised once) instead of tokenising again."""
        if text is not self.text or not self.all_tokens:
            return tokens(text, start, end)
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, lo=first)
        out = self.all_tokens[first:last]
        if out and out[-1].end > end or first < len(self.all_tokens) and first and (
            self.all_tokens[first - 1].end > start
        ):
            return tokens(text, start, end)  # a token straddles the edge: cut it exactly
        return out

    def sentence_subjects(self, text: str, spans: list[Span], lo: int = 0,
                          hi: int | None = None) -> list[Mention]:
        """English current speakers come from reporting verbs only (see indirect_mentions)."""
        del text, spans, lo, hi
        return []

    def short_names(self, text: str) -> frozenset[str]:
        """English speakers are found by the people index, not by Indonesian name hints."""
        del text
        return frozenset()

    # -- the slots --------------------------------------------------------------------------
    def attribute(self, text: str, spans: list[Span]) -> list[Attribution | None]:
        self.text = text
        self.ordinary = frozenset(_LOWER_WORD.findall(text))
        self.all_tokens = tokens(text, 0, len(text))
        self._starts = [t.start for t in self.all_tokens]
        self.people = self._index_people(text)
        self.occurrences = self._occurrences(text, spans)
        # not the previous article's while this one's are found: reading a pronoun subject
        # looks back at the anonymous speakers
        self.reported, self.anonymous = [], []
        self.reported = self._reported_subjects(text, spans)
        self.anonymous = [m for m in self.reported
                          if m.kind == "anonymous"]
        spans = [self._trim_orphan(text, span) for span in spans]
        out: list[Attribution | None] = []
        previous: Attribution | None = None
        for k, span in enumerate(spans):
            prev_end = spans[k - 1].end if k else 0
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            found = self._attribute_one(text, span, prev_end, next_start)
            if found is not None and found.cue is None and found.mention is None and (
                previous is not None and previous.mention is not None
                and previous.mention.kind == "anonymous" and out and out[-1] is previous
            ):
                # the shared pipeline only carries named speakers over; an anonymous
                # speaker's follow-on paragraphs are theirs too
                found.mention = _copy(previous.mention)
                found.cue_slot = "continuation"  # resolved by carrying over, not by a cue
            if found is not None and found.mention is not None and (
                found.mention.kind == "anonymous"
            ):
                self.anonymous.append(found.mention)
                self.anonymous.sort(key=lambda m: m.start)
            out.append(found)
            if found is not None:
                previous = found
        return out

    def _trim_orphan(self, text: str, span: Span) -> Span:
        """A quote whose opening mark is missing starts after its lead-in colon
        (``…," he added. Karen Ward said: The support … stress."``), not at the first word
        after the previous quote."""
        if span.opened:
            return span
        colon = text.rfind(": ", span.start, span.end)
        if colon < 0 or not self._verb_re.search(text, span.start, colon):
            return span
        start = colon + 2
        while start < span.end and text[start].isspace():
            start += 1
        return Span(start, span.end, opened=False, closed=span.closed) if start < span.end \
            else span

    def _occurrences(self, text: str, spans: list[Span]) -> list[tuple[int, Person]]:
        """Where each indexed person is named outside quotes, in text order (for salience);
        the courtesy titles used with them tell their gender."""
        self.gender = {}
        self.trusted = set()
        self.speaking_at = set()
        surnames = {p.folded[-1] for p in self.people}
        found: list[tuple[int, Person]] = []
        k = 0
        previous: Tok | None = None
        for index, tok in enumerate(self.all_tokens):
            while k < len(spans) and spans[k].end <= tok.start:
                k += 1
            inside = k < len(spans) and spans[k].start <= tok.start
            fold = tok.fold.rstrip("'’")
            if not inside and fold in surnames and tok.text[:1].isupper():
                person = self._find_person([fold], tok.start)
                if person is not None:
                    found.append((tok.start, person))
                    if person.role is None and person.affiliation is None:
                        # "Mr Kennedy, the Lib Dem leader," / "Lib Dem leader Mr Kennedy"
                        person.role, person.affiliation = self._role_around(
                            text, self.all_tokens, index, index + 1)
                    if previous is not None and previous.fold in self.en.female_titles:
                        self.gender[person.name] = "f"
                    elif previous is not None and previous.fold in self.en.male_titles:
                        self.gender[person.name] = "m"
                    if self._next_to_verb(person, index):
                        self.speaking_at.add(tok.start)
                        self.trusted.add(person.name)
                    elif self._person_evidence(person, index, previous):
                        self.trusted.add(person.name)
            previous = tok
        for person in self.people:  # given names tell the gender no title told
            if person.name not in self.gender and len(person.folded) > 1:
                given = self.en.given_gender.get(person.folded[0])
                if given:
                    self.gender[person.name] = given
        self.trusted.update(p.name for p in self.people if p.role or p.affiliation)
        self.all_occurrences = found
        return [(pos, p) for pos, p in found if p.name in self.trusted]

    def _person_evidence(self, person: Person, index: int, previous: Tok | None) -> bool:
        """Whether a mention shows a person rather than a place or a band ("Buenos Aires",
        "Rolling Stones"): a courtesy title, the surname used alone, or a reporting verb
        next to the name."""
        if previous is not None and self._is_title(previous):
            return True
        if len(person.folded) > 1 and (previous is None or previous.fold != person.folded[-2]):
            return True  # the surname used alone
        if len(person.folded) > 1 and person.folded[0] in self.en.given_gender and (
                self._opens_sentence(index - len(person.folded) + 1)):
            return True  # "Jennifer Runkle, an epidemiologist, …": a given name, the subject
        return self._next_to_verb(person, index)

    def _opens_sentence(self, index: int) -> bool:
        """The token at ``index`` is the first word of its sentence (quotation marks and
        spaces aside)."""
        if index <= 0:
            return True
        text = self.text
        pos = self.all_tokens[index].start
        while pos > 0 and (text[pos - 1].isspace() or text[pos - 1] in _QUOTE_MARKS):
            pos -= 1
        return pos == 0 or text[pos - 1] in ".!?"


    def _next_to_verb(self, person: Person, index: int) -> bool:
        """A reporting verb right after the name (``Charles Kennedy has said``) or right
        before it (``said Mr Kennedy``)."""
        following = index + 1
        while following < len(self.all_tokens) and self.all_tokens[following].fold in (
            self.en.fillers
        ):
            following += 1
        after = self.all_tokens[following] if following < len(self.all_tokens) else None
        start = index - 1
        while start >= 0 and (self._is_title(self.all_tokens[start])
                              or self.all_tokens[start].fold in person.folded):
            start -= 1
        before = self.all_tokens[start] if start >= 0 else None
        return any(t is not None and t.fold in self.lang.cue_forms for t in (after, before))

    def _salient(self, position: int, *, gender: str | None = None,
                 role_head: str | None = None) -> Person | None:
        """The person a pronoun or a definite description points at: in the last sentence
        before ``position`` that names a compatible person, the first one it names (the
        subject). Gender comes from courtesy titles; a known role must not contradict."""
        def compatible(person: Person) -> bool:
            known = self.gender.get(person.name)
            if gender and known and known != gender:
                return False
            return not (role_head and person.role and role_head not in
                        person.role.casefold().split())

        candidates = [(pos, p) for pos, p in self.occurrences if pos < position and compatible(p)]
        if not candidates:  # nobody shown to be a person: any name will do
            candidates = [(pos, p) for pos, p in self.all_occurrences
                          if pos < position and compatible(p)]
        if not candidates:
            return None
        sentence = self.sentence_start(self.text, candidates[-1][0], 0)
        self._salient_at = candidates[-1][0]
        in_sentence = [p for pos, p in candidates if pos >= sentence]
        # the subject of a reporting verb of that sentence before anyone else it names
        speaking = [p for pos, p in candidates if pos >= sentence and pos in self.speaking_at]
        if speaking:
            return speaking[0]
        if gender:  # someone known to be "she" before someone of unknown gender
            known = [p for p in in_sentence if self.gender.get(p.name) == gender]
            if known:
                return known[0]
        return in_sentence[0]

    def _anonymous_before(self, position: int, since: int) -> Mention | None:
        """The latest anonymous speaker ("a spokeswoman for X") named after ``since``."""
        found = [m for m in self.anonymous if since < m.start < position]
        return _copy(found[-1]) if found else None

    def _attribute_one(self, text: str, span: Span, prev_end: int,
                       next_start: int) -> Attribution | None:
        core_start, core_end = span.core
        inner = text[core_start:core_end]
        if not _WORD.search(inner):
            return None
        sent_start = self.sentence_start(text, span.start, prev_end)
        before = text[sent_start:span.start]
        if self.lang.link_prefix_re.search(before):
            return None
        if not _mid_sentence(before):
            return self._direct(text, span, inner, sent_start, next_start)
        stripped = before.rstrip()
        header = self._header(text, span, sent_start, sent_start + len(stripped))
        if header:
            return header
        return self._partial_en(text, span, inner, next_start)

    def _direct(self, text: str, span: Span, inner: str, sent_start: int,
                next_start: int) -> Attribution | None:
        if span.closed:
            after = self._after(text, span, next_start, "direct")
            if after:
                return after
        lead = self._lead_in(text, span, sent_start)
        if lead:
            return lead
        words = _word_count(inner)
        if words >= _MIN_CONTINUATION_WORDS or inner.rstrip()[-1:] in ".?!…" and words >= 2:
            return Attribution(span, "direct")
        return None

    def _after(self, text: str, span: Span, next_start: int, kind: str) -> Attribution | None:
        """``"…," said X`` / ``"…," X said`` / ``"…," according to X``."""
        i = span.end
        limit = min(len(text), next_start)
        while i < limit and text[i] in " \t,\u00a0":
            i += 1
        end = self.sentence_end(text, i, limit)
        if end <= i:
            return None
        according = self._according_re.match(text, i)
        if according:
            mention = self.speaker_after(text, according.end(), end)
            if mention:
                return Attribution(span, kind, text[i:according.end()], "according", mention,
                                   (according.end(), end))
        word = _WORD.match(text, i)
        if word is None:
            return None
        closing = text[span.core[1] - 1:span.core[1]] if span.closed else ""
        if span.closed and closing not in _CLAUSE_END and not (
            closing == "." and word.group()[:1].islower()
        ) and text[span.end:span.end + 1] != "," and not self._inverted_cue(word.group()):
            # '"…", he said' (the comma outside the quote) and '"…" said the researchers'
            # go on; '"…". He said' is a new sentence
            return None
        form = self.lang.cue(word.group())
        if form and form.slot == "inverted" and word.group()[:1].islower() or (
            form and form.slot == "inverted" and word.group()[:1].isupper()
            and text[span.end - 2:span.end - 1] in ",?!"
        ):
            mention = self.speaker_after(text, word.end(), end)
            if mention or self._inverted_cue(word.group()):
                # '"…" said the researchers': the cue stands even when its NP is not read
                return Attribution(span, kind, word.group(), "inverted", mention,
                                   (word.end(), end))
        for verb in self._verb_re.finditer(text, i, min(end, i + 160)):
            if verb.group(1).casefold() in self.en.participles:
                continue
            mention = self._subject_exactly(text, i, verb.start()) or self._description(
                text, i, verb.start())
            if mention:
                return Attribution(span, kind, verb.group(1), "active", mention,
                                   (verb.end(), end))
            break
        return None

    def _description(self, text: str, start: int, verb_start: int) -> Mention | None:
        """'"…" the report says', '"…" the company said': a short description opened by an
        article, all of it before the verb, that names no one; it is the speaker as written
        (anonymous) rather than no speaker at all."""
        toks = self._without_fillers(self._tokens(text, start, verb_start))
        if not 2 <= len(toks) <= 4 or toks[0].fold not in self.en.articles or not all(
                t.text[:1].islower() and t.fold not in self.en.np_end for t in toks[1:]):
            return None
        return _as_written(text, toks)

    def _without_fillers(self, toks: list[Tok]) -> list[Tok]:
        """``toks`` without the adverbs and auxiliaries before the verb ("The document
        reportedly said"): they are no part of the subject."""
        while toks and toks[-1].fold in self.en.fillers:
            toks = toks[:-1]
        return toks

    def _opening_description(self, text: str, sent_start: int, verb_start: int
                             ) -> Mention | None:
        """'A report on the experiment said:', 'Her lawyers said in a statement:': the
        sentence opens with a description of the speaker that names no one; it is the speaker
        as written (anonymous), so that the reporting verb stays the cue."""
        toks = self._without_fillers(self._tokens(text, sent_start, verb_start))
        while toks and toks[0].fold in self.en.openers:
            toks = toks[1:]
        if not 2 <= len(toks) <= _MAX_DESCRIPTION or (
                toks[0].fold not in self.en.description_openers):
            return None
        if any(self._is_verb(t) for t in toks[1:]):
            return None  # a clause of its own before the verb, not one noun phrase
        return _as_written(text, toks)

    def _inverted_cue(self, word: str) -> bool:
        """A reporting verb in lower case that comes before its subject ("said", "says")."""
        form = self.lang.cue(word)
        return form is not None and form.slot == "inverted" and word[:1].islower()

    def _subject_exactly(self, text: str, start: int, verb_start: int) -> Mention | None:
        """The subject of a verb when everything between ``start`` and the verb is that NP."""
        toks = self._without_fillers(self._tokens(text, start, verb_start))
        if not toks or len(toks) > _MAX_NP_TOKENS:
            return None
        mention = self.subject_of(text, start, verb_start)
        if mention is None:
            return None
        if mention.start > toks[0].start:
            lead = [t for t in toks if t.end <= mention.start]
            first = toks[len(lead)] if len(lead) < len(toks) else None
            if not (mention.kind == "person" and mention.role and first is not None
                    and self._is_role_word(first) and 0 < len(lead) <= 2 and all(
                    t.text.isalpha() and t.text.islower() and t.fold not in self.function_words
                    and not self._is_verb(t) for t in lead)):
                return None
            # '"…," state prosecutor Alexis Ortiz told Reuters': lowercase words of the role
            # before its head word
            written = text[lead[0].start:mention.start]
            if not mention.role.startswith(written):
                mention.role = f"{written}{mention.role}"
            mention.text, mention.start = text[lead[0].start:mention.end], lead[0].start
        return mention

    def _lead_in(self, text: str, span: Span, sent_start: int) -> Attribution | None:
        """``X said: "…"`` / ``According to X, "…"`` / ``Name - Organisation "…"``."""
        stripped = text[sent_start:span.start].rstrip()
        if not stripped:
            return None
        frag_end = sent_start + len(stripped)
        last = stripped[-1]
        according = self._according_re.search(text, sent_start, frag_end)
        if according and last == ",":
            mention = self.speaker_after(text, according.end(), frag_end - 1)
            if mention:
                return Attribution(span, "direct", according.group(), "according", mention,
                                   (according.end(), frag_end))
        if last in ":,":
            verbs = [v for v in self._verb_re.finditer(text, sent_start, frag_end)]
            if verbs:
                verb = verbs[-1]
                gap = self._tokens(text, verb.end(), frag_end - 1)
                if len(gap) <= _MAX_SUBJECT_GAP:
                    mention = self._verb_subject(text, sent_start, verb) or (
                        self._opening_description(text, sent_start, verb.start()))
                    if mention:
                        return Attribution(span, "direct", verb.group(1), "active", mention,
                                           (sent_start, frag_end))
            if last == ":":
                toks = self._tokens(text, sent_start, frag_end - 1)
                tail = self._np_tail(toks)
                mention = self.read_np(text, tail) if tail else None
                # "X: …" and "Among them is chef Billy Butcher: …"
                if (mention and mention.kind == "person" and len(tail) >= 2 or (
                    tail and len(tail) == len(toks)
                )) and mention and mention.kind != "pronoun":
                    return Attribution(span, "direct", None, "colon", mention,
                                       (sent_start, frag_end))
            return None
        return self._header(text, span, sent_start, frag_end)

    def _header(self, text: str, span: Span, sent_start: int,
                frag_end: int) -> Attribution | None:
        """``Jane Doe - Federation of Small Businesses "…"`` (reaction round-ups)."""
        toks = self._tokens(text, sent_start, frag_end)
        dash = next((k for k, t in enumerate(toks) if t.text in self.en.dashes), None)
        if dash is None or not 2 <= dash <= 4 or len(toks) - dash > 8:
            return None
        name, org = toks[:dash], toks[dash + 1:]
        if not all(self._name_like(t) for t in name) or not org or not all(
            t.text[:1].isupper() or t.fold in self.lang.role_inner for t in org
        ):
            return None
        mention = self.read_np(text, name)
        if mention is None or mention.kind != "person":
            return None
        mention.affiliation = mention.affiliation or _join(org)
        mention.end = org[-1].end
        return Attribution(span, "direct", None, "colon", mention, (sent_start, frag_end))

    def _verb_subject(self, text: str, sent_start: int, verb: re.Match[str]) -> Mention | None:
        """The subject of a reporting verb; a participle takes the main clause's subject."""
        word = verb.group(1).casefold()
        mention = None
        before = self._tokens(text, sent_start, verb.start())
        if word in self.en.participles:
            if before and not _comma_before(text, verb, None, text_pos=verb.start()):
                mention = self.subject_of(text, sent_start, verb.start())
            if mention is None or mention.kind not in ("person", "organization", "pronoun",
                                                       "anonymous"):
                mention = self._clause_subject(text, sent_start, verb.start())
            if mention is None:
                return Mention(verb.group(1), verb.start(), verb.start(), "pronoun")
            return mention
        mention = self.subject_of(text, sent_start, verb.start())
        if mention is None:  # "X said … and called on Russia": the clause's subject
            mention = self._clause_subject(text, sent_start, verb.start())
        return mention

    def _clause_subject(self, text: str, sent_start: int, limit: int) -> Mention | None:
        """The NP that opens the sentence (after openers and an introductory clause)."""
        sent_start = self._after_introduction(text, sent_start, limit)
        finite = [v for v in self._verb_re.finditer(text, sent_start, limit)
                  if v.group(1).casefold() not in self.en.participles]
        if finite:
            found = self.subject_of(text, sent_start, finite[0].start())
            if found:
                return found
        main_verb = self._main_verb(text, sent_start, limit)
        if main_verb is not None:
            found = self.subject_of(text, sent_start, main_verb)
            if found:
                return found
        toks = self._tokens(text, sent_start, limit)
        k = 0
        while k < len(toks) and toks[k].fold in self.en.openers:
            k += 1
        begin = k
        while k < len(toks) and k - begin < _MAX_NP_TOKENS and (
            toks[k].text[:1].isupper() or (k == begin and toks[k].fold in ("the", "a", "an"))
            or self._is_role_word(toks[k]) or toks[k].fold in self.lang.pronouns and k == begin
            or k > begin and toks[k].fold in self.en.name_joiners and k + 1 < len(toks)
            and toks[k - 1].text[:1].isupper() and toks[k + 1].text[:1].isupper()
        ) and (k == begin or _adjacent(text, toks[k - 1], toks[k])):
            if toks[k].fold in self.lang.pronouns:
                k += 1
                break
            k += 1
        if k == begin:
            return None
        found = self.read_np(text, toks[begin:k])
        joiner = next((j for j in range(begin + 1, k) if toks[j].fold in self.en.name_joiners),
                      None)
        if found is None and joiner is not None:  # no body of that name: its first words
            found = self.read_np(text, toks[begin:joiner])
        return found

    def _after_introduction(self, text: str, sent_start: int, limit: int) -> int:
        """Where the sentence goes on after an introductory clause opened by a participle or
        an adverb ("Using sign language, one teenager tells …", "Basically, people …"): its
        first word is no subject. Not a name ending the same way ("Kelly, a teacher, said",
        "Beijing has said"): a word the article also capitalises mid-sentence is a name."""
        begin = sent_start
        while begin < limit and text[begin] in " \t\n\"“":
            begin += 1
        first = _WORD.match(text, begin)
        if first is None:
            return sent_start
        word = first.group()
        if not word[:1].isupper() or not word.endswith(self.en.introductory_endings) or (
                word.casefold() in self.lang.pronouns or word.casefold() in self.en.given_gender):
            return sent_start
        comma = text.find(",", first.end(), limit)
        if comma < 0:
            return sent_start
        if comma > first.end():
            after = _WORD.match(text, first.end() + 1)
            if after is None or not after.group()[:1].islower() or self._is_verb(
                    Tok(after.group(), 0, 0)):
                return sent_start  # "Beijing has …", "Kelly said": a name with its verb
        if re.search(rf"[a-z,] {re.escape(word)}\b", text):
            return sent_start  # capitalised mid-sentence too: a name
        return comma + 1

    def _main_verb(self, text: str, sent_start: int, limit: int) -> int | None:
        """Where the first word that cannot belong to the opening NP starts."""
        toks = self._tokens(text, sent_start, limit)
        k = 0
        while k < len(toks) and toks[k].fold in self.en.openers:
            k += 1
        begin = k
        while k < len(toks):
            tok = toks[k]
            fold = tok.fold
            modifies_role = fold not in self.function_words and not self._is_verb(tok) and any(
                self._is_role_word(t) for t in toks[k + 1:k + 4])
            if not (tok.text[:1].isupper() or tok.text[:1].isdigit() or self._is_role_word(tok)
                    or fold in self.en.org_descriptors or fold in self.lang.role_inner
                    or k == begin and fold in ("the", "a", "an")
                    or fold.endswith("-year-old") or modifies_role):
                return tok.start if k > begin else None
            k += 1
        return None

    def _partial_en(self, text: str, span: Span, inner: str,
                    next_start: int) -> Attribution | None:
        """A fragment inside the reporter's sentence: attributed by a verb of that sentence."""
        core_start, core_end = span.core
        inner_words = _WORD.findall(text, core_start, core_end)
        if len(inner_words) > 1 and all(w[:1].isupper() for w in inner_words):
            return None  # a title
        before = self._tokens(text, max(0, span.start - 40), span.start)[-2:]
        if any(t.fold in self.en.naming_words for t in before):
            return None  # a name: 'a group called "…"', 'with the headline, "…"'
        sent_start = self.sentence_start(text, span.start, 0)
        according = None
        for match in self._according_re.finditer(text, sent_start, span.start):
            according = match
        verbs = [v for v in self._verb_re.finditer(text, sent_start, span.start)]
        if according and (not verbs or verbs[-1].start() < according.start()):
            stop = _clause_end(text, according.end(), span.start)
            mention = self.speaker_after(text, according.end(), stop)
            if mention:
                return Attribution(span, "partial", according.group(), "according", mention,
                                   (according.end(), stop))
        mention = self._verb_subject(text, sent_start, verbs[-1]) if verbs else None
        if mention is not None and mention.kind != "pronoun" or mention is not None and (
            mention.end > mention.start
        ):
            verb = verbs[-1]
            return Attribution(span, "partial", verb.group(1), "active", mention,
                               (sent_start, span.start))
        after = self._partial_after(text, span, next_start)
        if after:
            return after
        if verbs:
            verb = verbs[-1]
            mention = mention or Mention(verb.group(1), verb.start(), verb.start(), "pronoun")
            return Attribution(span, "partial", verb.group(1), "active", mention,
                               (sent_start, span.start))
        return None

    def _partial_after(self, text: str, span: Span, next_start: int) -> Attribution | None:
        """``… has "stabilised", according to X.`` / ``…, said X.`` at the sentence end."""
        end = self.sentence_end(text, span.end, len(text))
        if end - span.end > 400:
            return None
        comma = text.rfind(",", span.end, end)
        if comma < 0:
            return None
        tail = Span(comma, comma, False, False)
        found = self._after(text, tail, len(text), "partial")
        if found is None:
            return None
        found.span = span
        return found

    # -- indirect speech ----------------------------------------------------------------------
    def indirect_mentions(self, text: str, spans: list[Span], lo: int = 0,
                          hi: int | None = None) -> list[Mention]:
        """Subjects of reporting verbs outside quotes (X said that …): named ones make
        the shared pipeline's current speaker. Only those in ``[lo, hi)``."""
        hi = len(text) if hi is None else hi
        reported = self.reported if text is self.text else self._reported_subjects(text, spans)
        return [m for m in reported
                if m.kind in ("person", "organization") and lo <= m.start < hi]

    def _finite_verbs(self, text: str) -> list[re.Match[str]]:
        """Finite reporting verbs of the article (a set look-up per token, then the regex
        only where one occurs)."""
        found = []
        for tok in (self.all_tokens if text is self.text else tokens(text, 0, len(text))):
            form = self.lang.cue_forms.get(tok.fold)
            if form is not None and form.lemma not in self.en.quote_only_verbs:
                match = self._verb_re.match(text, tok.start)
                if match and match.group(1).casefold() not in self.en.participles:
                    found.append(match)
        return found

    def _reported_subjects(self, text: str, spans: list[Span]) -> list[Mention]:
        found: list[Mention] = []
        inside = [(s.start, s.end) for s in spans]
        k = 0
        for verb in self._finite_verbs(text):
            pos = verb.start()
            while k < len(inside) and inside[k][1] <= pos:
                k += 1
            if k < len(inside) and inside[k][0] <= pos:
                continue
            floor = inside[k - 1][1] if k else 0
            start = self.sentence_start(text, pos, floor)
            mention = self.subject_of(text, start, pos)
            if mention is not None:
                found.append(mention)
        return found


class _EnglishNames(NounPhrases):
    """Name look-ups of the shared pipeline answered from the English people index."""

    def __init__(self, lang: Language, owner: EnglishAttributor) -> None:
        super().__init__(lang)
        self.owner = owner

    def person_before(self, text: str, end: int, alias: str) -> str | None:
        """English names come from the people index, not from a nickname in parentheses
        ("Institute for Fiscal Studies (IFS)" is a body)."""
        del text, end, alias
        return None

    def fullest_form(self, text: str, name: str) -> str | None:
        del text
        folded = [w.casefold() for w in name.split()]
        person = self.owner._find_person(folded, len(self.owner.text))
        if person is None or len(person.folded) <= len(folded):
            return None
        return person.name

    def introduction(self, text: str, name: str) -> tuple[str | None, str | None]:
        """Role and affiliation where the article introduces ``name`` (the people index)."""
        del text
        person = self.owner._find_person([w.casefold() for w in name.split()],
                                         len(self.owner.text))
        return (person.role, person.affiliation) if person else (None, None)

    def name_after(self, text: str, role_text: str) -> str | None:
        """English roles are resolved by the hook (definite descriptions, salience)."""
        del text, role_text
        return None

    def last_name_before(self, text: str, position: int) -> str | None:
        """The salient person of the English hook, not any capitalised run."""
        del text
        person = self.owner._salient(position)
        return person.name if person else None


def _as_written(text: str, toks: list[Tok]) -> Mention:
    """A description that names no one, kept as the speaker exactly as the article words it."""
    surface = text[toks[0].start:toks[-1].end]
    return Mention(surface, toks[0].start, toks[-1].end, "anonymous", name=surface)


def _adjacent(text: str, left: Tok, right: Tok) -> bool:
    """Only spaces between two tokens (no comma, colon or quote)."""
    gap = text[left.end:right.start]
    return not gap.strip()


def _comma_before(text: str, tok: Tok | re.Match[str], toks: list[Tok] | None, *,
                  text_pos: int | None = None) -> bool:
    pos: int = text_pos if text_pos is not None else tok.start  # type: ignore[union-attr,assignment]
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] == ","


def _strip_comma_tail(text: str, toks: list[Tok]) -> list[Tok]:
    """Tokens of the comma chunk that ends ``toks``."""
    k = len(toks)
    while k > 1 and _adjacent(text, toks[k - 2], toks[k - 1]):
        k -= 1
    return toks[k - 1:] if k > 1 else toks


def _clause_end(text: str, start: int, limit: int) -> int:
    comma = text.find(",", start, limit)
    return comma if comma >= 0 else limit


def _strip_possessive(words: str) -> str:
    match = _POSSESSIVE.match(words)
    return match.group(1) if match and words[-2:] in ("'s", "’s") else words


def _copy(mention: Mention) -> Mention:
    return Mention(mention.text, mention.start, mention.end, mention.kind, mention.name,
                   mention.role, mention.affiliation)


def _join(toks: list[Tok]) -> str | None:
    return " ".join(t.text for t in toks) or None
