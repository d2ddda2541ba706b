"""Word lists and weights for the fictional Clydeview demo partnership.

Everything here is invented. Places are fictional, postcodes only look like those
around the Clyde, and phone numbers come from Ofcom's ranges kept for drama
(0141 496 0xxx and 07700 900xxx), so no real person or number can be matched.
"""

import json
from pathlib import Path
from typing import Any

# Names (first names by birth decade band, their usual short forms, surnames with
# rough weights) are data: names.json beside this file.
_NAMES = json.loads(
    (Path(__file__).with_name("names.json")).read_text(encoding="utf-8")
)

PARTNERSHIP_NAME = "Clydeview Health and Social Care Partnership"
PARTNERSHIP_CODE = "CLY"
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (published demo logins)

# Each locality: its postcode district, its towns and streets, and its teams.
# Team kinds steer allocation: older people, a specialist team, or adult social work.
LOCALITIES: list[dict[str, Any]] = [
    {
        "name": "Clydeview and Whinhill",
        "district": "G81",
        "towns": ["Clydeview", "Whinhill"],
        "streets": [
            "Kilbrannan Road",
            "Whinhill Crescent",
            "Shipyard Lane",
            "Titan Street",
            "Riverside Gardens",
            "Auchentorlie Drive",
            "Braeside Avenue",
            "Crane View",
            "Slipway Court",
            "Mossgiel Place",
            "Ferry Road",
            "Harbour Wynd",
        ],
        "teams": [
            ("Clydeview North Social Work", "adults"),
            ("Clydeview South Social Work", "adults"),
            ("Clydeview and Whinhill Older People's Team", "older_people"),
        ],
    },
    {
        "name": "Levenford and Dunbrack",
        "district": "G82",
        "towns": ["Levenford", "Dunbrack"],
        "streets": [
            "Leven Walk",
            "Castlehill Road",
            "Mill Brae",
            "Bleachfield Street",
            "Kirkland Avenue",
            "Cronin Court",
            "Rock View",
            "Dyer's Lane",
            "Glenpark Terrace",
            "Strathleven Drive",
        ],
        "teams": [
            ("Levenford Social Work", "adults"),
            ("Levenford and Dunbrack Older People's Team", "older_people"),
            ("Levenford Community Learning Disability Team", "specialist"),
        ],
    },
    {
        "name": "Lochside and Arden",
        "district": "G83",
        "towns": ["Arden Shore", "Glenmorran", "Lochside"],
        "streets": [
            "Loch Road",
            "Pier Street",
            "Birchwood Drive",
            "Heather Bank",
            "Ben View",
            "Marina Crescent",
            "Rowan Place",
            "Old Toll Road",
            "Glenmorran Terrace",
        ],
        "teams": [
            ("Lochside and Arden Social Work", "adults"),
            ("Lochside Older People's Team", "older_people"),
            ("Lochside Community Mental Health Team", "specialist"),
        ],
    },
    {
        "name": "Carrick Braes",
        "district": "G60",
        "towns": ["Bowhill", "Glenkirk", "Carrick"],
        "streets": [
            "Carrick Brae",
            "Canal Bank",
            "Bowhill Road",
            "Glenkirk Main Street",
            "Roman Way",
            "Lock Keeper's Row",
            "Saltings Road",
            "Station Brae",
        ],
        "teams": [
            ("Carrick Braes Social Work", "adults"),
            ("Carrick Braes Older People's Team", "older_people"),
            ("Carrick Braes Transitions and Disability Team", "specialist"),
        ],
    },
]
CARERS_TEAM = "Clydeview Carers' Team"  # partnership-wide, based in the first locality

# Letters allowed in the inward part of a UK postcode (no C, I, K, M, O or V).
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

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

