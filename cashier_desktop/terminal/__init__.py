"""What a person at the counter can do. No Qt: the CLI and the GUI share it."""
