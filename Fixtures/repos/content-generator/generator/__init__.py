from flask import Flask

from generator.routes import briefs, drafts, exports, newsletters, social, templates


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env()
    for blueprint in (briefs.bp, drafts.bp, templates.bp, newsletters.bp, social.bp, exports.bp):
        app.register_blueprint(blueprint)
    return app
