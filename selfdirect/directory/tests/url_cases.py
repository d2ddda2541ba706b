"""Directory pages show community services, never a person's data."""

from selfdirect.testing.url_cases import UrlCase  # noqa: F401

PERSONAL: dict[str, UrlCase] = {}

NOT_PERSONAL = {
    "directory:search": "the community directory: public services, no one's data",
    "directory:service": "one community service (organisation, place, times)",
    "directory:add_service": "a blank form for a community service",
    "directory:edit_service": "a community service's details",
    "directory:mark_checked": "marks a community service as checked (POST only)",
    "directory:add_place": "a blank form for where a community service is offered",
    "directory:edit_place": "where a community service is offered and when",
    "directory:stale": "community services due a check",
    "api-v1:list_directory_services": "HSDS list of community services",
    "api-v1:get_directory_service": "one community service in HSDS form",
}
