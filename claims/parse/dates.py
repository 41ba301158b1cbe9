"""When a statement was made: `Selasa (9/7)`, `Senin (8/7/2024)`, `9 Juli 2024`, `pada Senin`.

Dates are resolved against the published date. Without one, a weekday with day/month
takes the latest year not after ``today`` in which they agree, and the latest explicit
date of the article is the reference for bare weekdays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from claims.parse.language import Language

_DIGIT: Final = re.compile(r"\d")
# one or two digits standing alone: "(?<!\d)\d{1,2}(?!\d)" with the digit first, so that the
# regex engine skips ahead to digits (3x faster over a clause)
_NUMBER: Final = re.compile(r"\d(?<!\d\d)\d?(?!\d)")


@dataclass
class DateFinder:
    """Date expressions of one language, compiled once."""

    lang: Language

    def __post_init__(self) -> None:
        days = "|".join(sorted((re.escape(d) for d in self.lang.days), key=len, reverse=True))
        months = "|".join(sorted((re.escape(m) for m in self.lang.months), key=len,
                                 reverse=True))
        # Selasa (9/7)  Senin (8/7/2024)  Rabu, 5 November 2025   (matched at a day name)
        self.at_day = re.compile(
            rf"(?i)(?P<day>{days})\b\s*(?:\(\s*|,\s*)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
            rf"(?:/(?P<y>\d{{2,4}}))?\s*\)?"
        )
        # 9 Juli 2024, 5 November (matched at a number)
        self.at_number = re.compile(
            rf"(?i)(?P<d>\d{{1,2}})\s+(?P<month>{months})\b\.?(?:\s+(?P<y>\d{{4}}))?"
        )
        self.day_word = re.compile(rf"(?i)(?P<day>{days})\b")
        # the kept names for explicit_dates over a whole article
        self.numeric = re.compile(
            rf"(?i)\b(?P<day>{days})\b\s*(?:\(\s*|,\s*)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
            rf"(?:/(?P<y>\d{{2,4}}))?\s*\)?"
        )
        self.named = re.compile(
            rf"(?i)\b(?P<d>\d{{1,2}})\s+(?P<month>{months})\b\.?(?:\s+(?P<y>\d{{4}}))?"
        )
        self.lead_words = self.lang.day_lead
        self.day_prefixes = _shortest_prefixes(self.lang.days)

    def find(self, text: str, start: int, end: int, reference: date | None,
             today: date) -> date | None:
        """The first date expression in ``text[start:end]``.

        Day names and numbers are located with plain string search; the date patterns are
        then matched at those positions only (fast on long clauses).
        """
        clause = text[start:end]
        folded = clause.casefold()
        candidates: list[tuple[int, date]] = []
        for day in self.lang.days:
            pos = folded.find(day)
            while pos >= 0:
                at = start + pos
                if at == 0 or not text[at - 1].isalnum():
                    found = self._at_day(text, at, end, reference, today)
                    if found:
                        candidates.append((at, found))
                pos = folded.find(day, pos + len(day))
        if _DIGIT.search(clause):
            for match in _NUMBER.finditer(text, start, end):
                named = self.at_number.match(text, match.start(), end)
                if named:
                    found = self._resolve(named, reference, today)
                    if found:
                        candidates.append((match.start(), found))
        if not candidates:
            return None
        candidates = [c for c in candidates if not self._other_event(text, c[0])]
        return min(candidates, key=lambda c: c[0])[1] if candidates else None

    def _other_event(self, text: str, at: int) -> bool:
        """A date after "kelahiran", "jatuh tempo"...: a birth or maturity, not the statement."""
        if not self.lang.date_other_event:
            return False
        before = " ".join(text[max(0, at - 24):at].casefold().split())
        return any(before.endswith(lead) and (len(before) == len(lead)
                                              or not before[-len(lead) - 1].isalnum())
                   for lead in self.lang.date_other_event)

    def _at_day(self, text: str, at: int, end: int, reference: date | None,
                today: date) -> date | None:
        numeric = self.at_day.match(text, at, end)
        if numeric:
            return self._resolve(numeric, reference, today)
        word = self.day_word.match(text, at, end)
        if word is None or (word.end() < len(text) and text[word.end()].isalnum()):
            return None
        if not text[at].isupper():
            return None  # "minggu depan": the common noun (week), not the day
        before = text[max(0, at - 12):at].rstrip()
        lead = before.rsplit(None, 1)[-1].casefold() if before.split() else ""
        if before.endswith(",") or lead in self.lead_words:
            after = text[word.end():word.end() + 6].lstrip(" ,")
            if after[:1].isdigit():
                return None  # "Rabu, 5 November": handled as a number
            return self._resolve(word, reference, today)
        return None

    def explicit_dates(self, text: str, published: date | None, today: date) -> list[date]:
        """Every date with day and month in the text (for the bare-weekday reference)."""
        found = []
        for match in self._explicit_matches(text):
            resolved = self._resolve(match, published, today)
            if resolved:
                found.append(resolved)
        return found

    def _explicit_matches(self, text: str) -> list[re.Match[str]]:
        """What ``numeric.finditer`` then ``named.finditer`` give over ``text``, with each
        pattern tried only where a day name (plain search in the casefolded text) or a short
        number starts: ``finditer`` tries the case-insensitive alternation at every position,
        which cost a third of an undated article's parse."""
        folded = text.casefold()
        if len(folded) != len(text) or "ı" in text:
            # a fold changed the length, so offsets would shift; or a dotless i, which the
            # case-insensitive patterns read as "i" and casefold keeps
            return [*self.numeric.finditer(text), *self.named.finditer(text)]
        found = _matches_at(self.numeric, text, _starts(folded, self.day_prefixes))
        # "named" starts at one or two digits standing alone: a _NUMBER (cheaper to find
        # than the month names, which are short and common inside other words)
        return found + _matches_at(self.named, text, {m.start() for m in _NUMBER.finditer(text)})

    def _resolve(self, match: re.Match[str], reference: date | None,
                 today: date) -> date | None:
        groups = {k: v for k, v in match.groupdict().items() if v}
        day_name = groups.get("day") or groups.get("day2")
        weekday = self.lang.days.get(day_name.casefold()) if day_name else None
        d = groups.get("d") or groups.get("d2")
        if d is None:
            if weekday is None:
                return None
            base = reference or today
            return base - timedelta(days=(base.weekday() - weekday) % 7)
        if "month" in groups:
            month = self.lang.months.get(groups["month"].casefold().rstrip("."))
        else:
            month = int(groups.get("m") or groups.get("m2") or 0)
        year_text = groups.get("y") or groups.get("y2")
        if not month or not 1 <= month <= 12:
            return None
        if year_text:
            year = int(year_text)
            if year < 100:
                year += 2000
            explicit = _safe_date(year, month, int(d))
            latest = (reference or today) + timedelta(days=1)
            if explicit is not None and len(year_text) in (2, 4) and explicit <= latest:
                return explicit
            # a statement cannot postdate its article: the year is a typo ("26/1/2913",
            # "11/2/22018"); day, month and weekday still date it near the reference
            guess = _year_for(int(d), month, weekday, reference, today)
            if guess is not None and (weekday is None or guess.weekday() == weekday):
                return guess
            return None
        return _year_for(int(d), month, weekday, reference, today)


