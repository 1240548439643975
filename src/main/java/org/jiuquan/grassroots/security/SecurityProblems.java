package org.jiuquan.grassroots.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the HTTP API to a caller who is not signed in (401) or not allowed (403): RFC 9457
 * problems in the caller's language, like every other API error, never a redirect to the login page.
 */
@Component
class SecurityProblems {

    /**
     * Writes a problem as Spring MVC does: without null members (RFC 9457 makes type and instance optional)
     * and with extra properties at the top level. A bare mapper would print "type":null and "properties":null.
     */
    private static final JsonMapper PROBLEM_JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private final MessageSource messages;

    SecurityProblems(MessageSource messages) {
        this.messages = messages;
    }

    AuthenticationEntryPoint notSignedIn() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"jiuquan-grassroots\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
        };
    }

    /** A missing or stale CSRF token is not a question of role: the answer says which it is. */
    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                e instanceof CsrfException ? "problem.csrf" : "problem.forbidden");
    }

    /**
     * A sign-in form posted without its CSRF token (a page kept open across a restart, or a form on another
     * site): back to the sign-in page, which says the page had expired. Nobody is signed in.
     */
    AccessDeniedHandler signInWithoutCsrfToken(SignInAuditService audit) {
        return (request, response, e) -> {
            audit.refused(String.valueOf(request.getParameter("username")), org.jiuquan.grassroots.audit.AuditDetail.of("audit.detail.sign-in.no-csrf"));
            response.sendRedirect(request.getContextPath() + "/login?expired");
        };
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        // Chinese unless the client asks for English (a client that says nothing gets Chinese, as everywhere).
        String accept = request.getHeader("Accept-Language");
        Locale locale = accept != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(PROBLEM_JSON.writeValueAsBytes(problem));
    }
}
