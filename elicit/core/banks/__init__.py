"""Question banks: their models, loading and validation, conditions, and the catalog that finds them."""

TYPE_CHECKING = False

if TYPE_CHECKING:
    from elicit.core.banks.catalog import BankCatalog, BankEntry, looks_like_path
    from elicit.core.banks.loader import bank_from_document, load_bank
    from elicit.core.banks.models import Bank, Question, Section, StoryHint
else:  # each module loads when one of its names is first used (elicit.core.surface)
    from elicit.core.surface import lazy_surface

    __getattr__, __dir__ = lazy_surface(
        __name__,
        {
            "catalog": ["BankCatalog", "BankEntry", "looks_like_path"],
            "loader": ["bank_from_document", "load_bank"],
            "models": ["Bank", "Question", "Section", "StoryHint"],
        },
    )

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
