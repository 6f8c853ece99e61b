"""The competency questions and example queries, shipped as package data."""
