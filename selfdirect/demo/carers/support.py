"""(i) Support for eligible needs, the carer's indicative budget and (j)
signposting, as the carers services would leave them."""

import datetime
from decimal import Decimal

from selfdirect.budgets import rules as budget_rules
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.budgets.selectors import delegated_limit
from selfdirect.carers import rules, support_rules
from selfdirect.carers.details import (
    FollowUpDetails,
    SignpostingDetails,
    SupportDetails,
)
from selfdirect.carers.models import (
    CarerPlan,
    CarerSignposting,
    CarerSupport,
    EligibilityDomain,
)
from selfdirect.carers.support_selectors import carers_method
from selfdirect.core.dates import add_days
from selfdirect.core.details import field_values
from selfdirect.demo.bulk import new

from .rows import MakerBase, refuse
from .words import RESULTS, SIGNPOSTS, SUPPORTS


class SupportRows(MakerBase):
    def support(
        self,
        plan: CarerPlan,
        started: datetime.date,
        impacts: list[tuple[EligibilityDomain, str]],
    ) -> None:
        """(i) An indicative budget from the carers' method, and one or two
        elements of support with the option chosen for each, for an eligible need
        as the criteria judge it."""
        rng = self.rng
        criteria = self.criteria[plan.criteria_id]  # type: ignore[index]
        judgement = rules.judge(
            [(d.name, level) for d, level in impacts],
            threshold=criteria.threshold,
            version=criteria.version,
        )
        if started not in self.methods:
            self.methods[started] = carers_method(started)
            self.limits[started] = delegated_limit(self.by.role, started)
        method = self.methods[started]
        if method is not None:
            answers = {
                q["code"]: rng.choice(q["answers"])["code"]
                for d in method.config["domains"]
                for q in d["questions"]
            }
            if judgement.eligible:
                plan.budget = self.budget(plan, method, started, answers)
        for what, option, amount in rng.sample(SUPPORTS, rng.randint(1, 2)):
            details = SupportDetails(
                what, option, Decimal(amount), "carer", "", started
            )
            refuse(
                support_rules.support_problems(
                    details,
                    eligible=judgement.eligible,
                    started_on=started,
                    today=self.today,
                )
            )
            self.made.add(
                new(
                    CarerSupport,
                    public_id=self.uuid(),
                    plan=plan,
                    recorded_by=self.by,
                    **field_values(details),
                )
            )

    def budget(
        self,
        plan: CarerPlan,
        method: BudgetMethod,
        started: datetime.date,
        answers: dict[str, str],
    ) -> IndicativeBudget:
        """As the budgets services work one out: the method's arithmetic, and who
        may agree the amount under the worker's delegated limit."""
        if method.kind == BudgetMethod.Kind.RAS:
            workings = budget_rules.ras_budget(
                method.config, answers=answers, service_group=""
            )
        else:
            workings = budget_rules.equivalence_budget(method.config, lines=[])
        limit = self.limits[started]
        return self.made.add(  # type: ignore[no-any-return]
            new(
                IndicativeBudget,
                public_id=self.uuid(),
                person_id=plan.carer.person_id,
                worked_out_on=started,
                amount=workings.amount,
                recorded_by=self.by,
                method=method,
                method_version=method.version,
                service_group=None,
                inputs=workings.inputs,
                workings=workings.steps,
                explanation="",
                delegated_limit=limit,
                authority=budget_rules.authority_for(workings.amount, limit),
            )
        )

    def signpost(self, plan: CarerPlan, started: datetime.date) -> None:
        """(j) Signposting with a follow-up date; past ones mostly followed up."""
        rng, today = self.rng, self.today
        due = add_days(started, 28)
        details = SignpostingDetails(None, rng.choice(SIGNPOSTS), started, due)
        refuse(
            support_rules.signposting_problems(details, started_on=started, today=today)
        )
        row = self.made.add(
            new(
                CarerSignposting,
                public_id=self.uuid(),
                plan=plan,
                recorded_by=self.by,
                **field_values(details),
            )
        )
        if due <= today and rng.random() < 0.7:
            follow_up = FollowUpDetails(
                due, rng.choice(RESULTS), rng.random() < 0.8, ""
            )
            refuse(
                support_rules.follow_up_problems(
                    follow_up, signposted_on=started, today=today
                )
            )
            for name, value in field_values(follow_up).items():
                setattr(row, name, value)
