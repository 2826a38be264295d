"""Test helpers shared by every test package (real services only)."""
