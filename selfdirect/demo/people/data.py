"""Word lists and weights for the fictional Clydeview demo partnership.

Everything here is invented. Places are fictional, postcodes only look like those
around the Clyde, and phone numbers come from Ofcom's ranges kept for drama
(0141 496 0xxx and 07700 900xxx), so no real person or number can be matched.
"""

import json
from pathlib import Path

# Names (first names by birth decade band, their usual short forms, surnames with
# rough weights) are data: names.json beside this file.
_NAMES = json.loads(
    (Path(__file__).with_name("names.json")).read_text(encoding="utf-8")
)

PARTNERSHIP_NAME = "Clydeview Health and Social Care Partnership"
PARTNERSHIP_CODE = "CLY"
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (published demo logins)
# Demo users whose role requires two-factor sign-in (accounts.roles.
# TWO_FACTOR_REQUIRED) share this published authenticator key: add it to an
# authenticator app, or print the current code with `scripts/demo_code.py`.
DEMO_TOTP_KEY = "CLYDEVIEWDEMOKEYCLYDEVIEWDEMOKEY"  # noqa: S105 (base32, published)
CARERS_TEAM = "Clydeview Carers' Team"  # partnership-wide, based in the first locality

# Age at --today, as (youngest, oldest, weight). Weighted to older adults, with
# some 16-17 year olds moving from children's to adult services.
AGE_BANDS = [
    (16, 17, 3),
    (18, 39, 9),
    (40, 64, 18),
    (65, 74, 17),
    (75, 84, 29),
    (85, 94, 20),
    (95, 103, 4),
]

# Service groups (codes from data/service_groups.json) with weights by age.
# Source: the order follows the client groups PHS publishes for SDS ("Insights in
# social care", client group = rate per 1,000 SDS clients; see
# shared/reference/national-data.md 1.4-1.5): elderly/frail and physical and
# sensory disability largest, then dementia, learning disability and mental
# health, then the rest. The numbers themselves are illustrative, not the
# published rates, which are not in our store.
SERVICE_GROUP_WEIGHTS = {
    "young": {  # 16-17
        "children_in_transition": 60,
        "learning_disability": 30,
        "autism": 20,
        "physical_sensory_disability": 15,
        "mental_health": 5,
    },
    "adult": {  # 18-64
        "physical_sensory_disability": 30,
        "learning_disability": 22,
        "mental_health": 20,
        "neurological": 7,
        "autism": 5,
        "drugs": 4,
        "alcohol": 5,
        "palliative_care": 2,
        "dementia": 1,
        "other": 4,
    },
    "older": {  # 65+
        "elderly_frail": 50,
        "physical_sensory_disability": 25,
        "dementia": 20,
        "mental_health": 3,
        "neurological": 3,
        "palliative_care": 3,
        "learning_disability": 1,
        "alcohol": 1,
        "other": 1,
    },
}
SECOND_SERVICE_GROUP_SHARE = 0.35
CARER_SERVICE_GROUP = "other"

# Team kind most likely to hold a person, by their first service group.
SPECIALIST_GROUPS = {
    "learning_disability",
    "mental_health",
    "autism",
    "children_in_transition",
    "drugs",
    "alcohol",
}
OLDER_PEOPLE_GROUPS = {"elderly_frail", "dementia"}

# Names by birth decade band: (born before, female names, male names).
FIRST_NAMES = [(born, f, m) for born, f, m in _NAMES["first_names"]]
NICKNAMES: dict[str, list[str]] = _NAMES["nicknames"]
PREFERRED_NAME_SHARE = 0.3  # of people whose first name has a usual short form

# Surnames with rough weights: common Scottish names, both Mac and Mc spellings,
# and Irish-Scots names common on Clydeside.
SURNAMES: dict[str, int] = _NAMES["surnames"]

# Preferred language (weights) and names drawn for speakers of each language.
LANGUAGES = {
    "English": 930,
    "Polish": 22,
    "Urdu": 12,
    "Punjabi": 5,
    "Gaelic": 8,
    "British Sign Language": 10,
    "Arabic": 9,
    "Cantonese": 4,
}
LANGUAGE_NAMES = {
    "Polish": (
        ["Katarzyna", "Agnieszka", "Małgorzata", "Anna", "Ewa", "Zofia"],
        ["Piotr", "Tomasz", "Krzysztof", "Marek", "Andrzej", "Paweł"],
        ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"],
    ),
    "Urdu": (
        ["Nasreen", "Farhana", "Shabana", "Rukhsana", "Ayesha"],
        ["Mohammed", "Imran", "Tariq", "Asif", "Zahid"],
        ["Khan", "Ahmed", "Hussain", "Iqbal", "Bashir", "Rashid"],
    ),
    "Punjabi": (
        ["Harpreet", "Gurpreet", "Manjit", "Jaspal"],
        ["Gurdeep", "Harjit", "Balvinder", "Sukhdev"],
        ["Singh", "Kaur", "Sandhu", "Gill"],
    ),
    "Gaelic": (
        ["Mòrag", "Catrìona", "Peigi", "Seonag"],
        ["Seumas", "Iain", "Ruairidh", "Dòmhnall"],
        ["MacLeod", "MacDonald", "Morrison", "MacNeil", "MacInnes"],
    ),
    "Arabic": (
        ["Fatima", "Layla", "Maryam", "Huda"],
        ["Ahmad", "Omar", "Khalid", "Yusuf"],
        ["Al-Hassan", "Haddad", "Mansour", "Saleh"],
    ),
    "Cantonese": (
        ["Mei Ling", "Siu Wai", "Wing Yee"],
        ["Ka Ming", "Chi Keung", "Wai Man"],
        ["Wong", "Chan", "Leung", "Cheung"],
    ),
}
COMMUNICATION_NEEDS_SHARE = 0.035  # on top of everyone whose language needs it
COMMUNICATION_NEEDS = [
    "Hard of hearing: please face me and speak clearly.",
    "Large print letters, please.",
    "Easy Read information helps me understand.",
    "Speech affected by a stroke: give me time to answer.",
    "Registered blind: please phone rather than write.",
    "Prefers a phone call to letters; does not use email.",
    "Uses a communication book; my sister can help explain it.",
    "Please speak to me, not to my carer.",
    "Gets anxious on the phone: texts are better.",
]
INTERPRETER_NEED = "Needs a {language} interpreter for meetings."
BSL_NEED = "Uses BSL: book a registered BSL/English interpreter."

