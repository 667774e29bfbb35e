import httpx

from app.agents.base import Agent
from app.config import settings


class LLMAgent(Agent):
    system_prompt = ""

    async def run(self, goal: str) -> str:
        async with httpx.AsyncClient(timeout=60) as client:
            response = await client.post(
                "https://llm.internal/v1/complete",
                headers={"Authorization": f"Bearer {settings.llm_api_key}"},
                json={"system": self.system_prompt, "prompt": goal},
            )
            response.raise_for_status()
            return response.json()["text"]


class ResearchAgent(LLMAgent):
    name = "research"
    system_prompt = "You research a topic and list sources."


class DraftAgent(LLMAgent):
    name = "draft"
    system_prompt = "You draft an article from research notes."
