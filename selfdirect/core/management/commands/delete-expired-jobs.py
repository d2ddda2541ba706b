"""selfdirect delete-expired-jobs: delete background jobs' files past their expiry."""

from typing import Any

from django.core.management.base import BaseCommand

from selfdirect.core.jobs import delete_expired


class Command(BaseCommand):
    help = (
        "Delete the files background jobs made (subject access exports) once they "
        "are older than JOB_FILES_KEEP_HOURS. Run it hourly (docs/deploy.md)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = delete_expired()
        self.stdout.write(f"Deleted {count} expired job(s) and their files.")
