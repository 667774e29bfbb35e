from fastapi import APIRouter

router = APIRouter()


# ruleid: rate-limit-fastapi-auth-route-without-limiter
@router.post("/login")
def login(form: dict):
    return {"access_token": "opaque"}


# ruleid: rate-limit-fastapi-auth-route-without-limiter
@router.post("/password/reset")
def reset_password(email: str):
    return None
