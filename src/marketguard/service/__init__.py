"""The moderation domain of the marketguard service: audit chain, cases, priorities, sanctions, webhooks.

Pure functions and dataclasses; storage (`marketguard.adapters.storage`) runs them inside transactions and
the HTTP adapter (`marketguard.adapters.http`) exposes them. Nothing here opens a file, a socket or a database.
"""
