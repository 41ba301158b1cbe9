"""Plots: the numbers behind each picture, and the pictures themselves (Agg, no display)."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from claims import plots
from claims.api import QUOTE_DTYPES, typed_frame

matplotlib.use("Agg")

# (speaker, role, affiliation, outlet, date): a small newsroom month by month.
ROWS = [
    ("Hendra Wibisono", "Kepala", "Bapanas", "Antara", "2025-01-14"),
    ("Hendra Wibisono", "Kepala", "Bapanas", "Antara", "2025-01-20"),
    ("Hendra Wibisono", None, None, "Kompas.com", "2025-03-02"),
    ("Hendra Wibisono", "Kepala", "Bapanas", "Detik", "2025-03-05"),
    ("Siti Aminah", "pedagang", None, "Kompas.com", "2025-01-21"),
    ("Rudi Hartono", "Direktur Utama", "PT Sinar Pangan", "Tempo", "2025-03-10"),
    ("Rudi Hartono", "Direktur Utama", "PT Sinar Pangan", "Kompas.com", "2025-03-11"),
    (None, None, None, "Detik", "2025-02-01"),
]


@pytest.fixture
def quotes() -> pd.DataFrame:
    rows = [{"id": i, "speaker": s, "role": r, "affiliation": a, "outlet": o, "date": d,
             "text": f"kutipan {i}", "kind": "direct"}
            for i, (s, r, a, o, d) in enumerate(ROWS, 1)]
    return typed_frame(rows, QUOTE_DTYPES)


@pytest.fixture
def empty(quotes: pd.DataFrame) -> pd.DataFrame:
    return quotes.iloc[:0]


def test_speaker_counts_most_quoted_first_unattributed_left_out(quotes) -> None:
    counts = plots.speaker_counts(quotes)
    assert counts.to_dict() == {"Hendra Wibisono": 4, "Rudi Hartono": 2, "Siti Aminah": 1}
    assert list(plots.speaker_counts(quotes, 1).index) == ["Hendra Wibisono"]


def test_monthly_counts_fill_quiet_months_with_zero(quotes) -> None:
    table = plots.monthly_counts(quotes, top=2)
    assert [str(m) for m in table.index] == ["2025-01", "2025-02", "2025-03"]
    assert table["Hendra Wibisono"].tolist() == [2, 0, 2]
    assert table["Rudi Hartono"].tolist() == [0, 0, 2]


def test_monthly_counts_for_chosen_speakers_keeps_their_order(quotes) -> None:
    table = plots.monthly_counts(quotes, speakers=["Siti Aminah", "Hendra Wibisono", "Nobody"])
    assert list(table.columns) == ["Siti Aminah", "Hendra Wibisono", "Nobody"]
    assert table.loc[pd.Period("2025-01", "M")].tolist() == [1, 2, 0]
    assert table["Nobody"].sum() == 0


def test_outlet_speaker_matrix(quotes) -> None:
    matrix = plots.outlet_speaker_matrix(quotes)
    assert list(matrix.index) == ["Kompas.com", "Antara", "Detik", "Tempo"]
    assert list(matrix.columns) == ["Hendra Wibisono", "Rudi Hartono", "Siti Aminah"]
    assert matrix.loc["Kompas.com"].tolist() == [1, 1, 1]
    assert matrix.loc["Antara", "Hendra Wibisono"] == 2
    assert matrix.to_numpy().sum() == 7  # the unattributed quote is not a speaker


def test_mix_table_sector_shares_per_outlet(quotes) -> None:
    mix = plots.mix_table(quotes)
    assert np.allclose(mix.sum(axis=1), 1.0)
    assert mix.loc["Antara", "Pemerintah"] == 1.0
    assert mix.loc["Tempo", "Bisnis"] == 1.0
    # Kompas.com: Hendra without a role (unknown), Siti (citizen), Rudi (business).
    assert mix.loc["Kompas.com"].round(3).to_dict()["Warga"] == pytest.approx(0.333)
    counts = plots.mix_table(quotes, by=None, normalize=False)
    assert counts.loc["all"].to_dict() == {"Pemerintah": 3, "Bisnis": 2, "Warga": 1,
                                           "Tidak diketahui": 2}


def test_mix_table_of_roles_folds_the_tail_into_other(quotes) -> None:
    mix = plots.mix_table(quotes, by=None, column="role", top=1, normalize=False)
    assert mix.loc["all"].to_dict() == {"Kepala": 3, "other": 5}


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_quotes_per_month_draws_one_line_per_speaker(quotes) -> None:
    fig = plots.quotes_per_month(quotes, ["Hendra Wibisono", "Rudi Hartono"])
    (ax,) = fig.axes
    assert [line.get_label() for line in ax.get_lines()] == ["Hendra Wibisono", "Rudi Hartono"]
    assert list(ax.get_lines()[0].get_ydata()) == [2, 0, 2]
    assert _png(fig).startswith(b"\x89PNG")


def test_heatmap_shows_the_matrix(quotes) -> None:
    fig = plots.outlet_speaker_heatmap(quotes)
    ax = fig.axes[0]
    image = ax.get_images()[0]
    assert (np.asarray(image.get_array()) == plots.outlet_speaker_matrix(quotes).to_numpy()).all()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kompas.com", "Antara", "Detik",
                                                            "Tempo"]
    assert _png(fig).startswith(b"\x89PNG")


def test_roles_mix_stacks_to_one(quotes) -> None:
    fig = plots.roles_mix(quotes)
    ax = fig.axes[0]
    ends = {}
    for bar in ax.patches:
        y = round(bar.get_y(), 3)
        ends[y] = max(ends.get(y, 0.0), bar.get_x() + bar.get_width())
    assert len(ends) == 4 and all(v == pytest.approx(1.0) for v in ends.values())
    assert ax.get_legend() is not None


def test_top_speakers_bars(quotes) -> None:
    fig = plots.top_speakers(quotes, n=2)
    widths = [bar.get_width() for bar in fig.axes[0].patches]
    assert widths == [2, 4]  # drawn bottom-up: the most quoted on top


def test_bar_counts_keeps_the_given_order_top_down() -> None:
    counts = pd.Series({"drift": 2, "conflict": 1, "unattributed": 0})
    ax = plots.bar_counts(counts, "Audit").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["unattributed", "conflict", "drift"]
    assert [bar.get_width() for bar in ax.patches] == [0, 1, 2]


@pytest.mark.parametrize("draw", [
    plots.top_speakers, plots.quotes_per_month, plots.outlet_speaker_heatmap, plots.roles_mix,
])
def test_no_quotes_still_gives_a_readable_figure(empty, draw) -> None:
    fig = draw(empty)
    assert plots.NO_DATA in [t.get_text() for t in
                             plots.bar_counts(pd.Series(dtype="int64"), "x").axes[0].texts]
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert plots.NO_DATA in texts
    assert _png(fig).startswith(b"\x89PNG")


def test_figures_are_not_registered_with_pyplot(quotes) -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plots.outlet_speaker_heatmap(quotes)
    assert plt.get_fignums() == before


def test_a_sector_keeps_its_colour_across_pictures(quotes) -> None:
    def colours(frame: pd.DataFrame) -> dict[str, tuple]:
        ax = plots.roles_mix(frame).axes[0]
        return {text.get_text(): tuple(handle.get_facecolor())
                for text, handle in zip(ax.get_legend().get_texts(),
                                        ax.get_legend().legend_handles, strict=True)}

    everyone = colours(quotes)
    business_only = colours(quotes[quotes["speaker"] == "Rudi Hartono"])
    assert business_only["Bisnis"] == everyone["Bisnis"]
