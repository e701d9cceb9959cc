"""Record facts a text detector cannot read from the text: the structured fields of a job post.

`Document` carries text only; the engine attaches the message's `JobPost` here so that `fraud.job_post`
can weigh the client's history against what the post says, while every other detector stays unaware.
"""

from __future__ import annotations

from marketguard.core.model import JobPost
from marketguard.core.text.normalize import Document

_KEY = "marketguard.job_post"


def attach_job(doc: Document, job: JobPost | None) -> None:
    if job is not None:
        doc.__dict__[_KEY] = job


def job_of(doc: Document) -> JobPost | None:
    job = doc.__dict__.get(_KEY)
    return job if isinstance(job, JobPost) else None
