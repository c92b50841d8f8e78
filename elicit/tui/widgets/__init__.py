"""Widgets, grouped by the area of the app that uses them."""
