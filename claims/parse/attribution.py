"""Attribution: which cue and which noun phrase belong to each quotation span.

Four slots, in the order they are tried (shared/lang/indonesian-attribution.md §1.1):
after the quote (``“…,” kata X`` / ``ujarnya`` / ``“…,” X menambahkan``), before it
(``X mengatakan, “…”`` / ``Kata X, “…”`` / ``menurut X, “…”`` / ``X: “…”``), around a
fragment inside the reporter's sentence (``X menyebut … “…”``, kind partial), and none
(a continuation of the current speaker).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from claims.parse.language import AFTER_QUOTE_SLOTS, Language
from claims.parse.names import (
    Mention,
    NounPhrases,
    Tok,
    after_last_dash,
    is_capitalised,
    is_initial,
    match_phrase,
    occurrences,
    tokens,
)
from claims.parse.quotes import Span

_SKIP_AFTER_QUOTE: Final = " \t,\u00a0"
_WORD: Final = re.compile(r"[^\W\d_][\w'-]*")
_MIN_CONTINUATION_WORDS: Final = 4
# every byte but ASCII letters -> space: the article's ASCII words (what ``[A-Za-z]+`` finds)
# by C-speed encode/translate/split, twice as fast as the regex
_ONLY_LETTERS: Final = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ACTIVE: Final = ("active",)
_PASSIVE: Final = ("passive",)
# cues a short name follows: "kata Evita", "diungkapkan Evita"
_NAMING: Final = ("inverted", "clitic", "passive")
_LAST_WORD: Final = re.compile(r"(\w+)\s+$")
_NP_REACH: Final = 240  # characters: a speaker NP with its appositions is never longer
_ROLE_SENTENCE_REACH: Final = 160  # characters: a verbless "sentence" holding a role is shorter
_ROLE_SENTENCE_WORDS: Final = 8
_SHORT_WINDOW: Final = 48  # characters tokenised first at a sentence opening (most subjects fit)
# possessive runs (*+, ++) where giving characters back can never help: fewer steps, 30%
# faster on the failing sentences, the same matches
_SUBJECT_START: Final = re.compile(
    r"[\s\"“”,]*+(?:[A-Z][\w.'-]*+,?\s++){1,}"
    r"(?:[A-Z]|[a-z]++\s++[A-Z]|[a-z]++\s++[a-z]++\s++[A-Z])"
)
_LOWER_NEXT: Final = re.compile(r"\s*[a-z]")
_LAST_WORDS: Final = re.compile(r"[^\s,]+|,")
_ALL_SLOTS: Final = ("inverted", "clitic", "active", "passive")
# a newline or a quotation mark; or .!? before a space, the end, or a quotation mark
_SENTENCE_STOP: Final = re.compile(r"[\n\"“”«».!?](?:(?<=[\n\"“”«»])|(?=\s|$|[\"“”]))")
# ". L, Head of …" after a name: a stray initial, not a new sentence
_STRAY_INITIAL: Final = re.compile(r" [A-Z],")
_OPENING_NAME: Final = re.compile(r"\s*+([A-Z][a-z]{2,}+)\s++(?:[a-z]++\s++)?(?:me|ber|di)[a-z]+")
# "Rabu (21/8/2024) Perry menyampaikan": a numeric date in parentheses closes the sentence
# before it even when a scraper lost the period (paragraphs glued)
_DATE_PARENTHESIS: Final = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)(?=\s+[A-Z])")
_NEXT_WORD: Final = re.compile(r"\s+([A-Z][a-z]+)(?![\w-])(?!\s+[A-Z])")


@dataclass(slots=True, init=False)
class Attribution:
    """What the text around one span says about it (before discourse resolution)."""

    span: Span
    kind: str  # direct | partial
    cue: str | None
    cue_slot: str | None  # inverted | clitic | active | passive | according | colon
    # | continuation (no cue: a hook carried the previous speaker over)
    mention: Mention | None
    clause: tuple[int, int] | None  # where to look for a date and a source outlet

    def __init__(self, span: Span, kind: str, cue: str | None = None,
                 cue_slot: str | None = None, mention: Mention | None = None,
                 clause: tuple[int, int] | None = None) -> None:
        # written out (init=False) so that mypyc compiles it (see names.Mention)
        self.span = span
        self.kind = kind
        self.cue = cue
        self.cue_slot = cue_slot
        self.mention = mention
        self.clause = clause


class Attributor:
    """Finds cues and speaker noun phrases around quotation spans for one language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.nps = NounPhrases(lang)
        self._hits_text: str | None = None
        self.words: set[str] | None = None
        self._memo_text: str | None = None
        self.dateline_end = 0
        self.dateline_outlet: str | None = None
        self.sentence_starts: list[int] = []
        self.glued_starts: list[int] = []  # "ujarnya.Aldian": sentences a scraper glued
        self.cue_names: frozenset[str] = frozenset()
        self._memo: dict[tuple[int, int], Mention | None] = {}
        self._all_hits: list[tuple[tuple[int, int, str], str]] = []
        # the place words end in a letter or a dot: _may_follow_place_word can test them
        # lowercase words a role may hold ("pelatih kepala", "Head of", "di"): one set
        self._role_lowercase = lang.role_inner | lang.role_joiners | lang.role_head_words
        self._place_words_literal = bool(lang.after_place_words) and all(
            w and not w[-1].isspace() for w in lang.after_place_words)

    # -- sentence geometry ----------------------------------------------------------------
    def sentence_start(self, text: str, pos: int, floor: int) -> int:
        """Start of the sentence holding ``pos`` (never before ``floor``, nor inside the
        dateline: "JAKARTA--Kepala Ekonom …" starts at "Kepala")."""
        if floor < self.dateline_end <= pos:
            floor = self.dateline_end
        end = pos
        while end > floor:
            newline = text.rfind("\n", floor, end)
            cut = max(newline, text.rfind(". ", floor, end))
            # the rarer stops only right of the common ones: one further left cannot be the
            # last (and an absent "?" would be looked for all the way back to floor)
            low = max(floor, cut)
            cut = max(cut, text.rfind("? ", low, end), text.rfind("! ", low, end),
                      text.rfind(".\t", low, end))
            if cut < 0:
                return floor
            if cut == newline or not (self._abbreviation(text, cut)
                                      or _STRAY_INITIAL.match(text, cut + 1)):
                return cut + 1
            end = cut  # "Dr. Budi": not a sentence end, look further back
        return floor

    def sentence_end(self, text: str, pos: int, ceiling: int) -> int:
        """Where the sentence that runs through ``pos`` ends (at most ``ceiling``)."""
        for match in _SENTENCE_STOP.finditer(text, pos, ceiling):
            if match.group() in ".!?" and (self._abbreviation(text, match.start())
                                           or _STRAY_INITIAL.match(text, match.end())):
                continue
            return match.start()
        return ceiling

    def _abbreviation(self, text: str, dot: int) -> bool:
        """A dot that ends an initial, a dotted abbreviation or a title (Dr., Ir., Kol.)."""
        j = dot - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        k = j  # the walk over letters and dots goes on from the walk over letters
        while k >= 0 and (text[k].isalpha() or text[k] == "."):
            k -= 1
        short = text[k + 1:dot]
        if len(short) == 1 and short.isupper() or "." in short:
            return True  # an initial or a dotted short form (M.Sn.)
        word = text[j + 1:dot + 1].casefold()
        return bool(word) and word in self.lang.titles

    # -- the slots --------------------------------------------------------------------------
    def attribute(self, text: str, spans: list[Span]) -> list[Attribution | None]:
        out: list[Attribution | None] = []
        for k, span in enumerate(spans):
            prev_end = spans[k - 1].end if k else 0
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            out.append(self._attribute_one(text, span, prev_end, next_start))
        return out

    def _attribute_one(self, text: str, span: Span, prev_end: int,
                       next_start: int) -> Attribution | None:
        sent_start = self.sentence_start(text, span.start, prev_end)
        before = text[sent_start:span.start]
        core_start, core_end = span.core
        inner = text[core_start:core_end]
        if not _WORD.search(inner):
            return None
        ends_clause = inner.rstrip()[-1:] in ",.?!…"
        link_end = self.nps.link_end(text, max(sent_start, span.start - 160), span.start)
        if link_end is not None:
            # "Baca juga: <headline>" glued before a real quote: keep the quote only when it
            # is punctuated as speech and a cue follows, or a lead-in after the link has one
            after = self._after_quote(text, span, next_start) if ends_clause else None
            return after or self._before_quote(text, span, link_end)
        mid_sentence = _mid_sentence(before)
        if mid_sentence and self._verb_just_before(text, sent_start, span.start) and (
            ends_clause or _word_count(inner) >= 8
        ):
            mid_sentence = False  # "X menambahkan "…"": a lead-in without its comma
        if span.closed and not mid_sentence:
            after = self._after_quote(text, span, next_start)
            if after:
                return after
        if span.closed and mid_sentence:
            after = self._after_quote(text, span, next_start)
            if after and inner.rstrip()[-1:] in ",.?!…":
                return after
        if not mid_sentence:
            pre = self._before_quote(text, span, sent_start)
            if pre:
                return pre
            words = _WORD.findall(text, core_start, core_end)
            capitals = sum(is_capitalised(w) for w in words)
            if len(words) > 1 and (capitals > 0.8 * len(words) or not ends_clause
                                   and capitals > 0.6 * len(words)):
                return None  # a slogan or a title in title case
            if not ends_clause and _LOWER_NEXT.match(text, span.end):
                # '"Tarif yang menyeluruh …" dapat mengubah …': the reporter's sentence
                return Attribution(span, "partial") if len(words) >= 3 else None
            if len(words) >= _MIN_CONTINUATION_WORDS or (
                inner.rstrip()[-1:] in ".?!…" and len(words) >= 2
            ):
                return Attribution(span, "direct")
            return None
        return self._partial(text, span, self.sentence_start(text, span.start, 0))

    def _verb_just_before(self, text: str, sent_start: int, quote_start: int) -> bool:
        """An active reporting verb is the last word before the quote."""
        words = _LAST_WORDS.findall(text, max(sent_start, quote_start - 40), quote_start)
        form = self.lang.cue(words[-1]) if words else None
        return form is not None and form.slot == "active"

    def _after_quote(self, text: str, span: Span, next_start: int) -> Attribution | None:
        lang = self.lang
        i = span.end
        limit = min(len(text), next_start)
        while i < limit and (text[i] in _SKIP_AFTER_QUOTE or text[i] == "\n"):
            i += 1
        lead = _WORD.match(text, i)
        if lead and lead.group().casefold() in lang.before_cue:
            j = lead.end()
            while j < limit and text[j] in " \t":
                j += 1
            if lang.inverted_at(text, j):
                i = j  # "…," begitu katanya
        cue = lang.inverted_at(text, i)
        if cue:
            cue_end, word = cue
            doubled = lang.inverted_at(text, cue_end + 1)
            if doubled and text[cue_end:cue_end + 1] == " " and (
                doubled_form := lang.cue(doubled[1])) and doubled_form.slot == "inverted":
                # "kata ungkap Gubernur BI …": a doubled verb; the first is the cue
                end = self.sentence_end(text, doubled[0], limit)
                mention = self.mention_after(text, doubled[0], end)
                if mention is not None:
                    return Attribution(span, "direct", word, "inverted", mention,
                                       (doubled[0], end))
            form = lang.cue(word)
            end = self.sentence_end(text, cue_end, limit)
            if form and form.slot == "clitic":
                return Attribution(span, "direct", word, "clitic", None, (cue_end, end))
            mention = self.mention_after(text, cue_end, end)
            if mention is None and not is_capitalised(text[i:i + 1]):
                return None
            if mention is not None or is_capitalised(word):
                return Attribution(span, "direct", word, "inverted", mention, (cue_end, end))
        lead = _WORD.match(text, i)
        if lead and lead.group().casefold() in lang.passive_leads:
            # "…," seperti ditulis akun X / sebagaimana disampaikan Menteri X
            verb = _WORD.match(text, lead.end() + 1)
            form = lang.cue(verb.group()) if verb else None
            if verb and form and form.slot == "passive":
                agent = verb.end()
                filler = _WORD.match(text, agent + 1)
                while filler and filler.group().casefold() in lang.agent_fillers:
                    agent = filler.end()
                    filler = _WORD.match(text, agent + 1)
                end = self.sentence_end(text, agent, limit)
                mention = self.mention_after(text, agent, end)
                if mention:
                    return Attribution(span, "direct", verb.group(), "passive", mention,
                                       (agent, end))
        closing = _WORD.match(text, i)
        if closing and closing.group().casefold() in lang.closing:
            end = self.sentence_end(text, closing.end(), limit)
            mention = self.mention_after(text, closing.end(), end)
            if mention:
                return Attribution(span, "direct", closing.group(), "inverted", mention,
                                   (closing.end(), end))
        # "…," Budi menambahkan.
        end = self.sentence_end(text, i, limit)
        verbs = lang.find_cues(text, i, min(end, i + 120), _ACTIVE) if is_capitalised(
            text[i:i + 1]) else []
        if verbs:
            v_start, v_end, v_word = verbs[0]
            toks = tokens(text, i, v_start)
            subject = self.nps.subject_before(toks)
            if subject and len(subject) == len(toks):
                mention = self.nps.read(subject, text)
                if mention is not None and "," in mention.text:
                    # "…”Ananta Wiyogo, Direktur Utama SMF, menjelaskan": a name, then the role
                    # apposed to it, read chunk by chunk as before any verb ("ROLE, NAME" is
                    # read whole already)
                    apposed = self.subject_mention(text, i, v_start)
                    if apposed is not None and apposed.kind == "person" and (
                            apposed.start == toks[0].start) and apposed.name and (
                            text.startswith(apposed.name, toks[0].start)):
                        mention = apposed
                if mention:
                    return Attribution(span, "direct", v_word, "active", mention,
                                       (v_end, end))
        return None

    def _before_quote(self, text: str, span: Span, sent_start: int) -> Attribution | None:
        lang = self.lang
        fragment_end = span.start
        stripped = text[sent_start:fragment_end].rstrip()
        if not stripped:
            return None
        last = stripped[-1]
        frag_end = sent_start + len(stripped)
        first = _WORD.search(text, sent_start, frag_end)
        # Kata X, "…"  /  kata X, "…" (the second half of a split quote)  /  menurut X, "…"
        if first and first.start() - sent_start <= 2:
            form = lang.cue(first.group())
            fold = first.group().casefold()
            if form and form.slot in AFTER_QUOTE_SLOTS or fold in lang.according_to:
                if form and form.slot == "clitic":
                    return Attribution(span, "direct", first.group(), "clitic", None,
                                       (first.end(), frag_end))
                mention = self.mention_after(text, first.end(), frag_end)
                if mention:
                    slot = "according" if fold in lang.according_to else "inverted"
                    return Attribution(span, "direct", first.group(), slot, mention,
                                       (first.end(), frag_end))
        if last not in ",:" and not self._verb_just_before(text, sent_start, fragment_end):
            return None
        verbs = lang.find_cues(text, sent_start, frag_end, _ACTIVE)
        if verbs:
            v_start, _v_end, v_word = verbs[-1]
            mention = self.subject_mention(text, sent_start, v_start)
            if mention:
                return Attribution(span, "direct", v_word, "active", mention,
                                   (sent_start, frag_end))
        if last == ":":
            toks = tokens(text, sent_start, frag_end - 1)
            subject = self.nps.subject_before(toks)
            if subject and len(subject) == len(toks) and match_phrase(
                    toks, 0, lang.connectors) < len(toks):  # not "Artinya: …" (it means)
                mention = self.nps.read(subject, text)
                if mention:
                    return Attribution(span, "direct", None, "colon", mention,
                                       (sent_start, frag_end))
        return None

    def _partial(self, text: str, span: Span, sent_start: int) -> Attribution | None:
        lang = self.lang
        core_start, core_end = span.core
        inner_words = _WORD.findall(text, core_start, core_end)
        if inner_words and all(is_capitalised(w) for w in inner_words) and len(inner_words) > 1:
            return None  # a title
        verbs = lang.find_cues(text, sent_start, span.start, _ACTIVE)
        if not verbs:
            return None
        v_start, _v_end, v_word = verbs[-1]
        mention = self.subject_mention(text, sent_start, v_start)
        if mention is None:
            return None
        return Attribution(span, "partial", v_word, "active", mention,
                           (sent_start, span.start))

    def prepare(self, text: str) -> str:
        """Per-article evidence, computed once: the word set, cue positions, name hints.

        Returns the text to attribute on: ``text`` itself, or (see ``comma_view``) a view of
        the same length where a scraper's ". " for ", " reads as a comma again."""
        self.glued_starts = []
        self.sentence_starts = sentence_break_ends(text, self.glued_starts)
        text = self.comma_view(text)  # also drops the sentence breaks it reads as commas
        tag_line = self.lang.tag_line
        tags = tag_line.search(text, max(0, len(text) - 400)) if tag_line is not None else None
        self.words = ascii_words(text[:tags.start()] if tags else text)
        self.dateline_end = 0
        self.dateline_outlet = None
        head = text[:200]
        for name, pattern in self.lang.outlets:
            match = pattern.search(head)
            if match:
                self.dateline_end = match.end()
                self.dateline_outlet = name
                break
        if self.lang.city_dateline is not None:
            city = self.lang.city_dateline.match(head, self.dateline_end)
            if city:
                self.dateline_end = city.end()
        self._hits_text = None
        hints = self.short_names(text)
        self.nps.set_article(text, hints, self.words)
        self.nps.cue_hints = self.cue_names
        return text

    def comma_view(self, text: str) -> str:
        """``text`` with the periods a scraper wrote for commas read as commas, when the article
        shows that corruption: at least ``lang.comma_period_min`` periods between two lowercase
        words ("kata Cipt. adik Indra", "ke manajeme. masih"). There, a period before a
        lowercase word is a comma, and so is one that ends a verbless "sentence" holding only a
        role before a name ("Pelatih PSS Slema. Seto Nurdiantoro beri …": ROLE, NAME). Same
        length, same offsets; the truncated words stay as written. Reads the sentence breaks
        ``prepare`` found, so no new pass over the article."""
        lang = self.lang
        if not lang.comma_period_min:
            return text
        end = len(text) - 1
        # a period between two lowercase letters, a space after it: one comparison chain per
        # sentence break (most breaks fail the first test)
        lowered = [start - 1 for start in self.sentence_starts
                   if start < end and "a" <= text[start + 1] <= "z" and text[start - 1] == "."
                   and text[start] == " " and "a" <= text[start - 2] <= "z"
                   and self._comma_word(text, start - 1)]
        if len(lowered) < lang.comma_period_min:
            return text
        capital = [start - 1 for start in self.sentence_starts
                   if start < end and "A" <= text[start + 1] <= "Z" and text[start - 1] == "."
                   and text[start] == " " and "a" <= text[start - 2] <= "z"]
        commas = sorted(lowered + [dot for dot in capital if self._role_before_name(text, dot)])
        pieces = []
        last = 0
        for dot in commas:
            pieces.append(text[last:dot])
            pieces.append(",")
            last = dot + 1
        pieces.append(text[last:])
        # a sentence break is a period (or newline, ?, !) before a space: each comma ends one
        dropped = {dot + 1 for dot in commas}
        self.sentence_starts = [s for s in self.sentence_starts if s not in dropped]
        return "".join(pieces)

    def _comma_word(self, text: str, dot: int) -> bool:
        """The word before ``dot`` is a word a comma could follow: not an abbreviation
        ("Tbk.", "a.l.", "dll."), not a list letter ("a.")."""
        j = dot - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = text[j + 1:dot]
        return len(word) > 1 and (j < 0 or text[j] != ".") and (
            word.casefold() not in self.lang.abbreviations)

    def _role_before_name(self, text: str, dot: int) -> bool:
        """The "sentence" ending at ``dot`` is only a role, and a capitalised word follows:
        a scraped "ROLE, NAME" apposition ("Pelatih PSS Slema. Seto Nurdiantoro")."""
        lang = self.lang
        k = bisect_left(self.sentence_starts, dot)
        begin = self.sentence_starts[k - 1] if k else 0
        if dot - begin > _ROLE_SENTENCE_REACH:
            return False  # far longer than a role: a sentence of the reporter's
        sentence = text[begin:dot]
        if "-" in sentence or "–" in sentence or "—" in sentence:
            begin = after_last_dash(text, begin, dot)  # "TRIBUNNEWS.COM - Pelatih …"
        if text.count(" ", begin, dot) > _ROLE_SENTENCE_WORDS + 1:
            return False  # too many words for a role (a cheap test before tokenising)
        name = _WORD.match(text, dot + 2)
        if name is None or any("a" <= word[0] <= "z" and word not in self._role_lowercase
                               for word in text[begin:dot].split()):
            return False  # a lowercase word a role never holds: the reporter's sentence
        toks = tokens(text, begin, dot)
        if not toks or len(toks) > _ROLE_SENTENCE_WORDS or not self.nps.role_head_length(toks):
            return False
        if not all(is_capitalised(t.text) or t.fold in lang.role_inner or t.fold in
                   lang.role_joiners or t.fold in lang.role_head_words for t in toks):
            return False
        fold = name.group().casefold()
        return self.nps.is_person_word(name.group()) and fold not in lang.pronouns and not (
            match_phrase([Tok(fold, 0, 0)], 0, lang.connectors))  # "… Aure. Ia pun …"

    def _hits(self, text: str, slots: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Reporting verbs of the whole article (found once per article, then filtered)."""
        if self._hits_text is not text:
            self._hits_text = text
            # each verb's slot looked up once per article, not once per caller or hit
            self._all_hits = self.lang.find_all_cue_slots(text, _ALL_SLOTS, self.words)
        return [hit for hit, slot in self._all_hits if slot in slots]

    def short_names(self, text: str) -> frozenset[str]:
        """Single capitalised words right after an inverted cue ("kata Kharisma"): the article
        uses them alone for a speaker, so a longer name containing them starts there."""
        found = set()
        for _c_start, c_end, _word in self._hits(text, _NAMING):
            next_word = _NEXT_WORD.match(text, c_end)
            if next_word:
                found.add(next_word.group(1).casefold())
        for c_end in self._according_ends(text):  # "Menurut Wiku, …": the same short name
            next_word = _NEXT_WORD.match(text, c_end)
            if next_word:
                found.add(next_word.group(1).casefold())
        self.cue_names = frozenset(found)
        # "Jujun menegaskan …": a single capitalised word opening a sentence before a verb,
        # unless the article also writes it as a place ("di Sidoarjo", "Kabupaten Sidoarjo")
        lang = self.lang
        places: set[str] | None = None  # read only when a candidate turns up
        openings = [0, *self.sentence_starts]
        if "/" in text:
            openings += [m.end() for m in _DATE_PARENTHESIS.finditer(text)]
        openings += self.glued_starts
        words = self.words
        size = len(text)
        for start in openings:
            # the word _OPENING_NAME would capture, found by hand first: most openings hold
            # no capitalised word of three letters before a space, or one the article also
            # writes in lowercase, and need no regex
            begin = start
            while begin < size and text[begin].isspace():
                begin += 1
            end = begin + 1
            while end < size and "a" <= text[end] <= "z":
                end += 1
            if end - begin < 3 or end >= size or not "A" <= text[begin] <= "Z" or not (
                    text[end].isspace()):
                continue
            word = text[begin:end]
            fold = word.lower()  # ASCII: the same as casefold
            if words is not None and fold in words or _OPENING_NAME.match(text, start) is None:
                continue
            if places is None and self._may_follow_place_word(text, word):
                places = set(lang.after_place_re.findall(text))
            if places is not None and word in places:
                continue
            if fold not in (
                lang.role_head_words
            ) and fold not in lang.days and fold not in lang.months and not match_phrase(
                [Tok(word, 0, 0)], 0, lang.connectors
            ) and fold not in lang.org_heads and fold not in lang.place_words:
                found.add(fold)
        return frozenset(found)

    def _according_ends(self, text: str) -> list[int]:
        """Where each "menurut"/"Menurut" (``lang.according_to``) ends as a whole word."""
        return [end for word in self.lang.according_to for form in (word, word.capitalize())
                for _start, end in occurrences(text, form)]

    def _may_follow_place_word(self, text: str, word: str) -> bool:
        """False only when ``lang.after_place_re`` surely captures ``word`` nowhere in ``text``:
        no occurrence of it ends a capitalised word after spaces after a place word. Cheaper
        than running that regex over the whole article for each candidate."""
        alternatives = self.lang.after_place_words
        if not self._place_words_literal:
            return True
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if end == len(text) or not "a" <= text[end] <= "z":
                gap = pos
                while gap > 0 and text[gap - 1].isspace():
                    gap -= 1
                if gap < pos and text.endswith(alternatives, 0, gap):
                    return True
            pos = text.find(word, pos + 1)
        return False

    def sentence_subjects(self, text: str, spans: list[Span], lo: int = 0,
                          hi: int | None = None) -> list[Mention]:
        """People who open a sentence (``Analis Infovesta Beben Feri Wibowo memproyeksikan``):
        a subject introduced by any verb becomes the current speaker for a later -nya.
        Only sentences starting in ``[lo, hi)`` are read."""
        lang = self.lang
        hi = len(text) if hi is None else hi
        found: list[Mention] = []
        inside = [(s.start, s.end) for s in spans]
        first = bisect_left(self.sentence_starts, lo)
        last = bisect_left(self.sentence_starts, hi)
        starts = [lo, max(lo, self.dateline_end)] + self.sentence_starts[first:last] + [
            s.end for s in spans if lo <= s.end < hi]
        k = 0
        seen: set[int] = set()
        for start in sorted(set(starts)):
            if start >= hi:
                break
            while start < len(text) and text[start] in " \t\n\"“”,":
                start += 1
            if start in seen:
                continue
            seen.add(start)
            while k < len(inside) and inside[k][1] <= start:
                k += 1
            if k < len(inside) and inside[k][0] <= start:
                continue  # inside a quote
            opening = text[start:start + 1]  # what _SUBJECT_START needs first, tested cheaply
            if not ("A" <= opening <= "Z" or opening.isspace()) or not _SUBJECT_START.match(
                    text, start):
                continue  # not "Capitalised Capitalised…": no named subject here
            if not "A" <= opening <= "Z":  # a capital opening is a capitalised word
                first_word = _WORD.match(text, start)
                if first_word is None or not first_word.group()[0].isupper():
                    continue
            window_end = min(len(text), start + 160)
            if k < len(inside):
                window_end = min(window_end, inside[k][0])  # a subject never runs into a quote
            # a shorter window that ends at a space has exactly the same first tokens;
            # the full window is only tokenised when the subject runs past it
            short_end = text.find(" ", start + _SHORT_WINDOW, window_end)
            toks = tokens(text, start, short_end if short_end > 0 else window_end)
            cut = self._subject_cut(toks)
            if cut >= len(toks) and short_end > 0:
                toks = tokens(text, start, window_end)
                cut = self._subject_cut(toks)
            if cut < 2 or cut >= len(toks) or cut >= 18 or toks[cut].fold == ".":
                continue
            anaphor = toks[cut].fold in lang.anaphor_markers
            if toks[cut].fold in lang.np_stop and toks[cut].fold not in lang.subject_particles \
                    and not anaphor:
                continue
            lead = 0
            while lead < cut:
                n = match_phrase(toks[lead:cut], 0, lang.connectors)
                if n:
                    lead += n
                elif toks[lead].fold in lang.according_to or toks[lead].fold in (
                        lang.indirect_openers):
                    lead += 1  # "Menurut Budi, …", "Kata Budi, …"
                else:
                    break
            if cut - lead < 1:
                continue
            if anaphor and match_phrase(
                toks[lead:cut], 0, lang.role_heads
            ):
                described = toks[lead:cut]
                for k in range(1, len(described)):
                    if described[k].fold in lang.descriptor_markers:
                        described = described[:k]  # origin and age are no role
                        break
                role, affiliation = self.nps.read_role(described)
                found.append(Mention(text[toks[lead].start:toks[cut].end], toks[lead].start,
                                     toks[cut].end, "role", role=role, affiliation=affiliation))
                continue
            mention = None
            if any(tok.fold in lang.according_to for tok in toks[:lead]):
                # "Menurut ROLE, NAME, Bank Dunia memperkenalkan": the source of "menurut"
                # ends at its last comma when a person is named before it; after it, the
                # reported clause has a subject of its own, no apposition of the source
                comma = text.rfind(",", toks[lead].start, toks[cut].start)
                if comma > toks[lead].start:
                    mention = self.subject_mention(text, toks[lead].start, comma + 1)
                    if mention is not None and mention.kind != "person":
                        mention = None
            if mention is None:
                mention = self.subject_mention(text, toks[lead].start, toks[cut].start)
            if mention is not None and mention.kind == "person" and mention.name and (
                " " in mention.name or mention.role
            ) and not self.nps.is_ordinary(Tok(mention.name.split()[0], 0, 0)):
                found.append(mention)
        return found

    def _subject_cut(self, toks: list[Tok]) -> int:
        """How many tokens of a sentence opening can belong to its subject NP."""
        lang = self.lang
        cut = 0
        descriptors = 0
        while cut < len(toks) and cut < 18 and toks[cut].fold != ".":
            tok = toks[cut]
            if is_capitalised(tok.text) or tok.fold in lang.role_inner or (
                tok.fold in lang.role_joiners or tok.fold in lang.name_particles
            ):
                cut += 1
            elif tok.fold in lang.role_single_heads:
                cut += 1  # "Dan pemain bertahan Manchester United, Daley Blind"
                descriptors = lang.descriptor_span
            elif descriptors and tok.fold not in lang.np_stop:
                cut += 1
                descriptors -= 1
            elif cut and tok.fold in lang.descriptor_markers:
                end = self._descriptor_end(toks, cut)
                if end < len(toks) and toks[end].fold in lang.anaphor_markers:
                    cut = end  # "Musisi asal Kanada berusia 40 tahun itu": still the NP
                break
            else:
                break
        return cut

    def _descriptor_end(self, toks: list[Tok], i: int) -> int:
        """Where an origin or age descriptor starting at ``toks[i]`` ends ("asal Kanada",
        "berusia 40 tahun", "kelahiran 1990"; several in a row): it holds capitalised words,
        numbers and units only. ``i`` itself when nothing follows the marker."""
        lang = self.lang
        end = i
        while end < len(toks) and toks[end].fold in lang.descriptor_markers:
            k = end + 1
            while k < len(toks) and (is_capitalised(toks[k].text)
                                     or toks[k].fold in lang.descriptor_units):
                k += 1
            if k == end + 1:
                break
            end = k
        return end

    def _may_have_subject(self, text: str, pos: int) -> bool:
        """Cheap test before parsing a subject: the word before the verb (particles skipped)
        is capitalised, a pronoun, a role word, or the end of an apposition (a comma)."""
        lang = self.lang
        # the words of _LAST_WORDS (runs without spaces or commas, and single commas):
        # a split is faster than a regex
        for word in reversed(text[max(0, pos - 60):pos].replace(",", " , ").split()):
            fold = word.casefold()
            if fold in lang.subject_particles:
                continue
            return (word == "," or word[0].isupper() or word[-1] == ")" or fold in lang.pronouns
                    or fold in lang.role_head_words or fold in lang.anaphor_markers
                    or fold in lang.anonymous_words)
        return False

    def indirect_mentions(self, text: str, spans: list[Span], lo: int = 0,
                          hi: int | None = None) -> list[Mention]:
        """Subjects of reporting verbs outside quotes (X mengatakan …, menurut X): they
        introduce people and make them the current speaker. Only verbs in ``[lo, hi)``."""
        hi = len(text) if hi is None else hi
        found: list[Mention] = []
        inside = [(s.start, s.end) for s in spans]
        k = 0
        for pos, _v_end, _word in self._hits(text, _ACTIVE):
            if not lo <= pos < hi:
                continue
            while k < len(inside) and inside[k][1] <= pos:
                k += 1
            if k < len(inside) and inside[k][0] <= pos:
                continue
            floor = inside[k - 1][1] if k else 0
            if not self._may_have_subject(text, pos):
                continue
            start = self.sentence_start(text, pos, floor)
            mention = self.subject_mention(text, start, pos)
            if mention is not None:
                found.append(mention)
        found += self.passive_agents(text, spans, lo, hi)
        return found

    def passive_agents(self, text: str, spans: list[Span], lo: int, hi: int) -> list[Mention]:
        """People named as the agent of a passive reporting verb outside quotes ("Pendapat
        berbeda disampaikan analis Gainesville Coins, Everett Millman."): they introduce the
        speaker a later "-nya" means, as an active verb's subject does. Only named people
        (two name words or a role), and only a verb followed by its agent, at most after
        ``lang.agent_markers`` ("oleh"): "disampaikan dalam rapat" names no one."""
        lang = self.lang
        found: list[Mention] = []
        inside = [(s.start, s.end) for s in spans]
        k = 0
        for pos, v_end, word in self._hits(text, _PASSIVE):
            if not lo <= pos < hi or word.casefold().endswith(lang.clitic_suffix):
                continue  # "disampaikannya": the clitic is the agent
            while k < len(inside) and inside[k][1] <= pos:
                k += 1
            if k < len(inside) and inside[k][0] <= pos:
                continue
            before = _LAST_WORD.search(text, max(0, pos - 20), pos)
            if before and before.group(1).casefold() in lang.relative_markers:
                continue  # "pidato yang disampaikan oleh Presiden Jokowi"
            agent = v_end
            marker = _WORD.match(text, agent + 1)
            if marker and marker.group().casefold() in lang.agent_markers:
                agent = marker.end()
            ceiling = min(hi, inside[k][0]) if k < len(inside) else hi
            if agent >= ceiling:
                continue
            mention = self.mention_after(text, agent, self.sentence_end(text, agent, ceiling))
            if mention is not None and mention.kind == "person" and mention.name and (
                    " " in mention.name or mention.role) and not self._two_people(text, mention):
                found.append(mention)
        return found

    def _name_chunk(self, text: str, start: int, end: int) -> bool:
        """The comma chunk is a personal name alone, one to four words ("Nurdin Halid"),
        that the article writes again: an opening "Senada," or "Mengutip Bloomberg," is none."""
        toks = tokens(text, start, end)
        lang = self.lang
        return 1 <= len(toks) <= 4 and all(self.nps.plain_person_word(t) for t in toks) and (
            not match_phrase(toks, 0, lang.connectors) and lang.cue(toks[0].text) is None
            and toks[0].fold not in lang.via_words
            and any(len(occurrences(text, tok.text)) > 1 for tok in toks))

    def _two_people(self, text: str, mention: Mention) -> bool:
        """The mention joins two people: a coordinator before a second role ("Gubernur Sumbar
        Irwan Prayitno dan Gubernur Bali Wayan Koster"), not inside a body's name ("Komite
        Penanganan Covid-19 dan Pemulihan Ekonomi Nasional")."""
        lang = self.lang
        toks = tokens(text, mention.start, mention.end)
        return any(tok.fold in lang.coordinators and match_phrase(toks, i + 1, lang.role_heads)
                   for i, tok in enumerate(toks[:-1]))

    # -- noun phrases -----------------------------------------------------------------------
    def mention_after(self, text: str, start: int, end: int) -> Mention | None:
        """The speaker NP after an inverted cue, with comma appositions joined."""
        chunks = _comma_chunks(text, start, min(end, start + _NP_REACH))
        mentions: list[Mention] = []
        for k, (c_start, c_end) in enumerate(chunks[:5]):
            toks = tokens(text, c_start, c_end)
            if k and toks and mentions:
                toks = self._without_indefinite(toks)  # "…, seorang profesor ekonomi di …"
            if k and (not toks or not is_capitalised(toks[0].text) and toks[0].fold not in
                      self.lang.role_inner and toks[0].fold not in self.lang.role_single_heads
                      and not (mentions and self.nps.lowercase_role_head(toks))):
                break  # "…, kata Budi, saat ditemui": an adjunct, not an apposition
            np = self.nps.cut_after_cue(toks)
            if not np:
                break
            if k and all(self.nps.is_title(t) for t in np):
                continue  # a degree after the name
            if k and any(m.kind == "person" for m in mentions) and (
                np[0].fold in self.lang.role_single_heads or self.nps.starts_with_role(np)
                or self.nps.is_title_phrase(np) or self.nps.late_role_head(np)
                or self.nps.lowercase_role_head(np)
            ):  # "Budi, warga Cipinang"; "Russell Cohen, Regional Head of Operations Grab"
                role, affiliation = self.nps.read_role(np)  # "Budi, warga Cipinang"
                end = np[-1].end
                if affiliation is None and k + 1 < len(chunks) and self.nps.is_title_phrase(np):
                    body = self._body_chunk(text, *chunks[k + 1])  # "…, Analyst, Sinar Sekuritas"
                    if body:
                        affiliation, end = text[body[0].start:body[-1].end], body[-1].end
                mentions.append(Mention(text[np[0].start:end], np[0].start, end,
                                        "role", role=role, affiliation=affiliation))
                break
            apposed = k and bool(mentions)
            mention = self.nps.read_name(np, text) if apposed else self.nps.read(np, text)
            if mention is None or (k and mention.kind in ("pronoun", "anonymous")):
                break
            mentions.append(mention)
            stray_initial = len(toks) >= 3 and toks[-2].fold == "." and is_initial(
                toks[-1]) and np[-1] is toks[-3]  # "kata Budi Santoso. L, Analyst …"
            if mention.kind == "pronoun" or np[-1].end < toks[-1].end and not stray_initial:
                break  # the NP ended inside the chunk: what follows is an adjunct
        return combine_apposition(mentions)

    def _without_indefinite(self, toks: list[Tok]) -> list[Tok]:
        """An apposition's role without the indefinite words before it ("seorang", "salah
        satu": one of): what the person is, not how many such people there are."""
        lead = self.nps.indefinite_lead(toks) if toks[0].text.islower() else 0
        return toks[lead:]

    def _body_chunk(self, text: str, start: int, end: int) -> list[Tok]:
        """The body named in a comma chunk after a role title: capitalised words only, no date
        ("…, Fixed Income Analyst, Sinar Sekuritas kepada wartawan")."""
        np = self.nps.cut_after_cue(tokens(text, start, end))
        lang = self.lang
        if not np or not all(is_capitalised(t.text) and not t.text[0].isdigit()
                             and t.fold not in lang.days and t.fold not in lang.months
                             for t in np):
            return []
        return np

    def subject_mention(self, text: str, start: int, verb_start: int) -> Mention | None:
        """The subject before an active verb, with comma appositions joined (memoised per
        article: quotes, indirect speech and sentence subjects ask for the same ones)."""
        if self._memo_text is not text:
            self._memo_text = text
            self._memo = {}
        key = (start, verb_start)
        if key not in self._memo:
            self._memo[key] = self._subject_mention(text, start, verb_start)
        found = self._memo[key]
        return None if found is None else Mention(found.text, found.start, found.end,
                                                  found.kind, found.name, found.role,
                                                  found.affiliation)

    def _subject_mention(self, text: str, start: int, verb_start: int) -> Mention | None:
        chunks = _comma_chunks(text, max(start, verb_start - _NP_REACH), verb_start)
        picked: list[Mention] = []
        skipped = False
        closed = False  # a comma right before the verb: "…, Tri Yunis Miko Wahyono, menjelaskan"
        last = chunks[-5:]
        for n, (c_start, c_end) in enumerate(reversed(last)):
            toks = tokens(text, c_start, c_end)
            if not toks:
                if picked:
                    break
                closed = True
                continue
            if not picked and all(self.nps.is_title(t) for t in toks):
                continue  # "…, M.Sn, menyebut"
            if not picked and toks[0].fold in self.lang.np_stop and len(toks) <= 3 and not any(
                t.fold in self.lang.pronouns for t in toks
            ):
                skipped = True
                continue  # "…, Caridin, dalam laporannya menyampaikan"
            if picked and match_phrase(toks, 0, self.lang.connectors) == len(toks):
                break  # "Selanjutnya, Bank Dunia menyatakan": a connector, no apposition
            sub = self.nps.subject_before(toks)
            if sub:
                sub = self.nps.after_link_headline(text, sub)
            if not sub:
                break
            initial = len(toks) >= 3 and toks[-2].fold == "." and is_initial(toks[-1]) and (
                sub[-1] is toks[-3])  # "Maximilianus Nico Demus. L, Head of …": a name
            # a chunk between two commas after a role ("epidemiolog UI, Tri Yunis Miko
            # Wahyono, menjelaskan") is a name in apposition: read whole, as after a cue
            apposed = closed and not picked and n + 1 < len(last) and len(sub) == len(toks) and (
                all(self.nps.plain_person_word(t) for t in toks))
            mention = self.nps.read_name(sub, text) if initial or apposed else self.nps.read(
                sub, text)
            if mention is None:
                break
            if picked and mention.kind in ("pronoun", "anonymous"):
                break
            picked.insert(0, mention)
            if len(sub) < len(toks) or mention.kind == "pronoun":
                break
            a_description = mention.kind == "anonymous" or mention.kind == "person" and bool(
                mention.role or mention.affiliation)
            if a_description and not (len(picked) == 1 and n + 1 < len(last)
                                  and self._name_chunk(text, *last[-n - 2])):
                break  # unless a name alone comes before: "Nurdin, orangtua Rindy Liviani",
                # "Ananta Wiyogo, Direktur Utama SMF, menjelaskan"
        if len(picked) >= 2 and (
                picked[-1].kind == "anonymous" or picked[-1].kind == "person" and picked[-1].role
        ) and picked[-2].kind == "person" and not (picked[-2].role or picked[-2].affiliation):
            # "Nurdin, orangtua Rindy Liviani, …": the apposition describes the name before
            # it; a name inside the description is its relatum, or a body misread as a name
            # ("Suahasil, Kepala Badan Kebijakan Fiskal")
            described = picked[-1]
            role_toks = tokens(text, described.start, described.end)
            if described.kind == "anonymous":  # "…, seorang ahli China di CSIS, …"
                role_toks = self._without_indefinite(role_toks)
            role, affiliation = self.nps.read_role(role_toks)
            picked[-1] = Mention(described.text, described.start, described.end, "role",
                                 role=role, affiliation=affiliation)
        combined = combine_apposition(picked)
        if skipped and combined and len(picked) == 1 and " " not in combined.text:
            return None  # "Sebab, dalam ketentuan …": a sentence connector, not a subject
        return combined


def combine_apposition(mentions: list[Mention]) -> Mention | None:
    """Join apposition chunks: the last named chunk is the person, the others describe them
    (``Deputi Bidang Protokol, Pers, dan Media Setpres, Yusuf Permana``; ``Arifin, Kepala
    Satpol PP``)."""
    if not mentions:
        return None
    people = [i for i, m in enumerate(mentions) if m.kind == "person"]
    if not people:
        return mentions[0]
    person = mentions[people[-1]]
    others = [m for m in mentions if m is not person and m.kind != "pronoun"]
    if others and not person.role and not person.affiliation:
        first = others[0]
        if first.kind == "role":
            role, parts = first.role, [first.affiliation]
        elif first.kind == "person" and first.role:  # a misread "Manajer Humas KAI X"
            # the body's words read as a name follow the rest of it in the same chunk
            # ("Kepala Badan Kebijakan Fiskal, Suahasil": "Badan Kebijakan Fiskal")
            role, parts = first.role, [" ".join(p for p in (first.affiliation, first.name) if p)]
        else:
            role, parts = None, [first.text]
        parts.extend(m.text for m in others[1:])
        affiliation = ", ".join(p for p in parts if p) or None
        person.role, person.affiliation = role, affiliation
    person.start = min(m.start for m in mentions)
    person.end = max(m.end for m in mentions)
    return person


def _comma_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunks = []
    pos = start
    comma = text.find(",", start, end)
    while comma >= 0:
        chunks.append((pos, comma))
        pos = comma + 1
        comma = text.find(",", pos, end)
    chunks.append((pos, end))
    return chunks


def sentence_break_ends(text: str, glued: list[int] | None = None) -> list[int]:
    """Where the sentence breaks of ``text`` end: after a newline, or after .!? before a space
    (what ``\\n|[.!?](?=\\s)`` finds). A str.find per break character, then a look at the
    character after it: three times faster than a regex, which tests a character class at
    every position of the article. ``glued`` collects the ends of periods a scraper glued to
    the next sentence ("ujarnya.Aldian"), found in the same walk."""
    ends = []
    size = len(text)
    for mark in ".\n!?":
        pos = text.find(mark)
        while pos >= 0:
            pos += 1
            if mark == "\n" or pos < size and text[pos].isspace():
                ends.append(pos)
            elif glued is not None and mark == "." and pos + 1 < size and "A" <= text[pos] <= (
                    "Z") and "a" <= text[pos + 1] <= "z" and "a" <= text[pos - 2:pos - 1] <= "z":
                glued.append(pos)
            pos = text.find(mark, pos)
    ends.sort()
    return ends


def ascii_words(text: str) -> set[str]:
    """The distinct runs of ASCII letters in ``text`` (non-ASCII characters split words)."""
    letters = text.encode("ascii", "replace").translate(_ONLY_LETTERS)
    return set(letters.decode("ascii").split())


def _mid_sentence(before: str) -> bool:
    """True when the quote starts inside the reporter's sentence (after a word)."""
    stripped = before.rstrip()
    if not stripped:
        return False
    return stripped[-1].isalnum() or stripped[-1] in ")%'’-"


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def mention_tokens(text: str, mention: Mention) -> list[Tok]:
    return tokens(text, mention.start, mention.end)
