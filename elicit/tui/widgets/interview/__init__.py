"""Widgets of the interview screen."""
