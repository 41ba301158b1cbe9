"""A language's data file compiled once into sets and regexes the pipeline can use.

The pipeline never spells out words; it asks a ``Language``. A second language is a
second data file with the same sections (plus, where its grammar differs, a hook).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from claims.parse.lexicon import load_lexicon

_WORD: Final = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")
_RUN: Final = re.compile(r"[\w-]+")
# the slots of a cue written right after the quote it attributes ("…," kata Budi; ujarnya)
AFTER_QUOTE_SLOTS: Final = ("inverted", "clitic")
_LETTERS: Final = re.compile(r"[A-Za-z]+")  # ASCII: 40% faster; only used to pre-filter


def _alternation(words: list[str]) -> str:
    """Longest-first regex alternation, so that 'ujarnya' wins over 'ujar'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _fold_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as case-folded token tuples, longest first."""
    tuples = {tuple(w.casefold().split()) for w in words if w.strip()}
    return tuple(sorted(tuples, key=len, reverse=True))


@dataclass(frozen=True)
class CueForm:
    """One surface form of a reporting verb and the slot it belongs to."""

    lemma: str
    slot: str  # inverted | clitic | active | passive


@dataclass
class Language:
    """Compiled language data; see ``lang/id.toml`` for the meaning of each section."""

    code: str
    cue_forms: dict[str, CueForm]
    inverted_re: re.Pattern[str]
    active_re: re.Pattern[str]
    passive_re: re.Pattern[str]
    according_to: frozenset[str]
    according_to_clitic: frozenset[str]
    closing: frozenset[str]
    subject_particles: frozenset[str]
    after_cue: frozenset[str]
    pronouns: frozenset[str]
    clitic_suffix: str
    clitic_mention: str
    anaphor_markers: frozenset[str]
    np_stop: frozenset[str]
    role_joiners: frozenset[str]
    role_inner: frozenset[str]
    name_particles: frozenset[str]
    nominal_re: re.Pattern[str]
    alias_markers: tuple[tuple[str, ...], ...]
    account_markers: tuple[tuple[str, ...], ...]
    passive_leads: frozenset[str]
    before_cue: frozenset[str]
    agent_fillers: frozenset[str]
    agent_markers: frozenset[str]
    relative_markers: frozenset[str]
    anonymous_heads: tuple[tuple[str, ...], ...]
    anonymous_words: frozenset[str]
    descriptive_heads: frozenset[str]
    role_heads: tuple[tuple[str, ...], ...]
    role_head_words: frozenset[str]
    role_single_heads: frozenset[str]
    descriptor_span: int
    org_heads: frozenset[str]
    #: words that open the name of a body ("Badan", "Komisi"), without the inner words
    org_openers: frozenset[str]
    place_prefixes: frozenset[str]
    place_suffixes: frozenset[str]
    #: words that end a body's name and rarely open a person's ("Nusantara", "Tbk")
    org_name_tails: frozenset[str]
    after_place_re: re.Pattern[str]
    places: tuple[tuple[str, ...], ...]
    place_words: frozenset[str]
    #: words that are a place only after another word of a multi-word place ("Putih" of
    #: "Gedung Putih", "Serikat" of "Amerika Serikat"); after any other word, part of a name
    place_inner: frozenset[str]
    #: one-word regencies and cities (also in ``place_words``): a body's name ends there
    region_words: frozenset[str]
    given_names: frozenset[str]
    #: words that only open a personal name (Balinese "I", "Ni", "Tubagus"; see id.toml)
    name_prefixes: frozenset[str]
    titles: frozenset[str]
    title_phrases: tuple[tuple[str, ...], ...]
    title_phrase_heads: frozenset[str]
    days: dict[str, int]
    months: dict[str, int]
    day_lead: frozenset[str]
    via_re: re.Pattern[str]
    not_outlets: frozenset[str]
    connectors: tuple[tuple[str, ...], ...]
    link_prefix_re: re.Pattern[str]
    outlets: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    #: a dateline naming only the city ("JAKARTA--"), at the start or after an outlet's one
    city_dateline: re.Pattern[str] | None = None
    outlet_hosts: list[tuple[str, str]] = field(default_factory=list)
    cue_surfaces: frozenset[str] = frozenset()
    # every inverted and clitic form is one run of word characters and hyphens ("kata",
    # "ujarnya"): then :meth:`inverted_at` is a set look-up instead of ``inverted_re``
    inverted_plain: bool = False
    via_words: frozenset[str] = frozenset()
    # the via phrases case-folded when all are ASCII (then a literal test before ``via_re``)
    via_phrases: tuple[str, ...] = ()
    # the link prefixes case-folded when all are ASCII (their first words then say where the
    # regex can match: NounPhrases.link_end)
    link_prefixes: tuple[str, ...] = ()
    # connectors never written inside a headline: where a link's headline glued to the text ends
    headline_ends: tuple[tuple[str, ...], ...] = ()
    # words that put a role right after a name ("Eddy selaku Wakil Ketua TKN")
    role_apposition_re: re.Pattern[str] = re.compile("(?!)")
    # words that put a name right after a role and a comma ("anggota KPU lain, yakni Ilham")
    naming_markers: frozenset[str] = frozenset()
    # capitalised phrases opening with a function word that name a body ("Dalam Negeri")
    function_word_names: frozenset[tuple[str, ...]] = frozenset()
    lowercase_title_heads: frozenset[str] = frozenset()
    # English department words that continue a role ("Head of Fixed Income Research"), and the
    # words that make such a run the start of a body's name instead ("… Research Institute")
    role_units: frozenset[str] = frozenset()
    unit_body_ends: frozenset[str] = frozenset()
    role_fillers: frozenset[str] = frozenset()
    role_modifiers: frozenset[str] = frozenset()
    # origin and age descriptors ("asal Kanada", "berusia 40 tahun"): in a descriptive NP,
    # never in its role
    descriptor_markers: frozenset[str] = frozenset()
    descriptor_units: frozenset[str] = frozenset()
    # scraped text that wrote ", " as ". ": how many "word. word" (both lowercase) show it (0:
    # never), and the abbreviations whose period is no such sign
    comma_period_min: int = 0
    # a list of lowercase tags an outlet appends after the editors' initials ("(pig/wes) dewi
    # perssik nona ambon"): no evidence that its words are ordinary words of the article
    tag_line: re.Pattern[str] | None = None
    # reporting words opening indirect speech before its speaker ("Kata Budi, …")
    indirect_openers: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    # verbs that give their subject a role ("menjabat sebagai"), and words that make it past
    # or future ("pernah", "akan")
    role_verbs: tuple[str, ...] = ()
    role_verb_re: re.Pattern[str] = re.compile("(?!)")
    role_not_current: frozenset[tuple[str, ...]] = frozenset()
    # the literal words of ``after_place_re`` (a cheap test before running it on a text)
    after_place_words: tuple[str, ...] = ()
    #: Words right before a date that make it another event's date (a birth, a maturity).
    date_other_event: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # the spellings a cue form takes in text: kata, Kata, KATA
        self.cue_surfaces = frozenset(
            v for w in self.cue_forms for v in (w, w.capitalize(), w.upper())
        )
        self.inverted_plain = all(
            _RUN.fullmatch(w) for w, form in self.cue_forms.items()
            if form.slot in AFTER_QUOTE_SLOTS
        )

    def cue(self, word: str) -> CueForm | None:
        return self.cue_forms.get(word.casefold())

    def inverted_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """The inverted or clitic cue starting at ``pos`` as (end, word as written): what
        ``inverted_re.match(text, pos)`` finds, as a word and a dictionary look-up (the
        regex alternation of every form is ten times slower)."""
        if not self.inverted_plain:
            match = self.inverted_re.match(text, pos)
            return (match.end(), match.group(1)) if match else None
        if pos >= len(text) or pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_-"):
            return None
        run = _RUN.match(text, pos)
        if run is None:
            return None
        form = self.cue_forms.get(run.group().casefold())
        if form is None or form.slot not in AFTER_QUOTE_SLOTS:
            return None
        return run.end(), run.group()

    def find_all_cues(self, text: str, slots: tuple[str, ...],
                      words: set[str] | None = None) -> list[tuple[int, int, str]]:
        """Reporting verbs of the given slots in the whole text, in order.

        The distinct words of the text are intersected with the verb forms first (C-speed
        set operations), so only the forms that occur are located.
        """
        forms = self.cue_forms
        if words is None:
            words = set(_LETTERS.findall(text))
        present = [w for w in words & self.cue_surfaces
                   if (f := forms.get(w.casefold())) is not None and f.slot in slots]
        found = []
        for word in present:
            pos = text.find(word)
            while pos >= 0:
                end = pos + len(word)
                if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-_")) and (
                    end >= len(text) or not (text[end].isalnum() or text[end] in "-_")
                ):
                    found.append((pos, end, word))
                pos = text.find(word, end)
        found.sort()
        return found

    def find_all_cue_slots(self, text: str, slots: tuple[str, ...],
                           words: set[str] | None = None
                           ) -> list[tuple[tuple[int, int, str], str]]:
        """``find_all_cues`` with each hit's slot (looked up once per distinct word, not once
        per hit)."""
        forms = self.cue_forms
        if words is None:
            words = set(_LETTERS.findall(text))
        found = []
        for word in words & self.cue_surfaces:
            form = forms.get(word.casefold())
            if form is None or form.slot not in slots:
                continue
            slot = form.slot
            pos = text.find(word)
            while pos >= 0:
                end = pos + len(word)
                if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-_")) and (
                    end >= len(text) or not (text[end].isalnum() or text[end] in "-_")
                ):
                    found.append(((pos, end, word), slot))
                pos = text.find(word, end)
        found.sort()
        return found

    def find_cues(self, text: str, start: int, end: int,
                  slots: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Reporting verbs of the given slots in ``text[start:end]`` as (start, end, word).

        One pass of a plain word regex plus dictionary look-ups: much faster than a regex
        alternation of every verb form.
        """
        found = []
        forms = self.cue_forms
        for match in _WORD.finditer(text, start, end):
            form = forms.get(match.group().casefold())
            if form is not None and form.slot in slots:
                found.append((match.start(), match.end(), match.group()))
        return found


