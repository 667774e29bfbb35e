from flask import Blueprint, g, jsonify, request
from flask_login import login_required

from . import limiter

bp = Blueprint("blog", __name__)


# ruleid: auth-flask-unauthenticated-route
@bp.route("/posts")
def list_posts():
    return jsonify([post.to_dict() for post in Post.query.all()])


# ruleid: rate-limit-flask-route-without-limiter
@bp.route("/posts", methods=["POST"])
@login_required
def create_post():
    return jsonify(request.json), 201


# ruleid: auth-flask-unauthenticated-route
@bp.delete("/posts/<int:post_id>")
@limiter.limit("10 per minute")
def delete_post(post_id):
    return "", 204


@bp.post("/login")
@limiter.limit("5 per minute")
def login():
    return jsonify({"ok": True})


@bp.get("/health")
def health():
    return "ok"
