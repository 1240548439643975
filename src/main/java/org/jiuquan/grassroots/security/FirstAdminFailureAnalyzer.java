package org.jiuquan.grassroots.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused first admin stops the start with one clear message instead of a stack trace. */
public class FirstAdminFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdminException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdminException cause) {
        return new FailureAnalysis("The first admin account was not created: " + cause.reason(),
                "Set JIUQUAN_ADMIN_USERNAME and a strong JIUQUAN_ADMIN_PASSWORD (at least "
                        + PasswordPolicy.MIN_LENGTH + " characters, three kinds of character), then start again.",
                cause);
    }
}
