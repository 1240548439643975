package org.jiuquan.grassroots.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.audit.Actor;
import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The user being served, in a view or an HTTP request alike: the one seam through which the rest of the
 * app learns who is signed in. Injected wherever it is needed (never looked up statically), so services
 * ask it and hand repositories and the audit trail what they need as plain values: a
 * {@link PhoneVisibility}, an {@link Actor}. It is the only class that reads Spring's security context
 * (ArchitectureTest).
 */
@Component
public class CurrentUser {

    /** The request attribute holding the signed-in user's Authentication (set by {@link CurrentUserFilter}). */
    static final String USER_ATTRIBUTE = "org.jiuquan.grassroots.user";

    public Optional<SignedInUser> get() {
        Authentication authentication = authentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public Optional<String> username() {
        return get().map(SignedInUser::getUsername);
    }

    public boolean has(Role role) {
        return get().map(user -> user.role().includes(role)).orElse(false);
    }

    /** Leaders' phone numbers in full: editors and admins only; everyone else sees them masked. */
    public PhoneVisibility phoneVisibility() {
        return has(Role.EDITOR) ? PhoneVisibility.FULL : PhoneVisibility.MASKED;
    }

    /** Who to name on an export: the display name (and username), or empty when nobody is signed in. */
    public Optional<String> exportSignature() {
        return get().map(user -> user.displayName() + " (" + user.getUsername() + ")");
    }

    /** The signed-in user (or nobody) as the audit trail names them, with the address of this request. */
    public Actor actor() {
        return new Actor(username().orElse(null), clientAddress());
    }

    /** A named actor (a sign-in attempt, before anyone is signed in), with the address of this request. */
    public Actor actorNamed(@Nullable String username) {
        return new Actor(username, clientAddress());
    }

    /**
     * The user of the request being served (put there by {@link CurrentUserFilter}, whatever security-context
     * strategy is installed globally); outside a request, whatever the security context holds.
     */
    private static @Nullable Authentication authentication() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(USER_ATTRIBUTE) instanceof Authentication user) {
            return user;
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
