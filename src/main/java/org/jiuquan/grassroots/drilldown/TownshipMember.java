package org.jiuquan.grassroots.drilldown;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One organisation of a township, with its status at the quarter's end.
 *
 * @param code the 12-digit code of a village or grid branch; null for enterprises and social organisations
 */
public record TownshipMember(long id, @Nullable String code, String nameZh, String kind, String status,
                             BigDecimal fortressIndex) {

    /** What the dashboard opens the organisation's card with: its code, or its number when it has none. */
    public String cardId() {
        return code != null ? code : String.valueOf(id);
    }

    public boolean weakOrRectifying() {
        return status.equals("weak") || status.equals("rectifying");
    }
}
