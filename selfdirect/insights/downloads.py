"""The dashboard's tables as CSV or Excel, and the publication CSV with disclosure
control applied to every count (`disclosure.py`)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

from selfdirect.core.csv import csv_response, neutralise

from . import disclosure
from .dashboard import Figure, Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _published(table: Table) -> list[list[object]]:
    """The table's counts controlled column by column; its rates hidden where a
    count they come from is."""
    if not table.counts or not table.rows:
        return [list(r) for r in table.rows]
    width = table.counts
    counts = [
        [c if isinstance(c, int) else None for c in r[1 : 1 + width]]
        for r in table.rows
    ]
    shown, _totals = disclosure.table(counts)
    rows = []
    for row, cells in zip(table.rows, shown, strict=True):
        rest = list(row[1 + width :])
        if rest and width >= 2:
            rest = [disclosure.rate(cells[0], cells[1], v) for v in rest]
        rows.append([row[0], *cells, *rest])
    return rows


def _rows(
    figures: list[Figure], as_at: str, period: str, publication: bool
) -> Iterator[list[object]]:
    yield ["Selfdirect SDS indicators", period, f"as at {as_at}"]
    if publication:
        yield [
            "Counts from 1 to 4 are shown as *; other counts are hidden so totals cannot reveal them."
        ]
    for figure in figures:
        yield []
        yield [str(figure.title)]
        yield [str(figure.definition)]
        if not publication:
            for cell in figure.headline:
                yield [str(cell.label), cell.value]
        for table in figure.tables:
            yield []
            yield [table.caption]
            yield [str(c) for c in table.columns]
            yield from (_published(table) if publication else table.rows)


def as_csv(
    figures: list[Figure], as_at: str, period: str, name: str, publication: bool = False
) -> StreamingHttpResponse:
    suffix = "-publication" if publication else ""
    return csv_response(
        f"{name}{suffix}.csv", _rows(figures, as_at, period, publication)
    )


def as_excel(figures: list[Figure], as_at: str, period: str, name: str) -> HttpResponse:
    book = Workbook()
    sheet: Any = book.active
    sheet.title = "Indicators"
    for row in _rows(figures, as_at, period, publication=False):
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def _cell(value: object) -> object:
    if value is None or isinstance(value, int | float):
        return value
    return neutralise(str(value))
