package org.jiuquan.grassroots.organisations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What a detail card shows of one organisation. Leaders' phones are masked unless the user may see them. */
public record OrganisationDetails(long id, @Nullable String code, String kind, String nameZh,
                                  @Nullable String townshipZh, String districtCode, BigDecimal fortressIndex,
                                  String status, LocalDate statusSince, double lon, double lat,
                                  Map<String, BigDecimal> fortressComponents, List<Leader> leaders) {

    /** The fortress index's components, in the order of its formula (see the V7 migration). */
    public static final List<String> FORTRESS_COMPONENTS =
            List.of("life", "secretary", "members", "venue", "funding", "problems");

    public record Leader(String nameZh, String level, String titleZh, String phone) {
    }
}
