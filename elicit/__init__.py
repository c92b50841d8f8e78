"""elicit: a terminal interview assistant for requirements elicitation."""

__version__ = "0.1.0"
