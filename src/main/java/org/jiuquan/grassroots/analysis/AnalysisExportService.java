package org.jiuquan.grassroots.analysis;

import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** An analysis table handed out as a file (CSV or Excel), audited with who asked and what. */
@Service
class AnalysisExportService {

    private final AnalysisService analysis;
    private final AnalysisExports exports;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    AnalysisExportService(AnalysisService analysis, AnalysisExports exports, AuditLog audit, CurrentUser currentUser) {
        this.analysis = analysis;
        this.exports = exports;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** The table's rows as {@code format} ("csv" or "xlsx"); {@code query} is the request's, for the audit trail. */
    byte[] table(AnalysisKind kind, String period, double distanceKm, int minCount, AnalysisFilter filter,
                 String format, Locale locale, @Nullable String query) {
        List<AnalysisRow> rows = analysis.rows(kind, period, distanceKm, minCount, filter);
        byte[] body = format.equals("xlsx") ? exports.xlsx(rows, kind, locale) : exports.csv(rows, kind, locale);
        audit.record(currentUser.actor(), AuditAction.EXPORT_TABLE, "analysis/" + kind.code() + "." + format,
                AuditDetail.of("audit.detail.rows-query", rows.size(), query));
        return body;
    }
}
