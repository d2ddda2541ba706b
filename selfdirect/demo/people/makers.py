"""Drafts of demo people, drawn from one seeded random generator."""

import datetime
import random
import uuid
from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate

from selfdirect.accounts.models import Team
from selfdirect.demo.bulk import new
from selfdirect.demo.people import contact_words, data
from selfdirect.demo.people.contacts import DAY, FirstContactDrafts, years
from selfdirect.demo.people.drafts import Area, Draft, World
from selfdirect.people import rules
from selfdirect.people.models import (
    Allocation,
    Person,
    Relationship,
)

BATCH_SIZE = 5000


def _surname_form(surname: str, sex: str) -> str:
    """Polish surnames ending -ski take -ska for women (Kowalski, Kowalska)."""
    if sex == "F" and surname.endswith("ski"):
        return surname[:-1] + "a"
    if sex == "M" and surname.endswith("ska"):
        return surname[:-1] + "i"
    return surname


class Weighted:
    """Draws keys in proportion to their weights."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = list(weights)
        self.cumulative = list(accumulate(weights.values()))

    def draw(self, rng: random.Random) -> str:
        return self.keys[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


class PeopleMaker(FirstContactDrafts):
    """Draws fictional people, their allocations, carers and first contacts."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng = rng
        self.world = world
        self.today = world.today
        self.chis: set[str] = set()
        self.ages = Weighted({str(i): w for i, (_, _, w) in enumerate(data.AGE_BANDS)})
        self.surnames = Weighted(data.SURNAMES)
        self.languages = Weighted(data.LANGUAGES)
        self.consent = Weighted(data.CONSENT_WEIGHTS)
        self.made_by = Weighted(contact_words.MADE_BY_WEIGHTS)
        self.outcomes = Weighted(contact_words.OUTCOME_WEIGHTS)
        self.results = Weighted(contact_words.FOLLOW_UP_RESULTS)
        self.group_weights = {
            stage: Weighted(weights)
            for stage, weights in data.SERVICE_GROUP_WEIGHTS.items()
        }
        self.carer_kinds = {
            stage: Weighted({str(i): row[-1] for i, row in enumerate(rows)})
            for stage, rows in data.CARER_DESCRIPTIONS.items()
        }

    def batch(self, size: int) -> list[Draft]:
        drafts: list[Draft] = []
        while len(drafts) < size:
            drafts.extend(self.household(room=size - len(drafts)))
        return drafts

    def household(self, *, room: int) -> list[Draft]:
        """A supported person, and their unpaid carer when the carer has a record."""
        rng = self.rng
        lo, hi, _ = data.AGE_BANDS[int(self.ages.draw(rng))]
        age = rng.randint(lo, hi)
        draft = self.draft(
            age=age,
            sex="F" if rng.random() < (0.6 if age >= 65 else 0.5) else "M",
            area=rng.choice(self.world.areas),
            language=self.languages.draw(rng),
        )
        drafts = [draft]
        if rng.random() < data.UNPAID_CARER_SHARE:
            with_record = room > 1 and rng.random() < data.CARER_IN_SYSTEM_SHARE
            drafts.extend(self.unpaid_carer(draft, with_record=with_record))
        self.other_relationships(draft)
        self.allocate(draft)
        self.first_contacts(draft)
        return drafts

    def draft(
        self,
        *,
        age: int,
        sex: str,
        area: Area,
        language: str,
        surname: str = "",
        address: tuple[str, str] | None = None,
        is_carer: bool = False,
    ) -> Draft:
        rng = self.rng
        born = self.today - datetime.timedelta(
            days=rng.randint(round(age * 365.25) + 1, round((age + 1) * 365.25) - 1)
        )
        first, last = self.name(language, sex, born.year)
        last = _surname_form(surname or last, sex)
        preferred = ""
        if first in data.NICKNAMES and rng.random() < data.PREFERRED_NAME_SHARE:
            preferred = rng.choice(data.NICKNAMES[first])
        postcode, lines = address or self.address(area)
        person = new(
            Person,
            public_id=self.uuid(),
            first_name=first,
            last_name=last,
            preferred_name=preferred,
            date_of_birth=born,
            chi_number=self.chi(born, sex) if rng.random() < data.CHI_SHARE else None,
            address=lines,
            postcode=postcode,
            locality=area.locality,
            phone=self.phone(age),
            communication_needs=self.communication_needs(language),
            preferred_language=language,
            status="closed" if rng.random() < data.CLOSED_SHARE else "open",
            last_name_key=rules.name_key(last),
            first_name_key=rules.name_key(first),
            preferred_name_key=rules.name_key(preferred),
        )
        person.consent_to_share = self.consent.draw(rng)
        groups = [data.CARER_SERVICE_GROUP] if is_carer else self.service_groups(age)
        return Draft(
            person=person, age=age, area=area, groups=groups, is_carer=is_carer
        )

    # -- who they are -------------------------------------------------------------

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def name(self, language: str, sex: str, born: int) -> tuple[str, str]:
        rng = self.rng
        if language in data.LANGUAGE_NAMES and rng.random() < 0.9:
            female, male, surnames = data.LANGUAGE_NAMES[language]
            return rng.choice(female if sex == "F" else male), rng.choice(surnames)
        female, male = next((f, m) for end, f, m in data.FIRST_NAMES if born < end)
        return rng.choice(female if sex == "F" else male), self.surnames.draw(rng)

    def chi(self, born: datetime.date, sex: str) -> str | None:
        """A valid, unused CHI: DDMMYY, two digits, a sex digit, the check digit."""
        stem = born.strftime("%d%m%y")
        for _ in range(50):
            nine = f"{stem}{self.rng.randrange(100):02d}"
            nine += str(self.rng.randrange(1 if sex == "M" else 0, 10, 2))
            check = rules.chi_check_digit(nine)
            if check is not None and f"{nine}{check}" not in self.chis:
                self.chis.add(f"{nine}{check}")
                return f"{nine}{check}"
        return None

    def address(self, area: Area) -> tuple[str, str]:
        rng = self.rng
        postcode, street, town = rng.choice(area.addresses)
        line = f"{rng.randint(1, 180)} {street}"
        if rng.random() < 0.35:
            line = f"Flat {rng.randint(0, 3)}/{rng.randint(1, 2)}, {line}"
        return postcode, f"{line}\n{town}"

    def phone(self, age: int) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return ""
        if rng.random() < (0.6 if age >= 75 else 0.2):
            return f"0141 496 0{rng.randrange(1000):03d}"
        return f"07700 900{rng.randrange(1000):03d}"

    def communication_needs(self, language: str) -> str:
        if language == "British Sign Language":
            return data.BSL_NEED
        if language not in ("English", "Gaelic"):
            return data.INTERPRETER_NEED.format(language=language)
        if self.rng.random() < data.COMMUNICATION_NEEDS_SHARE:
            return self.rng.choice(data.COMMUNICATION_NEEDS)
        return ""

    def service_groups(self, age: int) -> list[str]:
        stage = "young" if age < 18 else "adult" if age < 65 else "older"
        weighted = self.group_weights[stage]
        groups = [weighted.draw(self.rng)]
        if self.rng.random() < data.SECOND_SERVICE_GROUP_SHARE:
            second = weighted.draw(self.rng)
            if second not in groups:
                groups.append(second)
        return groups

    # -- the people around them ---------------------------------------------------

    def unpaid_carer(self, draft: Draft, *, with_record: bool) -> list[Draft]:
        """Record an unpaid carer: a name only, or a person with their own record."""
        rng = self.rng
        rows = data.CARER_DESCRIPTIONS[draft.stage]
        how, sex, (lo, hi), lives_with, _ = rows[
            int(self.carer_kinds[draft.stage].draw(rng))
        ]
        sex = sex or rng.choice("FM")
        age = min(max(draft.age + rng.randint(lo, hi), 18), 100)
        relationship = new(
            Relationship,
            person=draft.person,
            kind="unpaid_carer",
            description=how,
            lives_with_person=lives_with,
        )
        draft.relationships.append(relationship)
        if not with_record:
            born = self.today.year - age
            first, last = self.name(draft.person.preferred_language, sex, born)
            if rng.random() < 0.7:
                last = draft.person.last_name
            relationship.name = f"{first} {_surname_form(last, sex)}"
            relationship.contact = self.phone(age - 20) or "Via the person"
            draft.carer_name = f"{relationship.name} ({how.lower()})"
            return []
        carer = self.draft(
            age=age,
            sex=sex,
            area=draft.area,
            language=draft.person.preferred_language,
            surname=draft.person.last_name if rng.random() < 0.7 else "",
            address=self.shared_address(draft) if lives_with else None,
            is_carer=True,
        )
        relationship.related_person = carer.person
        draft.carer_name = f"{carer.person.full_name} ({how.lower()})"
        carer.relationships.append(
            new(
                Relationship,
                person=carer.person,
                kind="family",
                related_person=draft.person,
                description="The person they care for",
                lives_with_person=lives_with,
            )
        )
        self.allocate(carer)
        self.first_contacts(carer)
        return [carer]

    def shared_address(self, draft: Draft) -> tuple[str, str]:
        return draft.person.postcode, draft.person.address

    def other_relationships(self, draft: Draft) -> None:
        rng = self.rng
        for kind, description, share in data.OTHER_RELATIONSHIPS:
            if rng.random() < share:
                draft.relationships.append(
                    new(
                        Relationship,
                        person=draft.person,
                        kind=kind,
                        name=" ".join(self.name("English", rng.choice("FM"), 1970)),
                        description=description,
                        contact=self.phone(50),
                    )
                )
        guardian = "learning_disability" in draft.groups and draft.age >= 18
        if guardian and rng.random() < data.GUARDIAN_SHARE_LD:
            mother = self.name("English", "F", 1965)[0]
            draft.relationships.append(
                new(
                    Relationship,
                    person=draft.person,
                    kind="guardian",
                    name=f"{mother} {draft.person.last_name}",
                    description="Mother; welfare guardian",
                )
            )

    # -- the partnership's involvement -------------------------------------------

    def allocate(self, draft: Draft) -> None:
        """A current allocation, and for some an earlier one that has ended."""
        rng = self.rng
        born = draft.person.date_of_birth
        earliest = max(
            self.today - years(5), born + years(15 if draft.age < 18 else 16)
        )
        span = max((self.today - earliest).days, 0)
        started = self.today - datetime.timedelta(days=rng.randint(0, span))
        draft.allocations.append(self.allocation(draft, started))
        longest = (started - born - years(16)).days
        if longest > 200 and rng.random() < data.EARLIER_ALLOCATION_SHARE:
            days = rng.randint(180, min(1500, longest))
            earlier = self.allocation(draft, started - datetime.timedelta(days=days))
            earlier.ended_on = started - DAY
            draft.allocations.append(earlier)
        if draft.person.consent_to_share != "not_asked":
            asked = draft.allocations[-1].started_on + rng.randint(0, 30) * DAY
            draft.person.consent_recorded_on = min(asked, self.today)

    def allocation(self, draft: Draft, started: datetime.date) -> Allocation:
        team = self.team_for(draft)
        worker = None
        if self.rng.random() < data.ALLOCATED_WORKER_SHARE:
            worker = self.rng.choice(self.world.workers[team.pk])
        return new(
            Allocation,
            person=draft.person,
            team=team,
            worker=worker,
            started_on=started,
        )

    def team_for(self, draft: Draft) -> Team:
        rng = self.rng
        if draft.is_carer:
            return self.world.carers_team
        teams = draft.area.teams
        group = draft.groups[0]
        kind = "adults"
        if group in data.OLDER_PEOPLE_GROUPS and rng.random() < 0.8:
            kind = "older_people"
        elif group in data.SPECIALIST_GROUPS and rng.random() < 0.7:
            kind = "specialist" if "specialist" in teams else "adults"
        return rng.choice(teams[kind])
