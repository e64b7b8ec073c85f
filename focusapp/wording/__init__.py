"""Every word FocusApp shows, Qt-free, shared by the command line and the window."""
