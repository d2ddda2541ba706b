from .first_contact import FirstContact, Signposting
from .organisation import OrganisationRecordQuerySet, SharedRecordQuerySet
from .person import (
    AccessRequest,
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
    "OrganisationRecordQuerySet",
    "Person",
    "PersonQuerySet",
    "PersonRecordQuerySet",
    "Relationship",
    "ServiceGroup",
    "SharedRecordQuerySet",
    "Signposting",
]
