"""Widgets that show stories."""
