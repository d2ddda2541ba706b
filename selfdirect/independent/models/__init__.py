"""An independent information and support organisation's own records (issue 17).

Every model here belongs to one organisation (a directory organization flagged as
an independent support provider) and is reached only by that organisation's own
staff, through `OrganisationRecordQuerySet.visible_to` and
`people.access.access_organisation_record`. The two records the council shares
(a consent, a referral received) are `SharedRecordQuerySet`s: the council sees them
through the person, the organisation through itself."""

from .clients import (
    Client,
    ClientOutcome,
    Consent,
    OutcomeType,
    Referral,
    Session,
)
from .teams import CaseStudy, Team, TeamMember
from .work import (
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    VoiceEntry,
)

__all__ = [
    "CaseStudy",
    "Client",
    "ClientOutcome",
    "Consent",
    "EngagementEntry",
    "GroupSession",
    "InfluenceEntry",
    "InfluenceEvidence",
    "OutcomeType",
    "Referral",
    "Session",
    "Team",
    "TeamMember",
    "VoiceEntry",
]
