"""What insights adds elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hook_points import KEPT_ANSWERS
from selfdirect.core.hooks import AuditAction, NavItem

NAV_ITEMS = (
    NavItem(
        32,
        _("Signposting report"),
        "insights:signposting_report",
        (Capability.SEE_SIGNPOSTING_REPORT,),
    ),
    NavItem(
        33,
        _("Outcomes report"),
        "insights:outcomes_report",
        (Capability.SEE_OUTCOMES_REPORT,),
    ),
    NavItem(
        39,
        _("Carers report"),
        "insights:carers_report",
        (Capability.SEE_CARERS_REPORT,),
    ),
    NavItem(
        34, _("SDS indicators"), "insights:indicators", (Capability.SEE_INDICATORS,)
    ),
    NavItem(
        35,
        _("Adult social care spend"),
        "insights:spend_list",
        (Capability.RECORD_FINANCE,),
    ),
)

AUDIT_ACTIONS = (
    AuditAction(
        "insights.spend_recorded", _("Recorded a year's adult social care spend")
    ),
    AuditAction(
        "insights.spend_changed", _("Changed a year's adult social care spend")
    ),
)

# The case file reader's kept answers, for the practice_quality indicator.
HOOK_POINTS = (KEPT_ANSWERS,)
