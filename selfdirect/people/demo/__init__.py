"""Demo and scale data for `selfdirect seed`."""
