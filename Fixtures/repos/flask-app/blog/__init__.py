from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def create_app():
    app = Flask(__name__)
    limiter = Limiter(get_remote_address, app=app)
    from . import views, admin
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    return app
