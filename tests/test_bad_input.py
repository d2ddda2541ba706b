"""The bad-input suite (issue 11): every form the URL permission walker knows gets a
standard set of bad values in each of its fields.

For each page with a form, as a persona allowed to open it: the page is opened,
its forms are read from the HTML (and the Django form behind them from the
response's context), and each field in turn is sent very long text, NUL
characters, right-to-left text and emoji, impossible and far-away dates,
negative and huge amounts, and letters where numbers belong, the other fields
keeping what the page filled in. The test fails on any server error (5xx), on
a bad value that is saved (any row added or changed: every table's row count,
history included, is compared), on a bad value its field does not refuse with
a message, and on any message that is a Django default rather than one that
names the question (see docs/forms.md)."""

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth import forms as auth_forms
from django.core import validators
from django.db import connection
from django.forms import fields as form_fields
from django.forms import models as model_forms
from django.test import Client
from django.urls import NoReverseMatch, reverse

from selfdirect.core.forms import PhoneField
from selfdirect.core.tests.test_wording import _doubled
from selfdirect.people.tests.test_url_permissions import NOT_PERSONAL, PERSONAL
from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())

# Pages with nothing to fill in, or whose only output is a file.
NO_FORM = re.compile(
    r"pdf|csv|export|api-v1:|letter|healthz|logout|set_language|easy_read_for_person"
    r"|evidence_file"
)

