"""Word lists behind the SMART check in plans/smart.py, one category per constant.

Each entry is a regular-expression fragment in lower case, matched ignoring case on
text with straight apostrophes and single spaces (conversations.wording.normalise),
wrapped in word boundaries by `pattern`. Keep fragments free of capturing groups
and nested repetition. Add phrasings by category, with a labelled row in
tests/data/smart_labelled.csv, not to fix one sentence.

Numbers written as words are a small explicit vocabulary rather than a parsing
library (word2number, text2num): the check only needs to know that a count is
there, not its value, and those libraries convert a whole phrase, not find numbers
in running text.
"""

from __future__ import annotations

import re

from selfdirect.conversations import wording_lists as words


def pattern(*fragments: str) -> re.Pattern[str]:
    """One case-blind pattern matching any fragment as whole words."""
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE)


# --- Counted: a number, a frequency, a day or a time -----------------------------

NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty",
    r"thirty|forty|fifty|sixty|hundred|half|quarter|dozen|several|a couple",
    r"once|twice|every (?:other|second|third)",
)
FREQUENCIES = (
    r"every|each|most|at least|no more than|without|per|weekly|daily|fortnightly",
    r"a (?:day|week|fortnight|month|year)|(?:days?|nights?|weeks?) out of",
    r"on (?:her|his|their|my) own",  # unaided: a plain yes or no at review
)
DAYS_AND_TIMES = (
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?",
    r"mornings?|afternoons?|evenings?|weekends?|nights?|o'clock",
    r"(?:in|by|this|next) (?:january|february|march|april|may|june|july|august)",
    r"(?:in|by|this|next) (?:september|october|november|december)",
    r"(?:this|the|by the|over the) (?:spring|summer|autumn|winter|season)",
)
# Events that did not happen are counted too: "no falls", "no hospital admissions".
NONE_OF = (
    r"no (?:\w+ )?(?:falls|admissions?|arrears|missed|incidents?|calls? to)",
    r"no (?:\w+ )?(?:hospital|a ?& ?e|emergency|ambulance|police)",
)
COUNTS = (
    *words.QUANTITY,
    r"\d+",
    *NUMBER_WORDS,
    *FREQUENCIES,
    *DAYS_AND_TIMES,
    *NONE_OF,
)

# --- Done once, and can be checked: a completion ---------------------------------

COMPLETIONS = (
    r"enrolled|enrolment|signed up|registered|has a place|got a place|booked",
    r"passed|completed?|finished|graduated|qualified|achieved",
    r"joined|moved(?: in| into)?|started|begun|began|returned",
    r"bought|got|received|opened|sent|recruited|interviewed|employed|adopted",
    r"grown|learned|learnt|applied for \w+ (?:jobs?|courses?|places?)",
    r"has (?:been|had|gone|seen|met|made|done|visited|played|written)",
    r"(?:been|went|was|were) (?:to|on|at)|attended|went",
    r"still (?:living|lives|at|in|goes|going|doing|working|playing|attending)",
)

# --- Something the person does that others can see --------------------------------

DOING = (
    r"goes|go|going|walks?|walked|walking|visits?|visited|meets?|sees|saw",
    r"cooks?|cooked|makes?|made|gets?|uses?|used|takes?|took|plays?|played",
    r"sleeps?|slept|washes|washed|dresses|dressed|showers|bathes|shops?|shopped",
    r"travels?|travelled|catches|rings?|phones?|calls her|calls his|video calls?",
    r"pays|paid|reads|writes|written|sings|feeds|cleans|hoovers|dusts|eats",
    r"chats?|collects|volunteers|helps|spends|lives|living|remains|stays? (?:at|in)",
    r"is (?:at|out|back|going|attending|up|living|working)|back at",
    r"attends?|attending|carries|does (?:her|his|their|the)|keeps? a|counts?",
)

# --- Someone tells or records it: the person's own account counts ------------------

TOLD = (
    r"tells?|told|says?|said|reports?|reported|rates?|rated|scores?|scored",
    r"shows?|showed|records?|recorded|diary|ticks?|observes?|observed|notices?",
)

# --- What makes an aim specific: things, people, places, situations ----------------

