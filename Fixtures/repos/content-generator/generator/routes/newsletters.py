from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("newsletters", __name__)


@bp.route("/newsletters", methods=["GET"])
def list_newsletters():
    return jsonify(store.all_of("newsletters"))


@bp.route("/newsletters", methods=["POST"])
def create_newsletter():
    payload = request.get_json(force=True)
    text = write(f"Write a newsletter for: {payload.get('topic', '')}")
    return jsonify(store.add("newsletters", {**payload, "text": text})), 201


@bp.route("/newsletters/<int:newsletter_id>/send", methods=["POST"])
def send_newsletter(newsletter_id):
    item = store.get("newsletters", newsletter_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/newsletters/<int:newsletter_id>/preview", methods=["GET"])
def preview_newsletter(newsletter_id):
    item = store.get("newsletters", newsletter_id)
    if item is None:
        abort(404)
    return jsonify(item)


@bp.route("/newsletters/<int:newsletter_id>", methods=["DELETE"])
def delete_newsletter(newsletter_id):
    store.remove("newsletters", newsletter_id)
    return "", 204
