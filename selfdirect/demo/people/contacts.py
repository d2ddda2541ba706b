"""Drafts of first contacts and signposting for demo people."""

from __future__ import annotations

import datetime
import random
import uuid
from typing import Any

from selfdirect.accounts.models import Team
from selfdirect.demo.bulk import new
from selfdirect.demo.people import contact_words as words
from selfdirect.demo.people.drafts import Draft
from selfdirect.demo.story import story_of
from selfdirect.people.models import FirstContact, Signposting

DAY = datetime.timedelta(days=1)


def years(n: float) -> datetime.timedelta:
    return datetime.timedelta(days=round(n * 365.25))


class FirstContactDrafts:
    """First contacts, signposting and follow-ups, mixed into PeopleMaker."""

    rng: random.Random
    world: Any
    today: datetime.date
    made_by: Any
    outcomes: Any
    results: Any

    def uuid(self) -> uuid.UUID:
        raise NotImplementedError

    def name(self, language: str, sex: str, born: int) -> tuple[str, str]:
        raise NotImplementedError

    def first_contacts(self, draft: Draft) -> None:
        """A first contact for most people, around their first allocation."""
        rng = self.rng
        if rng.random() >= words.FIRST_CONTACT_SHARE:
            return
        first = draft.allocations[-1]
        floor = draft.person.date_of_birth + years(15)
        on = max(first.started_on - datetime.timedelta(days=rng.randint(0, 60)), floor)
        self.first_contact(draft, first.team, on)
        gap = (self.today - on).days
        if gap > 1 and rng.random() < words.SECOND_CONTACT_SHARE:
            later = on + datetime.timedelta(days=rng.randint(1, gap))
            self.first_contact(draft, draft.allocations[0].team, later)

    def first_contact(self, draft: Draft, team: Team, on: datetime.date) -> None:
        rng = self.rng
        made_by = "self" if draft.is_carer else self.made_by.draw(rng)
        sds_discussed = rng.random() < words.SDS_DISCUSSED_SHARE
        outcome = self.outcomes.draw(rng)
        if draft.is_carer and rng.random() < 0.7:
            outcome = "carer_support"
        contact = new(
            FirstContact,
            public_id=self.uuid(),
            person=draft.person,
            team=team,
            recorded_by=rng.choice(self.world.workers[team.pk]),
            contact_date=on,
            made_by=made_by,
            made_by_name=self.made_by_name(draft, made_by),
            reason=self.reason(draft, made_by),
            what_matters=story_of(draft.person, draft.relationships).choose(
                rng, words.WHAT_MATTERS
            ),
            sds_discussed=sds_discussed,
            sds_not_discussed_reason=""
            if sds_discussed
            else rng.choice(words.SDS_NOT_DISCUSSED_REASONS),
            outcome=outcome,
        )
        draft.contacts.append(contact)
        if outcome == "signposted":
            self.signpost(draft, contact)

    def made_by_name(self, draft: Draft, made_by: str) -> str:
        if made_by == "self":
            return ""
        if made_by == "family":
            story = story_of(draft.person, draft.relationships)
            relative = next(iter(story.relatives), "niece")
            sex = "M" if relative in {"son", "husband"} else "F"
            return draft.carer_name or (
                f"{self.name('English', sex, 1970)[0]} {draft.person.last_name} "
                f"({relative})"
            )
        return self.rng.choice(words.MADE_BY_NAMES[made_by])

    def reason(self, draft: Draft, made_by: str) -> str:
        if draft.is_carer:
            key = "carer"
        elif made_by == "family":
            key = "family"
        elif made_by == "self":
            key = draft.stage
        else:
            key = "professional"
        story = story_of(draft.person, draft.relationships)
        text = story.choose(self.rng, words.REASONS[key])
        return text.format(partner=self.rng.choice(words.PARTNERS))

    def signpost(self, draft: Draft, contact: FirstContact) -> None:
        """Signposting to 1-2 supports; old follow-ups mostly done, recent ones due."""
        rng = self.rng
        services = self.directory_services()
        if services:
            picked = rng.sample(services, rng.randint(1, 2))
        else:
            picked = [(None, n) for n in rng.sample(words.COMMUNITY_SUPPORTS, 2)][
                : rng.randint(1, 2)
            ]
        due = contact.contact_date + datetime.timedelta(
            days=rng.randint(*words.FOLLOW_UP_DAYS)
        )
        contact.follow_up_due = due
        done = due < self.today - 14 * DAY and rng.random() < words.FOLLOW_UP_DONE_SHARE
        if done:
            result = self.results.draw(rng)
            contact.followed_up_on = min(due + rng.randint(-3, 10) * DAY, self.today)
            contact.follow_up_result = result
            contact.follow_up_notes = rng.choice(words.FOLLOW_UP_NOTES[result])
        for service_id, name in picked:
            used = met = None
            if done:
                used = rng.choice([True, True, False, None])
                if used:
                    met = contact.follow_up_result == "need_met" or rng.random() < 0.2
            draft.signpostings.append(
                new(
                    Signposting,
                    first_contact=contact,
                    service_id=service_id,
                    support_name=name[:200],
                    used_it=used,
                    need_met=met,
                )
            )

    def directory_services(self) -> list[tuple[Any, str]]:
        """Active directory services (seeded before people), loaded once."""
        cached = getattr(self, "_directory_services", None)
        if cached is None:
            from selfdirect.directory.models import Service

            cached = list(
                Service.objects.filter(status="active")
                .order_by("name", "id")
                .values_list("id", "name")
            )
            self._directory_services = cached
        return cached