# Pages outside PERSONAL that have a form, who fills it in, and how to find a
# record for their address (None: no address arguments).
FORM_PAGES: dict[str, tuple[str | None, Any]] = {
    "login": (None, None),
    "people:add": ("practitioner_a", None),
    "people:caseload": ("practitioner_a", None),
    "directory:search": ("practitioner_a", None),
    "directory:add_service": ("administrator", None),
    "directory:edit_service": ("administrator", lambda: {"service_id": _service()}),
    "directory:add_place": ("administrator", lambda: {"service_id": _service()}),
    "providers:list": ("practitioner_a", None),
    "providers:add": ("administrator", None),
    "providers:edit": ("administrator", lambda: {"provider_id": _provider()}),
    "panel:waiting_list": ("panel_member", None),
    "panel:meetings": ("panel_member", None),
    "delivery:monitoring_due": ("finance_officer", None),
    "insights:signposting_report": ("quality_lead", None),
    "insights:outcomes_report": ("quality_lead", None),
    "insights:carers_report": ("quality_lead", None),
    "insights:indicators_area": ("quality_lead", lambda: {"area": "options"}),
    "insights:indicator_people": (
        "quality_lead",
        lambda: {"indicator": "options", "count": "any"},
    ),
    "insights:spend_new": ("finance_officer", None),
    "insights:spend_change": ("finance_officer", lambda: {"year": _spend_year()}),
    "reviews:due": ("practitioner_a", None),
    "password_change": ("practitioner_a", None),
    "password_reset": (None, None),
    "two_factor_set_up": ("practitioner_a", None),
    "staff_temporary_password": ("administrator", lambda: {"user_id": _staff()}),
    # An independent organisation's own lists and forms (issue 17).
    "independent:clients": ("org_worker_a", None),
    "independent:client_new": ("org_worker_a", None),
    "independent:group_new": ("org_worker_a", None),
    "independent:engagement_new": ("org_worker_a", None),
    "independent:influence_new": ("org_worker_a", None),
    "independent:voice_new": ("org_worker_a", None),
    "independent:funder_report": ("org_manager_a", None),
    "independent:team_new": ("org_manager_a", None),
    "independent:case_studies": ("org_manager_a", None),
    "independent:uptake": ("quality_lead", None),
    # Case file reading exercises (issue 16).
    "assurance:exercise_new": ("quality_lead", None),
    "assurance:exercise": (
        "quality_lead",
        lambda: {"exercise_id": _exercise()},
    ),
}
# Pages in NOT_PERSONAL with no form to fill in, or covered by another page.
NOT_FORM_PAGES = {
    "home",
    "independent:funder_report_csv",
    "independent:funder_report_pdf",
    "independent:uptake_csv",
    "independent:home",
    "independent:inbox",
    "independent:groups",
    "independent:engagement",
    "independent:influence",
    "independent:voice",
    "independent:teams",
    "healthz",
    "logout",
    "set_language",
    "people:follow_ups",
    "reviews:risks_due",
    "four_options:plain_english",
    "four_options:easy_read",
    "four_options:plain_english_pdf",
    "four_options:easy_read_pdf",
    "audit:access_review",
    "insights:signposting_summary",  # a button; its period is the report's
    "insights:outcomes_summary",  # a button; its period is the report's
    "insights:indicators_summary",  # a button; its period is the area page's
    "delivery:finance_summary",  # a button
    "budgets:methods",
    "insights:indicators",
    "insights:spend_list",
    "delivery:finance",
    "delivery:finance_csv",
    "delivery:surplus",
    "directory:service",
    "directory:mark_checked",
    "directory:edit_place",  # the same form as directory:add_place
    "directory:stale",
    "api-v1:list_directory_services",
    "api-v1:get_directory_service",
    "providers:detail",
    "panel:submissions",
    "panel:meeting",
    "carers:lists",  # links between the lists; no fields
    "assurance:exercises",  # a list of exercises; no fields
    "assurance:second_readings",  # the exercise page's form (FORM_PAGES) posts here
    "assurance:complete",  # a button on the exercise page
    "assurance:draw",  # a button on the exercise page, no fields
    "assurance:exercise_results",  # counts and agreement; no fields
    "assurance:exercise_results_csv",
    "assurance:exercise_results_pdf",
    "assurance:population_reading",  # counts per criterion; no fields
    "assurance:population_progress",  # a start button (no fields) and its progress
    "carers:criteria",
    "carers:criteria_pdf",
    # The drill-through's address comes from the report's links; its period is the
    # report's form (FORM_PAGES), and a changed address gets a page saying so.
    "insights:outcomes_people",
    # Sign-in pages: confirmation pages, pages of buttons, or the same password
    # forms as password_change (a reset link's form needs a one-time token, and
    # the code page a second step in progress; accounts/tests cover both).
    "password_change_done",
    "password_reset_done",
    "password_reset_complete",
    "password_reset_confirm",
    "two_factor",
    "two_factor_verify",
    "two_factor_recovery_codes",
    "two_factor_remove",
    "staff_accounts",
    "staff_account",
    "staff_send_reset_link",
    "staff_remove_two_factor",
    # Asking for access and break-glass need a reference signed for the asker
    # (people/tests/test_access_requests.py); the lists have no fields of their own.
    "people:ask_for_access",
    "people:break_glass",
    "people:access_requests",
    "people:my_access_requests",
    "people:break_glass_openings",
}

LONG = "x" * 100_000
NUL = "Mor\x00ag"
RTL_EMOJI = "\u202eمرحبا 😀 שלום"
TEXT = [LONG, NUL, RTL_EMOJI]
# Bad for any field: long text and NUL characters.
ALWAYS = [LONG, NUL]
NUMBERS = [
    "9" * 100_000,
    NUL,
    "twelve",
    "😀",
    "-5",
    "-0.01",
    "99999999999999999999999",
    "1e400",
    "NaN",
]
DATES = [
    "31/02/2026",
    "0001-01-01",
    "01/01/0001",
    "9999-12-31",
    "31/12/9999",
    "01/01/3000",
    "32/13/2026",
    "next Tuesday",
    "😀",
    NUL,
    LONG,
]
PHONES = [LONG, NUL, RTL_EMOJI, "😀", "call me", "0", "1" * 30]
TIMES = ["25:99", "noon-ish", NUL, LONG]


def _service() -> str:
    from selfdirect.directory.tests.factories import ServiceFactory

    return str(ServiceFactory.create().pk)


