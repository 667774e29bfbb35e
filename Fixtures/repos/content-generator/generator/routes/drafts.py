from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("drafts", __name__)


@bp.route("/drafts", methods=["GET"])
def list_drafts():
    return jsonify(store.all_of("drafts"))


@bp.route("/drafts/<int:draft_id>", methods=["GET"])
def get_draft(draft_id):
    item = store.get("drafts", draft_id)
    if item is None:
        abort(404)
    return jsonify(item)


@bp.route("/drafts/<int:draft_id>", methods=["PATCH"])
def edit_draft(draft_id):
    item = store.get("drafts", draft_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/drafts/<int:draft_id>/approve", methods=["POST"])
def approve_draft(draft_id):
    item = store.get("drafts", draft_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/drafts/<int:draft_id>/reject", methods=["POST"])
def reject_draft(draft_id):
    item = store.get("drafts", draft_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)


@bp.route("/drafts/<int:draft_id>", methods=["DELETE"])
def delete_draft(draft_id):
    store.remove("drafts", draft_id)
    return "", 204


@bp.route("/drafts/<int:draft_id>/rewrite", methods=["POST"])
def rewrite_draft(draft_id):
    item = store.get("drafts", draft_id)
    if item is None:
        abort(404)
    item.update(request.get_json(silent=True) or {})
    return jsonify(item)
