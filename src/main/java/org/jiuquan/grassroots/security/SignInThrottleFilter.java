package org.jiuquan.grassroots.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from a source that must still wait (see {@link SignInThrottle}) before the password is
 * even checked, audits the refusal, and sends the browser back to the sign-in page, which says how long
 * to wait. Runs after the CSRF check, so a forged form never gets this far.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final SignInAuditService audit;

    SignInThrottleFilter(SignInThrottle throttle, SignInAuditService audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(SecurityConfiguration.path(request)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username"));
        Duration wait = throttle.waitBefore(username, request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        audit.refused(username, org.jiuquan.grassroots.audit.AuditDetail.of("audit.detail.sign-in.throttled", seconds));
        response.sendRedirect(request.getContextPath() + "/login?error&wait=" + seconds);
    }
}