# Beyond the conversation wording's CONCRETE list: daily living, things and places
# that turn up in plans.
THINGS = (
    r"breakfast|lunch|tea|dinner|meals?|bath|shower|toilet|stairs|bedroom",
    r"wash(?:es|ed|ing)?|dress(?:es|ed|ing)?|showers?|hair|hairdressers?",
    r"bus|train|car|bike|wheelchair|driving|test|lessons?|course|exams?",
    r"piano|guitar|computer|phone|tablet|letters?|post|bills?|rent|bank",
    r"shed|market|town|street|road|hospital|nursery|meetings?|messages|shopping",
    r"dance|darts|bingo|cafe|coffee|food bank|charity shop|bakery|tenancy|flat",
    r"house|home|wedding|funeral|holiday|anniversary|tomatoes|dog|cat",
    # events counted at review ("no falls")
    r"falls|admissions?|arrears",
)
# Particular situations: "feel safe at night", "in the shower".
SITUATIONS = (
    r"(?:at|through the|during the|every) night|in the (?:shower|bath|dark)",
    r"on the stairs|crossing the road",
)
# Settings too general to make a vague state specific: "stay safe at home".
GENERIC_SETTINGS = (
    r"(?:my|his|her|their|our|own|the) (?:home|house|flat)|at home|home|house|flat",
    r"(?:the )?community|myself|himself|herself|themselves",
    r"(?:my|his|her|their) own",
)
# Who the aim is about, at its start ("Mum to be kept safe", "Mr Kelly wants to"):
# the person named does not make the aim specific.
SUBJECT = (
    r"^(?:for )?(?:(?:my|his|her|their|mr|mrs|ms|miss) )?\w+(?: \w+)?"
    r"(?= (?:to|wants|would|needs|hopes|wishes) )"
)
# General states and jargon that say nothing about the person's life on their own.
VAGUE_STATES = (
    r"safe|safer|safely|safety|well|wellbeing|well-being|healthy|happy|happier",
    r"settled|comfortable|independent|independence|involved|included|active",
    r"confident|confidence|in control|quality of life|mental health|routine",
    r"structure|meaningful|access(?:es|ing)? the community|do more|more for",
    r"a good day|choice and control|monitored|protected",
)
# Aims that are something done to the person: a service in other words, as vague
# as a general state unless they name something more ("to be supported to go to
# the football").
PASSIVE = (
    r"(?:to )?be (?:monitored|supported|kept|cared for|looked after|assisted|helped)",
    r"(?:to )?be (?:checked|visited|supervised|prompted|reviewed|assessed|referred)",
    r"(?:to )?be (?:given|provided|informed)",
    r"(?:to )?(?:receive|have) (?:support|care|help|carers|a carer|a package)",
)

# --- A service delivered, not the result for the person --------------------------

# A service said to be in place, done or arranged: "bath lift installed".
SERVICE_STATES = (
    r"installed|fitted|arranged|provided|delivered|in place|set up|referred",
    r"continues|continuing|ongoing|increased|reduced|allocated|carried out",
    r"completed|approved|received|assessed|given",
)
# Openings that are a service done to or for the person: "referred to ...".
SERVICE_OPENERS = (r"referred|referral|arranged|provided|installed|fitted|allocated",)
# A person's visit or call, not a care visit: "visits her mum".
PERSONS_VISIT = r"^(?:visits|calls|video calls|phones|rings) (?:her|his|their|my) "
# Places a person "attends" that are services: going there is a service delivered.
SERVICE_PLACES = (
    r"day (?:centre|center|care|service|services|opportunities|hospital)",
    r"respite|short breaks?|resource centre|care home|lunch club place",
)
# Services named by the people who give them, beyond the conversation wording's list.
SERVICE_PEOPLE = (r"cpn|dn|befrienders?|staff|nurses?|sitters?|monitoring|support",)
ATTENDING = (
    r"(?:attends?|attending|attended|goes to|go to|going to|went to)(?: the| a)?"
)
# Only the occasion of measuring, no result: "will be reviewed in three months".
OCCASION_ONLY = (
    r"^(?:to be |will be |it will be )?(?:reviewed|review(?: held| in| at| date)?)",
    r"^outcome (?:met|achieved)",
)
