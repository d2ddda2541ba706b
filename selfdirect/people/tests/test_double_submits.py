"""Every create form carries a one-time token: the same form sent twice makes one
record, and the second send is answered with the first result (issue 11)."""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from selfdirect.core.check_answers import CONFIRMED
from selfdirect.core.forms import PhoneField
from selfdirect.core.once import FIELD
from selfdirect.directory.tests.factories import OrganizationFactory, ServiceFactory
from selfdirect.testing.journey import whole_journey

from .test_url_permissions import PERSONAL

pytestmark = pytest.mark.journey(*whole_journey())

# Create forms the URL walker knows as not personal: who sends them, and the URL.
NOT_PERSONAL_CREATES: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "people:add": ("practitioner_a", lambda p: {}),
    "providers:add": ("finance_officer", lambda p: {}),
    "directory:add_service": ("administrator", lambda p: _organisation()),
    "directory:add_place": (
        "administrator",
        lambda p: {"service_id": ServiceFactory.create().pk},
    ),
    "panel:meetings": ("panel_member", lambda p: {}),
    "independent:client_new": ("org_worker_a", lambda p: {}),
    "independent:group_new": ("org_worker_a", lambda p: {}),
    "independent:engagement_new": ("org_worker_a", lambda p: {}),
    "independent:influence_new": ("org_worker_a", lambda p: {}),
    "independent:voice_new": ("org_worker_a", lambda p: {}),
    "independent:team_new": ("org_manager_a", lambda p: {}),
    "insights:spend_new": ("finance_officer", lambda p: {}),
    "assurance:exercise_new": ("quality_lead", lambda p: {}),
}


def _organisation() -> dict[str, Any]:
    """A directory entry names its organisation: make one to choose (no URL kwargs)."""
    OrganizationFactory.create()
    return {}


# Create forms whose route has no "new" in it.
OTHER_CREATES = {"panel:meetings"}


def _set(model: str, **values: Any) -> Callable[[Any], None]:
    """Put the persona's person's records of `model` in the state a form needs."""

    def prepare(personas: Any) -> None:
        records = apps.get_model(model)._default_manager
        records.filter(person=personas.person).update(**values)

    return prepare


def _set_carer_plans(**values: Any) -> Callable[[Any], None]:
    """Put the persona's own carer plans (she is a carer) in this state."""

    def prepare(personas: Any) -> None:
        plans = apps.get_model("carers.CarerPlan")._default_manager
        plans.filter(carer__person=personas.person).update(**values)

    return prepare


TODAY = datetime.date.today()  # noqa: DTZ011
_NOW = datetime.datetime.now(tz=datetime.UTC)
# What must be so before the form can be sent (a conversation shared, a plan agreed).
PREPARE: dict[str, list[Callable[[Any], None]]] = {
    "conversations:add_correction": [
        _set("conversations.Conversation", state="shared", shared_on=TODAY)
    ],
    "plans:start": [
        _set("conversations.Conversation", state="agreed", agreed_on=TODAY),
        _set("plans.SupportPlan", state="agreed", agreed_on=TODAY),
    ],
    "plans:new_version": [_set("plans.SupportPlan", state="agreed", agreed_on=TODAY)],
    "delivery:add_agreement": [
        _set("delivery.DirectPaymentAgreement", status="ended", ended_on=TODAY)
    ],
    "reviews:add_correction": [_set("reviews.Review", state="shared", shared_on=TODAY)],
    "independent:consent_new": [
        lambda p: p.person.independent_consents.update(withdrawn_at=_NOW)
    ],
    "reviews:start": [
        _set("plans.SupportPlan", state="agreed", agreed_on=TODAY),
        lambda p: p.person.reviews.all().delete(),
    ],
    # One carer's plan in progress at a time: the persona's draft is agreed first.
    "carers:start_plan": [_set_carer_plans(state="agreed", agreed_on=TODAY)],
    # A review is of an agreed plan, one open at a time: the persona's review in
    # progress is removed first.
    "carers:start_review": [
        _set_carer_plans(state="agreed", agreed_on=TODAY),
        lambda p: _carer_reviews(p).delete(),
    ],
}


def _carer_reviews(personas: Any) -> Any:
    reviews = apps.get_model("carers.CarerReview")._default_manager
    found = reviews.filter(plan__carer__person=personas.person)
    outcomes = apps.get_model("carers.CarerOutcomeReview")._default_manager
    outcomes.filter(review__in=found).delete()
    return found


# Answers a form's rules need beyond "any valid value" (see _example).
ANSWERS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "people:add": lambda p: {"chi_number": "", "postcode": ""},
    "people:add_relationship": lambda p: {"carer_chi": ""},
    "choices:direct_payment": lambda p: {"payee_at_persons_request": "on"},
    "delivery:add_agreement": lambda p: {"payee_requested_by_person": "on"},
    "directory:add_place": lambda p: {"postcode": "G81 1UE", "closes_at": "16:00"},
    "independent:consent_new": lambda p: {
        "referral_reference": str(
            p.person.independent_support.order_by("pk").first().public_id
        ),
        "date_of_birth": p.person.date_of_birth.isoformat(),
    },
    "independent:evidence_new": lambda p: {"link": "https://example.org/report"},
    "independent:voice_new": lambda p: {"story_consent": "on"},
    "independent:outcome_new": lambda p: {"story_consent": "on"},
}


