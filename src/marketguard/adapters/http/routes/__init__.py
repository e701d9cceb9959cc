"""One router per resource, assembled by `marketguard.adapters.http.app`."""
