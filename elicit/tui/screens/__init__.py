"""The app's screens, one module each (imported on demand)."""
