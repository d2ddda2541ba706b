"""Criteria rules from the support plan to review (criteria set 1).

The plans rules decide SMART and contingency, the panel rules whether the person
was told, the reviews rules whether a review was on time and a poor outcome is
explained. When each applies and what counts as each answer: docs/file-reading.md.
"""

import json
from functools import cache
from importlib import resources

from selfdirect.panel.rules import telling_problems
from selfdirect.plans.rules import has_contingency
from selfdirect.plans.smart import check_smart
from selfdirect.reviews.rules import attainment_problems, was_on_time

from .file import (
    NO,
    NOT_APPLICABLE,
    YES,
    Answer,
    CaseFile,
    Item,
    every,
    plural,
    share,
)

CONTINGENCY = (
    "if_support_cannot_come",
    "if_unwell",
    "out_of_hours",
    "other_contingency",
)


def plan_smart(file: CaseFile) -> Answer:
    """Every outcome of the current plan passes the plans SMART check (specific,
    measurable, time-bound, achievable), judged on the day it was written."""
    key = "plan_smart"
    plan = file.plan
    if plan is None:
        return Answer(key, NOT_APPLICABLE, "There is no support plan in the file.")
    outcomes = plan.parts("outcomes")
    if not outcomes:
        return Answer(key, "no", "The plan has no outcomes.", [plan.cite("state")])
    checks = [(outcome, _smart(outcome)) for outcome in outcomes]
    smart = [outcome for outcome, check in checks if check.smart]
    evidence = [
        outcome.cite(
            "words",
            outcome.text("words")
            + ("" if check.smart else " — " + " ".join(check.missing)),
        )
        for outcome, check in checks
    ]
    answer = share(len(smart), len(outcomes))
    if answer == YES:
        reason = f"{every(len(outcomes), 'outcome').capitalize()} of the plan {'is' if len(outcomes) == 1 else 'are'} SMART."
    else:
        first = next(check for _o, check in checks if not check.smart)
        reason = (
            f"{len(smart)} of {len(outcomes)} plan outcomes are SMART; "
            f"for example: {first.missing[0]}"
        )
    return Answer(key, answer, reason, evidence)


def _smart(outcome: Item):  # type: ignore[no-untyped-def]
    return check_smart(
        words=outcome.text("words"),
        how_we_will_know=outcome.text("how_we_will_know") or None,
        target_date=outcome.date("target_date"),
        agreed_achievable=outcome.get("achievable_agreed"),
        written_on=outcome.date("written_on"),  # type: ignore[arg-type]
    )


def plan_contingency(file: CaseFile) -> Answer:
    """The current plan answers at least one contingency question."""
    key = "plan_contingency"
    plan = file.plan
    if plan is None:
        return Answer(key, NOT_APPLICABLE, "There is no support plan in the file.")
    answers = plan.get("contingency") or {}
    given = {name: str(answers.get(name) or "") for name in CONTINGENCY}
    if has_contingency(given.values()):
        evidence = [
            plan.cite(f"contingency/{name}", words)
            for name, words in given.items()
            if words.strip()
        ]
        return Answer(
            key, YES, "The plan says what happens if things go wrong.", evidence
        )
    return Answer(
        key,
        NO,
        "The plan has no contingency arrangements.",
        [plan.cite("contingency", "no contingency answers")],
    )


def person_told_decision(file: CaseFile) -> Answer:
    """Every panel decision (other than deferral) has its reasons, and the date and
    way the person was told (panel telling rules)."""
    key = "person_told_decision"
    decisions = [
        decision
        for request in file.items("panel_requests")
        for decision in request.parts("decisions")
        if decision.get("outcome") != "deferred"
    ]
    if not decisions:
        return Answer(key, NOT_APPLICABLE, "The panel made no decision in the file.")
    untold = [
        d
        for d in decisions
        if not d.text("reasons")
        or telling_problems(
            told_on=d.date("told_on"),
            told_how=d.text("told_how"),
            decided_on=d.date("decided_on"),  # type: ignore[arg-type]
        )
    ]
    if not untold:
        return Answer(
            key,
            YES,
            f"The person was told {_each_decision(decisions)} and the reasons.",
            [d.cite("told_on") for d in decisions]
            + [d.cite("reasons") for d in decisions],
        )
    first = untold[0]
    what = (
        "the reasons are not recorded"
        if not first.text("reasons")
        else "no record that the person was told"
    )
    return Answer(
        key,
        NO,
        f"The panel decided on {first.get('decided_on')}, but {what}.",
        [d.cite("told_on") for d in untold],
    )


def _each_decision(decisions: list[Item]) -> str:
    return "the decision" if len(decisions) == 1 else f"all {len(decisions)} decisions"


def review_on_time(file: CaseFile) -> Answer:
    """Each agreed plan whose review date has come was reviewed (a review agreed,
    or held) by that date (reviews rule `was_on_time`, on the due date kept when
    the review started). A plan replaced without a review of its own is left out."""
    key = "review_on_time"
    reviews = file.items("reviews")
    judged: list[tuple[Item, bool, str]] = []
    for plan in file.items("plans"):
        due = plan.date("review_on")
        if plan.get("state") == "draft" or due is None:
            continue
        own = [r for r in reviews if r.get("plan_ref") == plan.ref and _done_on(r)]
        if not own and (plan.get("state") == "replaced" or due >= file.as_of):
            continue
        if not own:
            judged.append((plan, False, f"the review due on {due} has not happened"))
            continue
        for review in sorted(own, key=_done_on):  # type: ignore[arg-type]
            done, due = _done_on(review), review.date("due_on") or due
            on_time = was_on_time(due_on=due, agreed_on=done)
            judged.append((review, on_time, f"reviewed on {done}, due by {due}"))
            due = review.date("next_review_on")
        if plan.get("state") == "agreed" and due is not None and due < file.as_of:
            judged.append(
                (plan, False, f"the next review, due by {due}, has not happened")
            )
    if not judged:
        return Answer(key, NOT_APPLICABLE, "No plan's review is due yet.")
    late = [(item, words) for item, ok, words in judged if not ok]
    evidence = [
        item.cite(
            "review_on" if item.kind == "plans" else "agreed_on",
            words,
        )
        for item, ok, words in judged
    ]
    if not late:
        return Answer(
            key,
            YES,
            f"The plan was reviewed by its due date ({judged[0][2]}).",
            evidence,
        )
    return Answer(
        key, NO, f"The plan was not reviewed on time: {late[0][1]}.", evidence
    )


