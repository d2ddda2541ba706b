from .first_contact import FirstContact, Signposting
from .person import Allocation, Person, Relationship, ServiceGroup

__all__ = [
    "Allocation",
    "FirstContact",
    "Person",
    "Relationship",
    "ServiceGroup",
    "Signposting",
]
