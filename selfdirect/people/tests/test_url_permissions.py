"""Every URL that shows personal data has a permission test: this walks the resolver."""

import importlib
import re
from typing import Any

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from selfdirect.audit.models import AccessLog, OrganisationAccessLog
from selfdirect.testing.journey import whole_journey
from selfdirect.testing.url_cases import UrlCase

pytestmark = pytest.mark.journey(*whole_journey())

PUBLIC = "public information (s9 of the 2013 Act): see choices/tests"

# URL names that show no person's data, and why.
NOT_PERSONAL = {
    "home": "a signed-in landing page with counts only",
    "healthz": "service health",
    "login": "sign-in form",
    "logout": "sign-out",
    "set_language": "the language switcher",
    "people:caseload": "a list, scoped by visible_to: see test_lists_are_scoped",
    "people:add": "a blank form: see test_roles_with_no_business_get_403",
    "people:follow_ups": "a list, scoped by visible_to: see test_lists_are_scoped",
    "four_options:plain_english": PUBLIC,
    "four_options:easy_read": PUBLIC,
    "four_options:plain_english_pdf": PUBLIC,
    "four_options:easy_read_pdf": PUBLIC,
}


# Pages anyone may open without signing in; every other page asks them to sign in.
# The community directory joins them where the partnership makes it public
# (settings.DIRECTORY_PUBLIC: see directory/tests/test_public.py).
PUBLIC_PAGES = {
    "login",
    "healthz",
    "four_options:plain_english",
    "four_options:easy_read",
    "four_options:plain_english_pdf",
    "four_options:easy_read_pdf",
    # The local eligibility criteria for carers, published (ss21-22 of the
    # Carers (Scotland) Act 2016): page and PDF, no one's data.
    "carers:criteria",
    "carers:criteria_pdf",
    # Forgotten passwords: asking for a reset link and the pages it leads to.
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
}
# Forms that only post: a visitor's GET is refused by method, not by sign-in.
POST_ONLY = {"logout", "set_language"}


def _without_tokens(html: bytes) -> bytes:
    """The page without its CSRF token and the address it was asked for (the
    language switcher returns there), which differ by request, not by record."""
    html = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)
    return re.sub(rb'name="next" value="[^"]*"', b"", html)


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _contact(p: Any) -> dict[str, Any]:
    contact = p.person.first_contacts.get()
    return {"person_id": p.person.public_id, "contact_id": contact.public_id}


def _conversation(p: Any) -> dict[str, Any]:
    conversation = p.person.conversations.get()
    return {"person_id": p.person.public_id, "conversation_id": conversation.public_id}


def _outcome(p: Any) -> dict[str, Any]:
    conversation = p.person.conversations.get()
    return {**_conversation(p), "outcome_id": conversation.outcomes.get().pk}


def _support(p: Any) -> dict[str, Any]:
    support = p.person.independent_support.order_by("pk").first()
    return {"person_id": p.person.public_id, "support_id": support.public_id}


def _choice(p: Any) -> dict[str, Any]:
    choice = p.person.support_choices.get()
    return {"person_id": p.person.public_id, "choice_id": choice.public_id}


def _dp_check(p: Any) -> dict[str, Any]:
    check = p.person.direct_payment_checks.get()
    return {"person_id": p.person.public_id, "check_id": check.public_id}


# Each personal-data URL, how to build it, and a role allowed to GET it.
PERSONAL: dict[str, UrlCase] = {
    "people:detail": UrlCase(_person, "practitioner_a"),
    "people:edit": UrlCase(_person, "practitioner_a"),
    "people:allocate": UrlCase(_person, "manager_a", outsider_role="team_manager"),
    "people:add_relationship": UrlCase(_person, "practitioner_a"),
    "people:record_first_contact": UrlCase(_person, "practitioner_a"),
    "people:first_contact": UrlCase(_contact, "practitioner_a"),
    "people:record_follow_up": UrlCase(_contact, "practitioner_a"),
    "people:history": UrlCase(_person, "manager_a", outsider_role="team_manager"),
    "people:access_log": UrlCase(_person, "manager_a", outsider_role="team_manager"),
    "people:merge": UrlCase(_person, "manager_a", outsider_role="team_manager"),
    "people:export_json": UrlCase(
        _person,
        "dpo",
        outsider=None,
        why_no_outsider="data protection officers see every record",
    ),
    "api-v1:get_person": UrlCase(_person, "practitioner_a"),
    "conversations:start": UrlCase(_person, "practitioner_a"),
    "conversations:detail": UrlCase(_conversation, "practitioner_a"),
    "conversations:edit": UrlCase(_conversation, "practitioner_a"),
    "conversations:add_outcome": UrlCase(_conversation, "practitioner_a"),
    "conversations:edit_outcome": UrlCase(_outcome, "practitioner_a"),
    "conversations:add_strength": UrlCase(_conversation, "practitioner_a"),
    "conversations:add_risk": UrlCase(_conversation, "practitioner_a"),
    "conversations:share": UrlCase(_conversation, "practitioner_a"),
    "conversations:agree": UrlCase(_conversation, "practitioner_a"),
    "conversations:add_correction": UrlCase(_conversation, "practitioner_a"),
    "conversations:my_record": UrlCase(_conversation, "practitioner_a"),
    "conversations:my_record_pdf": UrlCase(_conversation, "practitioner_a"),
    "choices:information": UrlCase(_person, "practitioner_a"),
    "choices:independent_support": UrlCase(_person, "practitioner_a"),
    "choices:update_independent_support": UrlCase(_support, "practitioner_a"),
    "choices:record_choice": UrlCase(_person, "practitioner_a"),
    "choices:choice": UrlCase(_choice, "practitioner_a"),
    "choices:direct_payment": UrlCase(_person, "practitioner_a"),
    "choices:refusal_letter": UrlCase(_dp_check, "practitioner_a"),
    "choices:easy_read_for_person": UrlCase(_person, "practitioner_a"),
}


