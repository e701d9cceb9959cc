"""Account state stores outside the process (the in-memory one lives in the core)."""
