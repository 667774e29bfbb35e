from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("briefs", __name__)


@bp.route("/briefs", methods=["GET"])
def list_briefs():
    return jsonify(store.all_of("briefs"))


@bp.route("/briefs", methods=["POST"])
def create_brief():
    payload = request.get_json(force=True)
    text = write(f"Write a brief for: {payload.get('topic', '')}")
    return jsonify(store.add("briefs", {**payload, "text": text})), 201


@bp.route("/briefs/<int:brief_id>", methods=["GET"])
def get_brief(brief_id):
    item = store.get("briefs", brief_id)
    if item is None:
        abort(404)
    return jsonify(item)


@bp.route("/briefs/<int:brief_id>", methods=["PUT"])
def update_brief(brief_id):
    item = store.get("briefs", brief_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/briefs/<int:brief_id>", methods=["DELETE"])
def delete_brief(brief_id):
    store.remove("briefs", brief_id)
    return "", 204


@bp.route("/briefs/<int:brief_id>/generate", methods=["POST"])
def generate_from_brief(brief_id):
    item = store.get("briefs", brief_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)
