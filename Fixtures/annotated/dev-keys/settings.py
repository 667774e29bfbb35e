"""Settings of a small FastAPI service, with the dev keys a readiness review has to find."""
import os

from pydantic_settings import BaseSettings

# ruleid: dev-keys-env-fallback-python
SECRET_KEY = os.getenv("SECRET_KEY", "local-dev-key")
# ruleid: dev-keys-env-fallback-python
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "sk-local-placeholder")
# ok: dev-keys-env-fallback-python
DATABASE_URL_ENV = os.getenv("DATABASE_URL", "sqlite:///./dev.db")
# ok: dev-keys-env-fallback-python
JWT_ALGORITHM = os.getenv("JWT_ALGORITHM", "HS256")
# ok: dev-keys-env-fallback-python
SENTRY_TOKEN = os.environ["SENTRY_TOKEN"]

# ruleid: dev-keys-local-dsn
DATABASE_URL = "postgresql://postgres:postgres@localhost:5432/agents"
# ruleid: dev-keys-credentials-in-url
REPLICA_URL = "postgresql://reporting:Qm7xT2pLw9@replica.internal.acme.io:5432/agents"
# ok: dev-keys-credentials-in-url
TEMPLATE_URL = f"postgresql://{user}:{password}@{host}:5432/agents"

# ruleid: dev-keys-github-token
GITHUB_TOKEN = "ghp_~join~4mQx9Lr2Tz7Vb1Nc8Kd3Wf6Hy0Js5Pg2Ae9U"
# ruleid: dev-keys-aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIA~join~Z7QKV2MXW3PLR6TN"
# ok: dev-keys-aws-access-key-id
AWS_EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


class Settings(BaseSettings):
    # ruleid: dev-keys-weak-secret
    admin_password: str = "admin123"
    # ok: dev-keys-weak-secret
    password_reset_url: str = "/reset"
    # ok: dev-keys-weak-secret
    token_type: str = "bearer"
    # ruleid: dev-keys-generic-secret
    webhook_secret: str = "Zr8kQ2vN7xLp4TbW9mYcE3"


def issue_token(user_id: int) -> str:
    import jwt

    # ruleid: dev-keys-jwt-literal-secret
    return jwt.encode({"sub": user_id}, "super-signing-key", algorithm="HS256")


def verify(token: str) -> dict:
    import jwt

    # ok: dev-keys-jwt-literal-secret
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
