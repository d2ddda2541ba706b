"""Criteria rules from first contact to the choice of option (criteria set 1).

Each rule reads a case file (reader.file.CaseFile) and answers yes, partly, no or
not_applicable with its evidence and one sentence of reasoning. The product's own
rules decide what they can: the outcome wording helper, the carer prompt, the
informed-choice and the option rules. When each applies and what counts as each
answer is written in docs/file-reading.md.
"""

from selfdirect.choices.rules import derived_option, informed_choice
from selfdirect.conversations.rules import needs_carer_prompt
from selfdirect.conversations.wording import classify_outcome
from selfdirect.plans.rules import needs_option

from .file import (
    NO,
    NOT_APPLICABLE,
    PARTLY,
    YES,
    Answer,
    CaseFile,
    Evidence,
    Item,
    plural,
    share,
)


def sds_discussed_first_contact(file: CaseFile) -> Answer:
    """Every first contact records that SDS and the four options were discussed."""
    key = "sds_discussed_first_contact"
    contacts = file.items("first_contacts")
    if not contacts:
        return Answer(key, NOT_APPLICABLE, "There is no first contact in the file.")
    missed = [c for c in contacts if not c.get("sds_discussed")]
    if not missed:
        return Answer(
            key,
            YES,
            f"SDS and the four options were discussed at {_each(contacts, 'first contact')}.",
            [c.cite("sds_discussed") for c in contacts],
        )
    evidence = [c.cite("sds_discussed") for c in missed]
    evidence += [
        c.cite("sds_not_discussed_reason")
        for c in missed
        if c.text("sds_not_discussed_reason")
    ]
    dates = ", ".join(c.get("contact_date") for c in missed)
    return Answer(
        key, NO, f"SDS was not discussed at the first contact on {dates}.", evidence
    )


def _each(items: list[Item], word: str) -> str:
    return f"the {word}" if len(items) == 1 else f"all {len(items)} {word}s"


def signposting_followed_up(file: CaseFile) -> Answer:
    """Each signposting (at first contact, or a community resource in the current
    plan) whose follow-up is due has its result recorded: whether the person used
    it or whether it met their need, or the first contact's follow-up result."""
    key = "signposting_followed_up"
    due: list[tuple[Item, bool]] = []
    for contact in file.items("first_contacts"):
        contact_result = bool(contact.text("follow_up_result")) and bool(
            contact.get("followed_up_on")
        )
        not_yet = contact.date("follow_up_due") is not None and (
            contact.date("follow_up_due") > file.as_of  # type: ignore[operator]
        )
        places = contact.parts("signposting")
        if not places and contact.get("outcome") == "signposted":
            places = [contact]
        for place in places:
            recorded = contact_result or _result(place)
            if recorded or not not_yet:
                due.append((place, recorded))
    plan = file.plan
    for support in plan.parts("supports") if plan else []:
        if support.get("provided_by") == "community":
            due.append((support, _result(support)))
    if not due:
        return Answer(
            key,
            NOT_APPLICABLE,
            "The person was not signposted, or no follow-up is due yet.",
        )
    recorded = [item for item, done in due if done]
    missing = [item for item, done in due if not done]
    answer = share(len(recorded), len(due))
    evidence = [_quote_result(item) for item in recorded + missing]
    if answer == YES:
        reason = (
            f"The result of {_each([i for i, _ in due], 'signposting')} is recorded."
        )
    else:
        names = ", ".join(_name(item) for item in missing)
        reason = (
            f"The result is recorded for {len(recorded)} of {len(due)} "
            f"signpostings; missing: {names}."
        )
    return Answer(key, answer, reason, evidence)


def _result(item: Item) -> bool:
    return item.get("used_it") is not None or item.get("need_met") is not None


def _name(item: Item) -> str:
    return item.text("support_name") or item.text("what") or item.text("reason")


