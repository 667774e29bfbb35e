from fastapi import APIRouter, Depends

from app.agents.registry import registry
from app.deps import get_current_user
from app.models.agent import AgentProfile

router = APIRouter(prefix="/agents", tags=["agents"])


@router.get("/")
async def list_agents():
    return sorted(registry)


@router.post("/profiles")
async def create_profile(raw: dict, user: dict = Depends(get_current_user)):
    profile = AgentProfile.parse_obj(raw)
    return profile.dict()
