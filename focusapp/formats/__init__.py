"""File formats in and out (CSV, JSON, ICS), parsed to domain objects; no Qt, no SQL."""
