"""A select's options written by the ``select_options`` filter are exactly what
the template's loop over the field wrote (issue 18: the caseload's long lists)."""

import pytest
from django import forms
from django.template import Context, Template

from selfdirect.accounts.models import Team, User
from selfdirect.people.forms import CaseloadFilterForm

LOOP = Template(
    "{% for option in field %}"
    '<option value="{{ option.data.value }}"'
    "{% if option.data.selected %} selected{% endif %}>"
    "{{ option.choice_label }}</option>{% endfor %}"
)
FILTER = Template("{% load selfdirect %}{{ field|select_options }}")


class _Plain(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", "Any"), ("a&b", "A & <b>"), ("2", "Two")], required=False
    )


def _both(field: forms.BoundField) -> tuple[str, str]:
    context = Context({"field": field})
    return LOOP.render(context), FILTER.render(context)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data", [None, {"kind": "a&b"}, {"kind": "2", "team": "x"}, {"kind": "nope"}]
)
def test_select_options_write_what_the_loop_wrote(personas, data) -> None:
    form = _Plain(data)
    loop, written = _both(form["kind"])
    assert written == loop
    assert loop.count("<option") == 3
    teams = Team.objects.order_by("name")
    caseload = CaseloadFilterForm(
        {"team": str(personas.team_b.pk), **(data or {})} if data else None,
        teams=teams,
        workers=User.objects.all(),
    )
    for name in ("team", "locality", "service_group", "worker", "status"):
        loop, written = _both(caseload[name])
        assert written == loop, name
    if data and "team" not in data:
        assert " selected>Dumbarton East</option>" in _both(caseload["team"])[1]
