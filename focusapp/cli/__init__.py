"""Feature subcommands of the command line (risk, calendar, focus, config, backup...)."""
