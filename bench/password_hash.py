"""Time one password hash at the configured Argon2id cost, and at Django's default.

    .venv/bin/python bench/password_hash.py [--repeat 20]

Reads ARGON2_MEMORY_KIB, ARGON2_TIME_COST and ARGON2_PARALLELISM from the
environment as the settings do, hashes a password --repeat times with each cost
through Django's hasher, and prints the median and p95 in milliseconds, and how many
hashes a second that is one after another (a sign-in costs one hash). Needs no
database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(hasher: object, repeat: int) -> list[float]:
    timings = []
    for n in range(repeat):
        started = time.perf_counter()
        hasher.encode(f"correct-horse-battery-{n}", hasher.salt())  # type: ignore[attr-defined]
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfdirect.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django
    from django.conf import settings
    from django.contrib.auth.hashers import Argon2PasswordHasher

    django.setup()
    from selfdirect.accounts.hashers import TunedArgon2PasswordHasher

    tuned = TunedArgon2PasswordHasher()
    print(f"{'cost':<48} {'p50 ms':>8} {'p95 ms':>8} {'hashes/s':>9}")
    for label, hasher in [
        (
            f"configured: m={settings.ARGON2_MEMORY_KIB} KiB, "
            f"t={settings.ARGON2_TIME_COST}, p={settings.ARGON2_PARALLELISM}",
            tuned,
        ),
        ("Django's default: m=102400 KiB, t=2, p=8", Argon2PasswordHasher()),
    ]:
        timings = sorted(_time(hasher, args.repeat))
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        print(f"{label:<48} {p50:>8.1f} {p95:>8.1f} {1000 / p50:>9.0f}")


if __name__ == "__main__":
    main()
