from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def create_app():
    # ruleid: ops-no-readme, ops-no-container-build, ops-no-ci, ops-no-tests
    app = Flask(__name__)
    limiter = Limiter(get_remote_address, app=app)
    from . import views, admin
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    return app
