"""The web app: HTML pages and a JSON API under ``/api/v1``, thin shells over ``Workspace``."""

from sahelwatch.web.app import create_app

__all__ = ["create_app"]
