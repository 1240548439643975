package org.jiuquan.grassroots.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule for a request no other rule matched: an address with no page and no endpoint behind it (or a
 * mistyped one, such as {@code /analysis/xyz}).
 * <p>
 * Vaadin's own last rule refuses such a request outright, so a person who types a wrong address met a 403
 * problem in JSON instead of the not-found page. Here a browser's page navigation (a GET that asks for HTML,
 * outside the data endpoints) is let through to Vaadin for anyone signed in: Vaadin then shows its not-found
 * page (PageNotFoundView, 404, in the page's language), and that page also stands for views the user may not
 * open, so it reveals nothing. Someone not signed in is sent to the sign-in page first, the same as for a
 * real page: answering "not found" to anonymous visitors while real addresses answer "sign in" would tell
 * them which addresses exist. After signing in the browser returns to the typed address and then sees the
 * not-found page.
 * <p>
 * Everything else (API and OGC paths, actuator, other methods, clients that do not ask for HTML) stays
 * refused: the data endpoints have their own catch-all rules before this one (a 401 problem for callers not
 * signed in, a 404 problem for signed-in ones), and anything left is a 403 problem.
 */
final class UnknownAddresses {

    private UnknownAddresses() {
    }

    static AuthorizationManager<RequestAuthorizationContext> rule() {
        AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
        return new AuthorizationManager<>() {
            @Override
            public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                return isPageNavigation(context.getRequest()) ? signedIn.authorize(authentication, context)
                        : new AuthorizationDecision(false);
            }
        };
    }

    /** A person's browser opening an address: a GET asking for HTML, outside the data and actuator paths. */
    static boolean isPageNavigation(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) || SecurityConfiguration.API.matches(request)) {
            return false;
        }
        String path = SecurityConfiguration.path(request);
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
