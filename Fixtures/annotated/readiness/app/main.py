import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .agents import MockResearchAgent
# ruleid: disabled-commented-security-import
# from .security.hardening import SecurityHardeningService

# ruleid: rate-limit-missing-in-repository, auth-fastapi-no-authentication, ops-no-readme, ops-no-container-build, ops-no-ci, ops-no-tests, ops-no-env-example, ops-no-health-endpoint
app = FastAPI(title="agents")
# ruleid: security-cors-any-origin-with-credentials
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
# ruleid: mocks-fake-wired-in
app.state.agent = MockResearchAgent()
# ruleid: disabled-commented-security-registration
# app.add_middleware(SecurityHardeningService)

# ruleid: disabled-security-flag-off
RATE_LIMIT_ENABLED = False
DEBUG = os.getenv("DEBUG") == "1"


# ruleid: mocks-placeholder-function
def notify_owner(task):
    # TODO: send through the mail provider
    pass


if __name__ == "__main__":
    import uvicorn

    # ruleid: security-debug-server
    uvicorn.run("app.main:app", reload=True)
