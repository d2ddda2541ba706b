"""Word lists behind selfdirect.conversations.wording, one category per constant.

Each entry is a regular-expression fragment, written in lower case and matched
ignoring case against text with straight apostrophes and single spaces. Fragments are joined with "|" and wrapped in
word boundaries, so keep them free of capturing groups and of nested repetition
(the text can be long). Add phrasings by category, not to fix one sentence.
"""

from __future__ import annotations

_SUBJECT = r"(?:i|i'm|im|i'll|he|he's|she|she's|they|they're|we|mum|mam|dad|my|his|her|their|mr|mrs|ms|miss)"
_MODAL = r"(?: can| could| will| feel| am| is| don't| doesn't| do not| get| have| has| is able)?"

# --- Outcome: what matters, the end result for the person -----------------------

# Purpose clauses: the support is for something ("so I can", "to enable Betty to").
# A statement with one of these says what the input is for, so it counts as an
# outcome even when it also names a service or a deficit.
PURPOSE = (
    r"so that(?: " + _SUBJECT + _MODAL + ")?",
    r"so as to",
    r"in order to",
    r"to (?:enable|allow|help) (?:me|him|her|them|us|\w+) to",
    r"(?:which|that) (?:means|will mean) (?:i|he|she|they|we) can",
    r"so " + _SUBJECT + _MODAL,
    r"so \w+ (?:can|could|will|is able|feels?|gets?|has|does|doesn't)",
)

# Aspirations followed by something to do ("wants to", "I'd like to"), and phrases
# that introduce what matters ("what matters", "my goal", "get back to").
ASPIRATION = (
    r"(?:i|we) (?:really )?(?:want|wish|hope) (?:to|tae)",
    r"(?:wants?|wanting|wanted|wish|wishes|wishing|hopes?|hoping) (?:to|tae)",
    r"(?:would|i'd|he'd|she'd|they'd|we'd|wd) (?:like|love|prefer) (?:to|tae)",
    r"(?:keen|determined|looking forward|aiming|plans?|planning) to",
    r"matters? (?:most )?to (?:me|him|her|them|us)",
    r"what matters",
    r"important to (?:me|him|her|them)",
    r"(?:my|his|her|their|our|the) (?:goal|aim|hope|wish|dream)",
    r"(?:get|go|went|come|getting|going) back (?:to|tae|into|out)",
    r"return to",
    r"carry on",
    r"(?:be|being|feel|feeling) able to",
    r"(?:not|no longer|without) (?:having|needing) to",
    r"to be (?:more|less|happy|safe|independent|confident|involved|included|part)",
)

# Infinitives of doing and being ("to go", "to see"): a weak sign of a goal, since
# services use them too ("carers to stay the full 30 minutes").
GOAL_VERBS = (
    r"(?:to|tae) (?:feel|stay|remain|keep|continue|live|enjoy|see|visit|spend|get|go)",
    r"(?:to|tae) (?:have|make|learn|meet|join|play|walk|manage|cook|regain|maintain)",
    r"(?:to|tae) (?:take|attend|choose|sleep|read)",
)

# An aspiration with a noun after it ("would like a cleaner", "wants more hours"):
# a wish for a service when what follows names a service and no end result.
WISH_FOR = (
    r"i want",
    r"wants?",
    r"(?:would|i'd|he'd|she'd|they'd|we'd|wd) (?:like|love|prefer)",
    r"(?:asking|asked|ask) for",
    r"request(?:s|ed|ing)?",
    r"hopes? for",
)

# A statement that opens like a goal: "To feel...", "Feel safe...", "For Ellie to...".
# Bare verbs only: gerunds such as "living" or "walking" open descriptions too often.
LEADING = (
    r"(?:not )?to \w+",
    r"for (?:\w+ ){1,3}to",
    r"being able|having|being",
    r"be|feel|stay|keep|get|go|have|see|make|learn|return|live|enjoy|visit|spend",
    r"improve|remain|play|walk|take|cook|regain|maintain|join|meet|manage|choose",
    # change outcomes ("Reduce isolation by...", "Build confidence"); a service
    # after them ("Increase POC") is caught by the service check on openings
    r"reduce|increase|build|gain|develop",
)

