"""Pictures of who is quoted: matplotlib figures from the frames of :mod:`claims.api`.

Each plot has a pure table function next to it (``monthly_counts`` for ``quotes_per_month``,
...) so the numbers behind a picture can be tested and exported. Figures are built with
``matplotlib.figure.Figure`` rather than pyplot: nothing is shown or kept open behind the
caller's back, it works under any backend (Agg in CI), and a notebook displays the returned
figure once.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from claims.api import add_sectors, sector_labels

NO_DATA = "no quotes to show"
UNATTRIBUTED = "(unattributed)"


def _figure(width: float = 8, height: float = 4.5) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _empty(fig: Figure, title: str) -> Figure:
    ax = fig.subplots()
    ax.set_title(title)
    ax.text(0.5, 0.5, NO_DATA, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _speakers(quotes: pd.DataFrame, attributed_only: bool = True) -> pd.Series:
    names = quotes["speaker"].astype("string")
    return names if attributed_only else names.fillna(UNATTRIBUTED)


# ---------------------------------------------------------------------------------------------
# Tables.


def speaker_counts(quotes: pd.DataFrame, n: int | None = 10) -> pd.Series:
    """Quotes per speaker, most quoted first (unattributed quotes left out)."""
    counts = _speakers(quotes).dropna().value_counts()
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return (counts.head(n) if n else counts).astype("int64")


def monthly_counts(quotes: pd.DataFrame, speakers: Sequence[str] | None = None,
                   top: int = 5) -> pd.DataFrame:
    """Quotes per calendar month (rows) and speaker (columns), months without quotes as 0.

    ``speakers`` picks the columns (exact names); otherwise the ``top`` most quoted.
    """
    chosen = list(speakers) if speakers is not None else list(speaker_counts(quotes, top).index)
    dated = quotes[quotes["speaker"].isin(chosen) & quotes["date"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=chosen, index=pd.PeriodIndex([], freq="M"), dtype="int64")
    months = dated["date"].dt.to_period("M")
    table = pd.crosstab(months, dated["speaker"].astype(str))
    full = pd.period_range(months.min(), months.max(), freq="M")
    table = table.reindex(index=full, columns=chosen, fill_value=0)
    table.index.name = "month"
    table.columns.name = "speaker"
    return table.astype("int64")


def outlet_speaker_matrix(quotes: pd.DataFrame, top_speakers: int = 15,
                          top_outlets: int | None = 12) -> pd.DataFrame:
    """Quote counts, outlets (rows) x the most quoted speakers (columns)."""
    speakers = list(speaker_counts(quotes, top_speakers).index)
    subset = quotes[quotes["speaker"].isin(speakers) & quotes["outlet"].notna()]
    if subset.empty:
        return pd.DataFrame(dtype="int64")
    table = pd.crosstab(subset["outlet"].astype(str), subset["speaker"].astype(str))
    table = table.reindex(columns=speakers, fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    table = table.loc[order]
    return (table.head(top_outlets) if top_outlets else table).astype("int64")


def mix_table(quotes: pd.DataFrame, by: str | None = "outlet", column: str = "sector",
              top: int = 8, normalize: bool = True) -> pd.DataFrame:
    """Share (or count) of quotes per value of ``column`` within each ``by`` group.

    ``column="sector"`` (added from role and affiliation when missing) answers "officials or
    citizens, government or business?"; ``role`` or ``affiliation`` show the top ``top``
    values and fold the rest into "other".
    """
    frame = add_sectors(quotes) if column == "sector" and "sector" not in quotes else quotes
    if frame.empty:
        return pd.DataFrame(dtype="float64")
    values = frame[column].astype("string").fillna("(none)")
    if column == "sector":
        labels = sector_labels()
        values = values.map(lambda s: labels.get(s, s))
        keep = [labels[k] for k in labels if labels[k] in set(values)]
    else:
        keep = list(values.value_counts().head(top).index)
        values = values.where(values.isin(keep), "other")
        keep += ["other"] if (values == "other").any() and "other" not in keep else []
    groups = (frame[by].astype("string").fillna("(unknown)") if by
              else pd.Series("all", index=frame.index))
    table = pd.crosstab(groups, values).reindex(columns=keep, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.index.name = by or ""
    table.columns.name = column
    if normalize:
        return table.div(table.sum(axis=1), axis=0)
    return table


# ---------------------------------------------------------------------------------------------
# Figures.


def bar_counts(counts: pd.Series, title: str, xlabel: str = "count") -> Figure:
    """Horizontal bars for any labelled counts (audit checks, verdicts), first label on top."""
    counts = counts.dropna()
    fig = _figure(8, max(2.5, 0.35 * len(counts) + 1))
    if counts.empty:
        return _empty(fig, title)
    ax = fig.subplots()
    ax.barh([str(i) for i in counts.index][::-1], list(counts.to_numpy())[::-1],
            color="tab:blue")
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return fig


def top_speakers(quotes: pd.DataFrame, n: int = 10, title: str = "Most quoted") -> Figure:
    """Horizontal bars: the ``n`` most quoted speakers."""
    counts = speaker_counts(quotes, n)
    fig = _figure(8, max(2.5, 0.35 * len(counts) + 1))
    if counts.empty:
        return _empty(fig, title)
    ax = fig.subplots()
    ax.barh(list(counts.index)[::-1], list(counts.values)[::-1], color="tab:blue")
    ax.set_xlabel("quotes")
    ax.set_title(title)
    return fig


def quotes_per_month(quotes: pd.DataFrame, speakers: Sequence[str] | None = None,
                     top: int = 5, title: str = "Quotes per month") -> Figure:
    """One line per speaker: how often they are quoted each month."""
    table = monthly_counts(quotes, speakers, top)
    fig = _figure()
    if table.empty:
        return _empty(fig, title)
    ax = fig.subplots()
    x = table.index.to_timestamp()
    marker = "o" if len(table) <= 36 else None  # dots on years of months hide the lines
    for speaker in table.columns:
        ax.plot(x, table[speaker].to_numpy(), marker=marker, label=speaker)
    ax.set_ylabel("quotes")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small", frameon=False)
    fig.autofmt_xdate()
    return fig


def outlet_speaker_heatmap(quotes: pd.DataFrame, top_speakers: int = 15,
                           top_outlets: int | None = 12,
                           title: str = "Who each outlet quotes") -> Figure:
    """Outlets x speakers, cell colour and number = quotes."""
    table = outlet_speaker_matrix(quotes, top_speakers, top_outlets)
    fig = _figure(max(6, 0.55 * table.shape[1] + 3), max(3, 0.4 * table.shape[0] + 2))
    if table.empty:
        return _empty(fig, title)
    ax = fig.subplots()
    image = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=45, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    peak = table.to_numpy().max()
    for (i, j), value in pd.DataFrame(table.to_numpy()).stack().items():
        if value:
            ax.text(j, i, str(value), ha="center", va="center", fontsize="small",
                    color="white" if value > peak / 2 else "black")
    fig.colorbar(image, ax=ax, label="quotes")
    ax.set_title(title)
    return fig


def roles_mix(quotes: pd.DataFrame, by: str | None = "outlet", column: str = "sector",
              top: int = 8, title: str | None = None) -> Figure:
    """Stacked bars: the share of quotes per sector (or role, affiliation) in each group."""
    table = mix_table(quotes, by, column, top, normalize=True)
    title = title or f"Who is quoted ({column}){f' by {by}' if by else ''}"
    fig = _figure(9, max(2.5, 0.4 * len(table) + 1.5))
    if table.empty:
        return _empty(fig, title)
    ax = fig.subplots()
    left = pd.Series(0.0, index=table.index)
    # A sector keeps its colour from one picture to the next (government is always blue).
    palette = list(sector_labels().values()) if column == "sector" else list(table.columns)
    colours = [f"C{palette.index(v) % 10}" if v in palette else "grey" for v in table.columns]
    for value, colour in zip(table.columns, colours, strict=True):
        ax.barh(list(table.index), table[value].to_numpy(), left=left.to_numpy(),
                label=value, color=colour)
        left += table[value]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of quotes")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return fig


__all__ = [
    "bar_counts", "mix_table", "monthly_counts", "outlet_speaker_heatmap", "outlet_speaker_matrix",
    "quotes_per_month", "roles_mix", "speaker_counts", "top_speakers",
]
