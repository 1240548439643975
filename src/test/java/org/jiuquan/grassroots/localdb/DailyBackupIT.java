package org.jiuquan.grassroots.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily backup of the private cluster keeps the newest N dumps and removes older ones. */
@PostgisIntegrationTest
class DailyBackupIT {

    @Autowired
    LocalPostgis cluster;

    @Test
    void threeDailyBackupsKeepingTwoLeaveTheNewestTwo() throws Exception {
        Path dir = ThrowawayPostgis.newDirectory("jiuquan-daily-");
        List<Path> made = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-0" + day + "T18:30:00Z"), ZoneId.of("Asia/Shanghai"));
            made.add(new DailyBackup(cluster, dir.toString(), 2, LocalTime.of(2, 30), "", clock).runOnce());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("jiuquan-20260303-023000.dump", "jiuquan-20260304-023000.dump");
        }
        assertThat(made.getLast()).isRegularFile();
        assertThat(Files.size(made.getLast())).isPositive();
    }
}
