package org.jiuquan.grassroots.privacy;

/**
 * Whether leaders' phone numbers are shown in full or masked (138****1234). Queries select a phone with
 * {@link #select(String)} and bind {@link #PARAMETER} to {@link #full()}; the mask itself is the database
 * function masked_phone (V9), so there is one definition of it.
 */
public enum PhoneVisibility {
    FULL,
    MASKED;

    public static final String PARAMETER = "fullPhones";

    /** The SQL expression of a phone column as the caller may see it. */
    public static String select(String column) {
        return "CASE WHEN :" + PARAMETER + " THEN " + column + " ELSE masked_phone(" + column + ") END";
    }

    public boolean full() {
        return this == FULL;
    }
}
