"""The web application: HTML pages and a JSON API over the same ``Workspace`` the CLI drives."""

from __future__ import annotations

from fastapi import FastAPI

from sahelwatch import __version__
from sahelwatch.config import Settings
from sahelwatch.web import api, errors, pages


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; settings default to the environment, as for the CLI.

    Settings are read once here, so every request of one app uses one database.
    """
    app = FastAPI(
        title="sahelwatch",
        version=__version__,
        summary="A knowledge base of news about the Sahel, every fact traced to its sentence.",
        docs_url="/docs",
        openapi_url="/openapi.json",
        redoc_url=None,
    )
    app.state.settings = settings or Settings.from_env()
    errors.install(app)
    app.include_router(api.router)
    pages.install(app)
    return app
