package org.jiuquan.grassroots.organisations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

public record ContactPointDetails(long id, String leaderNameZh, String leaderLevel, String leaderTitleZh,
                                  long organisationId, @Nullable String organisationCode, String organisationNameZh,
                                  String organisationKind, String organisationStatus, String districtCode,
                                  LocalDate establishedOn, double lon, double lat) {
}
