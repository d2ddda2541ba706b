"""An exercise's results and agreement: the queries (`queries`), the pages, the CSV
and the PDF (`views`)."""
