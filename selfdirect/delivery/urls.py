from django.urls import path

from .views import finance, funds, person

app_name = "delivery"

P = "people/<uuid:person_id>/support-and-payments/"
DP = P + "direct-payments/<uuid:agreement_id>/"

urlpatterns = [
    path(P, person.person_delivery, name="person"),
    path(P + "direct-payments/new/", person.add_agreement, name="add_agreement"),
    path(DP, person.agreement_detail, name="agreement"),
    path(DP + "change/", person.edit_agreement, name="edit_agreement"),
    path(DP + "end/", person.end_agreement, name="end_agreement"),
    path(DP + "payments/new/", person.add_payment, name="add_payment"),
    path(
        DP + "payments/<uuid:payment_id>/",
        person.edit_payment,
        name="edit_payment",
    ),
    path(DP + "assistants/new/", person.add_pa_employment, name="add_pa_employment"),
    path(P + "returns/<uuid:return_id>/", person.record_return, name="record_return"),
    path(
        P + "returns/<uuid:return_id>/surplus/",
        person.decide_surplus,
        name="decide_surplus",
    ),
    path(P + "service-funds/new/", funds.add_fund, name="add_fund"),
    path(P + "service-funds/<uuid:fund_id>/", funds.edit_fund, name="edit_fund"),
    path(P + "arranged/new/", funds.add_arranged, name="add_arranged"),
    path(P + "arranged/<uuid:service_id>/", funds.edit_arranged, name="edit_arranged"),
    path("finance/", finance.dashboard, name="finance"),
    path("finance/spend.csv", finance.spend_csv, name="finance_csv"),
    path("finance/summary/", finance.spend_refresh, name="finance_summary"),
    path("finance/monitoring/", finance.monitoring_due, name="monitoring_due"),
    path("finance/surplus/", finance.surplus, name="surplus"),
]