def _quote_result(item: Item) -> Evidence:
    if item.kind == "first_contacts":
        return item.cite(
            "follow_up_result", item.text("follow_up_result") or "not recorded"
        )
    used = item.get("used_it")
    words = {True: "used it", False: "did not use it", None: "not recorded"}[used]
    return item.cite("used_it", f"{_name(item)}: {words}")


def outcomes_own_words(file: CaseFile) -> Answer:
    """The latest conversation's personal outcomes read as outcomes (not services
    or deficits) by the conversation wording helper."""
    key = "outcomes_own_words"
    conversation = file.conversation
    if conversation is None:
        return Answer(key, NOT_APPLICABLE, "There is no conversation in the file.")
    outcomes = conversation.parts("outcomes")
    if not outcomes:
        return Answer(
            key,
            NO,
            "The conversation records no personal outcomes.",
            [conversation.cite("conversation_date")],
        )
    kinds = [
        (outcome, classify_outcome(outcome.text("words")).kind) for outcome in outcomes
    ]
    good = [outcome for outcome, kind in kinds if kind == "outcome"]
    evidence = [
        outcome.cite("words", f"{outcome.text('words')} (reads as {kind})")
        for outcome, kind in kinds
    ]
    answer = share(len(good), len(outcomes))
    if answer == YES:
        reason = f"All {plural(len(outcomes), 'outcome')} read as outcomes in the person's words."
    else:
        worst = next((o, k) for o, k in kinds if k != "outcome")
        reason = (
            f"{len(good)} of {len(outcomes)} outcomes read as outcomes; "
            f"“{worst[0].text('words')}” reads as a {worst[1]}."
        )
    return Answer(key, answer, reason, evidence)


def strengths_recorded(file: CaseFile) -> Answer:
    """The latest conversation records at least one strength or asset."""
    key = "strengths_recorded"
    conversation = file.conversation
    if conversation is None:
        return Answer(key, NOT_APPLICABLE, "There is no conversation in the file.")
    strengths = conversation.parts("strengths")
    if not strengths:
        return Answer(
            key,
            NO,
            "The conversation records no strengths or assets.",
            [conversation.cite("conversation_date")],
        )
    return Answer(
        key,
        YES,
        f"The conversation records {plural(len(strengths), 'strength')} the person can draw on.",
        [strength.cite("description") for strength in strengths],
    )


RISK_FIELDS = {
    "gain": "what the person gains",
    "persons_view": "the person's view",
    "agreed_actions": "what was agreed",
    "agreed_by": "who agreed",
}


def risk_enablement(file: CaseFile) -> Answer:
    """Each risk identified in the latest conversation says what the person gains,
    their view, what was agreed and who agreed it."""
    key = "risk_enablement"
    conversation = file.conversation
    risks = conversation.parts("risks") if conversation else []
    if not risks:
        return Answer(
            key, NOT_APPLICABLE, "No risks were identified in the conversation."
        )
    gaps = [
        (risk, [label for name, label in RISK_FIELDS.items() if not risk.text(name)])
        for risk in risks
    ]
    missing = [(risk, labels) for risk, labels in gaps if labels]
    if not missing:
        return Answer(
            key,
            YES,
            f"Positive risk taking was considered and agreed for {_each(risks, 'risk')}.",
            [risk.cite("agreed_actions") for risk in risks],
        )
    risk, labels = missing[0]
    return Answer(
        key,
        NO,
        f"For the risk “{risk.text('risk')}” the record does not say {', '.join(labels)}.",
        [r.cite("risk") for r, _labels in missing],
    )


