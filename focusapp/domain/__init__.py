"""Pure domain: value types, rules and models with no Qt, SQL or I/O."""
