"""The service's writes and reads in one namespace; each runs inside one transaction given by the caller
(`db.run`). The work lives in one module per job:

    detections    record_screen, record_account: decisions with traces; strong ones open or join cases
    reports       file_report, report_view, pseudonym: user reports and reporter reputation
    sanctioning   decide, active_sanctions: decisions, sanctions, statements of reasons, webhooks
    appeals       file_appeal, decide_appeal, open_appeals
    views         case_summary, case_view, decision_view, audit_page: what reviewers read
    config_log    record_config: configuration changes in the audit log
"""

from __future__ import annotations

from marketguard.adapters.storage.appeals import appeal_view, decide_appeal, file_appeal, open_appeals
from marketguard.adapters.storage.config_log import last_config, record_config
from marketguard.adapters.storage.detections import ESCALATING, record_account, record_screen
from marketguard.adapters.storage.reports import file_report, learn, pseudonym, report_view
from marketguard.adapters.storage.sanctioning import active_sanctions, decide, evidence_for, subject_sanctions
from marketguard.adapters.storage.views import audit_page, case_exists, case_summary, case_view, decision_view

__all__ = [
    "ESCALATING",
    "active_sanctions",
    "appeal_view",
    "audit_page",
    "case_exists",
    "case_summary",
    "case_view",
    "decide",
    "decide_appeal",
    "decision_view",
    "evidence_for",
    "file_appeal",
    "file_report",
    "last_config",
    "learn",
    "open_appeals",
    "pseudonym",
    "record_account",
    "record_config",
    "record_screen",
    "report_view",
    "subject_sanctions",
]