def carer_views(file: CaseFile) -> Answer:
    """Where there is an unpaid carer, the conversation records their views and that
    a carer support plan (or young carer statement) was offered."""
    key = "carer_views"
    conversation = file.conversation
    carers = [
        rel
        for rel in file.person.parts("relationships")
        if rel.get("kind") == "unpaid_carer"
    ]
    has_carer = bool(carers) or bool(
        conversation
        and (
            "unpaid_carer" in (conversation.get("participants") or [])
            or conversation.text("carer_views")
            or conversation.get("carer_offered_support_plan") is not None
        )
    )
    if not has_carer:
        return Answer(key, NOT_APPLICABLE, "The file shows no unpaid carer.")
    if conversation is None:
        return Answer(
            key, NOT_APPLICABLE, "There is an unpaid carer but no conversation yet."
        )
    offered = conversation.get("carer_offered_support_plan")
    views = conversation.text("carer_views")
    evidence = [conversation.cite("carer_views", views or "not recorded")]
    evidence.append(conversation.cite("carer_offered_support_plan"))
    plan_word = (
        "a young carer statement"
        if any(c.get("young_carer") for c in carers)
        else "an adult carer support plan"
    )
    answer = share(int(bool(views)) + int(offered is True), 2)
    if answer == YES:
        reason = f"The carer's views are recorded and {plan_word} was offered."
    elif answer == NO:
        reason = f"There is an unpaid carer, but neither their views nor an offer of {plan_word} is recorded."
    elif not views:
        reason = f"{plan_word.capitalize()} was offered, but the carer's views are not recorded."
    elif needs_carer_prompt(has_unpaid_carer=True, carer_offered=offered):
        reason = (
            f"The carer's views are recorded, but not whether {plan_word} was offered."
        )
    else:
        reason = f"The carer's views are recorded, but {plan_word} was not offered."
    return Answer(key, answer, reason, evidence)


ALL_OPTIONS = {1, 2, 3, 4}
# Option 4 is a mix of the other three, so the amounts needed are for 1 to 3.
OPTIONS_WITH_AMOUNTS = {1, 2, 3}


def options_explained(file: CaseFile) -> Answer:
    """Information given (over all records) covers the four options, with an amount
    stated for options 1, 2 and 3."""
    key = "options_explained"
    if not file.assessed:
        return Answer(
            key, NOT_APPLICABLE, "The person had no assessment, choice or plan."
        )
    given = file.items("information_given")
    if not given:
        return Answer(
            key,
            NO,
            "No information about the four options is recorded.",
            file.assessment_evidence(),
        )
    options = {o for item in given for o in item.get("options_explained") or []}
    amounts = {a["option"] for item in given for a in item.get("amounts") or []}
    evidence = [item.cite("options_explained") for item in given]
    evidence += [
        item.cite(
            "amounts",
            ", ".join(
                f"option {a['option']}: £{a['amount']} a {a['period']}"
                for a in item.get("amounts")
            ),
        )
        for item in given
        if item.get("amounts")
    ]
    lacking = sorted(ALL_OPTIONS - options)
    no_amount = sorted(OPTIONS_WITH_AMOUNTS - amounts)
    if not lacking and not no_amount:
        return Answer(
            key,
            YES,
            "All four options were explained, with the amount for each.",
            evidence,
        )
    gaps = []
    if lacking:
        gaps.append("option " + ", ".join(map(str, lacking)) + " not explained")
    if no_amount:
        gaps.append("no amount for option " + ", ".join(map(str, no_amount)))
    return Answer(
        key, PARTLY, f"Information was given, but {'; '.join(gaps)}.", evidence
    )


def independent_support_offered(file: CaseFile) -> Answer:
    """Independent support, advocacy or brokerage was offered (any record)."""
    key = "independent_support_offered"
    if not file.assessed:
        return Answer(
            key, NOT_APPLICABLE, "The person had no assessment, choice or plan."
        )
    offers = [
        o
        for o in file.items("independent_support")
        if o.date("offered_on") and o.date("offered_on") <= file.as_of
    ]  # type: ignore[operator]
    if not offers:
        return Answer(
            key,
            NO,
            "No offer of independent support, advocacy or brokerage is recorded.",
            file.assessment_evidence(),
        )
    first = min(offers, key=lambda o: o.get("offered_on"))
    return Answer(
        key,
        YES,
        f"Independent support was offered on {first.get('offered_on')} (the person's answer: {first.get('response')}).",
        [o.cite("kind") for o in offers],
    )


