"""Operating-system plumbing with no Qt and no SQL: paths, files, time zone, resources."""
