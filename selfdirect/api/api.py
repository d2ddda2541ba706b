"""The versioned REST API. Every endpoint goes through the same access chokepoint."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Capability
from selfdirect.api.docs import SignedInSwagger
from selfdirect.conversations.wording import classify_outcome
from selfdirect.core.api_inputs import BoundedPageNumberPagination, SearchWords
from selfdirect.people import selectors
from selfdirect.people.access import access_person
from selfdirect.people.models import Person

api = NinjaAPI(
    title="Selfdirect API",
    version="1",
    description="Self-directed support records. Sign in to use it; you see what you see on screen.",
    auth=django_auth,
    urls_namespace="api-v1",
    docs=SignedInSwagger(),
)


from selfdirect.directory.api import router as directory_router  # noqa: E402

api.add_router("/directory", directory_router)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied):  # type: ignore[no-untyped-def]
    return api.create_response(
        request, {"detail": "Your role does not allow this."}, status=403
    )


class Message(Schema):
    detail: str


class OutcomeTextIn(Schema):
    text: str = Field(max_length=10_000)


class OutcomeCheckOut(Schema):
    kind: str
    reasons: list[str]
    suggestion: str


@api.post(
    "/check-outcome",
    response={200: OutcomeCheckOut, 400: Message},
    summary="Does this read as a personal outcome, a service or a deficit?",
)
def check_outcome(request: HttpRequest, payload: OutcomeTextIn):  # type: ignore[no-untyped-def]
    require(_user(request), Capability.CHANGE_PEOPLE)
    if not payload.text.strip():
        return api.create_response(
            request, {"detail": "Type the outcome to check it."}, status=400
        )
    return classify_outcome(payload.text).as_dict()


class PersonListOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: datetime.date
    postcode: str
    status: str


class PersonOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: datetime.date
    chi_number: str | None
    address: str
    postcode: str
    locality: str | None
    preferred_language: str
    communication_needs: str
    service_groups: list[str]
    consent_to_share: str
    status: str

    @staticmethod
    def resolve_locality(obj: Person) -> str | None:
        return str(obj.locality) if obj.locality else None

    @staticmethod
    def resolve_service_groups(obj: Person) -> list[str]:
        return [group.name for group in obj.service_groups.all()]


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user


@api.get("/people", response=list[PersonListOut], summary="People you may see")
@paginate(BoundedPageNumberPagination, page_size=25)
def list_people(request: HttpRequest, q: SearchWords = ""):  # type: ignore[no-untyped-def]
    user = _user(request)
    require(user, Capability.VIEW_PEOPLE)
    return selectors.caseload(user, selectors.CaseloadFilters(query=q))


@api.get("/people/{person_id}", response=PersonOut, summary="One person's details")
def get_person(request: HttpRequest, person_id: uuid.UUID):  # type: ignore[no-untyped-def]
    return access_person(_user(request), person_id, page="api:get_person")
