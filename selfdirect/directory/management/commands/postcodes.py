"""`selfdirect postcodes import FILE`: the postcode -> coordinates table.

Reads the ONS Postcode Directory CSV (header with `pcds`, `lat`, `long`) or
Code-Point Open CSV (no header: postcode, quality, eastings, northings, ...),
converting British National Grid eastings/northings to WGS84 with pyproj.
Re-running with the same file changes nothing (rows are keyed by postcode).
"""

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from tqdm import tqdm

from selfdirect.directory.models import Address, Location, Postcode
from selfdirect.directory.selectors import normalise_postcode

BATCH = 5000


class Command(BaseCommand):
    help = (
        "Import postcode coordinates (ONS Postcode Directory or Code-Point Open CSV)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="Import a postcode CSV file")
        load.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        count = skipped = 0
        with (
            transaction.atomic(),
            path.open(encoding="utf-8-sig", newline="") as handle,
        ):
            rows = tqdm(
                _rows(handle),
                unit=" postcodes",
                file=sys.stderr,
                disable=options["verbosity"] < 1,
            )
            batch: list[Postcode] = []
            for row in rows:
                if row is None:
                    skipped += 1
                    continue
                batch.append(row)
                if len(batch) >= BATCH:
                    count += _save(batch)
                    batch = []
            count += _save(batch)
            located = locate_places()
        self.stdout.write(
            f"Imported {count} postcodes ({skipped} rows without coordinates skipped); "
            f"{located} places without coordinates now have them."
        )


def locate_places() -> int:
    """Give places without coordinates those of their address's postcode, where
    the table now has it: one UPDATE. Coordinates already set are never changed."""
    postcodes = Postcode.objects.filter(
        postcode__in=Address.objects.filter(location=OuterRef(OuterRef("pk"))).values(
            "postal_code"
        )
    ).order_by("postcode")
    return Location.objects.filter(
        Exists(postcodes), latitude__isnull=True, longitude__isnull=True
    ).update(
        latitude=Subquery(postcodes.values("latitude")[:1]),
        longitude=Subquery(postcodes.values("longitude")[:1]),
    )


def _save(batch: list[Postcode]) -> int:
    Postcode.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["latitude", "longitude"],
    )
    return len(batch)


def _rows(handle: Any) -> Iterator[Postcode | None]:
    reader = csv.reader(handle)
    first = next(reader, None)
    if first is None:
        return
    header = [c.strip().lower() for c in first]
    if "pcds" in header:
        yield from _ons(reader, header)
    else:
        yield from _code_point(_chain(first, reader))


def _chain(first: list[str], reader: Any) -> Iterator[list[str]]:
    yield first
    yield from reader


def _ons(reader: Any, header: list[str]) -> Iterator[Postcode | None]:
    pcds, lat, lon = header.index("pcds"), header.index("lat"), header.index("long")
    for row in reader:
        postcode = normalise_postcode(row[pcds])
        try:
            latitude, longitude = float(row[lat]), float(row[lon])
        except (ValueError, IndexError):
            yield None
            continue
        # ONS marks postcodes without a grid reference with latitude 99.999999.
        if not postcode or abs(latitude) > 90:
            yield None
            continue
        yield Postcode(postcode=postcode, latitude=latitude, longitude=longitude)


def _code_point(rows: Iterator[list[str]]) -> Iterator[Postcode | None]:
    from pyproj import Transformer

    to_wgs84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    for row in rows:
        postcode = normalise_postcode(row[0]) if row else ""
        try:
            easting, northing = float(row[2]), float(row[3])
        except (ValueError, IndexError):
            yield None
            continue
        if not postcode or (easting == 0 and northing == 0):
            yield None
            continue
        longitude, latitude = to_wgs84.transform(easting, northing)
        yield Postcode(
            postcode=postcode,
            latitude=round(latitude, 6),
            longitude=round(longitude, 6),
        )
