package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodStatusesTest {

    static final List<PeriodStatuses.Period> QUARTERS = List.of(
            new PeriodStatuses.Period("2017Q1", LocalDate.of(2017, 3, 31)),
            new PeriodStatuses.Period("2017Q2", LocalDate.of(2017, 6, 30)));

    @Test
    void eachPeriodTakesTheLatestStatusBegunByItsEndInWhateverOrderTheHistoryCame() {
        // Given a history listed out of order, with a change on the first quarter's last day
        PeriodStatuses statuses = new PeriodStatuses(QUARTERS, List.of(
                new Dataset.StatusChange(7, LocalDate.of(2017, 5, 2), "weak"),
                new Dataset.StatusChange(7, LocalDate.of(2017, 3, 31), "rectified"),
                new Dataset.StatusChange(7, LocalDate.of(2016, 2, 1), "weak")));
        // When the statuses per period are read
        List<PeriodStatuses.Row> rows = statuses.of(7);
        // Then the last day counts, and once rectified stays ever rectified
        assertThat(rows).containsExactly(
                new PeriodStatuses.Row("2017Q1", 7, "rectified", LocalDate.of(2017, 3, 31), true),
                new PeriodStatuses.Row("2017Q2", 7, "weak", LocalDate.of(2017, 5, 2), true));
        assertThat(PeriodStatuses.statusAt(rows)).isEqualTo("{\"2017Q1\": \"rectified\", \"2017Q2\": \"weak\"}");
    }

    @Test
    void noRowBeforeTheFirstStatusAndNoneForAnOrganisationWithoutHistory() {
        PeriodStatuses statuses = new PeriodStatuses(QUARTERS,
                List.of(new Dataset.StatusChange(8, LocalDate.of(2017, 4, 1), "normal")));
        assertThat(statuses.of(8)).extracting(PeriodStatuses.Row::period).containsExactly("2017Q2");
        assertThat(statuses.of(9)).isEmpty();
        assertThat(PeriodStatuses.statusAt(statuses.of(9))).isEqualTo("{}");
    }

    @Test
    void aStatusThatIsNoStatusStillMakesValidJsonForTheDatabaseToRefuseInWords() {
        PeriodStatuses statuses = new PeriodStatuses(QUARTERS,
                List.of(new Dataset.StatusChange(1, LocalDate.of(2017, 1, 1), "we\"ak\\\n")));
        assertThat(PeriodStatuses.statusAt(statuses.of(1)))
                .isEqualTo("{\"2017Q1\": \"we\\\"ak\\\\\\u000a\", \"2017Q2\": \"we\\\"ak\\\\\\u000a\"}");
    }
}
