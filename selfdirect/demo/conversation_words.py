"""Words for demo conversation records. Quality varies the way real records do:
some outcome-focused, some service- or deficit-led (seed 003: strengths in "just
over half" of records, an outcomes framework in "only 2%")."""

# Profile of a record: weight, and what it holds.
PROFILES = {
    # name: (weight, outcome kinds drawn, strengths (min, max), risk chance, agreed chance)
    "outcome_focused": (35, ("outcome", "outcome", "outcome"), (1, 3), 0.45, 0.8),
    "mixed": (30, ("outcome", "service"), (0, 2), 0.2, 0.5),
    "service_led": (25, ("service", "service"), (0, 0), 0.05, 0.3),
    "deficit_led": (10, ("deficit", "deficit"), (0, 1), 0.0, 0.2),
}
DOMAIN_CODING_CHANCE = 0.05

OUTCOMES = {
    "outcome": [
        "I want to get back to my Tuesday swimming group",
        "To see my grandchildren every Sunday like I used to",
        "I'd like to feel safe in my own home at night",
        "Get out to the shops on my own again",
        "I want to stay living in my own house in Dalmuir",
        "To go back to the bowling club in the summer",
        "I'd like to cook my own tea again",
        "Keep going to church on a Sunday",
        "I want to be able to look after my garden",
        "To have a bit of my own life back, not just caring",
        "I want to get a job in the café at the community centre",
        "{widowed}To feel less lonely since my wife died",
        "I'd like to go to the football with my {child}",
        "Get back to walking the {dog} along the canal",
        "I want to manage my own money",
        "To be home from hospital in time for my granddaughter's wedding",
        "I'd like to sleep through the night without worrying",
        "Keep in touch with my pals from work",
        "I want to choose who helps me and when",
        "To go to college and learn to drive",
    ],
    "service": [
        "2 home care visits a day",
        "Day centre place 3 days a week",
        "Needs a package of care",
        "Respite 2 weeks a year",
        "Increase POC to 4 calls daily",
        "Community alarm and telecare",
        "Meals on wheels",
        "Sitting service once a week",
        "OT assessment for bathroom adaptations",
        "Care at home, morning and evening",
    ],
    "deficit": [
        "Unable to wash independently",
        "Cannot manage stairs",
        "Poor mobility and at risk of falls",
        "Requires assistance with all personal care",
        "Unable to prepare meals",
        "Lacks capacity to manage finances",
        "Can't get out of bed without help",
        "Memory is poor and forgets medication",
    ],
}

WORKING = [
    "{Child} helps with shopping on Saturdays",
    "Gets on well with the neighbours",
    "Still enjoys reading the paper every morning",
    "",
]
NOT_WORKING = [
    "Can't get to the bus stop since the fall",
    "Feels stuck in the house most days",
    "Nobody to go with any more",
    "",
]
STRENGTHS = [
    ("personal", "Determined and knows what she wants"),
    ("personal", "Good sense of humour, loves a blether"),
    ("personal", "Used to be a joiner, still good with his hands"),
    ("relationships", "Neighbour Ann pops in every day"),
    ("relationships", "{Child} phones every night and visits on Sundays"),
    ("relationships", "Close friends from the church"),
    ("community", "Lunch club at the community centre on Wednesdays"),
    ("community", "The library runs a reading group"),
    ("community", "Local shop delivers if you phone"),
    ("technology", "Uses a tablet to video call the family"),
    ("technology", "Has a smart speaker for reminders"),
]
RISKS = [
    (
        "Walking to the shops alone",
        "Keeps her independence and sees people",
        "I'm not stopping going out",
        "Carries the alarm pendant; goes in daylight; neighbour knows her route",
    ),
    (
        "Cooking on the gas hob",
        "Makes his own meals the way he likes them",
        "I've cooked all my life",
        "Gas safety check; automatic shut-off valve fitted; {child} checks in at tea time",
    ),
    (
        "Going to the football on his own",
        "It's his week's highlight",
        "It's the one thing I look forward to",
        "Travels with his pal; phone charged; club steward knows him",
    ),
]
ACCOUNTS = [
    "{widowed}Since my husband died I don't go out much. I used to be at the club every week.",
    "I've had a couple of falls and I'm feart to go out now.",
    "My {mum} looks after me but she's getting on and I want to do more for myself.",
    "I just want to stay in my own house. I've lived here forty years.",
    "I get really low in the winter and stop seeing people.",
]
GOOD_DAYS = [
    "Up, dressed and out to the shops by eleven, then a cup of tea with my pal.",
    "When I get to the club and have a laugh.",
    "A walk by the canal and my tea with the family.",
    "",
]
PLACES = [
    "At home",
    "At home, with family",
    "By phone",
    "At the day centre",
    "In hospital",
]
CARER_VIEWS = [
    "Their {child} says they are exhausted and need a break at weekends.",
    "Their {spouse} is happy to keep helping but worries about the lifting.",
    "Their {child} works full time and can only visit at weekends.",
]
ELIGIBILITY = {"critical": 10, "substantial": 40, "moderate": 35, "low": 15}
ELIGIBILITY_REASONS = {
    "critical": "Major risk to safety at home without support",
    "substantial": "Significant risk to independence: cannot get out and is isolated",
    "moderate": "Some risk to wellbeing; community supports may meet most needs",
    "low": "Quality of life issue only: advice and community support",
}
