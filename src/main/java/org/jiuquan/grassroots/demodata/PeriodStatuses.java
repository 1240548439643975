package org.jiuquan.grassroots.demodata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * V11's rule (refresh_organisation_period_status) for a whole dataset, computed while its rows are written out,
 * so that the organisations and their statuses per period go straight into their tables with COPY instead of
 * through temporary tables and a grouping in SQL: at each period's end, the latest status that had begun by
 * then and the day it began, and whether the organisation had ever been rectified by then; no row for a period
 * that ended before its first status. BulkLoadIT compares the result with V11's own function.
 */
final class PeriodStatuses {

    /** The periods, as the period table holds them. */
    static final String PERIODS = "SELECT code, ends_on FROM period ORDER BY ends_on";

    record Period(String code, LocalDate endsOn) {
    }

    /** One row of organisation_period_status. */
    record Row(String period, long organisationId, String status, LocalDate statusSince, boolean everRectified) {
    }

    private final List<Period> periods;
    private final Map<Long, List<Dataset.StatusChange>> historyByOrganisation;

    /** @param history every status change of the dataset, in any order */
    PeriodStatuses(List<Period> periods, List<Dataset.StatusChange> history) {
        this.periods = List.copyOf(periods);
        this.historyByOrganisation = new HashMap<>();
        for (Dataset.StatusChange change : history) {
            historyByOrganisation.computeIfAbsent(change.organisationId(), id -> new ArrayList<>(4)).add(change);
        }
        historyByOrganisation.values().forEach(h -> h.sort(Comparator.comparing(Dataset.StatusChange::validFrom)));
    }

    /**
     * An organisation listed without a history has been in its current status since its status_since (the
     * history row the load writes for it, as V11 reads every period from the history).
     */
    static List<Dataset.StatusChange> historyWithCurrentStatuses(Dataset dataset) {
        java.util.Set<Long> withHistory = new java.util.HashSet<>();
        dataset.statusChanges().forEach(s -> withHistory.add(s.organisationId()));
        List<Dataset.StatusChange> history = new ArrayList<>(dataset.statusChanges());
        for (Dataset.Organisation o : dataset.organisations()) {
            if (!withHistory.contains(o.id())) {
                history.add(new Dataset.StatusChange(o.id(), o.statusSince(), o.status()));
            }
        }
        return history;
    }

    /** The organisation's row of every period that had ended after its first status, oldest first. */
    List<Row> of(long organisationId) {
        List<Dataset.StatusChange> history = historyByOrganisation.getOrDefault(organisationId, List.of());
        List<Row> rows = new ArrayList<>(periods.size());
        for (Period period : periods) {
            Dataset.StatusChange latest = null;
            boolean everRectified = false;
            for (Dataset.StatusChange change : history) {
                if (change.validFrom().isAfter(period.endsOn())) {
                    break;
                }
                latest = change;
                everRectified |= change.status().equals("rectified");
            }
            if (latest != null) {
                rows.add(new Row(period.code(), organisationId, latest.status(), latest.validFrom(), everRectified));
            }
        }
        return rows;
    }

    /** The statuses on the organisation's own row (V11's status_at), as JSON: {"2017Q1": "weak", ...}. */
    static String statusAt(List<Row> rows) {
        StringBuilder json = new StringBuilder("{");
        for (Row row : rows) {
            if (json.length() > 1) {
                json.append(", ");
            }
            jsonString(json, row.period());
            json.append(": ");
            jsonString(json, row.status());
        }
        return json.append('}').toString();
    }

    /** A JSON string (a status from a file may hold anything; the history's check constraint refuses it later). */
    private static void jsonString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
