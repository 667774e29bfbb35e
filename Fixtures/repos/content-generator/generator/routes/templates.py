from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("templates", __name__)


@bp.route("/templates", methods=["GET"])
def list_templates():
    return jsonify(store.all_of("templates"))


@bp.route("/templates", methods=["POST"])
def create_template():
    payload = request.get_json(force=True)
    text = write(f"Write a template for: {payload.get('topic', '')}")
    return jsonify(store.add("templates", {**payload, "text": text})), 201


@bp.route("/templates/<int:template_id>", methods=["GET"])
def get_template(template_id):
    item = store.get("templates", template_id)
    if item is None:
        abort(404)
    return jsonify(item)


@bp.route("/templates/<int:template_id>", methods=["PUT"])
def update_template(template_id):
    item = store.get("templates", template_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/templates/<int:template_id>", methods=["DELETE"])
def delete_template(template_id):
    store.remove("templates", template_id)
    return "", 204
