"""Roles and what each may do: the one permission policy every view and API uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    TEAM_MANAGER = "team_manager", _("Team manager")
    PANEL_MEMBER = "panel_member", _("Resource panel member")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    CARERS_SUPPORT_WORKER = "carers_support_worker", _("Carers' support worker")
    INDEPENDENT_SUPPORT_WORKER = (
        "independent_support_worker",
        _("Independent support worker"),
    )
    QUALITY_LEAD = "quality_lead", _("Quality and performance lead")
    INSPECTOR = "inspector", _("Inspector")
    DATA_PROTECTION_OFFICER = "data_protection_officer", _("Data protection officer")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles whose people are those allocated to their own teams.
TEAM_SCOPED = frozenset(
    {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.CARERS_SUPPORT_WORKER}
)
# Roles that read every person's record in the partnership but change nothing.
PARTNERSHIP_READERS = frozenset(
    {Role.QUALITY_LEAD, Role.INSPECTOR, Role.DATA_PROTECTION_OFFICER}
)


class Capability(models.TextChoices):
    VIEW_PEOPLE = "people.view", _("see people's records")
    CHANGE_PEOPLE = "people.change", _("change people's records")
    ADD_PEOPLE = "people.add", _("add a person")
    ALLOCATE = "people.allocate", _("allocate people to teams and workers")
    MERGE_PEOPLE = "people.merge", _("merge duplicate records")
    SEE_AUDIT = "people.audit", _("see a record's history and access log")
    EXPORT_PERSON = "people.export", _("export everything held about a person")
    RECORD_CONTACT = "first_contact.record", _("record first contacts")
    # Community directory (issue 5)
    SEARCH_DIRECTORY = "directory.search", _("search the community directory")
    CURATE_DIRECTORY = "directory.curate", _("add and check directory entries")
    SEE_SIGNPOSTING_REPORT = (
        "directory.report",
        _("see how well signposting worked"),
    )
    # Budgets, panel, plans and delivery (issue 6)
    SET_BUDGET = "budgets.set", _("work out indicative budgets")
    CONFIGURE_BUDGETS = "budgets.configure", _("set budget methods and limits")
    SEE_PANEL = "panel.view", _("see what is submitted to the resource panel")
    DECIDE_PANEL = "panel.decide", _("record resource panel decisions")
    PLAN_SUPPORT = "plans.change", _("write and agree support plans")
    SEE_FINANCE = "finance.view", _("see finance and option delivery records")
    RECORD_FINANCE = "finance.record", _("record payments and monitoring returns")
    MANAGE_PROVIDERS = "providers.manage", _("keep the providers register")


_WRITERS = {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.CARERS_SUPPORT_WORKER}

POLICY: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_PEOPLE: TEAM_SCOPED | PARTNERSHIP_READERS,
    Capability.CHANGE_PEOPLE: frozenset(_WRITERS),
    Capability.ADD_PEOPLE: frozenset(_WRITERS),
    Capability.ALLOCATE: frozenset({Role.TEAM_MANAGER}),
    Capability.MERGE_PEOPLE: frozenset({Role.TEAM_MANAGER}),
    Capability.SEE_AUDIT: frozenset({Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER}),
    Capability.EXPORT_PERSON: frozenset({Role.DATA_PROTECTION_OFFICER}),
    Capability.RECORD_CONTACT: frozenset(_WRITERS),
    Capability.SEARCH_DIRECTORY: frozenset(Role) - {Role.ADMINISTRATOR},
    Capability.CURATE_DIRECTORY: frozenset(
        {
            Role.TEAM_MANAGER,
            Role.CARERS_SUPPORT_WORKER,
            Role.INDEPENDENT_SUPPORT_WORKER,
            Role.ADMINISTRATOR,
        }
    ),
    Capability.SEE_SIGNPOSTING_REPORT: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SET_BUDGET: frozenset(_WRITERS),
    Capability.CONFIGURE_BUDGETS: frozenset({Role.ADMINISTRATOR}),
    Capability.SEE_PANEL: frozenset({Role.PANEL_MEMBER, Role.TEAM_MANAGER}),
    Capability.DECIDE_PANEL: frozenset({Role.PANEL_MEMBER}),
    Capability.PLAN_SUPPORT: frozenset(_WRITERS),
    Capability.SEE_FINANCE: frozenset(
        {Role.FINANCE_OFFICER, Role.TEAM_MANAGER, Role.QUALITY_LEAD}
    ),
    Capability.RECORD_FINANCE: frozenset({Role.FINANCE_OFFICER}),
    Capability.MANAGE_PROVIDERS: frozenset({Role.FINANCE_OFFICER, Role.ADMINISTRATOR}),
}


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that hold a capability (for the 403 page: who to ask)."""
    return POLICY[capability]
