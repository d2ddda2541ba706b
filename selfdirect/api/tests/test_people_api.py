import pytest


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


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999",
        "page=0",
        "page=abc",
        "page_size=101",
        "q=" + "x" * 201,
        "q=%00",
    ],
)
def test_the_api_answers_422_for_out_of_range_input(client, personas, query) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(f"/api/v1/people?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize(
    "query", ["page=99999999999999999999", "per_page=0", "per_page=101", "search=%00"]
)
def test_the_directory_api_answers_422_for_out_of_range_input(
    client, personas, query
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(f"/api/v1/directory/services?{query}")
    assert response.status_code == 422
