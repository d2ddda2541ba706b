"""What the demo carers say and how far each has got."""

MAX_CARERS = 1500  # enough to show; the relationships read are the first ones
CURRENT_VERSION = "Clydeview 2025"
YOUNG_EVERY = 4  # one cared-for person in four also has a young carer
# Where each carer has got to, in turn: not yet offered, declined, not answered,
# accepted and waiting for the plan, a draft plan, then agreed plans (the first of
# them asked for by the carer).
CASES = [
    "not_offered",
    "declined",
    "waiting",
    "accepted",
    "draft",
    "requested",
    "agreed",
    "agreed",
    "agreed",
    "agreed",
]
CIRCUMSTANCES = [
    "Help every day with washing, dressing, meals and medication.",
    "Shopping, appointments and checking in each evening.",
    "Care through the night several times a week, and most of the day.",
]
OUTCOMES = [
    "I get a full night's sleep most nights",
    "I keep my job and feel less torn",
    "I see my friends again once a week",
    "I feel confident about what happens if I am ill",
]
YOUNG_OUTCOMES = ["I get to go to football on Saturdays", "I keep up at school"]
# Of the plans whose review date has passed, in turn: a review agreed, a review
# in progress, no review yet (overdue).
REVIEW_CASES = ["agreed", "started", "overdue"]
REVIEW_ACCOUNTS = [
    "The short breaks help; nights are still hard.",
    "Things are steadier since the day centre started.",
    "I am managing, but I worry about the winter.",
]
# (i) Support for eligible needs, each with the option the carer chose.
SUPPORTS = [
    ("A sitter one evening a week", 2, "1040.00"),
    ("A gym membership for the carer", 1, "420.00"),
    ("A week's short break away each year", 3, "900.00"),
]
# (j) Community support for other needs.
SIGNPOSTS = [
    "Clydeview Carers' Centre: peer support group",
    "Citizens Advice: benefits check for carers",
    "Clydeview Walking Group",
]
RESULTS = ["need_met", "need_met", "still_needs_help", "referred_for_assessment"]
