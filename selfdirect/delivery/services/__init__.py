"""Actions that write delivery and finance records; each is audited."""

from .arranged import (
    ArrangedServiceDetails,
    ServiceFundDetails,
    arrange_service,
    change_arranged_service,
    change_service_fund,
    set_up_service_fund,
)
from .common import monitoring_grace_days, surplus_weeks_allowed
from .direct_payment_details import (
    DirectPaymentDetails,
    DirectPaymentEnding,
    MonitoringReturnDetails,
    PaEmploymentDetails,
    PaymentDetails,
    SurplusDetails,
)
from .direct_payments import (
    change_direct_payment,
    correct_payment,
    decide_surplus,
    end_direct_payment,
    record_monitoring_return,
    record_pa_employment,
    record_payment,
    set_up_direct_payment,
)

__all__ = [
    "ArrangedServiceDetails",
    "DirectPaymentDetails",
    "DirectPaymentEnding",
    "MonitoringReturnDetails",
    "PaEmploymentDetails",
    "PaymentDetails",
    "ServiceFundDetails",
    "SurplusDetails",
    "arrange_service",
    "change_arranged_service",
    "change_direct_payment",
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
