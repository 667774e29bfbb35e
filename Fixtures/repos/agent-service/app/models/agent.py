from pydantic import BaseModel


class AgentProfile(BaseModel):
    name: str
    model: str
    temperature: float = 0.2

    @field_validator("temperature")
    @classmethod
    def temperature_in_range(cls, value: float) -> float:
        if not 0 <= value <= 1:
            raise ValueError("temperature must be between 0 and 1")
        return value
