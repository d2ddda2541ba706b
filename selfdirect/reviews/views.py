"""Review pages: the reviews due list, starting a review from the plan, recording
each part, sharing and agreeing it. Thin: the rules are in services and rules."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.check_answers import CheckAnswers, checked_form_page
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator
from selfdirect.plans.permissions import access_plan

from . import rules, selectors, services
from .forms import (
    AgreeForm,
    AttainmentForm,
    ConfirmForm,
    DueFilterForm,
    NextStepForm,
    ReviewForm,
    RiskReviewForm,
    ShareForm,
    StartReviewForm,
    SupportReviewForm,
)
from .models import Review
from .money import money_at_review
from .permissions import (
    access_attainment,
    access_review,
    access_risk_review,
    access_support_review,
)

PAGE_SIZE = 25


def _review_url(review: Review, anchor: str = "") -> str:
    url = reverse("reviews:detail", args=[review.person.public_id, review.public_id])
    return url + (f"#{anchor}" if anchor else "")


def _read_only(request: HttpRequest, review: Review) -> HttpResponse | None:
    if review.state != Review.State.AGREED:
        return None
    messages.info(request, _("This review has been agreed, so it cannot be changed."))
    return redirect(_review_url(review))


@require_GET
def due(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.PLAN_SUPPORT)
    form = DueFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = form.cleaned_data
    today = timezone.localdate()
    plans = selectors.reviews_due(user, today=today, **filters)
    page_obj = CappedPaginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(plan, rules.overdue_band(plan.review_on, today)) for plan in page_obj]
    context = {"form": form, "page_obj": page_obj, "rows": rows, "today": today}
    return render(request, "reviews/due.html", context)


@require_http_methods(["GET", "POST"])
@once
def start(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    already = selectors.open_review_of(plan)
    initial = {"kind": Review.Kind.PLANNED, "started_on": timezone.localdate()}
    form = bind(request, StartReviewForm, initial=initial)
    if request.method == "POST" and already is None and form.is_valid():
        try:
            review = services.start_review(plan=plan, by=user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Review started. Record how each outcome went.")
            )
            return redirect(_review_url(review))
    context = {"form": form, "plan": plan, "person": plan.person, "already": already}
    return render(request, "reviews/start.html", context)


@require_GET
def detail(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    user = actor(request)
    review = access_review(user, person_id, review_id, page=page(request))
    context = selectors.review_detail(review)
    context["can_change"] = review.state != Review.State.AGREED and user.can(
        Capability.PLAN_SUPPORT
    )
    context["problems"] = services.agreement_problems(review)
    context["perms_plan"] = user.can(Capability.PLAN_SUPPORT)
    context["money"] = money_at_review(review)
    return render(request, "reviews/detail.html", context)


def _part_page(
    request: HttpRequest,
    review: Review,
    form: Any,
    *,
    save: Any,
    title: str,
    anchor: str,
    init_kwargs: dict[str, Any] | None = None,
    about: Any = None,
) -> HttpResponse:
    if refused := _read_only(request, review):
        return refused
    return form_page(
        request,
        form,
        save=save,
        done=_("Saved."),
        next_url=_review_url(review, anchor),
        context={
            "review": review,
            "person": review.person,
            "title": title,
            "about": about,
        },
        template="reviews/form.html",
        init_kwargs=init_kwargs,
    )


@require_http_methods(["GET", "POST"])
def about(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(request, ReviewForm, initial=ReviewForm.initial_from(review))
    return _part_page(
        request,
        review,
        form,
        save=lambda f: services.update_review(
            review=review,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        title=_("Who took part, and the person's account"),
        anchor="about",
    )


@require_http_methods(["GET", "POST"])
def attainment(
    request: HttpRequest, person_id: str, review_id: str, part_id: int
) -> HttpResponse:
    user = actor(request)
    row = access_attainment(user, person_id, review_id, part_id, page=page(request))
    kwargs = {"levels": selectors.levels(), "reasons": selectors.reasons()}
    form = bind(
        request, AttainmentForm, initial=AttainmentForm.initial_from(row), **kwargs
    )
    return _part_page(
        request,
        row.review,
        form,
        save=lambda f: services.record_attainment(
            attainment=row,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        title=_("How far was this outcome met?"),
        anchor="outcomes",
        init_kwargs=kwargs,
        about=row.plan_outcome.words,
    )


@require_http_methods(["GET", "POST"])
def support(
    request: HttpRequest, person_id: str, review_id: str, part_id: int
) -> HttpResponse:
    user = actor(request)
    row = access_support_review(user, person_id, review_id, part_id, page=page(request))
    kwargs = {"questions": selectors.questions()}
    form = bind(
        request,
        SupportReviewForm,
        initial=SupportReviewForm.initial_from(row),
        **kwargs,
    )
    return _part_page(
        request,
        row.review,
        form,
        save=lambda f: services.record_support_review(
            support_review=row,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        title=_("How did this support go?"),
        anchor="supports",
        init_kwargs=kwargs,
        about=row.support.what,
    )


@require_http_methods(["GET", "POST"])
def risk(
    request: HttpRequest, person_id: str, review_id: str, part_id: int
) -> HttpResponse:
    user = actor(request)
    row = access_risk_review(user, person_id, review_id, part_id, page=page(request))
    form = bind(request, RiskReviewForm, initial=RiskReviewForm.initial_from(row))
    return _part_page(
        request,
        row.review,
        form,
        save=lambda f: services.record_risk_review(
            risk_review=row,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        title=_("How did this risk agreement go?"),
        anchor="risks",
        about=row.risk.risk,
    )


@require_http_methods(["GET", "POST"])
def next_step(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    initial = NextStepForm.initial_from(review)
    if initial["next_review_on"] is None:
        initial["next_review_on"] = rules.latest_next_review(
            review.held_on or review.started_on, services.review_interval_months()
        )
    form = bind(request, NextStepForm, initial=initial)
    return _part_page(
        request,
        review,
        form,
        save=lambda f: services.record_next_step(
            review=review,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        title=_("What happens next?"),
        anchor="next",
    )


@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    initial = {"shared_on": timezone.localdate(), "version": review.version}
    form = bind(request, ShareForm, initial=initial)
    return _part_page(
        request,
        review,
        form,
        save=lambda f: services.share_review(review=review, by=user, **f.cleaned_data),
        title=_("Share the review with the person"),
        anchor="",
    )


@require_http_methods(["GET", "POST"])
def agree(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _read_only(request, review):
        return refused
    problems = services.agreement_problems(review)
    initial = {
        "version": review.version,
        "agreed_on": timezone.localdate(),
        "agreed_by": review.person.full_name,
        "agreed_how": Review.AgreedHow.IN_PERSON,
    }
    check = CheckAnswers(
        title=_("Check the agreement before you record it"),
        confirm=_("Confirm: record the agreement"),
        cancel_url=_review_url(review),
    )
    return checked_form_page(
        request,
        bind(request, AgreeForm, initial=initial),
        check=None if problems else check,
        save=lambda f: services.agree_review(review=review, by=user, **f.cleaned_data),
        done=_("Review agreed. The plan's next review date is set."),
        next_url=_review_url(review),
        context={"review": review, "person": review.person, "problems": problems},
        template="reviews/agree.html",
    )


@require_http_methods(["GET", "POST"])
@once
def new_plan_version(
    request: HttpRequest, person_id: str, review_id: str
) -> HttpResponse:
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(request, ConfirmForm)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.start_new_plan_version(
                review=review, by=user, today=timezone.localdate()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("A new version of the plan has started, with the outcomes copied."),
            )
            return redirect(
                reverse("plans:detail", args=[review.person.public_id, draft.public_id])
            )
    context = {"form": form, "review": review, "person": review.person}
    return render(request, "reviews/new_plan_version.html", context)


@require_GET
def my_review(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    """The person's own printable copy of their review, in plain English."""
    user = actor(request)
    review = access_review(user, person_id, review_id, page=page(request))
    return render(request, "reviews/my_review.html", selectors.review_detail(review))
