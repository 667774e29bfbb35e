from typing import Annotated

from fastapi import APIRouter, Depends

from ..deps import get_current_user, get_db, verify_token

router = APIRouter(prefix="/items")


# ruleid: auth-fastapi-unauthenticated-read
@router.get("/")
async def list_items(db=Depends(get_db)):
    return db.all()


# A read: in the endpoint inventory, without a rate-limit finding.
@router.get("/{item_id}")
async def read_item(item_id: int, user: Annotated[dict, Depends(get_current_user)]):
    return {"id": item_id, "owner": user["id"]}


# ruleid: auth-fastapi-unauthenticated-write, rate-limit-fastapi-route-without-limiter
@router.post("/")
async def create_item(payload: dict, db=Depends(get_db)):
    return db.insert(payload)


# ruleid: rate-limit-fastapi-route-without-limiter
@router.delete("/{item_id}", dependencies=[Depends(verify_token)])
async def delete_item(item_id: int):
    return None
