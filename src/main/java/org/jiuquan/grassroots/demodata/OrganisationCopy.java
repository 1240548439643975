package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.copy.CopyManager;

/**
 * The organisations, their status history and their statuses per period, copied straight into their tables:
 * each organisation once, with its statuses per period on its row (V11's status_at), computed by
 * {@link PeriodStatuses} as the rows are written. Before, they went through temporary tables and were inserted
 * from there, which wrote and read every row twice.
 */
final class OrganisationCopy {

    static final String COPY_ORGANISATIONS = "COPY organisation (id, code, kind, name_zh, township_zh, district_code, "
            + "fortress_index, status, status_since, geom, fortress_life, fortress_secretary, fortress_members, "
            + "fortress_venue, fortress_funding, fortress_problems, status_at) FROM STDIN";
    static final String COPY_STATUS = "COPY organisation_status (organisation_id, valid_from, status) FROM STDIN";
    static final String COPY_PERIOD_STATUS = "COPY organisation_period_status (period, organisation_id, status, "
            + "status_since, ever_rectified) FROM STDIN";

    private OrganisationCopy() {
    }

    static void copy(Connection connection, CopyManager copy, Dataset dataset, LoadSteps steps)
            throws SQLException, IOException {
        List<Dataset.StatusChange> history = PeriodStatuses.historyWithCurrentStatuses(dataset);
        PeriodStatuses statuses = new PeriodStatuses(periods(connection), history);
        copy.copyIn(COPY_ORGANISATIONS, new CopyRows<>(dataset.organisations(), (rows, o) -> {
            List<Object> fields = new ArrayList<>(Arrays.asList(o.id(), o.code(), o.kind(), o.nameZh(),
                    o.townshipZh(), o.districtCode(), o.fortressIndex().toPlainString(), o.status(), o.statusSince(),
                    "SRID=4326;POINT(" + DatasetFiles.coordinate(o.lon()) + " " + DatasetFiles.coordinate(o.lat()) + ")"));
            for (int i = 0; i < FortressIndex.COMPONENTS.size(); i++) {
                fields.add(o.fortressComponents().isEmpty() ? null : o.fortressComponents().get(i).toPlainString());
            }
            fields.add(PeriodStatuses.statusAt(statuses.of(o.id())));
            CopyText.row(rows, fields.toArray());
        }));
        steps.done("COPY organisations with their statuses per period");
        copy.copyIn(COPY_STATUS, new CopyRows<>(history,
                (rows, s) -> CopyText.row(rows, s.organisationId(), s.validFrom(), s.status())));
        steps.done("COPY status history");
        // Only the listed organisations' (a history row naming another is refused by its foreign key, in words).
        copy.copyIn(COPY_PERIOD_STATUS, new CopyRows<>(dataset.organisations(), (rows, o) -> {
            for (PeriodStatuses.Row r : statuses.of(o.id())) {
                CopyText.row(rows, r.period(), r.organisationId(), r.status(), r.statusSince(), r.everRectified());
            }
        }));
        steps.done("COPY statuses per period");
    }

    private static List<PeriodStatuses.Period> periods(Connection connection) throws SQLException {
        List<PeriodStatuses.Period> periods = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(PeriodStatuses.PERIODS)) {
            while (rs.next()) {
                periods.add(new PeriodStatuses.Period(rs.getString(1), rs.getObject(2, java.time.LocalDate.class)));
            }
        }
        return periods;
    }
}
