"""Question banks: their models, loading and validation, conditions, and the catalog that finds them."""

from elicit.core.banks.catalog import BankCatalog, BankEntry, looks_like_path
from elicit.core.banks.loader import bank_from_document, load_bank
from elicit.core.banks.models import Bank, Question, Section, StoryHint

__all__ = [
    "Bank",
    "BankCatalog",
    "BankEntry",
    "Question",
    "Section",
    "StoryHint",
    "bank_from_document",
    "load_bank",
    "looks_like_path",
]
