"""Set-based forms (see setbased/__init__.py)."""

from . import SetRule

RULES: dict[str, SetRule] = {}
