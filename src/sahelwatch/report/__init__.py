"""Reports and exports built from the store."""
