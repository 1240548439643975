package org.jiuquan.grassroots.security;

/** The first admin could not be created from the environment; the start stops with the reason. */
public class FirstAdminException extends RuntimeException {

    private final String reasonKey;

    public FirstAdminException(String reasonKey) {
        super(reasonKey);
        this.reasonKey = reasonKey;
    }

    /** The reason in plain words, for the console of whoever deploys the app. */
    String reason() {
        return switch (reasonKey) {
            case "password.too-short" -> "JIUQUAN_ADMIN_PASSWORD is too short: use at least "
                    + PasswordPolicy.MIN_LENGTH + " characters.";
            case "password.contains-username" -> "JIUQUAN_ADMIN_PASSWORD contains the username.";
            case "password.common" -> "JIUQUAN_ADMIN_PASSWORD is a commonly used password.";
            case "password.too-simple" -> "JIUQUAN_ADMIN_PASSWORD needs three of: lower case, upper case, digits, "
                    + "other characters.";
            case "account.bad-username" -> "JIUQUAN_ADMIN_USERNAME must be 2-32 characters of a-z, 0-9, '.', '_' "
                    + "or '-', starting with a letter or digit.";
            default -> reasonKey;
        };
    }
}
