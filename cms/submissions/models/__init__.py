from .pages import ContributionIndexPage, ContributionPage
from .submissions import Contributor, Licence, Status, Submission

__all__ = [
    "ContributionIndexPage",
    "ContributionPage",
    "Contributor",
    "Licence",
    "Status",
    "Submission",
]
