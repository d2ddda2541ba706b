from django.urls import path

from .views import case_studies, clients, edits, referrals, reports, teams, work

app_name = "independent"

urlpatterns = [
    path("independent/", work.home, name="home"),
    path("independent/clients/", clients.client_list, name="clients"),
    path("independent/clients/new/", clients.client_new, name="client_new"),
    path("independent/clients/<uuid:client_id>/", clients.client, name="client"),
    path(
        "independent/clients/<uuid:client_id>/consent/new/",
        clients.consent_new,
        name="consent_new",
    ),
    path(
        "independent/clients/<uuid:client_id>/sessions/new/",
        clients.session_new,
        name="session_new",
    ),
    path(
        "independent/clients/<uuid:client_id>/outcomes/new/",
        clients.outcome_new,
        name="outcome_new",
    ),
    path(
        "independent/clients/<uuid:client_id>/export.json",
        clients.client_export,
        name="client_export",
    ),
    path(
        "independent/consents/<uuid:consent_id>/withdraw/",
        clients.consent_withdraw,
        name="consent_withdraw",
    ),
    path("independent/inbox/", referrals.inbox, name="inbox"),
    path(
        "independent/inbox/<uuid:support_id>/answer/new/",
        referrals.answer_new,
        name="answer_new",
    ),
    path(
        "independent/referrals/<uuid:referral_id>/",
        referrals.referral,
        name="referral",
    ),
    path("independent/groups/", work.groups, name="groups"),
    path("independent/groups/new/", work.group_new, name="group_new"),
    path("independent/engagement/", work.engagement, name="engagement"),
    path("independent/engagement/new/", work.engagement_new, name="engagement_new"),
    path("independent/influence/", work.influence, name="influence"),
    path("independent/influence/new/", work.influence_new, name="influence_new"),
    path(
        "independent/influence/<uuid:entry_id>/",
        work.influence_entry,
        name="influence_entry",
    ),
    path(
        "independent/influence/<uuid:entry_id>/evidence/new/",
        work.evidence_new,
        name="evidence_new",
    ),
    path(
        "independent/evidence/<uuid:evidence_id>/",
        work.evidence_file,
        name="evidence_file",
    ),
    path("independent/voice/", work.voice, name="voice"),
    path("independent/voice/new/", work.voice_new, name="voice_new"),
    path("independent/report/", reports.funder_report, name="funder_report"),
    path("independent/report.csv", reports.funder_report_csv, name="funder_report_csv"),
    path("independent/report.pdf", reports.funder_report_pdf, name="funder_report_pdf"),
    path("independent-support/uptake/", reports.uptake_report, name="uptake"),
    path(
        "independent-support/uptake.csv",
        reports.uptake_report_csv,
        name="uptake_csv",
    ),
    # Changing records (edits.py).
    path(
        "independent/clients/<uuid:client_id>/change/",
        edits.client_change,
        name="client_change",
    ),
    path(
        "independent/clients/<uuid:client_id>/close/",
        edits.client_close,
        name="client_close",
    ),
    path(
        "independent/sessions/<uuid:session_id>/change/",
        edits.session_change,
        name="session_change",
    ),
    path(
        "independent/outcomes/<uuid:outcome_id>/change/",
        edits.outcome_change,
        name="outcome_change",
    ),
    path(
        "independent/groups/<uuid:group_id>/change/",
        edits.group_change,
        name="group_change",
    ),
    path(
        "independent/engagement/<uuid:entry_id>/change/",
        edits.engagement_change,
        name="engagement_change",
    ),
    path(
        "independent/influence/<uuid:entry_id>/change/",
        edits.influence_change,
        name="influence_change",
    ),
    path(
        "independent/evidence/<uuid:evidence_id>/change/",
        edits.evidence_change,
        name="evidence_change",
    ),
    path(
        "independent/voice/<uuid:entry_id>/change/",
        edits.voice_change,
        name="voice_change",
    ),
    # Teams and case studies (the organisation's manager).
    path("independent/teams/", teams.team_list, name="teams"),
    path("independent/teams/new/", teams.team_new, name="team_new"),
    path(
        "independent/teams/<uuid:team_id>/change/",
        teams.team_change,
        name="team_change",
    ),
    path(
        "independent/report/case-studies/",
        case_studies.choose,
        name="case_studies",
    ),
]
