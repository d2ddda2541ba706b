"""Words for the demo independent support organisations (seed 000: their clients,
strategic engagement, influence and client voice). Fictional."""

from typing import Any

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "name": "SDS Forum Clydeview",
        "referred_as": "SDS Forum Clydeview",
        "description": "Self-directed support information and advice centre, with "
        "support for people who employ personal assistants.",
        # The demo users "independent" and "independent.manager" (people/data.py).
        "worker": ("independent", "Calum", "Rennie"),
        "manager": ("independent.manager", "Ross", "Kerr"),
    },
    {
        "name": "Clydeview Advocacy Project",
        "referred_as": "Clydeview Advocacy Project",
        "description": "Independent advocacy for adults in Clydeview.",
        "worker": ("advocacy.worker", "Fraser", "Docherty"),
        "manager": ("advocacy.manager", "Morven", "Paterson"),
        # Two teams, each seeing only its own clients; the manager sees both.
        "more_workers": [("advocacy.appeals", "Iona", "Baird")],
        "teams": [
            ("Adult advocacy", ["advocacy.worker"]),
            ("Appeals and complaints", ["advocacy.appeals"]),
        ],
    },
    {
        "name": "Levenford Carers' Centre",
        "referred_as": "Levenford Carers' Centre",
        "description": "Information, advice and peer support for unpaid carers.",
        "worker": ("carers.worker", "Gillian", "Reid"),
        "manager": ("carers.manager", "Kenny", "Sutherland"),
    },
]

# A note for each referral state (waiting, declined, accepted, supporting, closed,
# consent withdrawn).
NOTES = [
    "",
    "We have no advocate free this month; the person was told of another service.",
    "Accepted. We will call the person this week.",
    "We have met twice and are going through the options together.",
    "Support finished. The person knows to come back to us.",
    "We have met twice and are going through the options together.",
]

GROUPS = [
    ("awareness", "What is self-directed support? Open session"),
    ("training", "Being a good employer: recruiting a PA"),
    ("peer_group", "PA employers' peer group"),
    ("drop_in", "Monday drop-in"),
    ("peer_group", "Carers' café"),
]

# (days ago, fields): good practice, and the seed's problems (not invited; learned
# of afterwards; no capacity to attend).
ENGAGEMENT: list[tuple[int, dict[str, Any]]] = [
    (
        330,
        {
            "meeting": "SDS implementation group",
            "kind": "working_group",
            "invitation": "invited",
            "attended": True,
            "topics": "Progress on the SDS action plan; waiting times for assessment",
            "contribution": "Shared what clients tell us about waiting for assessment.",
        },
    ),
    (
        270,
        {
            "meeting": "Monthly catch-up with the commissioning manager",
            "kind": "informal",
            "invitation": "invited",
            "attended": True,
            "topics": "Option 1 letters; PA rates",
            "contribution": "Raised the tone of the letter sent to people on Option 1.",
        },
    ),
    (
        200,
        {
            "meeting": "Day services redesign working group",
            "kind": "working_group",
            "invitation": "not_invited",
            "attended": False,
            "not_attended_reason": "not_invited",
            "topics": "Redesign of day services for young adults",
            "contribution": "",
        },
    ),
    (
        150,
        {
            "meeting": "Strategic planning group",
            "kind": "strategic",
            "invitation": "through_others",
            "attended": True,
            "topics": "Strategic plan 2026 to 2029",
            "contribution": "Attended at the invitation of the third sector interface.",
        },
    ),
    (
        90,
        {
            "meeting": "Consultation on charging policy",
            "kind": "consultation",
            "invitation": "invited",
            "attended": False,
            "not_attended_reason": "no_capacity",
            "topics": "Non-residential charging",
            "contribution": "",
        },
    ),
    (
        40,
        {
            "meeting": "Integration joint board development session",
            "kind": "board",
            "invitation": "not_invited",
            "attended": False,
            "not_attended_reason": "not_invited",
            "topics": "SDS implementation review",
            "contribution": "",
        },
    ),
]

INFLUENCE: list[tuple[int, dict[str, Any]]] = [
    (
        300,
        {
            "change_sought": "Redevelop the assessment form so it asks about outcomes",
            "level": "local",
            "action_taken": "Gathered clients' views and met the service manager twice.",
            "result": "partly",
            "result_note": "The new form has an outcomes section; the old questions stay.",
        },
    ),
    (
        180,
        {
            "change_sought": "Withdraw the letter sent to people on Option 1",
            "level": "local",
            "action_taken": "Wrote to the head of service with Self-Directed Support "
            "Scotland; met the team that drafted it.",
            "result": "adopted",
            "result_note": "We are invited to help draft the new Option 1 guidance.",
        },
    ),
    (
        60,
        {
            "change_sought": "Quicker access to equipment",
            "level": "local",
            "action_taken": "Brought three clients' experiences to the commissioning "
            "manager.",
            "result": "pending",
            "result_note": "",
        },
    ),
]

VOICE: list[tuple[int, dict[str, Any]]] = [
    (
        250,
        {
            "kind": "representation",
            "people": 14,
            "story": "The peer group met the chief officer and described waiting for "
            "a review.",
            "story_consent": True,
        },
    ),
    (
        120,
        {
            "kind": "elected_members",
            "people": 6,
            "story": "",
            "story_consent": False,
        },
    ),
    (
        30,
        {
            "kind": "board",
            "people": 1,
            "story": "A former client now sits on the integration joint board as a "
            "service user member.",
            "story_consent": True,
        },
    ),
]

# Stories of a client's outcome, told with the client's agreement (the demo's
# managers choose some as case studies for the funder's report).
OUTCOME_STORIES = [
    "After two visits they understood all four options and chose a direct payment.",
    "We went with them to the review; the decision to cut their budget was changed.",
    "They now employ two personal assistants and run the payroll themselves.",
]