CONSENT_WEIGHTS = {"given": 85, "not_asked": 10, "refused": 5}
CLOSED_SHARE = 0.08
CHI_SHARE = 0.85
ALLOCATED_WORKER_SHARE = 0.8
EARLIER_ALLOCATION_SHARE = 0.1
EXTRA_PRACTITIONERS_PER_TEAM = 4

# Relationships.
UNPAID_CARER_SHARE = 0.3
CARER_IN_SYSTEM_SHARE = 0.25  # of unpaid carers: carers with their own record
CARER_DESCRIPTIONS = {
    # By the cared-for person's age: (how related, sex, carer's age minus theirs,
    # lives with them, weight).
    "older": [
        ("Wife", "F", (-6, 4), True, 20),
        ("Husband", "M", (-4, 6), True, 15),
        ("Daughter", "F", (-40, -22), False, 30),
        ("Son", "M", (-40, -22), False, 20),
        ("Niece", "F", (-45, -25), False, 5),
        ("Neighbour", "", (-20, 10), False, 5),
        ("Grandson", "M", (-60, -45), False, 5),
    ],
    "adult": [
        ("Mother", "F", (20, 35), True, 30),
        ("Father", "M", (20, 38), True, 10),
        ("Partner", "", (-6, 6), True, 25),
        ("Sister", "F", (-8, 8), False, 15),
        ("Brother", "M", (-8, 8), False, 10),
        ("Friend", "", (-10, 10), False, 10),
    ],
    "young": [
        ("Mother", "F", (20, 40), True, 60),
        ("Father", "M", (22, 45), True, 30),
        ("Gran", "F", (45, 60), False, 10),
    ],
}
OTHER_RELATIONSHIPS = [
    # (kind, description, share of people)
    ("welfare_attorney", "Holds welfare power of attorney", 0.05),
    ("family", "Son, lives in England", 0.06),
    ("friend", "Neighbour who keeps a key", 0.04),
    ("advocate", "Independent advocate, Clydeview Advocacy", 0.02),
]
GUARDIAN_SHARE_LD = 0.1  # welfare guardians for adults with a learning disability

# Demo staff. Every demo user signs in with DEMO_PASSWORD.
STAFF_FIRST_NAMES = [
    "Aileen",
    "Ewan",
    "Shona",
    "Kirsten",
    "Mhairi",
    "Gregor",
    "Niamh",
    "Calum",
    "Roisin",
    "Hamish",
    "Ailsa",
    "Finlay",
    "Isla",
    "Murdo",
    "Catriona",
    "Alasdair",
    "Joanne",
    "Declan",
    "Lynsey",
    "Neil",
    "Zara",
    "Amir",
    "Priya",
    "Tomasz",
]
STAFF_SURNAMES = [
    "MacRae",
    "Baird",
    "Lindsay",
    "Ogilvie",
    "Munro",
    "Drummond",
    "Kennedy",
    "Rennie",
    "Forsyth",
    "Galloway",
    "Crawford",
    "Shaw",
    "Napier",
    "Urquhart",
    "Moir",
    "Baxter",
    "Hendry",
    "Ritchie",
    "Aitken",
    "Malik",
]

# (username, role, first name, last name, job title, team). The inspector's access
# ends 90 days after seeding; the administrator is also a Django superuser.
DEMO_USERS = [
    (
        "practitioner",
        "practitioner",
        "Aileen",
        "Baird",
        "Social worker",
        "Clydeview North Social Work",
    ),
    (
        "practitioner.b",
        "practitioner",
        "Gregor",
        "Munro",
        "Social worker",
        "Levenford Social Work",
    ),
    (
        "manager",
        "team_manager",
        "Shona",
        "Drummond",
        "Team manager",
        "Clydeview North Social Work",
    ),
    ("panel", "panel_member", "Hamish", "Ogilvie", "Resource panel chair", None),
    ("finance", "finance_officer", "Priya", "Malik", "Finance officer", None),
    (
        "carers",
        "carers_support_worker",
        "Niamh",
        "Kennedy",
        "Carers' support worker",
        CARERS_TEAM,
    ),
    (
        "independent",
        "independent_support_worker",
        "Calum",
        "Rennie",
        "Independent support worker, SDS Forum Clydeview",
        None,
    ),
    (
        "independent.manager",
        "independent_manager",
        "Ross",
        "Kerr",
        "Manager, SDS Forum Clydeview",
        None,
    ),
    (
        "quality",
        "quality_lead",
        "Kirsten",
        "Forsyth",
        "Quality and performance lead",
        None,
    ),
    ("inspector", "inspector", "Alasdair", "Urquhart", "Inspector", None),
    (
        "dpo",
        "data_protection_officer",
        "Joanne",
        "Napier",
        "Data protection officer",
        None,
    ),
    ("admin", "administrator", "Murdo", "Shaw", "System administrator", None),
]
INSPECTOR_ACCESS_DAYS = 90
# Seeded staff have addresses here, which is how --reset finds them again.
DEMO_EMAIL_DOMAIN = "demo.clydeview.example"
