package org.jiuquan.grassroots.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One row of a leader, contact point, indicator value or status change file as it goes into import_record:
 * each kind fills its own fields. {@code onDate} is a contact point's date of establishment or a status
 * change's first day.
 */
record StagedRecord(int rowNo, @Nullable String sheet, @Nullable String districtCode, @Nullable String name,
                    @Nullable String level, @Nullable String title, @Nullable String phone, @Nullable String orgCode,
                    @Nullable String indicator, @Nullable String period, @Nullable BigDecimal value,
                    @Nullable String status, @Nullable LocalDate onDate) {
}