def _shortest_prefixes(words: Iterable[str]) -> list[str]:
    """The words none of the others starts: where any of the words occurs, one of these does."""
    unique = set(words)
    return sorted(w for w in unique if not any(o != w and w.startswith(o) for o in unique))


def _starts(folded: str, prefixes: list[str]) -> set[int]:
    """Every position where one of ``prefixes`` occurs in ``folded``."""
    starts = set()
    for prefix in prefixes:
        pos = folded.find(prefix)
        while pos >= 0:
            starts.add(pos)
            pos = folded.find(prefix, pos + 1)
    return starts


def _matches_at(pattern: re.Pattern[str], text: str, starts: set[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` gives when it can only match at ``starts``: tried
    there in order, none inside the previous match."""
    found = []
    end = 0
    for pos in sorted(starts):
        if pos >= end and (match := pattern.match(text, pos)) is not None:
            found.append(match)
            end = match.end()
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(day: int, month: int, weekday: int | None, reference: date | None,
              today: date) -> date | None:
    """Day/month without a year: near the published date, else the weekday decides."""
    if reference is not None:
        for year in (reference.year, reference.year - 1, reference.year + 1):
            candidate = _safe_date(year, month, day)
            if candidate and candidate <= reference + timedelta(days=31):
                return candidate
        return None
    for year in range(today.year, today.year - 40, -1):
        candidate = _safe_date(year, month, day)
        if candidate is None or candidate > today:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return None