def _staff() -> int:
    from selfdirect.accounts.models import User

    return (
        User.objects.filter(role="practitioner")
        .order_by("pk")
        .values_list("pk", flat=True)[0]
    )


def _exercise() -> str:
    from selfdirect.assurance.models import ReadingExercise

    return str(ReadingExercise.objects.get().public_id)


def _spend_year() -> int:
    from selfdirect.insights.tests.factories import SpendFactory

    return int(SpendFactory.create().financial_year)


def _provider() -> str:
    from selfdirect.providers.tests.factories import ProviderFactory

    return str(ProviderFactory.create().public_id)


@dataclass
class HtmlForm:
    method: str
    action: str
    # name -> values the page gives it (a list: checkboxes and multiple selects).
    values: dict[str, list[str]] = field(default_factory=dict)
    # Fields a person can type in or choose (not hidden, not buttons).
    editable: list[str] = field(default_factory=list)
    # name -> the first option of a radio group or select, if nothing is chosen.
    first_option: dict[str, str] = field(default_factory=dict)
    button: tuple[str, str] | None = None


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._form: HtmlForm | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = HtmlForm(a.get("method", "get").lower(), a.get("action", ""))
            self.forms.append(self._form)
            return
        form, name = self._form, a.get("name", "")
        if form is None:
            return
        kind = a.get("type", "text" if tag == "input" else "submit")
        if tag in {"input", "button"} and kind in {"submit", "image"}:
            # The form's own button: the first that sends the form to its own
            # address (a button with a formaction, such as the first contact's
            # Find, is another action on the same answers, which saves nothing).
            if "formaction" not in a:
                form.button = form.button or (name, a.get("value", ""))
            return
        if not name or kind in {"reset", "button"}:
            return
        if tag == "input":
            if kind in {"radio", "checkbox"}:
                form.first_option.setdefault(name, a.get("value", "on"))
                form.values.setdefault(name, [])
                if "checked" in a:
                    form.values[name].append(a.get("value", "on"))
            else:
                form.values[name] = [a.get("value", "")]
            if kind != "hidden" and name not in form.editable:
                form.editable.append(name)
        elif tag == "select":
            self._select = name
            form.values.setdefault(name, [])
            form.editable.append(name)
        elif tag == "option" and self._select:
            if a.get("value"):
                form.first_option.setdefault(self._select, a["value"])
            if "selected" in a:
                form.values[self._select].append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            form.values[name] = [""]
            form.editable.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.values[self._textarea][0] += data.removeprefix("\n")


def _forms_on(html: str) -> list[HtmlForm]:
    reader = _FormReader()
    reader.feed(html)
    return [
        f
        for f in reader.forms
        if f.editable
        and not f.action.rstrip("/").endswith(("/logout", "/i18n/setlang"))
        and "language" not in f.values
    ]


def _context_forms(response: Any) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm) and value not in found:
                found.append(value)
    return found


def _django_field(
    context_forms: list[forms.BaseForm], name: str
) -> tuple[forms.BaseForm, str, forms.Field] | None:
    for form in context_forms:
        for field_name, form_field in form.fields.items():
            if form.add_prefix(field_name) == name:
                return form, field_name, form_field
    return None


def _bad_values(form_field: forms.Field | None) -> tuple[list[str], list[str]]:
    """(values the field must refuse, values that must only not break the page)."""
    if form_field is None or isinstance(form_field, forms.BooleanField):
        return [], TEXT
    if isinstance(form_field, forms.FileField):  # text sent is no file: ignored
        return [], TEXT
    if isinstance(form_field, forms.DateField):
        return DATES, []
    if isinstance(form_field, forms.TimeField):
        return TIMES, []
    if isinstance(form_field, forms.IntegerField | forms.DecimalField):
        allowed_negative = (form_field.min_value or 0) < 0  # type: ignore[operator]
        return [v for v in NUMBERS if not (allowed_negative and v[:1] == "-")], []
    if isinstance(form_field, PhoneField):
        return PHONES, []
    if isinstance(form_field, forms.ChoiceField | forms.UUIDField):
        return [*ALWAYS, RTL_EMOJI], []
    return ALWAYS, [RTL_EMOJI]


