"""Problems and blockers are warnings, never the green notification panel that the
design system keeps for a task done (issue 12)."""

from pathlib import Path

import selfdirect

ROOT = Path(selfdirect.__file__).parent


def test_no_template_shows_a_problem_in_the_confirmation_panel() -> None:
    misuse = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("*/templates/**/*.html")
        if "ds_notification-panel" in path.read_text(encoding="utf-8")
    ]
    assert misuse == []
