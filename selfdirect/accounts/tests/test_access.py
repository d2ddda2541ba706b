"""The access tables in roles.py agree with each other and refuse by default."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from selfdirect.accounts.access import may, reach, require_action
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import (
    NEEDS,
    REACH,
    Action,
    Capability,
    Purpose,
    Reach,
    Role,
)

LATER = (Purpose.PORTAL,)


def _user(role: Role) -> User:
    """An unsaved user with current access in this role."""
    expires = datetime.date.today() + datetime.timedelta(days=1)  # noqa: DTZ011
    return User(role=role, access_expires_on=expires)


def test_each_purpose_reaches_exactly_the_roles_that_may_view_for_it() -> None:
    for purpose in set(Purpose) - set(LATER):
        viewers = {role for role in Role if may(_user(role), purpose, Action.VIEW)}
        assert set(REACH[purpose]) == viewers, purpose


def test_no_role_may_act_for_a_purpose_that_reaches_no_one_for_it() -> None:
    for purpose, action in NEEDS:
        for role in Role:
            if may(_user(role), purpose, action):
                assert reach(_user(role), purpose) != Reach.NOBODY, (purpose, action)


def test_later_purposes_reach_no_one_and_allow_nothing() -> None:
    for purpose in LATER:
        for role in Role:
            assert reach(_user(role), purpose) == Reach.NOBODY
            assert not any(may(_user(role), purpose, action) for action in Action)


@pytest.mark.parametrize(
    ("role", "purpose", "action", "named"),
    [
        (Role.FINANCE_OFFICER, Purpose.PRACTICE, Action.CHANGE, Capability.VIEW_PEOPLE),
        (Role.QUALITY_LEAD, Purpose.PRACTICE, Action.CHANGE, Capability.CHANGE_PEOPLE),
        (Role.PANEL_MEMBER, Purpose.FINANCE, Action.CHANGE, Capability.PLAN_SUPPORT),
        (
            Role.PRACTITIONER,
            Purpose.FINANCE,
            Action.RECORD_FINANCE,
            Capability.RECORD_FINANCE,
        ),
        (Role.PRACTITIONER, Purpose.PANEL, Action.DECIDE, Capability.SEE_PANEL),
        (Role.TEAM_MANAGER, Purpose.PANEL, Action.DECIDE, Capability.DECIDE_PANEL),
        (
            Role.TEAM_MANAGER,
            Purpose.DATA_PROTECTION,
            Action.EXPORT,
            Capability.EXPORT_PERSON,
        ),
    ],
)
def test_a_refusal_names_what_the_role_lacks(
    role: Role, purpose: Purpose, action: Action, named: Capability
) -> None:
    with pytest.raises(PermissionDenied) as refused:
        require_action(_user(role), purpose, action)
    assert refused.value.args == (named,)


def test_an_action_not_in_the_table_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        require_action(
            _user(Role.DATA_PROTECTION_OFFICER), Purpose.PANEL, Action.EXPORT
        )


def test_expired_access_reaches_no_one() -> None:
    inspector = User(role=Role.INSPECTOR, access_expires_on=datetime.date(2020, 1, 1))
    assert reach(inspector, Purpose.PRACTICE) == Reach.NOBODY
    assert reach(_user(Role.INSPECTOR), Purpose.PRACTICE) == Reach.EVERYONE


def test_the_access_log_keeps_the_words_the_audit_pages_show() -> None:
    assert {action.logged_as for action in Action} == {
        "view",
        "change",
        "decide",
        "export",
    }
    assert Action.RECORD_FINANCE.logged_as == "change"


def test_only_organisation_staff_reach_organisation_records() -> None:
    """No council role reaches an independent organisation's records (issue 17)."""
    for role in Role:
        expected = {
            Role.INDEPENDENT_SUPPORT_WORKER: Reach.ORGANISATION_TEAMS,
            Role.INDEPENDENT_MANAGER: Reach.ORGANISATION,
        }.get(role, Reach.NOBODY)
        staff = expected != Reach.NOBODY
        assert reach(_user(role), Purpose.INDEPENDENT) == expected, role
        assert may(_user(role), Purpose.INDEPENDENT, Action.VIEW) == staff, role


def test_organisation_staff_reach_no_council_record() -> None:
    for role in (Role.INDEPENDENT_SUPPORT_WORKER, Role.INDEPENDENT_MANAGER):
        for purpose in set(Purpose) - {Purpose.INDEPENDENT}:
            assert reach(_user(role), purpose) == Reach.NOBODY, (role, purpose)
