"""The README's "Useful commands" work as written after `make install`, in a clean
environment: no SECRET_KEY or DATABASE_URL, the key `make install` writes in var/,
and a new SQLite database there (issue 11)."""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]
SELFDIRECT = PROJECT / "selfdirect"
BIN = Path(sys.executable).parent
# The test run's own settings, which a person at a terminal does not have.
NOT_IN_A_CLEAN_SHELL = [
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_COOKIES",
    "STATICFILES_BACKEND",
    "DEBUG",
]
# Commands not run here, and why.
SKIPPED = {"make bench": "needs PostgreSQL and minutes; CI runs the benchmarks"}


def readme_commands() -> list[str]:
    """Each command in the README's "Useful commands" block, comments removed."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Useful commands", 1)[1].split("```sh\n", 1)[1]
    block = block.split("```", 1)[0].replace("\\\n", " ")
    return [
        re.sub(r"\s+#\s.*$", "", line).strip()
        for line in block.splitlines()
        if line.strip()
    ]


def _clean_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_IN_A_CLEAN_SHELL}
    env["SELFDIRECT_VAR_DIR"] = str(var_dir)
    return env


def _run(command: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the README's own commands
        ["/bin/bash", "-c", command],  # noqa: S607
        cwd=var_dir,
        env=_clean_env(var_dir),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _as_installed(command: str, var_dir: Path) -> str:
    """The command with this test run's venv, small numbers and real files."""
    command = command.replace(".venv/bin/", f"{BIN}/")
    command = command.replace("--people 250000", "--people 3")
    if "PERSON_ID" in command:
        with sqlite3.connect(var_dir / "selfdirect.sqlite3") as db:
            (person_id,) = db.execute(
                "SELECT public_id FROM people_person LIMIT 1"
            ).fetchone()
        command = command.replace("PERSON_ID", str(person_id))
    return command


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A var/ as `make install` leaves it, migrated, with the files the commands read."""
    var_dir = tmp_path_factory.mktemp("var")
    (var_dir / "secret_key").write_text("a-key-as-make-install-writes-it\n")
    shutil.copy(
        SELFDIRECT / "directory/tests/hsds_examples/service_list.json",
        var_dir / "services.json",
    )
    shutil.copy(SELFDIRECT / "demo/data/postcodes.csv", var_dir / "ONSPD.csv")
    method = json.loads(
        (SELFDIRECT / "budgets/data/equivalence_illustrative.json").read_text()
    )
    method["version"] += 100
    (var_dir / "method.json").write_text(json.dumps(method))
    migrated = _run(f"{BIN}/selfdirect migrate --no-input -v0", var_dir)
    assert migrated.returncode == 0, migrated.stderr
    return var_dir


def test_the_readme_lists_the_commands_this_test_knows() -> None:
    commands = readme_commands()
    assert len(commands) >= 9
    assert any("check-outcome" in c for c in commands)
    assert set(SKIPPED) <= set(commands)


def test_every_readme_command_works_in_a_clean_environment(installed: Path) -> None:
    failures = []
    for command in readme_commands():
        if command in SKIPPED:
            continue
        result = _run(_as_installed(command, installed), installed)
        if result.returncode != 0 or "Traceback" in result.stderr:
            failures.append((command, result.stderr[-2000:]))
    assert failures == []


def test_without_any_key_a_command_stops_with_one_line(tmp_path: Path) -> None:
    result = _run(
        f'{BIN}/selfdirect check-outcome "2 home care visits a day"', tmp_path
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "selfdirect: Set the SECRET_KEY environment variable (or SECRET_KEY_FILE), "
        "or run `make install`, which writes a key to var/secret_key."
    ]
