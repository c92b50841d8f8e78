"""The domain core: banks, conditions, sessions, the interview engine, storage.

Nothing in this package imports textual or questionary; both front ends and
the CLI stand on it. Import from the submodules (this file stays empty so
that importing one module does not pull in the rest).
"""
