from django.core.management import call_command

from selfdirect.choices import selectors
from selfdirect.choices.models import ElementChoice, SupportChoice


def test_the_seed_adds_choices_mostly_option_three_each_with_history(db) -> None:
    call_command("seed", people=400, seed=5, verbosity=0)
    choices = list(SupportChoice.objects.prefetch_related("elements"))
    assert choices
    assert all(c.elements.exists() for c in choices)
    options = [selectors.option_of(c) for c in choices]
    assert options.count(3) > len(options) / 2
    assert SupportChoice.history.count() == len(choices)
    assert ElementChoice.history.count() == ElementChoice.objects.count()
    assert any(not selectors.informed(c).informed for c in choices)
