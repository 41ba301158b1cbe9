"""The parser: quotation spans, their cues and speakers, resolved over the whole article.

Pipeline (one short function per stage): outlet from the dateline -> quotation spans ->
attribution of each span (cue and noun phrase) -> discourse resolution (canonical names,
pronouns and ``-nya`` by salience, continuations) -> dates and source outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from claims.parse.attribution import Attribution, Attributor
from claims.parse.dates import DateFinder
from claims.parse.detect import detect_language
from claims.parse.hooks import attributor_for
from claims.parse.language import Language, get_language
from claims.parse.lexicon import available_languages
from claims.parse.names import (
    Mention,
    NounPhrases,
    acronym_definitions,
    alias_pairs,
    nickname_of,
    occurrences,
    parenthesised_acronyms,
    tokens,
    unabbreviated,
)
from claims.parse.quotes import find_spans
from claims.parse.records import ParsedArticle, QuoteRecord

PARSER_VERSION: Final = "2.8.35"

_VIA_NAME: Final = re.compile(
    r"\s*(?:dari\s*)?((?:[A-Z0-9][\w.&'-]*)(?:\s+(?:[A-Z0-9][\w.&'-]*|of|the|de))*)"
)


_URL_HOST: Final = re.compile(r"(?:[a-z]+://)?([^/:?#\s]+)")


@dataclass(init=False)
class Speaker:
    """A resolved speaker: canonical name plus what the article says about them."""

    name: str
    kind: str
    role: str | None
    affiliation: str | None
    folded: tuple[str, ...]
    position: int

    def __init__(self, name: str, kind: str, role: str | None = None,
                 affiliation: str | None = None, folded: tuple[str, ...] = (),
                 position: int = 0) -> None:
        # written out (init=False) so that mypyc compiles it (see names.Mention)
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliation = affiliation
        self.folded = folded
        self.position = position


class Registry:
    """People and bodies named in the article; short forms map to the fullest form."""

    def __init__(self, text: str, nps: NounPhrases, written: str | None = None) -> None:
        self.text = text
        self.nps = nps
        self.people: list[Speaker] = []
        self.roles: dict[str, tuple[str | None, str | None]] = {}
        self.aliases: dict[tuple[str, ...], str] | None = None
        self.canonicals: dict[str, Speaker | None] = {}
        self.acronym_map: dict[str, str] | None = None
        self.parenthesised: frozenset[str] | None = None  # "(IBPA)" -> IBPA, when first asked
        # the article as written, when the parser reads a view of it (see
        # Attributor.comma_view)
        self.written = written

    def add(self, mention: Mention) -> None:
        if mention.kind not in ("person", "organization") or not mention.name:
            return
        role, affiliation = mention.role, mention.affiliation
        if not role and affiliation and self.bare_word(affiliation):
            affiliation = None  # "Nama Jujun Juhanda bukanlah …": a noun, not a body
        name = self._untruncated(mention.name) or mention.name
        folded = _folded(name)  # "Bank Indonesia (BI)" is also who "BI" means
        name = unabbreviated(name)
        for known in self.people:
            if known.folded == folded:
                if not known.role and (role or affiliation):
                    known.role, known.affiliation = role, affiliation
                return
        self.people.append(Speaker(name, mention.kind, role, affiliation, folded,
                                   mention.start))
        self.canonicals.clear()

    def bare_word(self, words: str) -> bool:
        """One capitalised word that is neither an acronym, an organisation word nor a place:
        read before a name without any role, it is a common noun opening the sentence."""
        lang = self.nps.lang
        return " " not in words and not words.isupper() and words.casefold() not in (
            lang.org_heads) and words.casefold() not in lang.place_words

    def canonical(self, name: str) -> Speaker | None:
        """The registered or fullest written form of ``name`` (memoised per article)."""
        if name not in self.canonicals:
            self.canonicals[name] = self._canonical(name)
        return self.canonicals[name]

    def _canonical(self, name: str) -> Speaker | None:
        restored = self._untruncated(name)
        if restored:
            found = self.canonical(restored)
            if found is None or len(found.folded) <= len(name.split()):
                # "jelas Azaro." for "Azarov", introduced as "Alexander Azaro.": the fuller
                # form, restored in turn
                fuller = self._canonical_as_written(name)
                again = self._untruncated(fuller.name) if fuller else None
                if fuller and again and len(fuller.folded) > len(name.split()):
                    found = self.canonical(again) or replace(
                        fuller, name=again, folded=tuple(again.casefold().split()))
            return found or Speaker(restored, "person", folded=tuple(restored.casefold().split()))
        return self._canonical_as_written(name)

    def _canonical_as_written(self, name: str) -> Speaker | None:
        folded = list(_folded(name))
        if self.aliases is None:
            self.aliases = alias_pairs(self.nps, self.text)
        for alias, full in self.aliases.items():
            if folded and all(w in alias for w in folded) and full.casefold() != name.casefold():
                return self.canonical(full) or Speaker(full, "person",
                                                       folded=tuple(full.casefold().split()))
        nickname = nickname_of(self.nps, self.text, name) if " " not in name else None
        if nickname:  # "kata Jokowi" after "Presiden Joko Widodo (Jokowi)"
            return self.canonical(nickname) or Speaker(
                nickname, "person", folded=tuple(nickname.casefold().split()))
        best: Speaker | None = None
        exact: Speaker | None = None
        for known in self.people:
            if known.kind == "organization" and len(folded) > 1 and known.folded == tuple(folded):
                exact = known
            if all(w in known.folded for w in folded) and (
                best is None or len(known.folded) > len(best.folded)
            ):
                best = known
        if exact is not None:
            # a body written in full is that body, not a longer one containing its words
            # ("Bank of England", not "Bank of England Monetary Policy Committee"), unless
            # the longer one only adds its country ("Kementerian Keuangan Israel")
            if best is not None and best.folded[:len(folded)] == exact.folded and all(
                    w in self.nps.lang.place_words for w in best.folded[len(folded):]):
                return best
            return exact
        if best is None or len(best.folded) == len(folded):
            fuller = self.nps.fullest_form(self.text, name)
            if fuller and len(fuller.split()) > len(folded):
                if best is not None:
                    return Speaker(fuller, best.kind, best.role, best.affiliation,
                                   tuple(w.casefold() for w in fuller.split()), best.position)
                return Speaker(fuller, "person", folded=tuple(fuller.casefold().split()))
        return best

    def _untruncated(self, name: str) -> str | None:
        """In scraped text that wrote ", " as ". " and lost the letter before it, a name written
        only before such a period ("kata Cipt. adik …") is the name the article writes with one
        more letter elsewhere ("ungkap Cipta")."""
        written = self.written
        if written is None or written is self.text or not name:
            return None
        places = occurrences(self.text, name)
        if not places or not all(self.text[end:end + 1] == "," and written[end] == "."
                                 for _start, end in places):
            return None
        last = name.split()[-1]
        pos = written.find(last)
        while pos >= 0:
            end = pos + len(last)
            if (pos == 0 or not written[pos - 1].isalnum()) and "a" <= written[end:end + 1] <= (
                "z") and not (written[end + 1:end + 2].isalnum()
                              or written[end + 1:end + 2] == "-"):
                return name + written[end]  # "Milano Lubi" -> "Milano Lubis"
            pos = written.find(last, end)
        return None

    def with_role(self, role: str | None, affiliation: str | None) -> Speaker | None:
        if not role:
            return None
        role_f = role.casefold()
        for known in self.people:
            if known.kind == "person" and known.role and known.role.casefold() == role_f and (
                not affiliation or (known.affiliation or "").casefold() == affiliation.casefold()
            ):
                return known
        return None

    def may_define(self, words: str) -> bool:
        """Whether the article writes one of ``words`` as a parenthesised acronym, "(IBPA)":
        only then can :meth:`acronyms` (which reads the words before each) spell it out."""
        if self.parenthesised is None:
            self.parenthesised = frozenset(parenthesised_acronyms(self.text))
        return bool(self.parenthesised) and any(w in self.parenthesised for w in words.split())

    def acronyms(self) -> dict[str, str]:
        """Acronyms defined in the article (read once, when an affiliation needs them)."""
        if self.acronym_map is None:
            self.acronym_map = acronym_definitions(self.nps, self.text)
        return self.acronym_map

    def introduction(self, name: str) -> tuple[str | None, str | None]:
        """Role and affiliation given where the name is written in full (cached), without
        the function words that never end them ("anggota KPU lain" -> "KPU")."""
        found = self.roles.get(name)
        if found is None:
            role, affiliation = self.nps.introduction(self.text, name)
            lang = self.nps.lang
            found = (_without_junk_end(role, lang), _without_junk_end(affiliation, lang))
            self.roles[name] = found
        return found

    def nps_last_name(self, text: str, position: int) -> Speaker | None:
        """The last name written before ``position`` (who a -nya with no speaker yet means)."""
        found = self.nps.last_name_before(text, position)
        if found is None:
            return None
        known = self.canonical(found)
        return known or Speaker(found, "person", folded=tuple(found.casefold().split()))

    def after_role(self, role_text: str) -> Speaker | None:
        """The person named right after the same role elsewhere ("Gubernur DKI Jakarta
        Pramono Anung"), for a cue that only gives the role."""
        name = self.nps.name_after(self.text, role_text)
        if not name:
            return None
        known = self.canonical(name)
        return known or Speaker(name, "person", folded=tuple(name.casefold().split()))

    def last_person_before(self, position: int) -> Speaker | None:
        best = None
        for known in self.people:
            if known.kind == "person" and known.position < position and (
                best is None or known.position > best.position
            ):
                best = known
        return best


def parse_article(
    text: str,
    *,
    lang: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    today: date | None = None,
) -> ParsedArticle:
    """Parse one article's text into quote records (pure; never raises on text)."""
    code = lang if lang in available_languages() else detect_language(text)
    try:
        return _parse(text, get_language(code), code, outlet, published, url,
                      today or date.today())
    except Exception:  # the contract: never raise on any text
        return ParsedArticle(text=text, lang=lang or code, outlet=outlet, published=published)


@dataclass
class _Pipeline:
    lang: Language
    attributor: Attributor
    dates: DateFinder


_PIPELINES: Final[dict[str, _Pipeline]] = {}


def _pipeline(lang: Language) -> _Pipeline:
    found = _PIPELINES.get(lang.code)
    if found is None:
        found = _Pipeline(lang, attributor_for(lang), DateFinder(lang))
        _PIPELINES[lang.code] = found
    return found


def detect_outlet(text: str, lang: Language, url: str | None = None) -> str | None:
    """The outlet named by the dateline at the top of the article, else by the URL's host."""
    found = dateline(text, lang)
    if found:
        return found[0]
    host = _URL_HOST.match(url or "")
    if host:
        name = host.group(1).casefold()
        for suffix, outlet in lang.outlet_hosts:
            if name == suffix or name.endswith("." + suffix):
                return outlet
    return None


def _outlet_of(from_dateline: str | None, text: str, lang: Language,
               url: str | None) -> str | None:
    return from_dateline or detect_outlet("", lang, url)


def dateline(text: str, lang: Language) -> tuple[str, int] | None:
    """The outlet of the dateline and where the dateline ends."""
    head = text[:200]
    for name, pattern in lang.outlets:
        match = pattern.search(head)
        if match:
            return name, match.end()
    return None


def _parse(text: str, lang: Language, code: str, outlet: str | None,
           published: date | None, url: str | None, today: date) -> ParsedArticle:
    pipe = _pipeline(lang)
    spans = find_spans(text)
    # the attribution reads a view of the text (same length: a scraper's ". " for ", " read
    # as a comma); spans and quote texts come from the text as written
    view = pipe.attributor.prepare(text)
    attributions = pipe.attributor.attribute(view, spans)
    found = [a for a in attributions if a is not None]
    detected = outlet or _outlet_of(pipe.attributor.dateline_outlet, text, lang, url)
    if not found:
        return ParsedArticle(text=text, lang=code, outlet=detected, published=published)
    # people introduced outside quotes: salience for -nya, and full names and roles
    last = found[-1].span.start  # what comes after the last quote cannot introduce its speaker
    indirect = pipe.attributor.indirect_mentions(view, spans, 0, last)
    indirect += pipe.attributor.sentence_subjects(view, spans, 0, last)
    registry = Registry(view, pipe.attributor.nps, written=text)
    for mention in sorted([a.mention for a in found if a.mention] + indirect,
                          key=lambda m: m.start):
        registry.add(mention)
    reference = published
    if reference is None:
        explicit = pipe.dates.explicit_dates(text, None, today)
        reference = max(explicit) if explicit else None
    records = _resolve(view, found, indirect, registry, pipe, reference, today, written=text)
    return ParsedArticle(text=text, lang=code, outlet=detected, published=published,
                         quotes=records)


def _resolve(text: str, found: list[Attribution], indirect: list[Mention], registry: Registry,
             pipe: _Pipeline, reference: date | None, today: date,
             written: str | None = None) -> list[QuoteRecord]:
    """Speakers of the attributed spans, resolved over the article. ``text`` is what the
    attribution read; ``written`` the article as written (when the two differ), where quote
    texts and mentions are taken from."""
    written = text if written is None else written
    lang = pipe.lang
    records: list[QuoteRecord] = []
    current: Speaker | None = None
    current_person: Speaker | None = None
    pending: list[QuoteRecord] = []  # continuations before any speaker is known
    orphan_role: Mention | None = None  # "Musisi … itu" before any person was recognised
    events = sorted(indirect, key=lambda m: m.start)
    next_event = 0
    for attribution in found:
        while next_event < len(events) and events[next_event].start < attribution.span.start:
            event = events[next_event]
            next_event += 1
            if event.kind in ("person", "organization"):
                current = _named_speaker(event, registry)
                if current.kind == "person":
                    current_person = current
                    if orphan_role is not None:
                        _take_orphan_role(current_person, orphan_role, registry, text)
                        orphan_role = None
            elif event.kind == "role" and (
                event.text.split()[-1].casefold() in lang.anaphor_markers
            ):
                if current_person is None:
                    orphan_role = event  # the person it points back at is not known yet
                elif not current_person.role:
                    # "Wakil Ketua Komisi II DPR RI ini menilai …": the current speaker's role
                    current_person.role = event.role
                    current_person.affiliation = event.affiliation
                    registry.roles[current_person.name] = (event.role, event.affiliation)
        span = attribution.span
        record = QuoteRecord(span.start, span.end, written[span.start:span.end],
                             kind=attribution.kind)  # type: ignore[arg-type]
        record.cue = attribution.cue
        salient = current_person or current
        if salient is None and _needs_salient(attribution):
            salient = registry.nps_last_name(text, span.start)  # a scan back: only when asked
        speaker, resolution, mention_text = _speaker_of(attribution, registry, salient, lang)
        if attribution.cue_slot == "continuation":  # a hook carried the speaker over
            resolution, mention_text = "continuation", None
        if attribution.cue is None and attribution.mention is None:
            speaker, resolution, mention_text = current, "continuation", None
            if speaker is None:
                pending.append(record)
        if speaker is not None:
            if orphan_role is not None and speaker.kind == "person":
                _take_orphan_role(speaker, orphan_role, registry, text)
                orphan_role = None
            record.speaker = speaker.name
            record.speaker_type = speaker.kind  # type: ignore[assignment]
            record.role, record.affiliation = speaker.role, speaker.affiliation
            record.resolution = resolution  # type: ignore[assignment]
            record.confidence = _CONFIDENCE.get(resolution, 0.5)
            if speaker.kind in ("person", "organization"):
                current = speaker
                if speaker.kind == "person":
                    current_person = speaker
            for waiting in pending:
                _copy_speaker(waiting, record)
            pending.clear()
        if record.affiliation and registry.may_define(record.affiliation):
            record.affiliation = _spell_out(record.affiliation, registry.acronyms())
        mention = attribution.mention
        if written is not text and mention and mention_text == text[mention.start:mention.end]:
            mention_text = written[mention.start:mention.end]  # the words as written
        record.mention = mention_text
        if attribution.clause:
            c_start, c_end = attribution.clause
            record.said_on = pipe.dates.find(text, c_start, c_end, reference, today)
            record.via = _via(text, c_start, c_end, lang)
        records.append(record)
    _share_roles(records)
    return records


def _folded(name: str) -> tuple[str, ...]:
    """The case-folded words of a name, an abbreviation's parentheses dropped."""
    return tuple([w.strip("()").casefold() for w in name.split()])


def _take_orphan_role(person: Speaker, event: Mention, registry: Registry, text: str) -> None:
    """A role anaphor ("Musisi asal Kanada itu …") read before any person was recognised
    describes the first person recognised after it, when the article wrote that person's name
    before the anaphor (the one it points back at: "Belum lama ini, Budi tampil …")."""
    if person.role or person.affiliation or not 0 <= text.find(person.name) < event.start:
        return
    person.role, person.affiliation = event.role, event.affiliation
    registry.roles[person.name] = (event.role, event.affiliation)


def _spell_out(affiliation: str, acronyms: dict[str, str]) -> str:
    """An acronym the article defines is given with its long form, as the article introduced
    it ("IBPA" -> "Indonesia Bond Pricing Agency (IBPA)")."""
    if not acronyms:
        return affiliation
    words = affiliation.split()
    for i, word in enumerate(words):
        long_form = acronyms.get(word)
        if long_form and long_form not in affiliation:
            words[i] = f"{long_form} ({word})"
    return " ".join(words)


def _share_roles(records: list[QuoteRecord]) -> None:
    """A person's role, wherever the article states it, holds for all their quotes."""
    roles: dict[str, tuple[str | None, str | None]] = {}
    for record in records:
        if record.speaker and (record.role or record.affiliation):
            roles.setdefault(record.speaker, (record.role, record.affiliation))
    for record in records:
        if record.speaker in roles and not (record.role or record.affiliation):
            record.role, record.affiliation = roles[record.speaker]


_CONFIDENCE: Final = {"named": 0.9, "alias": 0.8, "clitic": 0.75, "pronoun": 0.7,
               "continuation": 0.6, "none": 0.3}


def _copy_speaker(target: QuoteRecord, source: QuoteRecord) -> None:
    target.speaker, target.speaker_type = source.speaker, source.speaker_type
    target.role, target.affiliation = source.role, source.affiliation
    target.resolution, target.confidence = "continuation", _CONFIDENCE["continuation"]


def _needs_salient(attribution: Attribution) -> bool:
    """Whether :func:`_speaker_of` reads the current speaker: for a clitic or a pronoun."""
    mention = attribution.mention
    return attribution.cue_slot == "clitic" or mention is not None and mention.kind == "pronoun"


def _speaker_of(attribution: Attribution, registry: Registry, current: Speaker | None,
                lang: Language) -> tuple[Speaker | None, str, str | None]:
    """The speaker of one attribution, given the article's registry and the current speaker."""
    if attribution.cue_slot == "clitic":
        return current or None, "clitic", lang.clitic_mention
    mention = attribution.mention
    if mention is None:
        return None, "none", None
    if mention.kind == "pronoun":
        how = "pronoun" if mention.text.casefold() in lang.pronouns else "alias"
        if current is None and how == "alias" and " " in mention.text and (
                mention.end > mention.start):  # not a hook's placeholder for a verb
            # "terang riset tersebut" with nobody named before: the description as written
            return Speaker(mention.text, "anonymous"), "named", mention.text
        if current is not None and mention.role and not (current.role or current.affiliation):
            # "seru bek asal Italia itu": the description states the role
            current = replace(current, role=mention.role, affiliation=mention.affiliation)
        return current, how, mention.text
    if mention.kind == "role":
        known = registry.with_role(mention.role, mention.affiliation) or registry.after_role(
            mention.text)
        if known and not (known.role or known.affiliation) and mention.role:
            # "kata Presiden": the role the mention states is the person's role
            known = replace(known, role=mention.role, affiliation=mention.affiliation)
        if known:
            return known, "alias", mention.text
        return Speaker(mention.text, "anonymous", mention.role, mention.affiliation), "named", \
            mention.text
    if mention.kind == "anonymous":
        return Speaker(mention.name or mention.text, "anonymous", _clean(mention.role, lang),
                       _clean(mention.affiliation, lang)), "named", mention.text
    speaker = _named_speaker(mention, registry)
    return speaker, _how_named(mention.text, speaker.name, lang), mention.text


_WORDS: Final = re.compile(r"\w+")
_DATELINE_DASH: Final = re.compile(r"\s[-–—]+\s|\s--|--\s")


def _how_named(surface: str, name: str, lang: Language) -> str:
    """How a mention led to a person or body: the name written in full ("named"), a pronoun a
    language hook resolved ("she" -> "pronoun"), or a short form or description mapped to a
    fuller name ("Holloway", "the chief executive" -> "alias"), so a reader can weigh it."""
    if surface.casefold() in lang.pronouns:
        return "pronoun"
    written = set(_WORDS.findall(surface.casefold()))
    if all(word in written for word in _WORDS.findall(name.casefold())):
        return "named"
    return "alias"


_JUNK: Final[dict[int, tuple[Language, frozenset[str]]]] = {}


def _junk_words(lang: Language) -> frozenset[str]:
    """Function words trimmed off roles (the union is built once per language, not per call)."""
    entry = _JUNK.get(id(lang))
    if entry is None or entry[0] is not lang:
        entry = (lang, lang.anaphor_markers | lang.np_stop | lang.role_fillers
                 | lang.descriptor_markers)  # "pelajar asal" <- "pelajar asal Bukittinggi"
        _JUNK[id(lang)] = entry
    return entry[1]


def _clean(words: str | None, lang: Language) -> str | None:
    """A role or affiliation without leading/trailing function words ("itu", "yang") and
    without a dateline before a dash ("REPUBLIKA.CO.ID, JAKARTA -- Menteri Desa")."""
    if not words:
        return None
    if "-" in words or "–" in words or "—" in words:  # what _DATELINE_DASH needs
        words = _DATELINE_DASH.split(words)[-1]
    parts = words.split()
    junk = _junk_words(lang)
    while parts and parts[0].casefold() in junk and (
            tuple(w.casefold() for w in parts[:2]) not in lang.function_word_names):
        parts.pop(0)  # but "Dalam Negeri" of "Menteri Dalam Negeri" is the body's name
    return _without_junk_end(" ".join(parts), lang, any_case=True)


def _without_junk_end(words: str | None, lang: Language, *,
                      any_case: bool = False) -> str | None:
    """``words`` without the lowercase function words trailing them ("KPU lain", "negara
    itu", "Pemilihan Presiden 2014 lalu"); capitalised, such a word may belong to a name
    ("Spesialis Penyakit Dalam", "Ragam Karya Bersama") and stays, unless ``any_case``."""
    parts = (words or "").split()
    junk = _junk_words(lang)
    while parts and ((any_case or parts[-1].islower()) and parts[-1].casefold() in junk
                     or parts[-1] in ",-"):
        parts.pop()
    return " ".join(parts) or None


def _named_speaker(mention: Mention, registry: Registry) -> Speaker:
    """A named person or body, mapped to the fullest form of the name in the article."""
    known = registry.canonical(mention.name or mention.text)
    if known is None:
        speaker = Speaker(unabbreviated(mention.name or mention.text), mention.kind,
                          mention.role, mention.affiliation)
    else:
        role = mention.role or known.role
        affiliation = mention.affiliation if mention.role else known.affiliation
        speaker = Speaker(known.name, known.kind, role, affiliation, known.folded,
                          known.position)
    lang = registry.nps.lang
    speaker.role, speaker.affiliation = _clean(speaker.role, lang), _clean(speaker.affiliation,
                                                                           lang)
    if speaker.kind == "person" and not speaker.role and not speaker.affiliation:
        speaker.role, speaker.affiliation = registry.introduction(speaker.name)
    elif speaker.kind == "person" and speaker.role and not speaker.affiliation and (
        " " not in speaker.role
    ):
        # "Wabup Syaefudin" near the quote, "Wakil Bupati Indramayu, Syaefudin" where the
        # article introduces him: the introduction says more
        role, affiliation = registry.introduction(speaker.name)
        if role and affiliation:
            speaker.role, speaker.affiliation = role, affiliation
    elif speaker.kind == "person" and not speaker.role and speaker.affiliation:
        role, affiliation = registry.introduction(speaker.name)
        # "Perikanan Sleman": the end of "Kepala Dinas Pertanian, …"; a whole role says more
        # than a stray word read as a body ("Menteri Keuangan (Menkeu)" over "negara")
        if role and (affiliation or " " in role):
            speaker.role, speaker.affiliation = role, affiliation
    if not speaker.role and speaker.affiliation and registry.bare_word(speaker.affiliation):
        speaker.affiliation = None  # "Karenanya Dedi Mulyana meminta …": not a body
    if speaker.kind == "person" and len(speaker.name.split()) == 1:
        registry.introduction(speaker.name)  # reads the full name where it is introduced
    fuller = registry.nps.fuller_names.get(speaker.name)
    if fuller and speaker.kind == "person":
        speaker.name = fuller  # "Erni Sylviane Purba" where only "Purba" was resolved
    return speaker


def _via(text: str, start: int, end: int, lang: Language) -> str | None:
    clause = text[start:end].casefold()
    if not any(word in clause for word in lang.via_words):
        return None
    if lang.via_phrases and clause.isascii() and not any(p in clause for p in lang.via_phrases):
        return None  # ASCII: case-insensitive matching is exactly case-folding
    match = lang.via_re.search(text, start, end)
    if not match:
        return None
    name = _VIA_NAME.match(text, match.end(), end)
    if not name:
        return None
    words = [w for w in tokens(text, name.start(1), name.end(1))]
    while words and words[-1].fold in lang.days:
        words.pop()
    if not words or words[0].fold in lang.not_outlets:
        return None
    return text[words[0].start:words[-1].end]
