from fastapi import APIRouter, Depends

from ..deps import require_admin

router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])


# A read: in the endpoint inventory, without a rate-limit finding.
@router.get("/stats")
def stats():
    return {"users": 3}


# ruleid: rate-limit-fastapi-route-without-limiter
@router.put("/settings")
def update_settings(settings: dict):
    return settings
