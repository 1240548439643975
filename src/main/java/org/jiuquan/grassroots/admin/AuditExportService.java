package org.jiuquan.grassroots.admin;

import java.util.List;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditEvent;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.audit.AuditQuery;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The audit trail handed out as a file: reading it for a download is itself audited. */
@Service
class AuditExportService {

    private final AuditLog audit;
    private final CurrentUser currentUser;

    AuditExportService(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** The rows the query selects; {@code request} is what was asked, as the audit row's detail. */
    List<AuditEvent> export(AuditQuery query, @Nullable String request) {
        List<AuditEvent> events = audit.find(query);
        if (request == null) {
            audit.record(currentUser.actor(), AuditAction.EXPORT_AUDIT, "audit.csv");
        } else {
            audit.record(currentUser.actor(), AuditAction.EXPORT_AUDIT, "audit.csv", AuditDetail.of("audit.detail.query", request));
        }
        return events;
    }
}
