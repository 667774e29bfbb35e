from fastapi import APIRouter, Depends, HTTPException

from app.agents.registry import registry
from app.deps import get_current_user
from app.models.task import Task, TaskCreate

router = APIRouter(prefix="/tasks", tags=["tasks"])
_tasks: dict[int, Task] = {}


@router.post("/", response_model=Task)
async def create_task(payload: TaskCreate, user: dict = Depends(get_current_user)):
    task = Task(id=len(_tasks) + 1, **payload.dict(exclude={"deadline"}))
    task.result = await registry[payload.agent].run(payload.goal)
    _tasks[task.id] = task
    return task


@router.get("/{task_id}")
async def get_task(task_id: int):
    if task_id not in _tasks:
        raise HTTPException(status_code=404)
    return _tasks[task_id].dict()


@router.get("/")
async def list_tasks():
    return [task.model_dump() for task in _tasks.values()]
