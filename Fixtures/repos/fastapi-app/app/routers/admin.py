from fastapi import APIRouter, Depends

from ..deps import require_admin

router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])


# ruleid: rate-limit-fastapi-route-without-limiter
@router.get("/stats")
def stats():
    return {"users": 3}


# ruleid: rate-limit-fastapi-route-without-limiter
@router.put("/settings")
def update_settings(settings: dict):
    return settings
