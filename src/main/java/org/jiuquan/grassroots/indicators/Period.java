package org.jiuquan.grassroots.indicators;

import java.time.LocalDate;

public record Period(String code, LocalDate startsOn, LocalDate endsOn, String themeZh, String themeEn) {
}
