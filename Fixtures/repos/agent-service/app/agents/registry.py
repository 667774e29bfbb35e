from app.agents.base import Agent
from app.agents.llm_agents import DraftAgent, ResearchAgent
from app.agents.mock_agents import MockDraftAgent, MockResearchAgent
from app.config import settings


def build_registry() -> dict[str, Agent]:
    if settings.use_mock_agents:
        return {"research": MockResearchAgent(), "draft": MockDraftAgent()}
    return {"research": ResearchAgent(), "draft": DraftAgent()}


registry = build_registry()
