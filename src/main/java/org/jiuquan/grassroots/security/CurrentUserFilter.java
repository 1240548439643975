package org.jiuquan.grassroots.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's signed-in user (session or API token) on the request, where {@link CurrentUser} finds it,
 * whatever security-context strategy is installed globally. (Vaadin installs its
 * own strategy per application; with several applications in one JVM, as in the tests, the global one
 * may belong to another.)
 */
class CurrentUserFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getUserPrincipal() != null) {
            request.setAttribute(CurrentUser.USER_ATTRIBUTE, request.getUserPrincipal());
        }
        chain.doFilter(request, response);
    }
}
