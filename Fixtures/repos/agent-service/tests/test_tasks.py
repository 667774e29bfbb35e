from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_create_task_requires_auth():
    response = client.post("/tasks/", json={"goal": "write about solar"})
    assert response.status_code == 401
