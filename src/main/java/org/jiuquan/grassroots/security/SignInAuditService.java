package org.jiuquan.grassroots.security;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The audit of signing in and out, for the filters, handlers and listeners of the security chain, which
 * never write to the audit trail themselves. A refusal is recorded even when the trail is unreachable in
 * the sense that it is logged instead: a database outage must not turn a refused sign-in into an error page.
 */
@Service
class SignInAuditService {

    private static final Logger log = LoggerFactory.getLogger(SignInAuditService.class);

    private final AuditLog audit;
    private final CurrentUser currentUser;

    SignInAuditService(AuditLog audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    void signedIn(String username) {
        audit.record(currentUser.actorNamed(username), AuditAction.SIGN_IN_SUCCESS, username);
    }

    /** A refused sign-in: nobody is signed in, the username tried is the target. */
    void refused(String username, AuditDetail why) {
        try {
            audit.record(currentUser.actorNamed(null), AuditAction.SIGN_IN_FAILURE, username, why);
        } catch (DataAccessException e) {
            log.warn("Could not audit the refused sign-in of {} ({}): {}", username, why.key(), e.getMessage());
        }
    }

    void signedOut(String username) {
        audit.record(currentUser.actorNamed(username), AuditAction.SIGN_OUT, username);
    }

    void tokenRejected(@Nullable String path) {
        audit.record(currentUser.actorNamed(null), AuditAction.TOKEN_REJECTED, null, AuditDetail.of("audit.detail.path", path));
    }
}
