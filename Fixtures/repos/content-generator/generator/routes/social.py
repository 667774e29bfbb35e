from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("social", __name__)


@bp.route("/social/tweet", methods=["POST"])
def draft_tweet():
    payload = request.get_json(force=True)
    text = write(f"Write a social for: {payload.get('topic', '')}")
    return jsonify(store.add("social", {**payload, "text": text})), 201


@bp.route("/social/linkedin", methods=["POST"])
def draft_linkedin_post():
    payload = request.get_json(force=True)
    text = write(f"Write a social for: {payload.get('topic', '')}")
    return jsonify(store.add("social", {**payload, "text": text})), 201


@bp.route("/social/queue", methods=["GET"])
def social_queue():
    return jsonify(store.all_of("social"))


@bp.route("/social/queue/<int:post_id>/publish", methods=["POST"])
def publish_post(post_id):
    item = store.get("social", post_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)
