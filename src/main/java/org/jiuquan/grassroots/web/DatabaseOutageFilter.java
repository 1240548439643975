package org.jiuquan.grassroots.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around everything else of an API request (sign-in by token included): when the database cannot be
 * reached the client gets 503 with {@code Retry-After} as a problem in its language. Without this the
 * exception would reach the servlet container's error page, which the security rules answer with a
 * redirect to the sign-in page: a GIS client then loops on redirects.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemWriter problems;

    DatabaseOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/ogc") || path.startsWith("/ogc/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} refused with 503: the database is unreachable ({})", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            response.reset();
            writeUnavailable(request, response, problems);
        }
    }

    static void writeUnavailable(HttpServletRequest request, HttpServletResponse response, ProblemWriter problems)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable",
                DatabaseOutage.RETRY_AFTER_SECONDS);
    }
}
