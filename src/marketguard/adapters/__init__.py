"""Adapters around the pure core: the command line now; HTTP, storage and streams later."""
