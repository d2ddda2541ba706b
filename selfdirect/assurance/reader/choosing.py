"""Criteria rules about information, independent support, the choice of option
and the budget before it (criteria set 1). See docs/file-reading.md."""

from selfdirect.choices.rules import derived_option, informed_choice
from selfdirect.plans.rules import needs_option

from .file import NO, NOT_APPLICABLE, PARTLY, YES, Answer, CaseFile, plural, share

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
        if o.get("offered_on") <= file.as_of.isoformat()
    ]
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
            [plan.cite("state")] if plan else [],
        )
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