def _after_place_words(data: dict[str, Any]) -> list[str]:
    """Prepositions and prefixes a place name follows ("di Sidoarjo", "Kabupaten Sidoarjo")."""
    organizations = data["organizations"]
    return organizations.get("place_prepositions", []) + organizations.get("place_prefixes", [])


def _compile(code: str, data: dict[str, Any]) -> Language:
    forms: dict[str, CueForm] = {}
    by_slot: dict[str, list[str]] = {"inverted": [], "clitic": [], "active": [], "passive": []}
    for lemma, slots in data["cues"].items():
        for slot in ("passive", "active", "clitic", "inverted"):  # inverted wins on clashes
            for word in slots.get(slot, []):
                forms[word.casefold()] = CueForm(lemma, slot)
                by_slot[slot].append(word)
    words = data["cue_words"]
    np_data = data["speaker_np"]
    titles: set[str] = set()
    for group in data.get("titles", {}).values():
        titles.update(w.casefold() for w in group)
        titles.update(w.casefold().rstrip(".") for w in group)  # "S.T" for "S.T."
    places = data["organizations"]["places"]
    regions = _fold_set(data["organizations"].get("regions", []))
    roles = data["roles"]["heads"]
    via = data["via"]
    return Language(
        code=code,
        cue_forms=forms,
        inverted_re=re.compile(
            rf"(?i)(?<![\w-])({_alternation(by_slot['inverted'] + by_slot['clitic'])})(?![\w-])"
        ),
        active_re=re.compile(rf"(?i)(?<![\w-])({_alternation(by_slot['active'])})(?![\w-])"),
        passive_re=re.compile(rf"(?i)(?<![\w-])({_alternation(by_slot['passive'])})(?![\w-])"),
        according_to=_fold_set(words["according_to"]),
        according_to_clitic=_fold_set(words["according_to_clitic"]),
        closing=_fold_set(words["closing"]),
        subject_particles=_fold_set(words["subject_particles"]),
        after_cue=_fold_set(words["after_cue"]),
        pronouns=_fold_set(data["pronouns"]["third_person"]),
        clitic_suffix=data["pronouns"]["clitic"],
        clitic_mention=data["pronouns"]["clitic_mention"],
        anaphor_markers=_fold_set(data["pronouns"]["anaphor_markers"]),
        np_stop=_fold_set(np_data["stop_words"]),
        role_joiners=_fold_set(np_data["role_affiliation_joiners"]),
        role_inner=_fold_set(np_data["role_inner_words"]),
        name_particles=_fold_set(np_data["name_particles"]),
        nominal_re=re.compile("|".join(np_data.get("nominal_patterns", [])) or "(?!)"),
        alias_markers=_phrases(np_data["alias_markers"]),
        account_markers=_phrases(np_data["account_markers"]),
        passive_leads=_fold_set(np_data["passive_leads"]),
        before_cue=_fold_set(words.get("before_cue", [])),
        agent_fillers=_fold_set(np_data["agent_fillers"]),
        agent_markers=_fold_set(np_data.get("agent_markers", [])),
        relative_markers=_fold_set(np_data.get("relative_markers", [])),
        anonymous_heads=_phrases(np_data["anonymous_heads"]),
        anonymous_words=frozenset(w.casefold() for p in np_data["anonymous_heads"]
                                  for w in p.split()),
        descriptive_heads=_fold_set(np_data["descriptive_heads"]),
        role_heads=_phrases(roles),
        role_head_words=frozenset(w.casefold() for r in roles for w in r.split()),
        role_single_heads=frozenset(r.casefold() for r in roles if " " not in r),
        descriptor_span=int(data["roles"].get("descriptor_span", 2)),
        org_heads=_fold_set(data["organizations"]["heads"]
                            + data["organizations"].get("inner_words", [])),
        org_openers=_fold_set(data["organizations"]["heads"]),
        place_prefixes=_fold_set(data["organizations"]["place_prefixes"]),
        place_suffixes=_fold_set(data["organizations"]["place_suffixes"]),
        org_name_tails=_fold_set(data["organizations"].get("name_tails", [])),
        after_place_re=re.compile(
            r"(?<![\w-])(?:" + _alternation(_after_place_words(data)) + r")\s+([A-Z][a-z]+)"
        ),
        after_place_words=tuple(_after_place_words(data)),
        places=_phrases(places),
        place_words=frozenset(w.casefold() for p in places for w in p.split()) | regions,
        # not the compass words that end many region names the list lacks ("Sumatera Selatan")
        place_inner=frozenset(w.casefold() for p in places for w in p.split()[1:]) - regions - {
            p.casefold() for p in places if " " not in p} - _fold_set(
            data["organizations"]["place_suffixes"]),
        region_words=regions,
        given_names=_fold_set(data["names"]["given"]),
        name_prefixes=frozenset(data["names"].get("prefixes", [])),
        titles=frozenset(titles),
        title_phrases=tuple(p for p in _phrases(list(titles)) if len(p) > 1),
        title_phrase_heads=frozenset(p[0] for p in _phrases(list(titles)) if len(p) > 1),
        days={k.casefold(): v for k, v in data["dates"]["days"].items()},
        months={k.casefold(): v for k, v in data["dates"]["months"].items()},
        day_lead=_fold_set(data["dates"]["day_lead"]),
        date_other_event=tuple(w.casefold() for w in data["dates"].get("other_event", [])),
        via_words=frozenset(p.split()[0].casefold() for p in via["phrases"]),
        via_phrases=tuple(p.casefold() for p in via["phrases"])
        if all(p.isascii() for p in via["phrases"]) else (),
        via_re=re.compile(rf"(?i)(?<![\w-])(?:{_alternation(via['phrases'])})(?![\w-])"),
        not_outlets=_fold_set(via["not_outlets"]),
        connectors=_phrases(data["discourse"]["connectors"]),
        headline_ends=_phrases(data["discourse"].get("headline_ends", [])),
        link_prefix_re=re.compile(
            rf"(?i)(?<![\w-])(?:{_alternation(data['discourse']['link_prefixes'])})\s*:?"
        ),
        link_prefixes=tuple(p.lower() for p in data["discourse"]["link_prefixes"])
        if all(p.isascii() for p in data["discourse"]["link_prefixes"]) else (),
        outlets=[(o["name"], re.compile(o["dateline"])) for o in data.get("outlets", [])],
        city_dateline=re.compile(via["city_dateline"]) if via.get("city_dateline") else None,
        outlet_hosts=[(h.casefold(), o["name"]) for o in data.get("outlets", [])
                      for h in o.get("hosts", [])],
        lowercase_title_heads=_fold_set(data["roles"].get("lowercase_title_heads", [])),
        role_units=_fold_set(data["roles"].get("units", [])),
        unit_body_ends=_fold_set(data["roles"].get("unit_body_ends", [])),
        role_fillers=_fold_set(np_data.get("role_fillers", [])),
        role_modifiers=_fold_set(data["roles"].get("modifiers", [])),
        descriptor_markers=_fold_set(data["roles"].get("descriptor_markers", [])),
        descriptor_units=_fold_set(data["roles"].get("descriptor_units", [])),
        indirect_openers=_fold_set(words.get("indirect_openers", [])),
        comma_period_min=int(data.get("scraper", {}).get("comma_period_min", 0)),
        tag_line=re.compile(data["scraper"]["tag_line"]) if data.get("scraper", {}).get(
            "tag_line") else None,
        abbreviations=_fold_set(data.get("scraper", {}).get("abbreviations", [])),
        coordinators=_fold_set(np_data.get("coordinators", [])),
        role_verbs=tuple(np_data.get("role_verbs", [])),
        role_verb_re=re.compile(
            rf"(?<![\w-])(?:{_alternation(np_data.get('role_verbs', []))})\s+"
            if np_data.get("role_verbs") else "(?!)"
        ),
        role_not_current=frozenset(_phrases(np_data.get("role_not_current", []))),
        role_apposition_re=re.compile(
            rf"\s*,?\s*(?:{_alternation(np_data.get('role_apposition', []))})\s+"
            if np_data.get("role_apposition") else "(?!)"
        ),
        naming_markers=_fold_set(np_data.get("naming_markers", [])),
        function_word_names=frozenset(_phrases(np_data.get("function_word_names", []))),
    )


@cache
def get_language(code: str) -> Language:
    """The compiled data of one language (cached: compile once per process)."""
    return _compile(code, load_lexicon(code))
