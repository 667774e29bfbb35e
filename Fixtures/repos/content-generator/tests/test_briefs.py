import os

os.environ.setdefault("OPENAI_API_KEY", "sk-test-not-a-real-key")

from generator import create_app

# AWS's documented example key id: not a secret, and not reported.
AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
ADMIN_PASSWORD = "admin123"


def make_client():
    app = create_app()
    app.config["SECRET_KEY"] = "dev-secret"
    app.config["TESTING"] = True
    return app.test_client()


def test_list_briefs_is_empty():
    assert make_client().get("/briefs").get_json() == []


def test_create_brief_drafts_text(monkeypatch):
    monkeypatch.setattr("generator.routes.briefs.write", lambda prompt: "draft")
    response = make_client().post("/briefs", json={"topic": "solar panels"})
    assert response.status_code == 201
