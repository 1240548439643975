package org.jiuquan.grassroots.security;

/**
 * Leaders' phone numbers are personal data: editors and admins see them in full, everyone else masked
 * (138****1234), in the UI, in every API response and in every export. Queries select a phone with
 * {@link #select(String)} and bind {@link #PARAMETER} to {@link #fullForCurrentUser()}; the mask itself is
 * the database function masked_phone (V9), so there is one definition of it.
 */
public final class PhoneNumbers {

    public static final String PARAMETER = "fullPhones";

    private PhoneNumbers() {
    }

    /** The SQL expression of a phone column as the current user may see it. */
    public static String select(String column) {
        return "CASE WHEN :" + PARAMETER + " THEN " + column + " ELSE masked_phone(" + column + ") END";
    }

    public static boolean fullForCurrentUser() {
        return CurrentUser.maySeePhoneNumbers();
    }
}
