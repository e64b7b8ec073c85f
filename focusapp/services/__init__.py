"""Use cases that own transactions; no Qt, so the CLI, tests and worker threads share them."""
