from datetime import datetime
from typing import Optional

from pydantic import BaseModel, Field, validator


class TaskCreate(BaseModel):
    goal: str = Field(..., min_length=3)
    agent: str = Field("research", regex="^(research|draft|review)$")
    deadline: Optional[datetime] = None

    @validator("goal")
    def goal_is_not_blank(cls, value):
        if not value.strip():
            raise ValueError("goal must not be blank")
        return value


class Task(BaseModel):
    id: int
    goal: str
    agent: str
    status: str = "queued"
    result: Optional[str] = None

    class Config:
        orm_mode = True
