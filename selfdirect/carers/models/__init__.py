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

__all__ = [
    "IMPACT_ORDER",
    "BreakFromCaring",
    "Carer",
    "CarerOutcome",
    "CarerPartQuerySet",
    "CarerPlan",
    "CarerRecordQuerySet",
    "DischargeNotice",
    "DomainImpact",
    "EligibilityCriteria",
    "EligibilityDomain",
    "Impact",
    "Offer",
    "not_yet_offered",
]
