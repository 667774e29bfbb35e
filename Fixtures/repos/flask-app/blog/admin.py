from flask import Blueprint, render_template
from flask_login import login_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@login_required
def require_login():
    pass


# A read: in the endpoint inventory, without a rate-limit finding.
@bp.route("/dashboard")
def dashboard():
    return render_template("dashboard.html")
