"""Assurance's pages. An exercise's results are counts by criterion and team,
with no one identified."""

NOT_PERSONAL = {
    "assurance_results:exercise_results": "an exercise's counts by criterion and "
    "team, and agreement figures; no one identified",
    "assurance_results:exercise_results_csv": "the same counts as a CSV file",
    "assurance_results:exercise_results_pdf": "the same counts as a PDF",
}
