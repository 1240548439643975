package org.jiuquan.grassroots.security;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every sign-in, and locks an account for a while after repeated failures (Spring then refuses it
 * even with the right password until the lock ends).
 */
@Component
class SignInListener {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final SecuritySettings settings;

    SignInListener(AccountRepository accounts, AuditLog audit, SecuritySettings settings) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.resetFailures(username);
        audit.recordAs(username, AuditAction.SIGN_IN_SUCCESS, username, null);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event.getException() instanceof LockedException) {
            audit.recordAs(null, AuditAction.SIGN_IN_FAILURE, username, "account locked");
            return;
        }
        audit.recordAs(null, AuditAction.SIGN_IN_FAILURE, username, event.getException().getClass().getSimpleName());
        if (accounts.countFailure(username, settings.lockoutAttempts(), settings.lockoutDuration())) {
            audit.recordAs(null, AuditAction.SIGN_IN_LOCKED, username,
                    settings.lockoutAttempts() + " failures, locked for " + settings.lockoutDuration().toMinutes() + " min");
        }
    }
}