def _base_data(html_form: HtmlForm) -> dict[str, list[str]]:
    data = {name: list(values) for name, values in html_form.values.items()}
    today = datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011
    for name, values in data.items():
        if not any(values) and name in html_form.first_option:
            data[name] = [html_form.first_option[name]]
        elif values == [""]:
            data[name] = [today if re.search(r"(_on|date|due)$", name) else "1"]
    if html_form.button and html_form.button[0]:
        data[html_form.button[0]] = [html_form.button[1]]
    return data


# Tables every request may write to: who opened a record, sessions, sign-in tries.
READ_LOGS = {
    "audit_accesslog",
    "audit_organisationaccesslog",
    "audit_accessrefusal",
    "django_session",
}


def _fingerprint() -> dict[str, int]:
    """The row count of every table (but the read logs), in one query."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )
    tables = [t for t in tables if t not in READ_LOGS and not t.startswith("axes_")]
    quote = connection.ops.quote_name
    # Table names come from the models, quoted: nothing typed reaches this SQL.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")  # noqa: S608
        return dict(zip(tables, cursor.fetchone(), strict=True))


class _AnyNumber(dict[str, int]):
    """Fills every placeholder of a message with 2 (a plural, for ngettext)."""

    def __missing__(self, key: str) -> int:
        return 2


def _django_defaults() -> list[re.Pattern[str]]:
    """Every message Django's forms and validators give when none is set."""
    # A list: Django's plural messages are lazy, and compare equal before use.
    templates: list[Any] = []
    for module in (form_fields, model_forms):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.Field):
                for klass in value.__mro__:
                    messages = vars(klass).get("default_error_messages", {})
                    templates += messages.values()
    for value in vars(validators).values():
        if isinstance(value, type):
            message = vars(value).get("message")
            if message is not None and not isinstance(message, property):
                templates.append(message)
            if isinstance(vars(value).get("messages"), dict):
                templates += value.messages.values()
    templates += auth_forms.AuthenticationForm.error_messages.values()
    patterns = []
    for template in templates:
        # Plural messages (ngettext) are text only once given a number.
        text = str(template) if str(template) else template % _AnyNumber()
        escaped = re.escape(text)
        escaped = re.sub(r"%\\\(\w+\\\)[sdr]", ".+", escaped)
        escaped = re.sub(r"\b2\b", r"[\\d,]+", escaped)
        # Plural forms: "at most 1 character", "at most 200 characters".
        escaped = re.sub(r"(character|digit|place)s?\b", r"\1s?", escaped)
        patterns.append(re.compile(escaped, re.S))
    return patterns


DJANGO_DEFAULTS = _django_defaults()


def _messages(context_forms: list[forms.BaseForm]) -> Iterator[str]:
    for form in context_forms:
        if form.is_bound:
            for errors in form.errors.values():
                yield from (str(e) for e in errors)


@dataclass(frozen=True)
class Page:
    name: str
    persona: str | None
    kwargs: Any


def _pages() -> list[Page]:
    pages = [
        Page(name, case.allowed, case.build)
        for name, case in sorted(PERSONAL.items())
        if not NO_FORM.search(name)
    ]
    pages += [
        Page(name, persona, (lambda _p, build=build: build() if build else {}))
        for name, (persona, build) in sorted(FORM_PAGES.items())
    ]
    return pages


def test_every_page_outside_the_walkers_personal_cases_is_placed() -> None:
    unplaced = set(NOT_PERSONAL) - set(FORM_PAGES) - NOT_FORM_PAGES
    assert not unplaced, f"Add to FORM_PAGES or NOT_FORM_PAGES: {sorted(unplaced)}"


