"""An independent organisation's pages. Thin: access through `permissions.py` (the
chokepoint), lists from `selectors.py`, writes through the services."""
