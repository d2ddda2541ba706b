"""Case file reading exercises: a stratified random sample of case files, read by
the automatic reader and confirmed or overridden by people (issue 16)."""
