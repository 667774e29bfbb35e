from fastapi import FastAPI

from app.routers import agents, tasks

app = FastAPI(title="Agent service")
app.include_router(tasks.router)
app.include_router(agents.router)
