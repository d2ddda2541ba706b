"""Write the fingerprint of the database in DATABASE_URL (row counts and a hash per
table) as JSON, to compare the demo data two versions of `selfdirect seed` make.

    DATABASE_URL=sqlite:///var/a.sqlite3 .venv/bin/selfdirect migrate
    DATABASE_URL=sqlite:///var/a.sqlite3 .venv/bin/selfdirect seed --people 300 --seed 7
    DATABASE_URL=sqlite:///var/a.sqlite3 .venv/bin/python scripts/demo_fingerprint.py a.json
    ... the same with the other version, then: diff a.json b.json
"""

import json
import os
import sys
from pathlib import Path

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfdirect.config.settings")
    django.setup()
    from selfdirect.demo.tests.fingerprint import fingerprint

    text = json.dumps(fingerprint(), indent=1, sort_keys=True)
    Path(sys.argv[1]).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
