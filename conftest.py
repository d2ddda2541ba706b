"""Test personas live in selfdirect.core.personas, shared by every app and tests/."""

pytest_plugins = ["selfdirect.core.personas"]
