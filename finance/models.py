"""finance: models arrive with their issue."""
