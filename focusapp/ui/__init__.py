"""Qt widgets, dialogs, tray and charts; thin views over the services."""
