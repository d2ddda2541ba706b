"""`selfdirect directory import PATH` and `selfdirect directory export OUT.json`."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.directory import hsds, services
from selfdirect.directory.importer import read_dataset
from selfdirect.directory.tabular import DatasetError


class Command(BaseCommand):
    help = "Import or export the community directory as Open Referral HSDS 3.0."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="Import HSDS JSON or a datapackage.json")
        load.add_argument("path", type=Path)
        load.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid records even if some are invalid.",
        )
        load.add_argument(
            "--dry-run", action="store_true", help="Check the file, write nothing."
        )
        out = sub.add_parser("export", help="Write every service as HSDS JSON")
        out.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options["path"])
        else:
            self._import(options)

    def _export(self, path: Path) -> None:
        data = hsds.export_services(hsds.services_for_export())
        path.write_text(
            json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        self.stdout.write(f"Wrote {len(data)} services to {path}")

    def _import(self, options: dict[str, Any]) -> None:
        try:
            records = read_dataset(options["path"])
            result = services.import_directory(
                records=records,
                by=None,
                skip_invalid=options["skip_invalid"],
                dry_run=options["dry_run"],
            )
        except DatasetError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        except services.ImportRefused as refused:
            self._problems(refused.result)
            raise CommandError(
                f"{len(refused.result.problems)} of {refused.result.records} records "
                "are invalid, so nothing was imported. Fix them, or run again with "
                "--skip-invalid to import the valid ones."
            ) from refused
        self._problems(result)
        if result.not_kept:
            self.stdout.write(
                "Not kept (the directory has no place for them): "
                + ", ".join(sorted(result.not_kept))
            )
        if not result.written:
            self.stdout.write(
                f"Checked {result.records} records: {result.imported} valid. Nothing written."
            )
            return
        self.stdout.write(
            f"Imported {result.imported} of {result.records} services "
            f"({result.created} new, {result.updated} updated)."
        )

    def _problems(self, result: services.ImportResult) -> None:
        for problem in result.problems:
            self.stderr.write(str(problem))
