package org.jiuquan.grassroots.security;

import java.io.Serial;

import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in user: Spring's user with the display name and role of the account. */
public class SignedInUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final Role role;

    SignedInUser(Account account, String passwordHash, boolean locked) {
        super(account.username(), passwordHash, account.enabled(), true, true, !locked, account.role().authorities());
        this.displayName = account.displayName();
        this.role = account.role();
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
