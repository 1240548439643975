package org.jiuquan.grassroots.security;

import java.util.Optional;

import org.jiuquan.grassroots.audit.AuditLog;
import org.springframework.security.core.Authentication;

/** The user being served, in a view or an HTTP request alike. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SignedInUser> get() {
        Authentication authentication = AuditLog.currentAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static boolean has(Role role) {
        return get().map(user -> user.role().includes(role)).orElse(false);
    }

    /** Leaders' phone numbers in full: editors and admins only; everyone else sees them masked. */
    public static boolean maySeePhoneNumbers() {
        return has(Role.EDITOR);
    }

    /** Who to name on an export: the display name (and username), or empty when nobody is signed in. */
    public static Optional<String> exportSignature() {
        return get().map(user -> user.displayName() + " (" + user.getUsername() + ")");
    }
}
