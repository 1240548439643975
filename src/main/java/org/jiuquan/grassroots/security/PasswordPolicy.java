package org.jiuquan.grassroots.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: at least 12 characters, three of the four kinds (lower case, upper case,
 * digits, other), not the username, and not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = Set.of("password1234", "password123!", "qwerty123456",
            "123456789012", "admin1234567", "iloveyou1234", "welcome12345", "abc123456789", "p@ssw0rd1234",
            "jiuquan12345", "jiuquan123456", "changeme1234");

    private PasswordPolicy() {
    }

    /** Why the password is refused, as a message key of the UI and API (with the minimum length), or empty. */
    public static Optional<String> problem(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.contains-username");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password.common");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of("password.too-simple");
        }
        return Optional.empty();
    }
}
