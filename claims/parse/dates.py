"""When a statement was made: `Selasa (9/7)`, `Senin (8/7/2024)`, `9 Juli 2024`, `pada Senin`.

Dates are resolved against the published date. Without one, a weekday with day/month
takes the latest year not after ``today`` in which they agree, and the latest explicit
date of the article is the reference for bare weekdays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from claims.parse.language import Language

_DIGIT = re.compile(r"\d")


@dataclass
class DateFinder:
    """Date expressions of one language, compiled once."""

    lang: Language

    def __post_init__(self) -> None:
        days = "|".join(sorted((re.escape(d) for d in self.lang.days), key=len, reverse=True))
        months = "|".join(sorted((re.escape(m) for m in self.lang.months), key=len,
                                 reverse=True))
        leads = "|".join(re.escape(w) for w in self.lang.day_lead)
        # Selasa (9/7)  Senin (8/7/2024)  (Sabtu, 14/6)  Rabu, 5 November 2025
        self.numeric = re.compile(
            rf"(?i)\b(?P<day>{days})\b\s*(?:\(\s*|,\s*)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
            rf"(?:/(?P<y>\d{{2,4}}))?\s*\)?"
            rf"|\(\s*(?P<day2>{days})\s*,\s*(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})"
            rf"(?:/(?P<y2>\d{{2,4}}))?\s*\)"
        )
        self.named = re.compile(
            rf"(?i)(?:\b(?P<day>{days})\b,?\s*)?\b(?P<d>\d{{1,2}})\s+(?P<month>{months})\b\.?"
            rf"(?:\s+(?P<y>\d{{4}}))?"
        )
        # a bare weekday: "pada Senin", "Senin lalu", or a capitalised day after a comma
        self.bare = re.compile(
            rf"(?:\b(?:{leads})\s+(?P<day>{days})\b|,\s*(?P<day2>{days})\b(?!\s*[(,]\s*\d))",
            re.IGNORECASE,
        )

    def find(self, text: str, start: int, end: int, reference: date | None,
             today: date) -> date | None:
        """The first date expression in ``text[start:end]``."""
        best: tuple[int, date] | None = None
        clause = text[start:end]
        patterns = [self.numeric, self.named] if _DIGIT.search(clause) else []
        folded = clause.casefold()
        if any(day in folded for day in self.lang.days):
            patterns.append(self.bare)
        for pattern in patterns:
            match = pattern.search(text, start, end)
            if not match:
                continue
            found = self._resolve(match, reference, today)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
        return best[1] if best else None

    def explicit_dates(self, text: str, published: date | None, today: date) -> list[date]:
        """Every date with day and month in the text (for the bare-weekday reference)."""
        found = []
        for pattern in (self.numeric, self.named):
            for match in pattern.finditer(text):
                resolved = self._resolve(match, published, today)
                if resolved:
                    found.append(resolved)
        return found

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
            return _safe_date(year, month, int(d))
        return _year_for(int(d), month, weekday, reference, today)


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
