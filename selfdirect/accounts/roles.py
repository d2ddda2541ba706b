"""Roles and what each may do: the one permission policy every view and API uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    TEAM_MANAGER = "team_manager", _("Team manager")
    PANEL_MEMBER = "panel_member", _("Resource panel member")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    CARERS_SUPPORT_WORKER = "carers_support_worker", _("Carers' support worker")
    # Staff of an independent information and support organisation (issue 17):
    # they belong to their organisation (`User.organization`) and reach only its
    # own records, never the council's.
    INDEPENDENT_SUPPORT_WORKER = (
        "independent_support_worker",
        _("Independent support worker"),
    )
    INDEPENDENT_MANAGER = (
        "independent_manager",
        _("Independent organisation manager"),
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
    REVIEW_ACCESS = "audit.review", _("review unusual reads and refusals")
    ASK_ACCESS = (
        "people.ask_access",
        _("ask for access to a record another team holds, or open it in an emergency"),
    )
    DECIDE_ACCESS = (
        "people.decide_access",
        _("grant or refuse requests for access to their teams' records"),
    )
    RECORD_CONTACT = "first_contact.record", _("record first contacts")
    # Community directory (issue 5)
    SEARCH_DIRECTORY = "directory.search", _("search the community directory")
    CURATE_DIRECTORY = "directory.curate", _("add and check directory entries")
    SEE_SIGNPOSTING_REPORT = (
        "directory.report",
        _("see how well signposting worked"),
    )
    SEE_OUTCOMES_REPORT = (
        "reviews.report",
        _("see the outcomes report: how reviewed outcomes went"),
    )
    SEE_CARERS_REPORT = (
        "carers.report",
        _("see the carers report: plans, statements, eligibility and breaks"),
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
    # Independent support organisations (issue 17): their own records only
    WORK_WITH_CLIENTS = (
        "independent.clients",
        _("work with their organisation's own clients"),
    )
    MANAGE_ORGANISATION = (
        "independent.manage",
        _("manage their organisation's work and reports"),
    )
    EXPORT_CLIENT = (
        "independent.export",
        _("export everything their organisation holds about a client"),
    )
    # Indicators (issue 15)
    SEE_INDICATORS = "insights.indicators", _("see the SDS indicators dashboard")
    SEE_INDEPENDENT_UPTAKE = (
        "independent.uptake",
        _("see the uptake of independent support (counts only)"),
    )
    # Case file reading (issue 16)
    SEE_FILE_READING = (
        "assurance.see",
        _("see the automatic reading of every case file"),
    )
    RUN_FILE_READING = (
        "assurance.run",
        _(
            "set up case file reading exercises, choose their readers and start "
            "the automatic reading of every case file"
        ),
    )
    READ_CASE_FILES = (
        "assurance.read",
        _("read case files in a reading exercise"),
    )
    SEE_FILE_READING_RESULTS = (
        "assurance.results",
        _("see case file reading results and agreement (counts only)"),
    )
    # Sign-in and accounts (issue 11)
    RESET_SIGN_IN = (
        "accounts.reset",
        _("reset a colleague's password or two-factor sign-in"),
    )


_WRITERS = {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.CARERS_SUPPORT_WORKER}
# Staff of independent support organisations: never a council role.
ORGANISATION_STAFF = frozenset(
    {Role.INDEPENDENT_SUPPORT_WORKER, Role.INDEPENDENT_MANAGER}
)

POLICY: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_PEOPLE: TEAM_SCOPED | PARTNERSHIP_READERS,
    Capability.CHANGE_PEOPLE: frozenset(_WRITERS),
    Capability.ADD_PEOPLE: frozenset(_WRITERS),
    Capability.ALLOCATE: frozenset({Role.TEAM_MANAGER}),
    Capability.MERGE_PEOPLE: frozenset({Role.TEAM_MANAGER}),
    Capability.SEE_AUDIT: frozenset({Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER}),
    Capability.EXPORT_PERSON: frozenset({Role.DATA_PROTECTION_OFFICER}),
    Capability.REVIEW_ACCESS: frozenset({Role.DATA_PROTECTION_OFFICER}),
    Capability.ASK_ACCESS: TEAM_SCOPED,
    Capability.DECIDE_ACCESS: frozenset({Role.TEAM_MANAGER}),
    Capability.RECORD_CONTACT: frozenset(_WRITERS),
    Capability.SEARCH_DIRECTORY: frozenset(Role) - {Role.ADMINISTRATOR},
    Capability.CURATE_DIRECTORY: frozenset(
        {
            Role.TEAM_MANAGER,
            Role.CARERS_SUPPORT_WORKER,
            Role.INDEPENDENT_SUPPORT_WORKER,
            Role.INDEPENDENT_MANAGER,
            Role.ADMINISTRATOR,
        }
    ),
    Capability.SEE_SIGNPOSTING_REPORT: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SEE_OUTCOMES_REPORT: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SEE_CARERS_REPORT: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SET_BUDGET: frozenset(_WRITERS),
    Capability.CONFIGURE_BUDGETS: frozenset({Role.ADMINISTRATOR}),
    # Quality leads and inspectors read the panel's lists and papers (read only:
    # deciding needs DECIDE_PANEL); inspecting how the panel works is their job.
    Capability.SEE_PANEL: frozenset(
        {Role.PANEL_MEMBER, Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.DECIDE_PANEL: frozenset({Role.PANEL_MEMBER}),
    Capability.PLAN_SUPPORT: frozenset(_WRITERS),
    Capability.SEE_FINANCE: frozenset(
        {Role.FINANCE_OFFICER, Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.RECORD_FINANCE: frozenset({Role.FINANCE_OFFICER}),
    Capability.MANAGE_PROVIDERS: frozenset({Role.FINANCE_OFFICER, Role.ADMINISTRATOR}),
    Capability.RESET_SIGN_IN: frozenset({Role.ADMINISTRATOR}),
    Capability.RUN_FILE_READING: frozenset({Role.QUALITY_LEAD}),
    # A practitioner reads for peer audit: only files given to them, never of
    # their own teams' people (assurance/exercises/rules.py).
    Capability.READ_CASE_FILES: frozenset(
        {Role.QUALITY_LEAD, Role.INSPECTOR, Role.PRACTITIONER}
    ),
    Capability.WORK_WITH_CLIENTS: ORGANISATION_STAFF,
    Capability.MANAGE_ORGANISATION: frozenset({Role.INDEPENDENT_MANAGER}),
    Capability.EXPORT_CLIENT: frozenset({Role.INDEPENDENT_MANAGER}),
    Capability.SEE_FILE_READING: frozenset({Role.QUALITY_LEAD, Role.INSPECTOR}),
    Capability.SEE_INDICATORS: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SEE_INDEPENDENT_UPTAKE: frozenset(
        {Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.INSPECTOR}
    ),
    Capability.SEE_FILE_READING_RESULTS: frozenset({Role.QUALITY_LEAD, Role.INSPECTOR}),
}


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that hold a capability (for the 403 page: who to ask)."""
    return POLICY[capability]


