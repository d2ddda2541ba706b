from .carer import (
    Carer,
    CarerPartQuerySet,
    CarerRecordQuerySet,
    DischargeNotice,
    Offer,
    not_yet_offered,
)
from .criteria import IMPACT_ORDER, EligibilityCriteria, EligibilityDomain, Impact
from .plan import BreakFromCaring, CarerOutcome, CarerPlan, DomainImpact
from .review import CarerOutcomeReview, CarerReview
from .support import ELEMENT_OPTIONS, CarerSignposting, CarerSupport

__all__ = [
    "ELEMENT_OPTIONS",
    "IMPACT_ORDER",
    "BreakFromCaring",
    "Carer",
    "CarerOutcome",
    "CarerOutcomeReview",
    "CarerPartQuerySet",
    "CarerPlan",
    "CarerRecordQuerySet",
    "CarerSignposting",
    "CarerSupport",
    "CarerReview",
    "DischargeNotice",
    "DomainImpact",
    "EligibilityCriteria",
    "EligibilityDomain",
    "Impact",
    "Offer",
    "not_yet_offered",
]