# Concrete parts of a life: people, things to do, places (Talking Points: seeing
# people, things to do, living where and as you want).
CONCRETE = (
    # people and pets
    r"friends?|pals?|mates?|family|neighbours?|bairns?|weans?|grandweans?",
    r"(?:grand)?(?:children|child|kids|sons?|daughters?)|grandson|granddaughters?",
    r"wife|husband|partner|brother|sister|mum|dad|mother|father|cousins?|nieces?",
    r"nephews?|grave|dog|cat|pets?",
    # things to do
    r"\w+ing group|group|class|classes|club|guild|choir|church|chapel|mosque|kirk",
    r"football|bowls|bowling|swimming|gym|fishing|golf|dancing|bingo|cinema|pictures",
    r"theatre|garden|gardening|allotment|walks?|holidays?|trips?|days? out|seaside",
    r"beach|park|shops|pub|cafe|caf\u00e9|library|college|school|job|work|volunteering",
    r"wedding|graduation|birthday|christmas|newspaper|knitting|singing|art|music",
    r"cook|cooking|meals? for|\w+ supper|dinner|prayers",
    # living where and as you want
    r"(?:my|his|her|their|our|own) (?:home|house|flat|bed|bedroom|tenancy)|at home",
    r"community|myself|himself|herself|my own|his own|her own|their own",
)

# Feelings, process and change (Talking Points: feeling safe, staying well, being
# listened to, having a say, confidence and morale).
FEELINGS = (
    r"safe|safer|confident|confidence|happy|happier|settled|relaxed|rested",
    r"less (?:lonely|anxious|isolated|tired|worried)|independent|independence",
    r"respect|respected|listened to|a say|choose|choice|decisions|involved|routine",
    r"well|fitter|pain free|rest|break|burden",
)

# The person's own words are a good sign, though not enough on their own.
FIRST_PERSON = (r"i|i'm|i'd|my|me|myself",)

# --- Service: an input, a resource, a professional activity ---------------------

SERVICE_NOUNS = (
    # care at home and its Scottish shorthand
    r"care at home|home ?care|care package|package(?: of care)?|poc|care plan",
    r"(?:home care |care )?(?:visits?|calls?)",
    r"double[- ]?up|2:1|1:1|two carers|carers?|care agency|agency",
    r"personal care|meal prep(?:aration)?|medication (?:prompts?|support)",
    r"(?:support|help|assistance) with|help getting",
    r"tuck[- ]?in(?: service)?|sleepover|sleep[- ]?in|overnight support|waking nights?",
    # places and breaks
    r"day (?:care|centre|center|service|services|opportunities)|lunch club place",
    r"(?:day centre|day care|club|respite|care home|residential) place(?:ment)?",
    r"placement|respite(?: care)?|short breaks?|care home|nursing home",
    r"residential(?: care| unit)?|supported living|housing support|reablement",
    r"home from hospital|sitting service|befriending|meals on wheels|laundry",
    r"shopping service|domestic help|cleaner|cleaning|\w+ service|services",
    # people who provide support
    r"pa|pas|pa's|personal assistants?|support workers?|support staff|carer support",
    r"ot|occupational therap(?:y|ist)|physio(?:therapy|therapist)?|district nurses?",
    r"social work(?:er)?|advocacy|advocate|carers centre|alzheimer scotland",
    r"post diagnostic support|transport|taxi",
    # health inputs that turn up in social care plans
    r"pharmacy|chemist|dosette(?: box)?|blister packs?|gp|district nursing|day hospital",
    # SDS and money
    r"sds|self[- ]directed support|option [1-4]|opt [1-4]|direct payments?|dp|isf",
    r"individual service fund|budget|funding|resource (?:panel|group)",
    # assessments, plans and reviews
    r"assessment|review|referral|adult carer support plan|acsp|support plan",
    r"blue badge|application",
    # equipment, telecare and adaptations
    r"community alarm|pendant alarm|telecare|telehealth|sensors?|falls? detector",
    r"key ?safe|grab rails?|stair ?lift|hoist|commode|perching stool|bath (?:board|lift)",
    r"raised toilet seat|mobility scooter|walking aid|zimmer|equipment|adaptations?",
    r"continence products|pads",
)

# Actions on a service ("increase POC", "refer to OT", "to be fitted").
SERVICE_ACTIONS = (
    r"increase[ds]?|reduce[ds]?|reinstate[ds]?|arrange[ds]?|provided?|install(?:ed)?",
    r"fitted|refer(?:red)?|continue with|put in place|set up|allocated?",
    r"to be (?:fitted|completed|reviewed|arranged|provided|installed|reinstated)",
    r"to be (?:reduced|increased|referred|made)",
    r"would benefit from|needs? an?|requires? an?",
)

