"""PySide6 widgets. Calls terminal/ only, through the worker in ui/ops.py."""
