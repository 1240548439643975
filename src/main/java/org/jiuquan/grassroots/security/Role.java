package org.jiuquan.grassroots.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The four roles, each with every right of the ones before it: a viewer (municipal leaders) sees the
 * dashboard and exports snapshots; an analyst (planners) also analyses and exports tables; an editor (data
 * maintainers) also changes and imports data and sees phone numbers; an admin also manages users and
 * reads the audit trail.
 */
public enum Role {
    VIEWER, ANALYST, EDITOR, ADMIN;

    /** Role names as compile-time constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String VIEWER = "VIEWER";
        public static final String ANALYST = "ANALYST";
        public static final String EDITOR = "EDITOR";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    /** The stored spelling (lower case). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * The authorities of a user with this role: this role and every role below it. Spelled out at sign-in
     * so that every check (Spring's, Vaadin's) sees the nesting without a separate hierarchy.
     */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
