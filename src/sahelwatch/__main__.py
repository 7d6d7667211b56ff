"""``python -m sahelwatch`` runs the CLI."""

from sahelwatch.cli import run

run()
