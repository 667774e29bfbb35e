from fastapi import Depends, FastAPI

from .routers import admin, auth, items

# ruleid: rate-limit-missing-in-repository, ops-no-readme, ops-no-container-build, ops-no-ci, ops-no-tests
app = FastAPI(title="Agents")
app.include_router(items.router)
app.include_router(admin.router)
app.include_router(auth.router)


@app.get("/health")
def health():
    return {"status": "ok"}