def choice_recorded(file: CaseFile) -> Answer:
    """The latest choice records an option for each element and who chose it (with
    a representative's legal authority); every paid support in the current plan
    has an option."""
    key = "choice_recorded"
    choice, plan = file.choice, file.plan
    if choice is None and plan is None:
        return Answer(
            key, NOT_APPLICABLE, "There is no choice and no plan in the file."
        )
    if choice is None:
        return Answer(
            key,
            NO,
            "There is a plan but no choice of option is recorded.",
            [plan.cite("state")],
        )  # type: ignore[union-attr]
    elements = choice.get("elements") or []
    checks = informed_choice(
        information_before=True,
        independent_support_offered=True,
        decided_by=choice.text("decided_by"),
        authority_recorded=bool(
            choice.text("representative_authority")
            and choice.text("representative_name")
        ),
    )
    # Who chose: anyone named, a representative with their authority; a deemed
    # choice is nobody's, and says so.
    who = (
        bool(choice.text("decided_by"))
        and checks.informed
        or choice.get("decided_by") == "carer"
        or bool(choice.get("deemed"))
    )
    options = bool(elements) or bool(choice.get("deemed"))
    unset = [
        s
        for s in (plan.parts("supports") if plan else [])
        if s.get("option") is None
        and needs_option(
            yearly_cost=_money(s.get("yearly_cost")), provided_by=s.text("provided_by")
        )
    ]
    evidence = [choice.cite("decided_by", choice.text("decided_by") or "not recorded")]
    if elements:
        option = derived_option(e["option"] for e in elements)
        evidence.append(
            choice.cite(
                "elements",
                ", ".join(f"{e['element']}: option {e['option']}" for e in elements)
                + f" (option {option})",
            )
        )
    evidence += [s.cite("option") for s in unset]
    answer = share(int(options) + int(who) + int(not unset), 3)
    if answer == YES:
        reason = (
            "The option for each element of support is recorded, with who chose it."
        )
    else:
        gaps = []
        if not options:
            gaps.append("no option is recorded for any element")
        if not who:
            gaps.append(
                "who chose is not recorded"
                if not choice.text("decided_by")
                else "the representative's legal authority is not recorded"
            )
        if unset:
            gaps.append(
                f"{plural(len(unset), 'paid support')} in the plan {'has' if len(unset) == 1 else 'have'} no option"
            )
        reason = "The choice is recorded, but " + "; ".join(gaps) + "."
        if answer == NO:
            reason = "The choice record is empty: " + "; ".join(gaps) + "."
    return Answer(key, answer, reason, evidence)


def _money(value: object) -> object:
    return None if value is None else float(str(value))


def budget_before_choice(file: CaseFile) -> Answer:
    """An indicative budget was worked out on or before the day of the latest choice
    that was made (a deemed choice is not a choice made)."""
    key = "budget_before_choice"
    choices = [c for c in file.items("choices") if not c.get("deemed")]
    if not choices:
        return Answer(key, NOT_APPLICABLE, "No choice of option was made.")
    choice = max(choices, key=lambda c: c.get("made_on"))
    made_on = choice.get("made_on")
    before = [b for b in file.items("budgets") if b.get("worked_out_on") <= made_on]
    if before:
        budget = max(before, key=lambda b: b.get("worked_out_on"))
        return Answer(
            key,
            YES,
            f"A budget of £{budget.get('amount')} was worked out on {budget.get('worked_out_on')}, before the choice on {made_on}.",
            [budget.cite("worked_out_on"), choice.cite("made_on")],
        )
    later = file.items("budgets")
    reason = (
        f"The choice was made on {made_on}, but the budget was only worked out on {min(b.get('worked_out_on') for b in later)}."
        if later
        else f"The choice was made on {made_on} with no indicative budget recorded."
    )
    return Answer(
        key,
        NO,
        reason,
        [choice.cite("made_on"), *(b.cite("worked_out_on") for b in later)],
    )
