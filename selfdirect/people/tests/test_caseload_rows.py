"""The caseload's rows filter writes what the template's loop over the rows wrote."""

import datetime

import pytest
from django.template import Context, Template
from django.test.html import parse_html

from selfdirect.people.models import Person
from selfdirect.people.templatetags.caseload import caseload_rows
from selfdirect.people.tests.factories import AllocationFactory, PersonFactory

# The loop the filter replaced (people/caseload.html before session 9).
LOOP = Template(
    """{% load i18n %}{% for person, allocation in rows %}
    <tr>
      <td><a href="{% url 'people:detail' person.public_id %}">{{ person.last_name }}, {{ person.first_name }}</a>{% if person.preferred_name %} ({{ person.preferred_name }}){% endif %}{% if person.status == 'closed' %} <strong class="ds_tag ds_tag--grey">{% translate "Closed" %}</strong>{% endif %}</td>
      <td>{{ person.date_of_birth|date:"d/m/Y" }}</td>
      <td>{{ person.chi_number|default:"" }}</td>
      <td>{{ person.postcode }}</td>
      <td>{{ allocation.team|default:_("Not allocated") }}</td>
      <td>{{ allocation.worker|default:"" }}</td>
    </tr>
  {% endfor %}"""  # noqa: E501
)


@pytest.mark.django_db
def test_the_rows_filter_writes_exactly_what_the_loop_wrote(personas) -> None:
    plain = PersonFactory.create(
        first_name="Ann",
        last_name="O'Neil <b>",
        date_of_birth=datetime.date(1940, 1, 2),
    )
    known_as = PersonFactory.create(
        first_name="Angus",
        last_name="McKay",
        preferred_name="Gus & co",
        chi_number="0101401234",
        postcode="G1 1AA",
        status=Person.Status.CLOSED,
    )
    with_worker = AllocationFactory.create(
        person=known_as, team=personas.team_a, worker=personas.practitioner_a
    )
    no_worker = AllocationFactory.create(person=plain, team=personas.team_b)
    for rows in (
        [(plain, None), (known_as, with_worker)],
        [(plain, no_worker), (known_as, None)],
        [],
    ):
        looped = LOOP.render(Context({"rows": rows}))
        assert parse_html(caseload_rows(rows)) == parse_html(looped), looped
