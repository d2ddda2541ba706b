import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Exists, OuterRef, Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from selfdirect.accounts.models import Partnership, User
from selfdirect.accounts.roles import TWO_FACTOR_REQUIRED, Purpose, Role
from selfdirect.demo.people import data as demo_data
from selfdirect.demo.tests.test_same_data import created
from selfdirect.people import rules
from selfdirect.people.models import Allocation, FirstContact, Person, Signposting

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command(
        "seed", "--people=300", *args, verbosity=0, stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Person.objects.order_by("public_id").values_list(
            "public_id", "first_name", "last_name", "date_of_birth", "chi_number"
        )
    )


def test_it_creates_one_demo_user_per_role() -> None:
    seed(f"--today={TODAY}")
    demo = User.objects.filter(username__in=[row[0] for row in demo_data.DEMO_USERS])
    assert {user.role for user in demo} == set(Role)
    assert all(user.check_password(demo_data.DEMO_PASSWORD) for user in demo)
    inspector = demo.get(username="inspector")
    assert inspector.access_expires_on == TODAY + datetime.timedelta(days=90)
    assert demo.get(username="admin").is_superuser
    assert demo.get(username="dpo").role == Role.DATA_PROTECTION_OFFICER
    # roles that require two-factor sign-in have the published demo authenticator
    with_app = set(
        TOTPDevice.objects.filter(user__in=demo, confirmed=True).values_list(
            "user__role", flat=True
        )
    )
    assert with_app == set(TWO_FACTOR_REQUIRED)


def test_the_two_demo_practitioners_work_in_different_teams() -> None:
    output = seed()
    stages = output.split("\nTime per stage\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in stages.splitlines()][:2] == [
        "community",
        "people",
    ]
    first = User.objects.get(username="practitioner")
    second = User.objects.get(username="practitioner.b")
    assert first.team_ids() and second.team_ids()
    assert not set(first.team_ids()) & set(second.team_ids())
    mine = Person.objects.visible_to(first, Purpose.PRACTICE)
    assert mine.exists()
    assert not mine.filter(
        pk__in=Person.objects.visible_to(second, Purpose.PRACTICE)
    ).exists()


def young_carers(output: str) -> int:
    """The young carers the carers stage adds as people, beside the --people."""
    return created(output).get("young carers", 0)


def test_the_same_seed_gives_the_same_people() -> None:
    output = seed("--seed=7", f"--today={TODAY}")
    first = snapshot()
    seed("--seed=7", f"--today={TODAY}", "--reset")
    assert snapshot() == first
    assert len(first) == 300 + young_carers(output)
    seed("--seed=8", f"--today={TODAY}", "--reset")
    assert snapshot() != first


def test_running_it_again_without_reset_leaves_the_data_alone() -> None:
    young = young_carers(seed())
    output = seed("--people=50")
    assert "already exists" in output
    assert Person.objects.count() == 300 + young
    assert Partnership.objects.filter(code=demo_data.PARTNERSHIP_CODE).count() == 1


def test_chi_numbers_are_valid_unique_and_match_the_date_of_birth() -> None:
    seed(f"--today={TODAY}")
    people = Person.objects.exclude(chi_number=None)
    assert 0.75 < people.count() / 300 < 0.95
    for chi, born in people.values_list("chi_number", "date_of_birth"):
        assert rules.chi_problem(chi or "") is None, chi
        assert (chi or "")[:6] == f"{born:%d%m%y}"


def test_every_person_has_exactly_one_current_allocation() -> None:
    seed(f"--today={TODAY}")
    current = Allocation.objects.current(on=TODAY)
    counts = Person.objects.annotate(
        current=Count("allocations", filter=Q(allocations__in=current))
    )
    assert set(counts.values_list("current", flat=True)) == {1}


def test_every_seeded_row_has_its_creation_in_history() -> None:
    young = young_carers(seed(f"--today={TODAY}"))
    people = Person.history.filter(history_type="+")
    assert people.count() == Person.objects.count() == 300 + young
    assert Allocation.history.count() == Allocation.objects.count()
    assert FirstContact.history.count() == FirstContact.objects.count() > 0
    first = people.earliest("history_id")
    assert set(first.service_groups.values_list("servicegroup_id", flat=True)) == set(
        first.instance.service_groups.values_list("id", flat=True)
    )


def test_signposted_contacts_have_follow_ups_some_still_due() -> None:
    seed(f"--today={TODAY}")
    signposted = FirstContact.objects.filter(outcome="signposted")
    assert signposted.exists()
    assert not signposted.filter(follow_up_due=None).exists()
    assert signposted.filter(followed_up_on=None).exists()
    signpostings = Signposting.objects.filter(first_contact=OuterRef("pk"))
    assert not signposted.filter(~Exists(signpostings)).exists()