def _done_on(review: Item):  # type: ignore[no-untyped-def]
    if review.get("state") == "agreed" and review.get("agreed_on"):
        return review.date("agreed_on")
    return review.date("held_on")


def _reviews_held(file: CaseFile) -> list[Item]:
    return [r for r in file.items("reviews") if _done_on(r)]


def outcomes_evaluated(file: CaseFile) -> Answer:
    """At the latest review held, each outcome of the plan reviewed has a point on
    the attainment scale."""
    key = "outcomes_evaluated"
    held = _reviews_held(file)
    if not held:
        return Answer(key, NOT_APPLICABLE, "No review has been held.")
    review = max(held, key=_done_on)  # type: ignore[arg-type]
    plan = file.find("plans", review.get("plan_ref"))
    outcomes = plan.parts("outcomes") if plan else []
    levels = {a.get("plan_outcome_ref"): a for a in review.parts("attainments")}
    rated = [o for o in outcomes if (levels.get(o.ref) and levels[o.ref].get("level"))]
    if not outcomes:
        return Answer(
            key, NOT_APPLICABLE, "The plan reviewed has no outcomes to evaluate."
        )
    evidence = [
        levels[o.ref].cite(
            "level", f"{o.text('words')}: {levels[o.ref].get('level')}", ref=o.ref
        )
        if o.ref in levels
        else o.cite("words", f"{o.text('words')}: not evaluated")
        for o in outcomes
    ]
    answer = share(len(rated), len(outcomes))
    if answer == YES:
        reason = f"At the review on {_done_on(review)}, {every(len(outcomes), 'outcome')} {'was' if len(outcomes) == 1 else 'were'} evaluated."
    else:
        reason = f"At the review on {_done_on(review)}, {len(rated)} of {len(outcomes)} outcomes were evaluated."
    return Answer(key, answer, reason, evidence)


@cache
def poor_levels() -> frozenset[str]:
    """The attainment codes marked poor in the product's scale (reviews data)."""
    text = (
        resources.files("selfdirect.reviews")
        .joinpath("data/review_scales.json")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        item["code"] for item in json.loads(text)["attainment"] if item["poor"]
    )


def poor_outcomes_explained(file: CaseFile) -> Answer:
    """Every outcome partly met or not met at a review held has a coded reason and
    a narrative (reviews rule `attainment_problems`), and the review records what
    happens next."""
    key = "poor_outcomes_explained"
    poor = [
        (review, attainment)
        for review in _reviews_held(file)
        for attainment in review.parts("attainments")
        if attainment.get("level") in poor_levels()
    ]
    if not poor:
        return Answer(
            key, NOT_APPLICABLE, "No outcome was recorded as partly met or not met."
        )
    gaps = []
    for review, attainment in poor:
        problems = attainment_problems(
            level_chosen=True,
            poor=True,
            reason_codes=attainment.get("reasons") or [],
            narrative=attainment.text("reason_narrative"),
        )
        if not review.text("next_step"):
            problems.append("What happens next is not recorded.")
        if problems:
            gaps.append((attainment, problems))
    evidence = [
        a.cite(
            "reason_narrative",
            a.text("reason_narrative") or "no reason given",
            ref=a.get("plan_outcome_ref"),
        )
        for _r, a in poor
    ]
    evidence += [
        r.cite("next_step", r.text("next_step") or "not recorded")
        for r in {r.ref: r for r, _a in poor}.values()
    ]
    if not gaps:
        return Answer(
            key,
            YES,
            f"For {plural(len(poor), 'outcome')} not fully met, the reasons and what happens next are recorded.",
            evidence,
        )
    return Answer(
        key,
        NO,
        f"For {plural(len(gaps), 'outcome')} not fully met: {' '.join(str(p) for p in gaps[0][1])}",
        evidence,
    )


# Who provides a support, when it is informal or community support rather than
# paid support: the plans' own codes (plans.models.Support.ProvidedBy).
INFORMAL = {"self": "the person", "family": "family or friends"} | {
    "community": "a community resource"
}


def informal_supports_in_plan(file: CaseFile) -> Answer:
    """The current plan includes informal or community support: the person
    themself, family or friends, or a community resource. Not a criterion of set
    1: the practice_quality indicator reads it beside the criteria."""
    key = "informal_supports_in_plan"
    plan = file.plan
    if plan is None:
        return Answer(key, NOT_APPLICABLE, "There is no support plan in the file.")
    informal = [s for s in plan.parts("supports") if s.get("provided_by") in INFORMAL]
    if not informal:
        return Answer(
            key,
            NO,
            "Every support in the plan is paid support.",
            [plan.cite("supports", "no informal or community support")],
        )
    first = informal[0]
    return Answer(
        key,
        YES,
        f"The plan includes {plural(len(informal), 'informal or community support')}, "
        f"for example “{first.text('what')}” from {INFORMAL[first.text('provided_by')]}.",
        [s.cite("what") for s in informal],
    )
