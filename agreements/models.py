"""agreements: models arrive with their issue."""
