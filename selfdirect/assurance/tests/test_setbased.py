"""The set-based rules (assurance/setbased/) give, person for person, the answers
the per-file reader gives for that person's case file: on the personas with every
journey stage, on a seeded demo, and on the hand-written case files imported, each
at two dates. And reading everyone in the database keeps those same answers."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.assurance import population, setbased
from selfdirect.assurance.importer import ImportRefused, import_casefile
from selfdirect.assurance.models import PersonReading
from selfdirect.assurance.setbased import choosing, early
from selfdirect.choices.models import InformationGiven, SupportChoice
from selfdirect.conversations.tests.factories import (
    ConversationFactory,
    OutcomeFactory,
)
from selfdirect.insights.tests import practice_example
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import PersonFactory
from selfdirect.plans.tests.factories import SupportFactory, SupportPlanFactory
from selfdirect.testing.journey import whole_journey
from selfdirect.testing.personas import Personas

from .setbased_check import differences

MINE = [*early.RULES, *choosing.RULES]
DATES = (datetime.date(2025, 6, 30), datetime.date(2026, 11, 28))
FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles"
# The early stages only (the person, contacts, conversations): these files read
# the first-contact and conversation rules both ways.
EARLY = {
    "format",
    "format_version",
    "as_of",
    "source",
    "person",
    "first_contacts",
    "conversations",
    "carers_plans",
}


def everyone() -> list[int]:
    return list(Person.objects.order_by("pk").values_list("pk", flat=True))


def test_every_criterion_has_a_set_based_rule() -> None:
    from selfdirect.assurance import reader

    assert set(MINE) <= set(setbased.rules())
    assert set(MINE) <= set(reader.RULES)


@pytest.mark.journey(*whole_journey())
@pytest.mark.parametrize("as_of", DATES)
def test_the_personas_read_the_same_both_ways(
    personas: Personas, as_of: datetime.date
) -> None:
    practice_example.build()
    assert differences(everyone(), as_of, MINE) == []


def test_the_hand_written_case_files_read_the_same_both_ways(
    personas: Personas,
) -> None:
    """Each file's early stages imported as one person (a file the
    importer refuses, such as an agreed conversation with no outcome, is left
    out), then read both ways."""
    imported, refused = [], []
    for path in sorted(FILES.glob("*.json")):
        if path.name == "expected.json":
            continue
        data = json.loads(path.read_text())
        data = {key: value for key, value in data.items() if key in EARLY}
        data["person"]["chi_number"] = ""
        try:
            result = import_casefile(
                data, by=personas.practitioner_a, team=personas.team_a, source=path.name
            )
        except ImportRefused:
            refused.append(path.name)
            continue
        assert result.person is not None
        imported.append(result.person.pk)
    assert len(imported) >= 40, refused
    for as_of in DATES:
        assert differences(imported, as_of, MINE) == []


def test_a_seeded_demo_reads_the_same_both_ways(db: None) -> None:
    call_command("seed", people=300, seed=7, verbosity=0)
    ids = everyone()
    assert len(ids) >= 300
    for as_of in DATES:
        assert differences(ids, as_of, MINE) == []


@pytest.mark.journey(*whole_journey())
def test_reading_everyone_keeps_the_per_file_answers(personas: Personas) -> None:
    practice_example.build()
    as_of = DATES[1]
    PersonReading.objects.create(
        person=PersonFactory.create(status="merged"),
        read_at=timezone.now(),
        as_of=as_of,
        criteria_version="1",
        answers={},
    )
    done = population.read_everyone(as_of=as_of, chunk=2)
    ids = list(population.population().order_by("pk").values_list("pk", flat=True))
    assert done == len(ids)
    kept = {r.person_id: r.answers for r in PersonReading.objects.all()}
    assert kept == population.read_group(ids, as_of=as_of)
    assert {r.as_of for r in PersonReading.objects.all()} == {as_of}


def test_ties_and_odd_values_read_the_same_both_ways(db: None) -> None:
    """Records the demo rarely makes: two conversations on one day (the first in the
    file's order is read), options kept as numbers, blank-looking text, a draft plan
    beside a replaced one with a community resource, a choice by a representative
    without their authority, and a budget on the day of the choice."""
    user = UserFactory.create()
    first = ConversationFactory.create(
        conversation_date=datetime.date(2026, 3, 1), carer_views="   "
    )
    person = first.person
    OutcomeFactory.create(conversation=first, words="Home care", wording_kind="service")
    second = ConversationFactory.create(
        person=person,
        conversation_date=datetime.date(2026, 3, 1),
        participants=["person", "unpaid_carer"],
    )
    OutcomeFactory.create(conversation=second)
    InformationGiven.objects.create(
        person=person,
        given_on=datetime.date(2026, 3, 1),
        given_by=user,
        options_explained=[1, 2, 3, 4],
    )
    for made_on, decided_by in (
        (datetime.date(2026, 4, 1), "legal_representative"),
        (datetime.date(2026, 4, 1), "person"),
    ):
        SupportChoice.objects.create(
            person=person,
            made_on=made_on,
            decided_by=decided_by,
            representative_name="Jo",
            recorded_by=user,
        )
    replaced = SupportPlanFactory.create(conversation=second, state="replaced")
    SupportFactory.create(
        plan=replaced, provided_by="community", yearly_cost=0, option=None
    )
    draft = SupportPlanFactory.create(conversation=second, state="draft")
    SupportFactory.create(
        plan=draft, provided_by="community", yearly_cost=0, option=None, used_it=True
    )
    SupportFactory.create(plan=draft, provided_by="provider", option=None)
    found = differences([person.pk], DATES[1], MINE)
    assert found == []
    answers = population.read_group([person.pk], as_of=DATES[1])[person.pk]
    assert answers["outcomes_own_words"] == "no"  # the first of the day's two
    assert answers["signposting_followed_up"] == "yes"  # the draft's resource
    # The first of the day's two choices: a representative without their authority,
    # no element chosen, and a paid support in the plan with no option.
    assert answers["choice_recorded"] == "no"


@pytest.mark.journey(*whole_journey())
def test_records_changed_after_a_past_date_read_the_same_both_ways(
    personas: Personas,
) -> None:
    """As at a past date a file holds the conversations, choices and plans of that
    day, each plan in its state then, and the set-based rules pick the same records:
    Eve's later conversation and plan are left out and her first plan is agreed
    again; Fay's plan agreed after the date was a draft then, and her choice made
    after it is left out."""
    from selfdirect.assurance import export

    example = practice_example.build()
    then = datetime.date(2026, 3, 31)
    talk = ConversationFactory.create(
        conversation_date=datetime.date(2026, 2, 1),
        state="agreed",
        agreed_on=datetime.date(2026, 2, 1),
    )
    fay = talk.person
    SupportPlanFactory.create(
        conversation=talk,
        state="agreed",
        started_on=datetime.date(2026, 3, 1),
        agreed_on=datetime.date(2026, 4, 10),
    )
    SupportChoice.objects.create(
        person=fay,
        made_on=datetime.date(2026, 4, 5),
        decided_by="person",
        recorded_by=UserFactory.create(),
    )
    assert differences(everyone(), then, setbased.rules()) == []
    eve = export.build(example.eve, as_of=then)
    assert [c["conversation_date"] for c in eve["conversations"]] == ["2025-11-01"]
    assert [p["state"] for p in eve["plans"]] == ["agreed"]
    assert [p["state"] for p in export.build(fay, as_of=then)["plans"]] == ["draft"]
    past = population.read_group([example.eve.pk, fay.pk], as_of=then)
    now = population.read_group([example.eve.pk, fay.pk], as_of=DATES[1])
    for rule in ("outcomes_own_words", "strengths_recorded", "plan_smart"):
        assert (past[example.eve.pk][rule], now[example.eve.pk][rule]) == (
            "no",
            "yes",
        ), rule
    assert past[fay.pk]["choice_recorded"] == "no"  # a plan, no choice yet
    assert past[fay.pk]["budget_before_choice"] == "not_applicable"
    assert now[fay.pk]["budget_before_choice"] == "no"
