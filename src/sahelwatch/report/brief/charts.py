"""The two charts of the briefing, drawn with matplotlib's object API into PNG bytes.

``matplotlib.figure.Figure`` is used directly, never ``pyplot``: pyplot keeps
a global current figure, and briefings may be rendered by several web
requests at once. Labels come from article text, so they are shortened and
have their ``$`` escaped: matplotlib would otherwise read ``$...$`` as
mathtext, and an odd dollar sign would make the whole chart fail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from io import BytesIO

from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from sahelwatch.report.brief import wording
from sahelwatch.report.brief.model import TimelinePoint

DPI = 110
WIDTH = 9.0
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p", "8", "d", "H", "+")
MAX_PLACES = 7
MAX_LABEL = 36
UNKNOWN_PLACE = "other/unknown"


def label(text: str) -> str:
    """Chart-safe text: short, on one line, with no mathtext."""
    flat = " ".join(text.split())
    if len(flat) > MAX_LABEL:
        flat = flat[: MAX_LABEL - 1].rstrip() + "…"
    return flat.replace("$", r"\$")


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)  # draw with Agg whatever backend the process selected
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _num(day: date) -> float:
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]  # untyped in matplotlib


def _size(sources: int) -> float:
    return float(min(40 + 55 * (sources - 1), 400))


def timeline_png(points: Sequence[TimelinePoint]) -> bytes | None:
    """Developments over time, one row per type; None when nothing is dated.

    Markers grow with the number of independent sources; hollow ones carry a
    month, year or approximate date, placed mid-period, so a reader does not
    take their position for a precise day.
    """
    if not points:
        return None
    types = sorted({p.type for p in points}, key=wording.event_type_words, reverse=True)
    row = {t: i for i, t in enumerate(types)}
    figure = Figure(figsize=(WIDTH, 1.9 + 0.42 * len(types)), layout="constrained")
    axes = figure.subplots()
    colors = [f"C{i % 10}" for i in range(len(types))]
    for t in types:
        for exact in (True, False):
            chosen = [p for p in points if p.type == t and p.exact is exact]
            if not chosen:
                continue
            color = colors[row[t]]
            axes.scatter(
                [_num(p.when) for p in chosen],
                [row[t]] * len(chosen),
                s=[_size(p.sources) for p in chosen],
                marker=MARKERS[row[t] % len(MARKERS)],
                facecolors=color if exact else "none",
                edgecolors=color,
                linewidths=1.4,
                alpha=0.8,
                zorder=3,
            )
    first = min(p.when for p in points)
    last = max(p.when for p in points)
    pad = max(timedelta(days=20), (last - first) * 0.05)
    axes.set_xlim(_num(first - pad), _num(last + pad))
    axes.set_ylim(-0.7, len(types) - 0.3)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(formatter)
    axes.set_yticks(range(len(types)), [label(wording.event_type_words(t)) for t in types])
    axes.grid(axis="x", color="#dddddd", linewidth=0.8, zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title("Developments over time", loc="left", fontsize=11)
    figure.legend(
        handles=_timeline_legend(points),
        loc="outside lower center",
        ncols=4,
        frameon=False,
        fontsize=8,
    )
    return _png(figure)


def _timeline_legend(points: Sequence[TimelinePoint]) -> list[Line2D]:
    most = max(p.sources for p in points)
    sizes = sorted({1, most, max(1, (1 + most) // 2)})
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            color="#555555",
            markersize=_size(n) ** 0.5,
            label=wording.count_phrase(n, "source"),
        )
        for n in sizes
    ]
    handles.append(
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor="none",
            markeredgecolor="#555555",
            markersize=7,
            label="month, year or approximate date",
        )
    )
    return handles


def type_place_png(pairs: Sequence[tuple[str, str]]) -> bytes | None:
    """Developments by type, stacked by country; None when there are none.

    The export gives no country for a city, so a place that is a GPE stands
    for itself and anything else is "other/unknown"; only the most frequent
    places get their own colour so the legend stays readable.
    """
    if not pairs:
        return None
    places = Counter(place for _, place in pairs if place != UNKNOWN_PLACE)
    kept = [place for place, _ in places.most_common(MAX_PLACES)]
    grouped = [(kind, place if place in kept else UNKNOWN_PLACE) for kind, place in pairs]
    if any(place == UNKNOWN_PLACE for _, place in grouped):
        kept.append(UNKNOWN_PLACE)
    totals = Counter(kind for kind, _ in grouped)
    # barh draws index 0 at the bottom: reverse so the biggest bar comes first, on top.
    kinds = sorted(totals, key=lambda k: (-totals[k], k))[::-1]
    counts = Counter(grouped)
    figure = Figure(figsize=(WIDTH, 1.9 + 0.42 * len(kinds)), layout="constrained")
    axes = figure.subplots()
    left = [0] * len(kinds)
    for index, place in enumerate(kept):
        widths = [counts.get((kind, place), 0) for kind in kinds]
        color = "#b0b0b0" if place == UNKNOWN_PLACE else f"C{index % 10}"
        axes.barh(
            range(len(kinds)),
            widths,
            left=left,
            color=color,
            label=label(place),
            height=0.6,
            zorder=3,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_yticks(range(len(kinds)), [label(kind) for kind in kinds])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(0, max(totals.values()) * 1.05)
    axes.set_xlabel("developments")
    axes.grid(axis="x", color="#dddddd", linewidth=0.8, zorder=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title("Developments by type and country", loc="left", fontsize=11)
    figure.legend(loc="outside lower center", ncols=min(4, len(kept)), frameon=False, fontsize=8)
    return _png(figure)
