from flask import Blueprint, abort, jsonify, request

from generator import store
from generator.llm import write

bp = Blueprint("exports", __name__)


@bp.route("/exports/drafts.csv", methods=["GET"])
def export_drafts_csv():
    return jsonify(store.all_of("exports"))


@bp.route("/exports/briefs.json", methods=["GET"])
def export_briefs_json():
    return jsonify(store.all_of("exports"))


@bp.route("/exports/wordpress", methods=["POST"])
def push_to_wordpress():
    payload = request.get_json(force=True)
    text = write(f"Write a export for: {payload.get('topic', '')}")
    return jsonify(store.add("exports", {**payload, "text": text})), 201