def _gather_app_cases() -> None:
    """Later stages list their own pages in `selfdirect.<app>.tests.url_cases`."""
    for config in apps.get_app_configs():
        if not config.name.startswith("selfdirect."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.url_cases")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.url_cases":
                raise
            continue
        PERSONAL.update(getattr(module, "PERSONAL", {}))
        NOT_PERSONAL.update(getattr(module, "NOT_PERSONAL", {}))


_gather_app_cases()


def _names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # administrators' own pages: accounts, not people
            space = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= _names(entry, space)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{prefix}{entry.name}")
    return names


def test_every_url_has_a_permission_test() -> None:
    api_docs = {
        "api-v1:openapi-json",
        "api-v1:openapi-view",
        "api-v1:list_people",
        "api-v1:api-root",
        "api-v1:check_outcome",  # no personal data: see conversations/tests
    }
    untested = _names(get_resolver()) - set(PERSONAL) - set(NOT_PERSONAL) - api_docs
    assert not untested, f"Add a permission test for: {sorted(untested)}"


def _plain_urls() -> dict[str, str]:
    """The pages in NOT_PERSONAL that need no record in their address."""
    urls = {}
    for name in sorted(NOT_PERSONAL):
        try:
            urls[name] = reverse(name)
        except NoReverseMatch:
            continue
    return urls


@pytest.mark.django_db
def test_only_the_public_pages_open_without_signing_in(client) -> None:
    urls = _plain_urls()
    assert set(urls) >= PUBLIC_PAGES
    for name, url in urls.items():
        if name in POST_ONLY or name.startswith("api-v1:"):
            continue
        response = client.get(url)
        if name in PUBLIC_PAGES:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("login")), name


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_anonymous_users_are_sent_to_sign_in(client, personas, name: str) -> None:
    url = reverse(name, kwargs=PERSONAL[name].build(personas))
    response = client.get(url)
    if name.startswith("api-v1:"):
        assert response.status_code == 401
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_the_allowed_role_can_open_it_and_it_is_logged(
    client, personas, name: str
) -> None:
    case = PERSONAL[name]
    user = getattr(personas, case.allowed)
    client.force_login(user)
    response = client.get(reverse(name, kwargs=case.build(personas)))
    assert response.status_code == 200
    if case.logged == "organisation":
        assert OrganisationAccessLog.objects.filter(user=user).exists()
    else:
        assert AccessLog.objects.filter(person=personas.person).exists()


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_another_teams_worker_gets_404_exactly_as_for_a_missing_record(
    client, personas, name: str
) -> None:
    case = PERSONAL[name]
    if case.outsider is None:
        pytest.skip(case.why_no_outsider)
    outsider = getattr(personas, case.outsider)
    if case.outsider_role:
        outsider.role = case.outsider_role
        outsider.save()
    client.force_login(outsider)
    kwargs = case.build(personas)
    refused = client.get(reverse(name, kwargs=kwargs))
    missing_kwargs = (
        case.missing(personas)
        if case.missing
        else {**kwargs, "person_id": "00000000-0000-4000-8000-000000000000"}
    )
    missing = client.get(reverse(name, kwargs=missing_kwargs))
    assert refused.status_code == missing.status_code == 404
    assert _without_tokens(refused.content) == _without_tokens(missing.content)
    assert not AccessLog.objects.exists()
    assert not OrganisationAccessLog.objects.exists()


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_roles_with_no_business_get_403(client, personas, name: str) -> None:
    case = PERSONAL[name]
    client.force_login(getattr(personas, case.refused))
    response = client.get(reverse(name, kwargs=case.build(personas)))
    assert response.status_code == 403
    if not name.startswith("api-v1:"):
        assert b"ask" in response.content


@pytest.mark.parametrize("name", ["people:caseload", "people:add", "people:follow_ups"])
def test_roles_with_no_business_get_403_on_lists_and_forms(
    client, personas, name: str
) -> None:
    client.force_login(personas.administrator)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "people:edit",
        "people:record_first_contact",
        "people:merge",
        "conversations:start",
        "conversations:edit",
        "conversations:add_outcome",
        "conversations:share",
    ],
)
def test_read_only_roles_cannot_change_records(client, personas, name: str) -> None:
    client.force_login(personas.inspector)
    kwargs = (
        _conversation
        if name.startswith("conversations:") and name != "conversations:start"
        else _person
    )(personas)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_lists_are_scoped(client, personas) -> None:
    client.force_login(personas.practitioner_b)
    assert b"MacLeod" not in client.get(reverse("people:caseload")).content
    assert b"MacLeod" not in client.get(reverse("people:follow_ups")).content
    client.force_login(personas.practitioner_a)
    assert b"MacLeod" in client.get(reverse("people:caseload")).content
    assert b"MacLeod" in client.get(reverse("people:follow_ups")).content