# --- Reaching people's records ----------------------------------------------
# Every person-linked record in every app is reached through one chokepoint
# (selfdirect/people/access.py). Two tables say what it allows: whose records each
# role reaches for a purpose (REACH), and what each action needs (NEEDS).


class Purpose(models.TextChoices):
    """Why someone opens a person's records: it decides whose records they reach."""

    # The person's record: the person page, conversations, choices, budgets, plans
    # and the person's own panel papers. Practitioners, team managers and carers'
    # support workers reach the people allocated to their teams; partnership readers
    # (quality leads, inspectors, data protection officers) reach everyone, read only.
    PRACTICE = "practice", _("working with the person")
    # Delivery pages: finance officers reach everyone (not merged records), others
    # only the people they reach in practice.
    FINANCE = "finance", _("option delivery and finance")
    # The panel's own pages: what was submitted to it, never the whole record;
    # quality leads and inspectors read them too, to inspect the panel.
    PANEL = "panel", _("the resource panel")
    # A record's history, access log and subject access export.
    DATA_PROTECTION = "data_protection", _("data protection")
    # A carer's own plan or statement (the carers app): the carers' team reaches the
    # carers allocated to it, partnership readers everyone, read only. A carer's
    # records also reach the cared-for person's team where the carer's consent to
    # share the whole plan is recorded (carers.models.CarerRecordQuerySet).
    CARERS = "carers", _("carers' support")
    # Later purposes. Each reaches nobody (an empty REACH entry, so `visible_to`
    # returns none()) and allows nothing (no NEEDS entry, so access answers 403)
    # until its app writes the rule here, e.g. from a named representative.
    PORTAL = "portal", _("the person's own view")  # the person or their representative
    INDEPENDENT = "independent", _("independent support")  # an organisation's clients
    # Reading a sampled case file in a reading exercise (issue 16): quality leads
    # and inspectors reach every sampled file; a practitioner only the readings
    # given to them, never of their own teams' people (Reach.ASSIGNED_READINGS).
    FILE_READING = "file_reading", _("case file reading")


