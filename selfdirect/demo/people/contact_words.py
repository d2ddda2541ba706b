"""Words and weights for demo first contacts, signposting and follow-ups."""

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
        "Ready for discharge; in her words: 'I just want to get home to my {pet}.'",
        "Frequent falls at home; he says: 'I don't want to go into a home.'",
        "Struggling with personal care; she says: 'I used to manage fine.'",
        "Low mood after bereavement; he says: 'I've nobody now.'",
        "Carer breakdown; {child} says: 'I can't keep doing this on my own.'",
    ],
}
PARTNERS = ["Jim", "Bill", "Jean", "Tam", "Isa", "my wife", "my husband"]
WHAT_MATTERS = [
    "Staying in my own home.",
    "Seeing my grandchildren.",
    "Getting to church on a Sunday.",
    "Getting out to the shops on my own.",
    "Keeping my {pet}.",
    "Going to the football with my {child}.",
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
