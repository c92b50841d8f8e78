"""Widgets used on several screens."""
