package org.jiuquan.grassroots.localdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up fails on a missing PostgreSQL or PostGIS with the one line that says what to do, not a stack trace. */
class LocalDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<LocalDatabaseException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "安装缺少的软件包，或用 JIUQUAN_DB_URL 指向已有的 PostGIS 数据库 / install the missing packages, "
                        + "or point JIUQUAN_DB_URL at an existing PostGIS database.", cause);
    }
}