# Amounts and frequencies ("2 x daily", "14 hrs per week", "Mon-Fri", "pa").
_UNITS = r"(?:hours?|hrs?|mins?|minutes?|days?|nights?|weeks?|wks?|months?|calls?|visits?|carers?)"
QUANTITY = (
    r"\d+ ?x ?(?:daily|weekly|a day|a week|per day|per week|\d)",
    r"x ?\d+|\d+x",
    r"(?:once|twice|\d+ times) (?:a|per|each|every) (?:day|week|fortnight|month|year)",
    r"\d+ ?" + _UNITS + r"(?:/(?:wk|week|day))?",
    r"per (?:day|week|wk|month|annum|year)|a (?:day|week|year)|pw|p/w|pa",
    r"daily|weekly|fortnightly|am and pm|\d+ ?(?:am|pm)",
    r"mon(?:day)?s? ?(?:-|to) ?(?:fri|sun)\w*|fri ?- ?sun",
    r"mondays|tuesdays|wednesdays|thursdays|fridays|mon &|tues|thurs",
)

# --- Deficit: what the person cannot do, or a risk or condition -----------------

# Strong: the statement is about what the person cannot or does not do. A following
# "to" is taken with the match, so "unable to go" is not read as a goal "to go".
DEFICIT_STRONG = (
    r"unable|inability|incapable of",
    r"cannot|can not|can't|cant|cannae|canny|couldn't|couldnae|can no longer",
    r"(?:not|no|nae|no longer) able(?: tae)?",
    r"(?:does|do|did|will|would|is|are) not|doesn't|don't|won't|isn't|disnae|willnae",
    r"not (?!having to|needing to)\w+ing",  # "not having to" is an aim, see ASPIRATION
    r"(?:needs|need|needing|requires|require|requiring) (?:\w+ )?(?:assistance|help)",
    r"(?:needs|need|needing|requires|require|requiring) (?:\w+ )?(?:support|prompting)",
    r"(?:needs|requires) (?:\w+ )?(?:prompts|supervision|encouragement)",
    r"(?:needs|requires) (?:\d+|two|three) (?:people|persons|staff) to",
    r"finds? it (?:hard|difficult|a struggle)|hard to|too \w+ to",
    r"can only|only able|only manages?|has no|have no|no one|nobody",
    r"suffers? (?:from|with)|diagnosed with",
    r"keeps? (?:forgetting|falling|wandering|getting lost|missing)",
    r"assistance (?:of|from) (?:two|2|one|1)",
    r"(?:dependent|dependant|reliant|relies|relying|depends|depending) on",
    r"(?:not|isn't|is not|no longer) safe|breaking point|can't cope|cannot cope",
    r"struggl(?:es|ing|ed)(?: with)?|difficult(?:y|ies)(?: with)?",
    r"(?:problems|trouble|issues) with",
    r"(?:at )?(?:high |increased )?risk(?: of)?|vulnerable|unsafe|exploited",
    r"lacks?(?: capacity| insight)?|lack of|no insight|poor insight",
    r"lost (?:confidence|interest|weight|the ability)",
)

# Weak: conditions and descriptions of loss; they tip the balance, no more.
DEFICIT_WEAK = (
    r"poor|impaired|impairment|limited|reduced|low|severe|advanced|unsteady|frail",
    r"(?:doubly |urinary |faecal )?incontinen(?:t|ce)",
    r"falls?|fallen|falling|history of",
    r"confused|confusion|disorientated|disoriented|forgetful|wanders|wandering",
    r"isolated|isolation|housebound|bed ?bound|immobile|breathless|exhausted",
    r"dementia|copd|stroke|parkinson's|multiple sclerosis|learning disability",
    r"non[- ]?verbal|anxious|agitated|aggressive|low mood|depressed|hoarding",
    r"self[- ]?neglect|blind|deaf|(?:memory|sight|hearing|weight) loss|lonely",
    # getting worse
    r"deteriorat\w*|declin\w*|worsening|worse|increasingly|progressive|poorly",
    # common diagnoses and symptoms named in assessments
    r"anxiety|panic attacks?|depression|chronic pain|in pain|diabetes|arthritis",
    r"epilepsy|heart failure|cancer|alcohol|forgets|forgetting",
)
