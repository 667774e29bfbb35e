from app.agents.base import Agent


class MockResearchAgent(Agent):
    name = "research"

    async def run(self, goal: str) -> str:
        return f"[mock research] {goal}"


class MockDraftAgent(Agent):
    name = "draft"

    async def run(self, goal: str) -> str:
        return f"[mock draft] {goal}"
