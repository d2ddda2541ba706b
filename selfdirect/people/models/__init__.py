from .first_contact import FirstContact, Signposting
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
    "Person",
    "PersonQuerySet",
    "PersonRecordQuerySet",
    "Relationship",
    "ServiceGroup",
    "Signposting",
]
