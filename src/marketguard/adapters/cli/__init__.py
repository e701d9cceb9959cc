"""The `marketguard` command."""
