package org.jiuquan.grassroots.demodata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.jiuquan.grassroots.demodata.DemoDataGenerator.FOUND_IN_Q4_RECTIFYING;
import static org.jiuquan.grassroots.demodata.DemoDataGenerator.FOUND_IN_Q4_STILL_WEAK;
import static org.jiuquan.grassroots.demodata.DemoDataGenerator.RECTIFIED_PER_QUARTER;

/**
 * The status history of the demo organisations: which are weak, when they were found, taken in hand and
 * rectified. Draws from the generator's random sequence, in its turn, so the dataset stays the same.
 */
final class WeakOrganisations {

    private final int scale;
    private final Random random;
    private final List<Dataset.Organisation> organisations;
    private final List<Dataset.StatusChange> statusChanges;

    WeakOrganisations(int scale, Random random, List<Dataset.Organisation> organisations,
                      List<Dataset.StatusChange> statusChanges) {
        this.scale = scale;
        this.random = random;
        this.organisations = organisations;
        this.statusChanges = statusChanges;
    }

    /**
     * Weak and lax organisations: found late in 2016 or early 2017, taken in hand, rectified through the
     * year (15, 28, 32 and 28 per quarter: 103 in all); a dozen more found in the Q4 review are still open.
     */
    void mark() {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            String kind = organisations.get(i).kind();
            if (kind.equals("village") || kind.equals("grid_branch")) {
                candidates.add(i);
            }
        }
        Collections.shuffle(candidates, random);
        int next = 0;
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate quarterStart = DemoDataGenerator.YEAR_START.plusMonths(3L * quarter);
            for (int n = 0; n < RECTIFIED_PER_QUARTER[quarter] * scale; n++) {
                int index = candidates.get(next++);
                LocalDate found = LocalDate.of(2016, 11, 1).plusDays(random.nextInt(100));
                LocalDate rectified = quarterStart.plusDays(random.nextInt(88));
                LocalDate rectifying = found.plusDays(10 + random.nextInt(30));
                if (!rectifying.isBefore(rectified)) {
                    rectifying = rectified.minusDays(5);
                }
                if (!rectifying.isAfter(found)) {
                    found = rectifying.minusDays(5);
                }
                setStatus(index, DemoDataGenerator.fortressIndex(random, 68, 5, 60, 80), "rectified", rectified);
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), found, "weak"));
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectifying, "rectifying"));
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectified, "rectified"));
            }
        }
        for (int n = 0; n < (FOUND_IN_Q4_STILL_WEAK + FOUND_IN_Q4_RECTIFYING) * scale; n++) {
            int index = candidates.get(next++);
            LocalDate found = LocalDate.of(2017, 10, 9).plusDays(random.nextInt(50));
            statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), found, "weak"));
            if (n < FOUND_IN_Q4_RECTIFYING * scale) {
                LocalDate rectifying = found.plusDays(7 + random.nextInt(14));
                setStatus(index, DemoDataGenerator.fortressIndex(random, 54, 4, 45, 62), "rectifying", rectifying);
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectifying, "rectifying"));
            } else {
                setStatus(index, DemoDataGenerator.fortressIndex(random, 45, 6, 30, 58), "weak", found);
            }
        }
        Set<Long> withHistory = new HashSet<>();
        statusChanges.forEach(change -> withHistory.add(change.organisationId()));
        for (Dataset.Organisation organisation : organisations) {
            if (!withHistory.contains(organisation.id())) {
                statusChanges.add(new Dataset.StatusChange(organisation.id(), DemoDataGenerator.YEAR_START, "normal"));
            }
        }
        statusChanges.sort(Comparator.comparingLong(Dataset.StatusChange::organisationId)
                .thenComparing(Dataset.StatusChange::validFrom));
    }

    private void setStatus(int index, BigDecimal fortress, String status, LocalDate since) {
        organisations.set(index, organisations.get(index).withStatus(fortress, status, since));
    }
}
