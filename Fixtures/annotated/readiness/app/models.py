"""Models of an agent service half-way through its Pydantic v2 migration."""
from typing import Optional

from pydantic import BaseModel, Field, validator


class Agent(BaseModel):
    name: str
    # ruleid: pydantic-field-removed-kwarg
    code: str = Field(..., regex="^[A-Z]{3}$")
    tags: list[str] = Field(default_factory=list)

    # ruleid: pydantic-v1-validator
    @validator("name")
    def strip_name(cls, value):
        return value.strip()

    # ruleid: pydantic-class-config
    class Config:
        # ruleid: pydantic-config-key
        orm_mode = True


class Task(BaseModel):
    title: str
    agent: Optional[Agent] = None

    # ruleid: pydantic-v2-api-unimported
    @field_validator("title")
    @classmethod
    def check_title(cls, value):
        return value


def serialise(agent: Agent) -> dict:
    # ruleid: pydantic-v1-dict-method
    return agent.dict()


def load(raw: dict) -> Agent:
    # ruleid: pydantic-v1-parse-obj
    return Agent.parse_obj(raw)


def from_response(response) -> dict:
    # ok: pydantic-v1-json-method
    return response.json()
