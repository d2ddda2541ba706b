from .access_request import AccessRequest
from .first_contact import FirstContact, Signposting
from .person import (
    Allocation,
    Person,
    PersonQuerySet,
    PersonRecordQuerySet,
    Relationship,
    ServiceGroup,
)

__all__ = [
    "AccessRequest",
    "Allocation",
    "FirstContact",
    "Person",
    "PersonQuerySet",
    "PersonRecordQuerySet",
    "Relationship",
    "ServiceGroup",
    "Signposting",
]
