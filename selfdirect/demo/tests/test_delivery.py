from django.core.management import call_command

from selfdirect.choices.models import ElementChoice
from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    MonitoringReturn,
    Payment,
)
from selfdirect.providers.models import Provider


def test_the_seed_adds_providers_and_delivery_following_choices(db) -> None:
    call_command("seed", people=400, seed=5, verbosity=0)
    assert Provider.objects.filter(kind="personal_assistant").exists()
    assert {"block", "spot", "framework"} <= set(
        Provider.objects.values_list("contract_type", flat=True)
    )
    assert ArrangedService.objects.count() > DirectPaymentAgreement.objects.count()
    option_1_people = set(
        ElementChoice.objects.filter(option=1).values_list("choice__person", flat=True)
    )
    assert (
        set(DirectPaymentAgreement.objects.values_list("person", flat=True))
        <= option_1_people
    )
    assert Payment.objects.exists()
    assert MonitoringReturn.objects.filter(received_on__isnull=False).exists()
    assert (
        DirectPaymentAgreement.history.count() == DirectPaymentAgreement.objects.count()
    )
    # Reseeding reuses the register rather than doubling it.
    providers = Provider.objects.count()
    call_command("seed", people=50, seed=6, verbosity=0, reset=True)
    assert Provider.objects.count() == providers
