"""Disclosure control for published figures (publication downloads only; staff see
exact figures on screen).

Primary suppression: a count from 1 to 4 is shown as `*`. Secondary suppression:
where a column of counts adds up to a total that is shown, one hidden count could
be worked out by subtraction, so the smallest other count above 0 is hidden too;
if no other count can be hidden, the total is. Rates whose numerator or
denominator is hidden are hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

HIDDEN = "*"
LOW, HIGH = 1, 4


def primary(value: int | None) -> bool:
    return value is not None and LOW <= value <= HIGH


def column(
    values: Sequence[int | None], total: int | None = None
) -> tuple[list[object], object]:
    """One column of counts and the total they add up to (None when they do not
    add up to a shown total): the shown cells and the shown total."""
    hidden = {i for i, v in enumerate(values) if primary(v)}
    total_hidden = primary(total)
    if total is not None and not total_hidden and len(hidden) == 1:
        others = [
            (v, i)
            for i, v in enumerate(values)
            if i not in hidden and v is not None and v > 0
        ]
        if others:
            hidden.add(min(others)[1])
        else:
            total_hidden = True
    cells: list[object] = [HIDDEN if i in hidden else v for i, v in enumerate(values)]
    return cells, (HIDDEN if total_hidden else total)


def table(
    rows: Sequence[Sequence[int | None]], totals: Sequence[int | None] | None = None
) -> tuple[list[list[object]], list[object] | None]:
    """A table of counts (rows × columns) with an optional totals row: each column
    controlled as `column` does."""
    if not rows:
        return [], list(totals) if totals is not None else None
    width = len(rows[0])
    shown_rows: list[list[object]] = [[None] * width for _ in rows]
    shown_totals: list[object] | None = [None] * width if totals is not None else None
    for c in range(width):
        cells, total = column(
            [r[c] for r in rows], totals[c] if totals is not None else None
        )
        for r, cell in enumerate(cells):
            shown_rows[r][c] = cell
        if shown_totals is not None:
            shown_totals[c] = total
    return shown_rows, shown_totals


def rate(numerator: object, denominator: object, value: object) -> object:
    """A rate shown only when both its counts are."""
    return HIDDEN if HIDDEN in (numerator, denominator) else value
