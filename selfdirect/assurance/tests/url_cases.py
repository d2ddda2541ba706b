"""Case file reading's pages count people: no one person's record in the URL."""

from selfdirect.testing.url_cases import UrlCase

PERSONAL: dict[str, UrlCase] = {}

NOT_PERSONAL = {
    "assurance:population_reading": "counts of answers per criterion over everyone, "
    "no one identified (quality leads and inspectors)",
    "assurance:population_progress": "starts the reading of every case file "
    "(quality leads) and shows its progress: counts only",
}
