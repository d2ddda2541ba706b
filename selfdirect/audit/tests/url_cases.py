"""The access review lists staff and the pages they were refused, not people."""

PERSONAL: dict[str, object] = {}

NOT_PERSONAL = {
    "audit:access_review": "staff's refusals and read counts, for the data protection officer",
}
