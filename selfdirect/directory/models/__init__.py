"""Community directory, modelled on Open Referral HSDS 3.0.

Field names follow the standard, so import and export are a straight mapping; the
few local fields (owner, last_checked_on, is_free) are marked as such.
"""

from .entries import (
    Attribute,
    Contact,
    CostOption,
    Language,
    Organization,
    Phone,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from .places import Accessibility, Address, Location, Schedule, ServiceAtLocation
from .postcodes import Postcode

__all__ = [
    "Accessibility",
    "Address",
    "Attribute",
    "Contact",
    "CostOption",
    "Language",
    "Location",
    "Organization",
    "Phone",
    "Postcode",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
]
