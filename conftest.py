"""Test personas live in selfdirect.testing, shared by every app and tests/."""

pytest_plugins = ["selfdirect.testing.personas"]
