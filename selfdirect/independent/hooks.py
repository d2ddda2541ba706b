"""What the independent organisations' workspace adds elsewhere (collected by
selfdirect.core.hooks). Nothing here is added to the council's person page: the
council sees an organisation's answer on its own referral record (choices)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import AuditAction, NavItem, SubjectAccessSection

AUDIT_ACTIONS = (
    AuditAction("independent_client.added", _("Added a client of an organisation")),
    AuditAction(
        "independent_client.exported", _("Exported everything held about a client")
    ),
    AuditAction(
        "independent_consent.recorded", _("Recorded a client's consent to share")
    ),
    AuditAction(
        "independent_consent.withdrawn", _("Recorded that consent was withdrawn")
    ),
    AuditAction("independent_referral.accepted", _("Accepted a referral")),
    AuditAction("independent_referral.declined", _("Declined a referral")),
    AuditAction("independent_referral.progress", _("Recorded progress on a referral")),
    AuditAction("independent_session.added", _("Recorded a session with a client")),
    AuditAction("independent_outcome.added", _("Recorded a client's outcome")),
    AuditAction("independent_group.added", _("Recorded group work")),
    AuditAction("independent_engagement.added", _("Recorded strategic engagement")),
    AuditAction("independent_influence.added", _("Recorded a change sought")),
    AuditAction("independent_evidence.added", _("Added evidence of influence")),
    AuditAction("independent_voice.added", _("Recorded client voice work")),
    AuditAction("independent_client.changed", _("Changed a client's details")),
    AuditAction("independent_client.closed", _("Closed a client's record")),
    AuditAction("independent_client.reopened", _("Reopened a client's record")),
    AuditAction("independent_session.changed", _("Changed a session with a client")),
    AuditAction("independent_outcome.changed", _("Changed a client's outcome")),
    AuditAction("independent_group.changed", _("Changed group work")),
    AuditAction("independent_engagement.changed", _("Changed strategic engagement")),
    AuditAction("independent_influence.changed", _("Changed a change sought")),
    AuditAction("independent_evidence.changed", _("Changed evidence of influence")),
    AuditAction("independent_voice.changed", _("Changed client voice work")),
    AuditAction("independent_team.added", _("Added a team to an organisation")),
    AuditAction("independent_team.changed", _("Changed an organisation's team")),
    AuditAction(
        "independent_case_study.chosen", _("Chose a case study for the funders")
    ),
    AuditAction(
        "independent_case_study.removed", _("Removed a case study for the funders")
    ),
)

# The council's subject access export holds what it shares with an organisation
# under the person's consent: the consent and the referral's answer. The rest of the
# organisation's record is the organisation's to export (`independent/exports.py`).
SUBJECT_ACCESS = (
    SubjectAccessSection(
        "independent.Consent",
        ("person",),
        "Consent to share with an independent organisation",
    ),
    SubjectAccessSection(
        "independent.Referral",
        ("support__person",),
        "Referrals answered by an independent organisation",
    ),
)


def _waiting(user: Any) -> int:
    from .selectors import incoming_referrals

    return incoming_referrals(user).count()


_STAFF = (Capability.WORK_WITH_CLIENTS,)

NAV_ITEMS = (
    NavItem(24, _("Our organisation"), "independent:home", _STAFF),
    NavItem(25, _("Clients"), "independent:clients", _STAFF),
    NavItem(26, _("Referral inbox"), "independent:inbox", _STAFF, count=_waiting),
    NavItem(27, _("Strategic engagement"), "independent:engagement", _STAFF),
    NavItem(28, _("Influence"), "independent:influence", _STAFF),
    NavItem(
        29,
        _("Report for funders"),
        "independent:funder_report",
        (Capability.MANAGE_ORGANISATION,),
    ),
    NavItem(
        36,
        _("Uptake of independent support"),
        "independent:uptake",
        (Capability.SEE_INDEPENDENT_UPTAKE,),
    ),
)
