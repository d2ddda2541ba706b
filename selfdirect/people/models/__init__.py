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
    "Allocation",
    "FirstContact",
    "Person",
    "PersonQuerySet",
    "PersonRecordQuerySet",
    "Relationship",
    "ServiceGroup",
    "Signposting",
]
