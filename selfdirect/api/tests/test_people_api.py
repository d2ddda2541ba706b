def test_the_openapi_document_is_served(client, db) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people" in document["paths"]


def test_the_api_lists_only_people_the_user_may_see(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    assert [p["last_name"] for p in client.get("/api/v1/people").json()["items"]] == [
        "MacLeod"
    ]
    client.force_login(personas.practitioner_b)
    assert client.get("/api/v1/people").json()["items"] == []


def test_the_api_answers_404_for_another_teams_person(client, personas) -> None:
    client.force_login(personas.practitioner_b)
    assert client.get(f"/api/v1/people/{personas.person.public_id}").status_code == 404


def test_the_api_returns_a_person_and_logs_the_read(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    body = client.get(f"/api/v1/people/{personas.person.public_id}").json()
    assert body["id"] == str(personas.person.public_id)
    assert personas.person.access_log.get().page == "api:get_person"


def test_the_api_refuses_anonymous_callers(client, db) -> None:
    assert client.get("/api/v1/people").status_code == 401
