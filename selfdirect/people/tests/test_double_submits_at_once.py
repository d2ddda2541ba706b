"""The same create form sent twice at the same moment, on two database connections:
the token's unique constraint makes the second wait for the first, then answers it
with the first result (PostgreSQL; SQLite runs one writer at a time)."""

import re
import threading
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse

from selfdirect.core import once
from selfdirect.core.once import FIELD

from .test_double_submits import _example


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_the_same_moment_make_one_record(personas, monkeypatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers: PostgreSQL only")
    url = reverse("conversations:start", args=[personas.person.public_id])
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(personas.practitioner_a)
    page = clients[0].get(url)
    token = re.search(rf'name="{FIELD}" value="([^"]+)"', page.content.decode())
    assert token
    data = {**_example(page.context["form"]), FIELD: token[1]}
    both_checked = threading.Barrier(2)
    claim = once._claim

    def claim_together(request: Any, token: Any) -> bool:
        # Both sends have found no earlier result before either claims the token.
        both_checked.wait(timeout=10)
        return claim(request, token)

    monkeypatch.setattr(once, "_claim", claim_together)
    answers: list[Any] = []

    def send(client: Client) -> None:
        try:
            answers.append(client.post(url, data))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=[c]) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    conversations = apps.get_model("conversations.Conversation")._default_manager
    assert conversations.filter(person=personas.person).count() == 1
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
