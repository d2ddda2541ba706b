"""CSV downloads: one writer for every download, streamed row by row.

A spreadsheet runs a cell that starts with =, +, - or @ as a formula, and some
also treat a leading tab or carriage return that way. Text typed into Selfdirect
(a directory service's name, say) must never run in the reader's spreadsheet, so
such cells get a leading single quote (the OWASP advice on CSV injection).
"""

import csv
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse

CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """The cell as text a spreadsheet shows rather than runs; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Line:
    """A file-like object that hands back what the csv writer writes to it."""

    def write(self, line: str) -> str:
        return line


def csv_lines(rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """Each row as one line of CSV, with every cell neutralised."""
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])


def csv_chunks(
    rows: Iterable[Sequence[object]], size: int = 64 * 1024
) -> Iterator[str]:
    """The rows as CSV text in pieces of about `size` characters: a generator of
    rows is read only as fast as the download is sent, so memory stays flat."""
    buffer: list[str] = []
    length = 0
    for line in csv_lines(rows):
        buffer.append(line)
        length += len(line)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def csv_response(
    filename: str, rows: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    """A CSV download, streamed in constant memory: the header row first, then
    the data rows. `rows` may be any iterable: pass a generator (or a queryset's
    `.iterator()`) for a large download, and it is never held whole."""
    response = StreamingHttpResponse(csv_chunks(rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
