package org.jiuquan.grassroots.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Numbers as the UI's language writes them. */
public final class Formats {

    private Formats() {
    }

    public static String number(@Nullable Number value, int decimals, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** A change with its sign: +3, −1.5, 0. */
    public static String change(@Nullable BigDecimal value, int decimals, Locale locale) {
        if (value == null) {
            return "–";
        }
        String text = number(value.abs(), decimals, locale);
        return value.signum() > 0 ? "+" + text : value.signum() < 0 ? "−" + text : text;
    }

    public static String withUnit(String number, String unit) {
        if (unit.isBlank()) {
            return number;
        }
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }
}
