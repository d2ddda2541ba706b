"""The words and amounts demo support plans are written from: measures good and
poor, steps, the support for each element, and contingency arrangements."""

from decimal import Decimal

GOOD_MEASURES = [
    "{name} tells us at review that this has happened most weeks",
    "{name} is doing this at least 3 times a month, as {name}'s diary shows",
    "Happening every week for a month, as {name} and the family tell us",
    "{name} goes at least twice a month without needing to cancel",
]
POOR_MEASURES = [
    "Feels better",
    "Is happier",
    "Outcome met",
    "Care package in place",
    "",
]
# In a good plan, an outcome too vague to measure is reworded with the person.
REWORDED = [
    "I want to get back to my swimming group on Tuesdays",
    "I want to see my grandchildren every Sunday",
    "I want to cook my own tea again",
    "I want to go to the lunch club at the church hall",
    "I want to walk to the shops on my own",
]
STEPS = [
    "Look at the bus times together; try it once with a friend first",
    "Ring the group organiser; go along for a taster session",
    "Agree a routine for the mornings; check how it is going after a month",
]
ELEMENT_SUPPORT = {
    "personal_care": ("Help to get up, washed and dressed", "Every morning", 7, 26),
    "social_leisure": ("Support to get out and about", "Two afternoons a week", 4, 17),
    "respite": ("Short breaks for the family", "One week every three months", 0, 0),
    "housing_support": ("Help with bills and keeping the flat", "Once a week", 2, 21),
    "equipment": ("Equipment and a community alarm", "Fitted once", 0, 0),
    "other": ("Support arranged by the council", "Every weekday", 5, 24),
}
FIXED_COSTS = {"respite": Decimal("2400.00"), "equipment": Decimal("650.00")}
PROVIDED_BY = {1: "personal_assistant", 2: "provider", 3: "council"}
PROVIDED_BY_KIND = set(PROVIDED_BY.values())
# What happens if support cannot come depends on who gives it, and names only
# family the person has ("{relative}" is filled from their relationships).
IF_SUPPORT_CANNOT_COME = {
    "provider": (
        "The agency sends a named relief worker who knows {name}'s routine; if it "
        "cannot, it rings {backup} the same morning."
    ),
    "personal_assistant": (
        "{name}'s personal assistants cover each other's shifts; if neither can "
        "come, {name} rings {backup}."
    ),
    "council": (
        "The council's home care team sends another carer from the same team, and "
        "rings {name} to say who is coming."
    ),
}
BACKUP = {True: "{name}'s {relative}", False: "the duty social worker"}
CONTINGENCY = {
    "if_unwell": (
        "Call the GP; whoever is with {name} lets the social worker know the same day."
    ),
    "out_of_hours": (
        "Out-of-hours social work: 0300 123 4567. Neighbour at number 12 has a key."
    ),
}
