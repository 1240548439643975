package org.jiuquan.grassroots.organisations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What a detail card shows of one contact point; the leader's phone is masked unless the user may see it. */
public record ContactPointDetails(long id, String leaderNameZh, String leaderLevel, String leaderTitleZh,
                                  String leaderPhone,
                                  long organisationId, @Nullable String organisationCode, String organisationNameZh,
                                  String organisationKind, String organisationStatus, String districtCode,
                                  LocalDate establishedOn, double lon, double lat) {
}
