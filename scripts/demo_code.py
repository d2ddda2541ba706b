"""Print the two-factor sign-in code for the demo users who need one.

    .venv/bin/python scripts/demo_code.py

The demo's administrator, data protection officer, quality lead, inspector,
finance officer and panel member share one published authenticator key
(selfdirect/demo/people/data.py: DEMO_TOTP_KEY). This prints the 6-digit code an
authenticator app with that key shows now, and how long it lasts. Needs no
database or settings.
"""

import base64
import sys
import time
from pathlib import Path

from django_otp.oath import TOTP

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfdirect.demo.people.data import DEMO_TOTP_KEY  # noqa: E402


def main() -> None:
    clock = TOTP(base64.b32decode(DEMO_TOTP_KEY), step=30, t0=0, digits=6)
    seconds_left = 30 - int(time.time()) % 30
    sys.stdout.write(
        f"{clock.token():06d}  (the demo sign-in code for the next {seconds_left} s)\n"
    )


if __name__ == "__main__":
    main()
