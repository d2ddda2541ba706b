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

__all__ = [
    "IMPACT_ORDER",
    "BreakFromCaring",
    "Carer",
    "CarerOutcome",
    "CarerOutcomeReview",
    "CarerPartQuerySet",
    "CarerPlan",
    "CarerRecordQuerySet",
    "CarerReview",
    "DischargeNotice",
    "DomainImpact",
    "EligibilityCriteria",
    "EligibilityDomain",
    "Impact",
    "Offer",
    "not_yet_offered",
]