class Action(models.TextChoices):
    """What someone does with a person's record; the access log keeps `logged_as`."""

    VIEW = "view", _("view")
    CHANGE = "change", _("change")
    RECORD_FINANCE = "record_finance", _("record payments and monitoring returns")
    DECIDE = "decide", _("decide")
    EXPORT = "export", _("export")

    @property
    def logged_as(self) -> str:
        """The access log's word for it: recording finance is a change."""
        return "change" if self is Action.RECORD_FINANCE else str(self.value)


class Reach(models.TextChoices):
    """Whose records a role reaches for a purpose."""

    NOBODY = "nobody"
    TEAMS = "teams"  # people allocated to one of the user's teams today
    EVERYONE = "everyone"  # every record in the partnership, merged ones too
    EVERYONE_CURRENT = "everyone_current"  # every record not merged into another
    ORGANISATION = "organisation"  # the records of the user's own organisation
    # the case file readings given to the user, of people outside their teams
    # (assurance.exercises.models.FileReadingQuerySet); other records: nobody
    ASSIGNED_READINGS = "assigned_readings"
    # The user's own organisation's records, but its clients only where they belong
    # to one of the user's teams in it, or to no team (an organisation without teams
    # is all one team).
    ORGANISATION_TEAMS = "organisation_teams"


_PRACTICE_REACH: dict[str, Reach] = {
    **dict.fromkeys(TEAM_SCOPED, Reach.TEAMS),
    **dict.fromkeys(PARTNERSHIP_READERS, Reach.EVERYONE),
}

# Whose records each role reaches, by purpose; a role not listed reaches nobody.
REACH: dict[Purpose, dict[str, Reach]] = {
    Purpose.PRACTICE: _PRACTICE_REACH,
    Purpose.FINANCE: {
        **_PRACTICE_REACH,
        Role.FINANCE_OFFICER: Reach.EVERYONE_CURRENT,
    },
    Purpose.PANEL: {
        Role.TEAM_MANAGER: Reach.TEAMS,
        Role.PANEL_MEMBER: Reach.EVERYONE,
        # read only, while their access lasts (see access.reach)
        Role.QUALITY_LEAD: Reach.EVERYONE,
        Role.INSPECTOR: Reach.EVERYONE,
    },
    Purpose.DATA_PROTECTION: {
        Role.TEAM_MANAGER: Reach.TEAMS,
        Role.DATA_PROTECTION_OFFICER: Reach.EVERYONE,
    },
    Purpose.PORTAL: {},
    Purpose.CARERS: _PRACTICE_REACH,
    # An independent organisation's own records (clients, their work, the referrals
    # it received with consent): its own staff only. No council role reaches them.
    # A worker reaches the clients of their own teams; the manager all of them.
    Purpose.INDEPENDENT: {
        Role.INDEPENDENT_SUPPORT_WORKER: Reach.ORGANISATION_TEAMS,
        Role.INDEPENDENT_MANAGER: Reach.ORGANISATION,
    },
    Purpose.FILE_READING: {
        Role.QUALITY_LEAD: Reach.EVERYONE,
        Role.INSPECTOR: Reach.EVERYONE,
        Role.PRACTITIONER: Reach.ASSIGNED_READINGS,
    },
}

