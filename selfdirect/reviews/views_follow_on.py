"""Review pages for what follows the review and what the person adds: a change of
option recorded from the review, the person's own words beside it, "My review"
as a tagged PDF, and the risk agreements due for review. Thin: the rules are in
follow_on.py, money.py and selectors.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.choices.forms import ChoiceForm
from selfdirect.choices.selectors import choice_summary
from selfdirect.conversations.forms import CorrectionForm
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import render_letter_response
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from . import follow_on, selectors
from .permissions import access_review
from .views import PAGE_SIZE, _review_url


@require_http_methods(["GET", "POST"])
@once
def change_option(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    """Record the person's new choice of options from an agreed review that says
    a change of option comes next (the choices app's own choice form and service)."""
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    person = review.person
    current = choice_summary(person)
    initial: dict[str, object] = {
        "made_on": review.agreed_on or timezone.localdate(),
        "decided_by": "person",
    }
    if current.choice is not None:
        initial.update(
            {
                f"element_{e.element}": str(e.option)
                for e in current.choice.elements.all()
            }
        )
    form = bind(request, ChoiceForm, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            follow_on.record_change_of_option(
                review=review,
                by=user,
                details=form.details(),
                elements=form.elements(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("The change of option is recorded in the person's choices."),
            )
            return redirect(_review_url(review, "next"))
    context = {
        "form": form,
        "review": review,
        "person": person,
        "current": current,
        "ready": review.state == review.State.AGREED
        and review.next_step == review.NextStep.CHANGE_OF_OPTION
        and review.new_choice_id is None,
    }
    return render(request, "reviews/change_option.html", context)


@require_http_methods(["GET", "POST"])
@once
def correction(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    """Add the person's own words or corrections beside their shared review."""
    user = actor(request)
    review = access_review(
        user, person_id, review_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(request, CorrectionForm, initial={"added_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=lambda f: follow_on.add_correction(
            review=review, by=user, **f.cleaned_data
        ),
        done=_("The person's words have been added."),
        next_url=_review_url(review, "own-words"),
        context={
            "review": review,
            "person": review.person,
            "title": _("Add the person's own words"),
            "once": True,
            "shared": review.state != review.State.DRAFT,
        },
        template="reviews/form.html",
    )


@require_GET
def my_review_pdf(request: HttpRequest, person_id: str, review_id: str) -> HttpResponse:
    """The person's own copy of their review as a tagged PDF letter."""
    user = actor(request)
    review = access_review(user, person_id, review_id, page=page(request))
    return render_letter_response(
        "reviews/my_review_pdf.html",
        selectors.review_detail(review),
        person=review.person,
        produced_by=user,
        filename="my-review.pdf",
    )


@require_GET
def risks_due(request: HttpRequest) -> HttpResponse:
    """Risk agreements due for review, for the user's teams."""
    user = actor(request)
    require(user, Capability.PLAN_SUPPORT)
    today = timezone.localdate()
    risks = selectors.risk_agreements_due(user, today)
    page_obj = CappedPaginator(risks, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page_obj, "risks": list(page_obj), "today": today}
    return render(request, "reviews/risks_due.html", context)
