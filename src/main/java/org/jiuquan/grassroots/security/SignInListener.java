package org.jiuquan.grassroots.security;

import java.time.Duration;

import org.jiuquan.grassroots.audit.AuditDetail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-in, and counts failures per account and client address for {@link SignInThrottle}.
 * An account is never locked by failures: that would let anyone switch a colleague off. A sign-in that
 * failed because the database is down is not the user's failure and is not counted.
 */
@Component
class SignInListener {

    private static final Logger log = LoggerFactory.getLogger(SignInListener.class);

    private final SignInAuditService audit;
    private final SignInThrottle throttle;

    SignInListener(SignInAuditService audit, SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        throttle.succeeded(username, address(event.getAuthentication()));
        audit.signedIn(username);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event.getException() instanceof InternalAuthenticationServiceException) {
            log.warn("Sign-in of {} failed: the account store is unreachable ({})", username,
                    event.getException().getMessage());
            record(username, AuditDetail.of("audit.detail.sign-in.unavailable"));
            return;
        }
        Duration wait = throttle.failed(username, address(event.getAuthentication()));
        AuditDetail why = refusal(event.getException());
        record(username, wait.isZero() ? why : AuditDetail.of("audit.detail.sign-in.then-wait", why, wait.toSeconds()));
    }

    /** Why Spring Security refused, as a phrase of the audit trail. */
    private static AuditDetail refusal(Exception exception) {
        if (exception instanceof org.springframework.security.authentication.BadCredentialsException
                || exception instanceof org.springframework.security.core.userdetails.UsernameNotFoundException) {
            return AuditDetail.of("audit.detail.sign-in.bad-credentials");
        }
        if (exception instanceof org.springframework.security.authentication.DisabledException) {
            return AuditDetail.of("audit.detail.sign-in.disabled");
        }
        if (exception instanceof org.springframework.security.authentication.LockedException) {
            return AuditDetail.of("audit.detail.sign-in.locked");
        }
        return AuditDetail.of("audit.detail.sign-in.refused");
    }

    private void record(String username, AuditDetail detail) {
        audit.refused(username, detail);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
