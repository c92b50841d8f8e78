"""The Textual app: launcher, interview, stories, summary, read-back and export screens.

Everything here is a front end over :mod:`elicit.core`; no session is
changed except through :class:`elicit.core.session.service.SessionService`.
"""