def _nothing(personas: Any) -> dict[str, Any]:
    return {}


# Tables every request may write to, sent twice or not.
LOGS = {
    "audit.accesslog",
    "audit.organisationaccesslog",
    "sessions.session",
    "core.submission",
}


def _patterns(
    resolver: URLResolver, prefix: str = "", route: str = ""
) -> list[tuple[str, str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            space = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found += _patterns(entry, space, route + str(entry.pattern))
        elif entry.name:
            found.append((f"{prefix}{entry.name}", route + str(entry.pattern), entry))
    return found


def _creates() -> list[str]:
    return sorted(
        name
        for name, route, _ in _patterns(get_resolver())
        if re.search(r"(^|/)new(/|-|$)", route) or name in OTHER_CREATES
    )


def test_every_create_form_is_sent_once() -> None:
    views = {name: pattern.callback for name, _, pattern in _patterns(get_resolver())}
    missing = [name for name in _creates() if not getattr(views[name], "once", False)]
    assert not missing, f"Wrap these create views in @once: {missing}"


def _value(field: forms.Field, current: Any) -> Any:
    """A valid answer for a field with nothing in it yet."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        first = field.queryset.first() if field.queryset is not None else None
        return [first.pk] if first and field.required else []
    if isinstance(field, forms.ModelChoiceField):
        first = field.queryset.first() if field.queryset is not None else None
        return first.pk if first else ""
    if isinstance(field, forms.MultipleChoiceField):
        return [c for c, _ in field.choices if c]  # type: ignore[union-attr,misc]
    if isinstance(field, forms.ChoiceField):
        return next((c for c, _ in field.choices if c), "")  # type: ignore[union-attr,misc]
    if isinstance(field, forms.BooleanField):
        return "on" if field.required else ""
    if isinstance(field, forms.DateField):
        return datetime.date.today().isoformat()  # noqa: DTZ011
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        low = getattr(field, "min_value", None)
        return str(max(Decimal(low if low is not None else 0), Decimal(1)))
    if isinstance(field, forms.TimeField):
        return "10:00"
    if isinstance(field, forms.EmailField):
        return "someone@example.org"
    if isinstance(field, PhoneField):
        return "01389 737000"
    return "I want to get out to the shops on my own"[: field.max_length or 100]  # type: ignore[attr-defined]


def _example(form: forms.BaseForm) -> dict[str, Any]:
    """What the unfilled form shows, with a valid answer in every empty field."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        current = form[name].value()
        if current in (None, "", []):
            current = _value(field, current)
        elif isinstance(current, list | tuple):
            current = [getattr(v, "pk", v) for v in current]
        elif isinstance(current, datetime.date):
            current = current.isoformat()
        data[form.add_prefix(name)] = getattr(current, "pk", current)
    return data


def _counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in LOGS and model._meta.managed
    }


def _changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after if after[k] != before[k]}


def _who_and_where(name: str, personas: Any) -> tuple[Any, str]:
    if name in NOT_PERSONAL_CREATES:
        who, build = NOT_PERSONAL_CREATES[name]
    else:
        who, build = PERSONAL[name].allowed, PERSONAL[name].build
    return getattr(personas, who), reverse(name, kwargs=build(personas))


@pytest.mark.parametrize("name", _creates())
def test_a_create_form_sent_twice_makes_one_record(client, personas, name) -> None:
    user, url = _who_and_where(name, personas)
    client.force_login(user)
    for prepare in PREPARE.get(name, []):
        prepare(personas)
    page = client.get(url)
    token = re.search(rf'name="{FIELD}" value="([^"]+)"', page.content.decode())
    assert token, "The form has no {% submission_token %}"
    data = {**_example(page.context["form"]), **ANSWERS.get(name, _nothing)(personas)}
    # Forms with a check-your-answers step are sent as confirmed.
    data = {**data, FIELD: token[1], CONFIRMED: "yes"}
    before = _counts()
    first = client.post(url, data)
    assert first.status_code == 302, page.context and first.context["form"].errors
    made = _changed(before, _counts())
    assert made, "The first send made nothing"
    again = _counts()
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert _changed(again, _counts()) == {}


def _token_and_data(client: Any, url: str) -> dict[str, Any]:
    page = client.get(url)
    token = re.search(rf'name="{FIELD}" value="([^"]+)"', page.content.decode())
    assert token
    return {**_example(page.context["form"]), FIELD: token[1]}


def test_a_form_shown_again_with_errors_can_be_corrected_and_sent(
    client, personas
) -> None:
    user, url = _who_and_where("conversations:start", personas)
    client.force_login(user)
    data = _token_and_data(client, url)
    wrong = client.post(url, {**data, "conversation_date": "not a date"})
    assert wrong.status_code == 200
    assert f'value="{data[FIELD]}"' in wrong.content.decode()
    assert client.post(url, data).status_code == 302


def test_another_users_token_is_refused(client, personas) -> None:
    user, url = _who_and_where("conversations:start", personas)
    client.force_login(user)
    data = _token_and_data(client, url)
    assert client.post(url, data).status_code == 302
    client.force_login(personas.manager_a)
    assert client.post(url, data).status_code == 400
