"""Tests for reading a customer's message (recovery_cli.listen)."""
