"""The web app: a JSON API under ``/api/v1``, a thin shell over ``Workspace`` like the CLI."""

from sahelwatch.web.app import create_app

__all__ = ["create_app"]