# First contacts.
FIRST_CONTACT_SHARE = 0.7
SECOND_CONTACT_SHARE = 0.12
MADE_BY_WEIGHTS = {
    "self": 25,
    "family": 30,
    "gp": 12,
    "hospital": 15,
    "other_professional": 8,
    "third_sector": 6,
    "other": 4,
}
MADE_BY_NAMES = {
    "gp": [
        "Dr Anwar, Clydeview Health Centre",
        "Dr Reilly, Levenford Medical Practice",
        "Dr Baird, Lochside Surgery",
        "Dr Nolan, Bowhill Group Practice",
    ],
    "hospital": [
        "Ward 4 discharge team, Clydeview General Hospital",
        "Hospital social work, Clydeview General Hospital",
        "Stroke unit, Levenford Infirmary",
    ],
    "other_professional": [
        "District nurse",
        "Community occupational therapist",
        "Housing officer",
        "Community psychiatric nurse",
        "Police Scotland concern report",
    ],
    "third_sector": [
        "Clydeview Carers' Centre",
        "Riverside Befriending Service",
        "Levenford Citizens Advice",
        "Lochside Dementia Café",
    ],
    "other": ["Pharmacist", "Church elder", "Warden, sheltered housing"],
}
REASONS = {
    "older": [
        "I'm struggling with the stairs since my fall.",
        "I can't manage the shopping any more and I don't like to keep asking.",
        "I'm not coping since {partner} died.",
        "My legs are bad and I can't get in and out of the bath.",
        "I get muddled with my tablets.",
        "I want to get home from the hospital but I'm worried about managing.",
        "I'm lonely. I don't see anybody from one week to the next.",
        "I've had two falls this month and I'm frightened of another.",
    ],
    "adult": [
        "I want to get back to work after my accident.",
        "I've been feeling really low and not going out.",
        "I need help getting washed and dressed since my MS got worse.",
        "I want to live on my own but need some help with it.",
        "I'm drinking too much and I want to sort myself out.",
        "I can't get out of the house in my wheelchair.",
        "I'm losing my sight and can't read my letters.",
    ],
    "young": [
        "I'm leaving school next year and want to go to college.",
        "I want to do things on my own, not always with my mum.",
        "I want to find a job and have my own money.",
    ],
    "family": [
        "My mum needs more help at home.",
        "Dad's memory is getting worse and he left the cooker on again.",
        "My brother has a learning disability and our mum can't look after him now.",
        "I'm caring for my husband and I'm exhausted.",
        "My gran won't eat properly since she came out of hospital.",
        "My son is turning 18 and we don't know what happens next.",
    ],
    "carer": [
        "I'm caring for my husband and I'm exhausted.",
        "I look after my mum and I need a break now and again.",
        "I've not had a full night's sleep in weeks; I'm caring for my dad.",
        "I want to keep my job but I'm caring for my son.",
        "I'm worried about what happens to my wife if I'm taken ill.",
    ],
    "professional": [
        "Ready for discharge; in her words: 'I just want to get home to my cat.'",
        "Frequent falls at home; he says: 'I don't want to go into a home.'",
        "Struggling with personal care; she says: 'I used to manage fine.'",
        "Low mood after bereavement; he says: 'I've nobody now.'",
        "Carer breakdown; daughter says: 'I can't keep doing this on my own.'",
    ],
}
PARTNERS = ["Jim", "Bill", "Jean", "Tam", "Isa", "my wife", "my husband"]
WHAT_MATTERS = [
    "Staying in my own home.",
    "Seeing my grandchildren.",
    "Getting to church on a Sunday.",
    "Getting out to the shops on my own.",
    "Keeping my dog.",
    "Going to the football with my son.",
    "Getting back to the bowling club.",
    "Not being a burden on my family.",
    "Having my own money and choosing what to do with it.",
    "Going to college.",
    "Feeling safe at night.",
    "Keeping up my garden.",
    "Having the same carers so I know who is coming.",
    "Being able to have a bath again.",
]
SDS_DISCUSSED_SHARE = 0.55
SDS_NOT_DISCUSSED_REASONS = [
    "Urgent hospital discharge, to discuss at assessment.",
    "Person was too unwell to talk about options today.",
    "Information only; no support needed at this time.",
    "Interpreter not available; to discuss at assessment.",
    "Call from a professional; options to be discussed with the person directly.",
    "Person in crisis; safety first, options at the next visit.",
]
OUTCOME_WEIGHTS = {
    "information": 20,
    "signposted": 30,
    "assessment": 35,
    "carer_support": 7,
    "no_further_action": 8,
}
COMMUNITY_SUPPORTS = [
    "Clydeview Lunch Club",
    "Whinhill Walking Group",
    "Clydeview Carers' Centre",
    "Riverside Befriending Service",
    "Clydeview Community Transport",
    "Levenford Citizens Advice (money advice line)",
    "Men's Shed, Dunbrack",
    "Knit and Natter, Levenford Library",
    "Chair-based exercise, Glenkirk Community Centre",
    "Lochside Dementia Café",
    "Arden Shore Community Garden",
    "Bowhill Over-60s Club",
    "Telecare and community alarm service",
    "Clydeview Advocacy",
]
FOLLOW_UP_DAYS = (14, 42)
FOLLOW_UP_DONE_SHARE = 0.9  # of follow-ups more than two weeks overdue
FOLLOW_UP_RESULTS = {
    "need_met": 55,
    "still_needs_help": 30,
    "referred_for_assessment": 15,
}
FOLLOW_UP_NOTES = {
    "need_met": [
        "Going every week and enjoying it.",
        "Says it has made a real difference.",
        "Daughter says he is much brighter.",
    ],
    "still_needs_help": [
        "Went once but found the travel too hard.",
        "Has not been able to go yet; to call again.",
        "Could not get a place; waiting list.",
    ],
    "referred_for_assessment": [
        "Needs have increased since the first call.",
        "Had another fall; referred for assessment.",
    ],
}

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
        "Independent support worker, Clydeview SDS Support",
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
