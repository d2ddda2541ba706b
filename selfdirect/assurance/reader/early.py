"""Criteria rules from first contact to the choice of option (criteria set 1).

Each rule reads a case file (reader.file.CaseFile) and answers yes, partly, no or
not_applicable with its evidence and one sentence of reasoning. The product's own
rules decide what they can: the outcome wording helper, the carer prompt, the
informed-choice and the option rules. When each applies and what counts as each
answer is written in docs/file-reading.md.
"""

from selfdirect.conversations.rules import needs_carer_prompt
from selfdirect.conversations.wording import classify_outcome

from .file import (
    NO,
    NOT_APPLICABLE,
    YES,
    Answer,
    CaseFile,
    Evidence,
    Item,
    every,
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
        follow_up_due = contact.date("follow_up_due")
        not_yet = follow_up_due is not None and follow_up_due > file.as_of
        places = contact.parts("signposting")
        if not places and contact.get("outcome") == "signposted":
            places = [contact]
        for place in places:
            done = contact_result or _result(place)
            if done or not not_yet:
                due.append((place, done))
    plan = file.plan
    due.extend(
        (support, _result(support))
        for support in (plan.parts("supports") if plan else [])
        if support.get("provided_by") == "community"
    )
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
        reason = f"{every(len(outcomes), 'outcome').capitalize()} read as outcomes in the person's words."
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
