"""The `selfdirect` command: Django's management commands for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfdirect.config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A setting the environment must give: say which, without a traceback.
        sys.exit(f"selfdirect: {error}")


if __name__ == "__main__":
    main()