# Purposes for which a granted request for access, or a break-glass opening, adds
# the person to a team-scoped role's reach while it lasts (`people.AccessRequest`):
# the record and its delivery pages, never the panel's or data protection pages.
GRANTS_REACH: frozenset[Purpose] = frozenset({Purpose.PRACTICE, Purpose.FINANCE})

# What each action needs, by purpose: steps checked in order, each met by any one of
# its capabilities. A refusal (403) names the first capability of the failed step,
# so the page says who to ask. A pair not listed is refused.
NEEDS: dict[tuple[Purpose, Action], tuple[tuple[Capability, ...], ...]] = {
    (Purpose.PRACTICE, Action.VIEW): ((Capability.VIEW_PEOPLE,),),
    (Purpose.PRACTICE, Action.CHANGE): (
        (Capability.VIEW_PEOPLE,),
        (Capability.CHANGE_PEOPLE,),
    ),
    (Purpose.FINANCE, Action.VIEW): ((Capability.SEE_FINANCE, Capability.VIEW_PEOPLE),),
    (Purpose.FINANCE, Action.CHANGE): (
        (Capability.PLAN_SUPPORT, Capability.RECORD_FINANCE),
    ),
    (Purpose.FINANCE, Action.RECORD_FINANCE): ((Capability.RECORD_FINANCE,),),
    # Deciding a request for access to one of the manager's teams' people.
    (Purpose.PRACTICE, Action.DECIDE): (
        (Capability.VIEW_PEOPLE,),
        (Capability.DECIDE_ACCESS,),
    ),
    (Purpose.CARERS, Action.VIEW): ((Capability.VIEW_PEOPLE,),),
    (Purpose.CARERS, Action.CHANGE): (
        (Capability.VIEW_PEOPLE,),
        (Capability.CHANGE_PEOPLE,),
    ),
    (Purpose.PANEL, Action.VIEW): ((Capability.SEE_PANEL,),),
    (Purpose.PANEL, Action.DECIDE): (
        (Capability.SEE_PANEL,),
        (Capability.DECIDE_PANEL,),
    ),
    (Purpose.DATA_PROTECTION, Action.VIEW): ((Capability.SEE_AUDIT,),),
    (Purpose.DATA_PROTECTION, Action.EXPORT): ((Capability.EXPORT_PERSON,),),
    # An independent organisation's own records (issue 17).
    (Purpose.INDEPENDENT, Action.VIEW): ((Capability.WORK_WITH_CLIENTS,),),
    (Purpose.INDEPENDENT, Action.CHANGE): ((Capability.WORK_WITH_CLIENTS,),),
    (Purpose.INDEPENDENT, Action.DECIDE): ((Capability.MANAGE_ORGANISATION,),),
    (Purpose.INDEPENDENT, Action.EXPORT): ((Capability.EXPORT_CLIENT,),),
    # Case file reading (issue 16): reading a sampled file, and saving the reading.
    (Purpose.FILE_READING, Action.VIEW): ((Capability.READ_CASE_FILES,),),
    (Purpose.FILE_READING, Action.CHANGE): ((Capability.READ_CASE_FILES,),),
    # Reviewing an emergency (break-glass) opening of a record.
    (Purpose.DATA_PROTECTION, Action.DECIDE): ((Capability.REVIEW_ACCESS,),),
}


# --- Two-factor sign-in ------------------------------------------------------
# Roles that must sign in with a code from an authenticator app as well as a
# password: administrators (who manage accounts), data protection officers, and
# every role that reaches the whole partnership's records for some purpose
# (quality leads, inspectors, finance officers, panel members). Everyone else may
# choose it, unless the OTP_REQUIRED_FOR_ALL setting requires it of all.
TWO_FACTOR_REQUIRED: frozenset[Role] = frozenset(
    {Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER}
    | {
        Role(role)
        for reach in REACH.values()
        for role, how in reach.items()
        if how in {Reach.EVERYONE, Reach.EVERYONE_CURRENT}
    }
)
