package org.jiuquan.grassroots.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>} as the token's user, for that
 * request only (no session). A token that is unknown, revoked or whose user may not sign in gets a 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final SignInAuditService audit;
    private final SecurityProblems problems;
    private final SecurityContextHolderStrategy contexts;

    ApiTokenFilter(ApiTokenService tokens, SignInAuditService audit, SecurityProblems problems,
                   SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
        this.tokens = tokens;
        this.audit = audit;
        this.problems = problems;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<SignedInUser> user = tokens.authenticate(token, request.getRequestURI());
        if (user.isEmpty()) {
            audit.tokenRejected(request.getRequestURI());
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.bad-token");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
