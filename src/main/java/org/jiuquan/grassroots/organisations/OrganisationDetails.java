package org.jiuquan.grassroots.organisations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a detail card shows of one organisation. Leaders' phone numbers are personal data: not here. */
public record OrganisationDetails(long id, @Nullable String code, String kind, String nameZh,
                                  @Nullable String townshipZh, String districtCode, BigDecimal fortressIndex,
                                  String status, LocalDate statusSince, double lon, double lat,
                                  List<Leader> leaders) {

    public record Leader(String nameZh, String level, String titleZh) {
    }
}
