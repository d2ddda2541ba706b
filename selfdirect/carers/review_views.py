"""Carers' reviews: starting one from the plan, the review page, who took part,
each outcome, what happens next, sharing and agreeing. Thin: the rules are in
review_services (and the reviews app's rules)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.reviews import selectors as review_selectors

from . import review_services, selectors
from .models import CarerReview
from .permissions import access_outcome_review, access_plan, access_review
from .review_forms import (
    CarerNextStepForm,
    OutcomeReviewForm,
    ReviewDateForm,
    ReviewForm,
    StartReviewForm,
)


def review_url(review: CarerReview, anchor: str = "") -> str:
    url = reverse("carers:review", args=[review.public_id])
    return url + (f"#{anchor}" if anchor else "")


def _context(review: CarerReview, **more: Any) -> dict[str, Any]:
    carer = review.plan.carer
    return {
        "review": review,
        "plan": review.plan,
        "carer": carer,
        "person": carer.person,
        **more,
    }


def _editable(request: HttpRequest, review: CarerReview) -> HttpResponse | None:
    if review.state != CarerReview.State.AGREED:
        return None
    messages.info(request, _("This review has been agreed, so it cannot be changed."))
    return redirect(review_url(review))


@require_http_methods(["GET", "POST"])
@once
def start_review(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    form = bind(request, StartReviewForm, initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = review_services.start_review(
                plan=plan, by=user, started_on=form.cleaned_data["started_on"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Review started. Record each outcome."))
            return redirect(review_url(review))
    context = {
        "form": form,
        "plan": plan,
        "carer": plan.carer,
        "person": plan.carer.person,
        "title": _("Start the carer's review"),
        "due_on": review_services.review_due_on(plan),
    }
    return render(request, "carers/review_form.html", context)


@require_GET
def review(request: HttpRequest, review_id: str) -> HttpResponse:
    user = actor(request)
    found = access_review(user, review_id, page=page(request))
    context = selectors.review_detail(found)
    context["can_change"] = found.state != CarerReview.State.AGREED and (
        selectors.may_change_carer(user, found.plan.carer)
    )
    context["problems"] = review_services.agreement_problems(found)
    return render(request, "carers/review.html", context)


@require_http_methods(["GET", "POST"])
def review_details(request: HttpRequest, review_id: str) -> HttpResponse:
    user = actor(request)
    found = access_review(user, review_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    form = bind(request, ReviewForm, initial=ReviewForm.initial_from(found))
    return form_page(
        request,
        form,
        save=lambda f: review_services.update_review(
            review=found,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Review saved."),
        next_url=review_url(found, "taking-part"),
        context=_context(found, title=_("The review meeting")),
        template="carers/review_form.html",
    )


@require_http_methods(["GET", "POST"])
def review_outcome(request: HttpRequest, review_id: str, row_id: int) -> HttpResponse:
    user = actor(request)
    found = access_review(user, review_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    row = access_outcome_review(user, found, row_id)
    kwargs = {
        "levels": review_selectors.levels(),
        "reasons": review_selectors.reasons(),
    }
    initial = OutcomeReviewForm.initial_from(row)  # type: ignore[arg-type]
    form = bind(request, OutcomeReviewForm, initial=initial, **kwargs)
    return form_page(
        request,
        form,
        save=lambda f: review_services.record_outcome(
            row=row, by=user, version=f.cleaned_data["version"], details=f.details()
        ),
        done=_("Outcome recorded."),
        next_url=review_url(found, "outcomes"),
        context=_context(found, title=_("How far was the outcome met?"), row=row),
        template="carers/review_form.html",
        init_kwargs=kwargs,
    )


@require_http_methods(["GET", "POST"])
def review_next(request: HttpRequest, review_id: str) -> HttpResponse:
    user = actor(request)
    found = access_review(user, review_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    initial = CarerNextStepForm.initial_from(found)  # type: ignore[arg-type]
    form = bind(request, CarerNextStepForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: review_services.record_next_step(
            review=found,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("What happens next is recorded."),
        next_url=review_url(found, "next"),
        context=_context(
            found,
            title=_("What happens next"),
            months=review_services.interval_months(),
        ),
        template="carers/review_form.html",
    )


def _state_page(
    request: HttpRequest, review_id: str, *, save: Any, title: str, done: str
) -> HttpResponse:
    user = actor(request)
    found = access_review(user, review_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    initial = {"day": timezone.localdate(), "version": found.version}
    form = bind(request, ReviewDateForm, initial=initial)
    problems = review_services.agreement_problems(found)
    return form_page(
        request,
        form,
        save=lambda f: save(found, user, f.cleaned_data),
        done=done,
        next_url=review_url(found),
        context=_context(found, title=title, problems=problems),
        template="carers/review_form.html",
    )


@require_http_methods(["GET", "POST"])
def review_share(request: HttpRequest, review_id: str) -> HttpResponse:
    return _state_page(
        request,
        review_id,
        save=lambda r, u, d: review_services.share_review(
            review=r, by=u, version=d["version"], shared_on=d["day"]
        ),
        title=_("Share the review with the carer"),
        done=_("Recorded that the review was shared with the carer."),
    )


@require_http_methods(["GET", "POST"])
def review_agree(request: HttpRequest, review_id: str) -> HttpResponse:
    return _state_page(
        request,
        review_id,
        save=lambda r, u, d: review_services.agree_review(
            review=r, by=u, version=d["version"], agreed_on=d["day"]
        ),
        title=_("Record that the carer agreed the review"),
        done=_("The review is agreed. The plan's next review date is updated."),
    )
