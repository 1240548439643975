package org.jiuquan.grassroots.demodata;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A dataset (or demo-data setting) that cannot be used stops start-up with the file, line and problem, not a stack trace. */
class DatasetFailureAnalyzer extends AbstractFailureAnalyzer<DatasetException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatasetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "修正数据文件或设置后重新启动；数据库未被修改 / fix the dataset or the setting and start again; the database was not changed.",
                cause);
    }
}