@dataclass
class Findings:
    server_errors: list[str] = field(default_factory=list)
    saved: list[str] = field(default_factory=list)
    not_refused: list[str] = field(default_factory=list)
    # Each message given, and where it was first seen.
    messages: dict[str, str] = field(default_factory=dict)
    forms: int = 0
    fields: int = 0


def _submit(
    client: Client, url: str, html_form: HtmlForm, data: dict[str, list[str]]
) -> Any:
    target = html_form.action or url
    if urlsplit(target).path == "":
        target = url
    if html_form.method == "post":
        return client.post(target, data)
    return client.get(target, data)


def _sample(html_form: HtmlForm, context_forms: list[forms.BaseForm]) -> list[str]:
    """Each field of the form, but only the first of a numbered set that repeats
    the same question (the lines of an equivalence budget, say)."""
    seen, fields = set(), []
    for name in html_form.editable:
        found = _django_field(context_forms, name)
        key = (re.sub(r"\d+", "N", name), type(found[2]) if found else None)
        if key not in seen:
            seen.add(key)
            fields.append(name)
    return fields


def _try_each_field(client: Client, url: str, findings: Findings) -> None:
    page = client.get(url)
    assert page.status_code == 200, url
    context_forms = _context_forms(page)
    for index, html_form in enumerate(_forms_on(page.content.decode())):
        findings.forms += 1
        base = _base_data(html_form)
        for name in _sample(html_form, context_forms):
            findings.fields += 1
            found = _django_field(context_forms, name)
            refuse, survive = _bad_values(found[2] if found else None)
            for value in [*refuse, *survive]:
                where = f"{url} form {index} field {name}={value[:20]!r}"
                before = _fingerprint() if html_form.method == "post" else None
                response = _submit(client, url, html_form, {**base, name: [value]})
                if response.status_code >= 500:
                    findings.server_errors.append(f"{where}: {response.status_code}")
                    continue
                after_forms = _context_forms(response)
                for message in _messages(after_forms):
                    findings.messages.setdefault(message, where)
                if value not in refuse:
                    continue
                if before is not None:
                    after = _fingerprint()
                    changed = [t for t in after if after[t] != before[t]]
                    if changed:
                        findings.saved.append(f"{where}: {changed}")
                refused = _django_field(after_forms, name)
                if found and refused and refused[1] not in refused[0].errors:
                    findings.not_refused.append(where)


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_bad_input_is_refused_with_a_message_and_never_breaks_a_page(
    client: Client, personas: Any, page: Page
) -> None:
    if page.persona:
        client.force_login(getattr(personas, page.persona))
    try:
        url = reverse(page.name, kwargs=page.kwargs(personas))
    except NoReverseMatch:  # pragma: no cover - a URL case out of step
        pytest.fail(f"{page.name}: cannot build its address")
    findings = Findings()
    _try_each_field(client, url, findings)
    assert findings.server_errors == []
    assert findings.saved == []
    assert findings.not_refused == []
    defaults = sorted(
        f"{m} ({where})"
        for m, where in findings.messages.items()
        if any(p.fullmatch(m) for p in DJANGO_DEFAULTS)
    )
    assert defaults == [], "Django's default messages reached a user"
    assert [m for m in findings.messages if _doubled(m)] == []


def test_the_default_message_check_knows_djangos_messages() -> None:
    for message in [
        "This field is required.",
        "Null characters are not allowed.",
        "Enter a number.",
        "Enter a whole number.",
        "Ensure this value has at most 200 characters (it has 100000).",
        "Ensure that there are no more than 10 digits in total.",
        "Select a valid choice. x is not one of the available choices.",
        "Enter a valid date.",
    ]:
        assert any(p.fullmatch(message) for p in DJANGO_DEFAULTS), message
    assert not any(p.fullmatch("Enter the date of contact") for p in DJANGO_DEFAULTS)
