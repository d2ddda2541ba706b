"""The independent organisations' pages, for the URL permission walker: opened by
the first organisation's staff, refused (403) to every council role, and 404 to the
second organisation's worker, exactly as for a missing record."""

from typing import Any

from selfdirect.testing.url_cases import UrlCase

NOBODY = "00000000-0000-4000-8000-000000000000"


def _client(p: Any) -> dict[str, Any]:
    from selfdirect.independent.models import Client

    return {"client_id": Client.objects.get(name="Morag MacLeod").public_id}


def _consent(p: Any) -> dict[str, Any]:
    return {"consent_id": p.person.independent_consents.get().public_id}


def _incoming(p: Any) -> dict[str, Any]:
    support = p.person.independent_support.filter(status="referred").get()
    return {"support_id": support.public_id}


def _referral(p: Any) -> dict[str, Any]:
    support = p.person.independent_support.order_by("pk").first()
    return {"referral_id": support.organisation_referral.public_id}


def _entry(p: Any) -> dict[str, Any]:
    from selfdirect.independent.models import InfluenceEntry

    return {"entry_id": InfluenceEntry.objects.get().public_id}


def _evidence(p: Any) -> dict[str, Any]:
    from selfdirect.independent.models import InfluenceEvidence

    return {"evidence_id": InfluenceEvidence.objects.get().public_id}


def _one(model_name: str, key: str) -> Any:
    def build(p: Any) -> dict[str, Any]:
        from selfdirect.independent import models

        model = getattr(models, model_name)
        return {key: model.objects.order_by("pk").first().public_id}

    return build


def _case(
    build: Any, allowed: str = "org_worker_a", outsider_role: str | None = None
) -> UrlCase:
    def missing(p: Any) -> dict[str, Any]:
        return dict.fromkeys(build(p), NOBODY)

    return UrlCase(
        build,
        allowed,
        outsider="org_worker_b",
        outsider_role=outsider_role,
        missing=missing,
        logged="organisation",
    )


PERSONAL: dict[str, UrlCase] = {
    "independent:client": _case(_client),
    "independent:consent_new": _case(_client),
    "independent:session_new": _case(_client),
    "independent:outcome_new": _case(_client),
    "independent:client_export": _case(_client, "org_manager_a", "independent_manager"),
    "independent:consent_withdraw": _case(_consent),
    "independent:answer_new": _case(_incoming),
    "independent:referral": _case(_referral),
    "independent:influence_entry": _case(_entry),
    "independent:evidence_new": _case(_entry),
    "independent:evidence_file": _case(_evidence),
    # Changing each kind of record (edits.py), and the manager's teams.
    "independent:client_change": _case(_client),
    "independent:client_close": _case(_client),
    "independent:session_change": _case(_one("Session", "session_id")),
    "independent:outcome_change": _case(_one("ClientOutcome", "outcome_id")),
    "independent:group_change": _case(_one("GroupSession", "group_id")),
    "independent:engagement_change": _case(_one("EngagementEntry", "entry_id")),
    "independent:influence_change": _case(_entry),
    "independent:evidence_change": _case(_evidence),
    "independent:voice_change": _case(_one("VoiceEntry", "entry_id")),
    "independent:team_change": _case(
        _one("Team", "team_id"), "org_manager_a", "independent_manager"
    ),
}

_OWN = "the organisation's own list or blank form, scoped by visible_to to the "
_OWN += "user's organisation; council roles get 403: see independent/tests"

NOT_PERSONAL: dict[str, str] = {
    "independent:home": _OWN,
    "independent:clients": _OWN,
    "independent:client_new": _OWN,
    "independent:inbox": _OWN,
    "independent:groups": _OWN,
    "independent:group_new": _OWN,
    "independent:engagement": _OWN,
    "independent:engagement_new": _OWN,
    "independent:influence": _OWN,
    "independent:influence_new": _OWN,
    "independent:voice": _OWN,
    "independent:voice_new": _OWN,
    "independent:teams": "the manager's own organisation's teams; others get 403",
    "independent:team_new": _OWN,
    "independent:case_studies": "stories told with agreement, the manager's own "
    "organisation's, chosen for its funder's report",
    "independent:funder_report": "counts for the manager's own organisation",
    "independent:funder_report_csv": "counts for the manager's own organisation",
    "independent:funder_report_pdf": "counts for the manager's own organisation",
    "independent:uptake": "counts by organisation and locality, no one's detail",
    "independent:uptake_csv": "counts by organisation and locality, no one's detail",
}
