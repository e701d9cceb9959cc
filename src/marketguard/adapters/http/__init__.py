"""The HTTP API of the marketguard service (FastAPI on Uvicorn), versioned under /v1.

`create_app(settings)` builds the application; `marketguard serve` runs it. Routers live in `routes/`,
one per resource; the request guard, authentication, idempotency, errors and metrics each have a module.
"""
