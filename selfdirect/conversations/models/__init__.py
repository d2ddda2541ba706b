from .config import EligibilityLevel, OutcomeDomain
from .conversation import (
    Conversation,
    PersonalOutcome,
    PersonCorrection,
    RiskEnablement,
    Strength,
)

__all__ = [
    "Conversation",
    "EligibilityLevel",
    "OutcomeDomain",
    "PersonCorrection",
    "PersonalOutcome",
    "RiskEnablement",
    "Strength",
]
