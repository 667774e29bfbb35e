"""Ordinary code that looks like secrets to a careless scanner and must stay quiet."""
import getpass
import os
import secrets

TOKEN_EXPIRE_MINUTES = 30
PASSWORD_MIN_LENGTH = 12
API_KEY_HEADER = "X-API-Key"
SECRET_KEY_FILE = "/run/secrets/secret_key"
csrf_token = secrets.token_urlsafe(32)
password = getpass.getpass("Password: ")
api_key = os.environ["API_KEY"]
PASSWORD = "password"
cache_key = "user:%s" % 42
public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3"
session_token = "00000000-0000-4000-8000-000000000000"
tokens = ["<pad>", "</s>", "<unk>"]
if password == "admin":
    raise SystemExit("refusing the default password")
header = "-----BEGIN RSA PRIVATE KEY-----"
docs = "https://user:pass@example.com/path"
