import os

from pydantic import BaseSettings


class Settings(BaseSettings):
    llm_api_key: str = os.getenv("LLM_API_KEY", "local-dev-key")
    use_mock_agents: bool = True
    max_steps: int = 12

    class Config:
        env_file = ".env"


settings = Settings()
