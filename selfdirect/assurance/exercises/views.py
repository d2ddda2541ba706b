"""The exercise pages: the list, setting one up, an exercise's progress and
files, giving files to readers, and reading a file."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.assurance import reader as automatic_reader
from selfdirect.audit.services import log_list_access
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.models import Job
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator
from selfdirect.people.selectors import may_open

from . import selectors, services
from .forms import (
    CompleteForm,
    ExerciseForm,
    ReaderForm,
    ReadingForm,
    SecondReadingsForm,
)
from .permissions import access_exercise, access_reading

ACTIVE = (Job.Status.QUEUED, Job.Status.RUNNING)
REFRESH_SECONDS = 5


@require_GET
def exercise_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.READ_CASE_FILES)
    given = list(selectors.readings_given_to(user)[:50])
    log_list_access(
        user=user,
        person_ids=[r.sampled_file.person_id for r in given],
        page=page(request),
    )
    paginator = CappedPaginator(selectors.exercises_with_progress(), 25)
    context = {
        "page_obj": paginator.get_page(request.GET.get("page")),
        "given": given,
        "can_run": user.can(Capability.RUN_FILE_READING),
    }
    return render(request, "assurance/exercise_list.html", context)


@require_http_methods(["GET", "POST"])
@once
def exercise_new(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RUN_FILE_READING)
    form = bind(request, ExerciseForm)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = services.start_exercise(
                details=services.ExerciseDetails(**form.cleaned_data), by=user
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("The exercise is set up. Its sample is being drawn and read."),
            )
            return redirect("assurance:exercise", exercise_id=exercise.public_id)
    return render(request, "assurance/exercise_form.html", {"form": form})


@require_GET
def exercise_detail(request: HttpRequest, exercise_id: uuid.UUID) -> HttpResponse:
    user = actor(request)
    exercise = access_exercise(user, exercise_id)
    paginator = CappedPaginator(selectors.readings_for(user, exercise), 50)
    readings = paginator.get_page(request.GET.get("page"))
    log_list_access(
        user=user,
        person_ids=[r.sampled_file.person_id for r in readings],
        page=page(request),
    )
    job = selectors.drawing_job(exercise)
    stop = request.GET.get("refresh") == "off"
    context = {
        "exercise": exercise,
        "job": job,
        "refreshing": job is not None and job.status in ACTIVE and not stop,
        "refresh_seconds": REFRESH_SECONDS,
        "progress": selectors.progress(exercise),
        "page_obj": readings,
        "can_run": user.can(Capability.RUN_FILE_READING),
        "can_see_results": user.can(Capability.SEE_FILE_READING_RESULTS),
        "second_form": SecondReadingsForm(),
        "complete_form": CompleteForm(initial={"version": exercise.version}),
    }
    return render(request, "assurance/exercise_detail.html", context)


@require_POST
def draw(request: HttpRequest, exercise_id: uuid.UUID) -> HttpResponse:
    """Try drawing the sample again, after the background job failed."""
    user = actor(request)
    require(user, Capability.RUN_FILE_READING)
    exercise = access_exercise(user, exercise_id)
    job = selectors.drawing_job(exercise)
    if exercise.status != exercise.Status.DRAWING or (job and job.status in ACTIVE):
        messages.info(request, _("The sample is already drawn or being drawn."))
    else:
        services.draw_in_background(exercise, by=user)
        messages.success(request, _("The sample is being drawn again."))
    return redirect("assurance:exercise", exercise_id=exercise.public_id)


@require_http_methods(["GET", "POST"])
def reading(
    request: HttpRequest, exercise_id: uuid.UUID, reading_id: uuid.UUID
) -> HttpResponse:
    user = actor(request)
    exercise = access_exercise(user, exercise_id)
    action = Action.CHANGE if request.method == "POST" else Action.VIEW
    found = access_reading(
        user, exercise, reading_id, action=action, page=page(request)
    )
    answers = selectors.answers_of(found)
    form = bind(
        request, ReadingForm, answers=answers, initial={"version": found.version}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_reading(
                reading=found,
                answers=_answers(form, answers),
                finished="finish" in request.POST,
                version=form.cleaned_data["version"],
                by=user,
            )
        except ValidationError as error:
            show_errors(form, error)
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error, answers=answers)
        else:
            messages.success(request, _("Your reading is saved."))
            return redirect("assurance:exercise", exercise_id=exercise.public_id)
    return render(
        request,
        "assurance/reading.html",
        _reading_context(user, exercise, found, answers, form, conflict),
    )


def _answers(
    form: ReadingForm, answers: list[services.CriterionAnswer]
) -> list[services.AnswerDetails]:
    data = form.cleaned_data
    return [
        services.AnswerDetails(
            criterion=a.criterion,
            answer=data.get(f"answer_{a.criterion}") or "",
            note=data.get(f"note_{a.criterion}") or "",
        )
        for a in answers
    ]


def _reading_context(  # type: ignore[no-untyped-def]
    user, exercise, found, answers, form, conflict
):
    questions = {
        item["id"]: item["question"]
        for item in automatic_reader.criteria(exercise.criteria_version)["criteria"]
    }
    rows = [
        {
            "answer": answer,
            "question": questions.get(answer.criterion, answer.criterion),
            "field": form[f"answer_{answer.criterion}"],
            "note": form[f"note_{answer.criterion}"],
        }
        for answer in answers
    ]
    return {
        "exercise": exercise,
        "reading": found,
        "person": found.sampled_file.person,
        "may_open": may_open(user, found.sampled_file.person),
        "rows": rows,
        "form": form,
        "conflict": conflict,
    }


@require_http_methods(["GET", "POST"])
def give_reading(
    request: HttpRequest, exercise_id: uuid.UUID, reading_id: uuid.UUID
) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RUN_FILE_READING)
    exercise = access_exercise(user, exercise_id)
    found = access_reading(user, exercise, reading_id, page=page(request))
    form = bind(request, ReaderForm, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.give_reading(
                reading=found,
                reader=form.cleaned_data["reader"],
                version=form.cleaned_data["version"],
                by=user,
            )
        except ValidationError as error:
            show_errors(form, error)
        except EditConflict:
            form.add_error(None, _("Someone else gave this file to a reader first."))
        else:
            messages.success(request, _("The file is given to its reader."))
            return redirect("assurance:exercise", exercise_id=exercise.public_id)
    context = {"exercise": exercise, "reading": found, "form": form}
    return render(request, "assurance/give_reading.html", context)


@require_POST
def second_readings(request: HttpRequest, exercise_id: uuid.UUID) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RUN_FILE_READING)
    exercise = access_exercise(user, exercise_id)
    form = SecondReadingsForm(request.POST)
    if form.is_valid():
        chosen = services.choose_second_readings(
            exercise=exercise, count=form.cleaned_data["count"], by=user
        )
        messages.success(
            request,
            _("%(n)s files chosen for a second reader.") % {"n": len(chosen)},
        )
    else:
        messages.error(request, _("Enter how many files, from 1 to 500."))
    return redirect("assurance:exercise", exercise_id=exercise.public_id)


@require_POST
def complete(request: HttpRequest, exercise_id: uuid.UUID) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RUN_FILE_READING)
    exercise = access_exercise(user, exercise_id)
    form = CompleteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The form was not sent whole: try again."))
        services.complete_exercise(
            exercise=exercise, version=form.cleaned_data["version"], by=user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except EditConflict:
        messages.error(request, _("Someone else changed the exercise: try again."))
    else:
        messages.success(request, _("The exercise is complete."))
    return redirect("assurance:exercise", exercise_id=exercise.public_id)
