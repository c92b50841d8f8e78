"""Files kept safe: atomic writes, TOML read with positions."""
