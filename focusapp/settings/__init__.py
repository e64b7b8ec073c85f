"""User settings: typed values (values), the key table (specs) and the file (store)."""
