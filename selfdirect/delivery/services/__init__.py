"""Actions that write delivery and finance records; each is audited."""

from django.utils.translation import gettext_lazy as _

from .arranged import (
    ArrangedServiceDetails,
    ServiceFundDetails,
    arrange_service,
    change_arranged_service,
    change_service_fund,
    set_up_service_fund,
)
from .common import monitoring_grace_days, surplus_weeks_allowed
from .direct_payments import (
    DirectPaymentDetails,
    DirectPaymentEnding,
    MonitoringReturnDetails,
    PaEmploymentDetails,
    PaymentDetails,
    SurplusDetails,
    change_direct_payment,
    correct_payment,
    decide_surplus,
    end_direct_payment,
    record_monitoring_return,
    record_pa_employment,
    record_payment,
    set_up_direct_payment,
)
from .providers import ProviderDetails, add_provider, change_provider

# Audit action names this app writes (registered in apps.py).
ACTIONS = {
    "provider.added": _("Added a provider to the register"),
    "provider.changed": _("Changed a provider on the register"),
    "direct_payment.set_up": _("Set up a direct payment agreement"),
    "direct_payment.changed": _("Changed a direct payment agreement"),
    "direct_payment.ended": _("Ended a direct payment"),
    "direct_payment.paid": _("Recorded a direct payment made"),
    "direct_payment.payment_corrected": _("Corrected a direct payment recorded"),
    "direct_payment.return_received": _("Recorded a monitoring return"),
    "direct_payment.surplus": _("Recorded what happens to a surplus"),
    "direct_payment.pas": _("Recorded personal assistants employed"),
    "service_fund.set_up": _("Set up an individual service fund"),
    "service_fund.changed": _("Changed an individual service fund"),
    "arranged_service.set_up": _("Arranged a service"),
    "arranged_service.changed": _("Changed an arranged service"),
}

__all__ = [
    "ACTIONS",
    "ArrangedServiceDetails",
    "DirectPaymentDetails",
    "DirectPaymentEnding",
    "MonitoringReturnDetails",
    "PaEmploymentDetails",
    "PaymentDetails",
    "ProviderDetails",
    "ServiceFundDetails",
    "SurplusDetails",
    "add_provider",
    "arrange_service",
    "change_arranged_service",
    "change_direct_payment",
    "change_provider",
    "change_service_fund",
    "correct_payment",
    "decide_surplus",
    "end_direct_payment",
    "monitoring_grace_days",
    "record_monitoring_return",
    "record_pa_employment",
    "record_payment",
    "set_up_direct_payment",
    "set_up_service_fund",
    "surplus_weeks_allowed",
]
