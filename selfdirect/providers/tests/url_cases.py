"""Providers register pages for the URL permission walker: organisations, not
people (403 for roles with no business is tested in test_views.py)."""

NOT_PERSONAL = {
    "providers:list": "the providers register: organisations, not people",
    "providers:add": "a blank form for the providers register",
    "providers:detail": "one provider on the register, not a person",
    "providers:edit": "one provider on the register, not a person",
}
