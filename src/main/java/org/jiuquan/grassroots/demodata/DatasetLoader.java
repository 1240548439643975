package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.locationtech.jts.io.WKTWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a dataset into PostGIS, replacing what was there, in one transaction: a dataset that breaks a
 * constraint (or has a point outside its district) leaves the database exactly as it was. Loading the
 * dataset that is already loaded does nothing.
 */
@Component
public class DatasetLoader {

    private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

    /** The name prefix of datasets imported by editors: the demo is never loaded over one at start. */
    public static final String IMPORTED_PREFIX = "import:";

    /** The dataset in the database (the loader keeps exactly one row: the last load replaces everything). */
    static final String LOADED_CHECKSUM = "SELECT checksum FROM dataset_load";
    static final String LOADED_NAME = "SELECT name FROM dataset_load";
    static final String CLEAR = "TRUNCATE nearest_contact, contact_point, organisation_status, leader, organisation, "
            + "indicator_value, indicator, district, dataset_load RESTART IDENTITY CASCADE";
    /**
     * The same tables emptied row by row, for a load while the app serves maps: a TRUNCATE locks each table
     * until the commit, so every read would wait for the whole load (45 s at 150,000 organisations); row
     * deletes take no lock a reader waits for, and readers see the previous data until the commit. The
     * delete triggers of the derived tables are held back ({@link BulkLoad}): they would recompute the
     * quarters, counts and tile cells of every organisation only for them to be rebuilt next.
     */
    static final List<String> CLEAR_WHILE_SERVING = List.of(
            "DELETE FROM nearest_contact",
            "DELETE FROM contact_point",
            "DELETE FROM organisation_status",
            "DELETE FROM organisation_period_status",
            "DELETE FROM leader",
            "DELETE FROM organisation",
            "DELETE FROM indicator_value",
            "DELETE FROM indicator",
            "DELETE FROM district",
            "DELETE FROM dataset_load");
    static final String INSERT_DISTRICT = """
            INSERT INTO district (code, name_zh, name_en, seat_name_zh, seat_name_en, brand_zh, brand_en, outline, seat)
            VALUES (?, ?, ?, ?, ?, ?, ?, ST_Multi(ST_GeomFromText(?, 4326)), ST_GeomFromText(?, 4326))""";
    static final String PLACE_LABELS = """
            UPDATE district d SET label_point = (
                SELECT (ST_MaximumInscribedCircle(part.geom)).center FROM ST_Dump(d.outline) part
                WHERE ST_Intersects(part.geom, d.seat) LIMIT 1)""";
    /** The official township list goes with every dataset (it is a code list, not demo data). */
    static final String INSERT_TOWNSHIP = "INSERT INTO township (code, name_zh, district_code) VALUES (?, ?, ?)";
    static final String INSERT_INDICATOR = """
            INSERT INTO indicator (code, name_zh, name_en, unit_zh, unit_en, higher_is_better, aggregation, numerator,
                                   denominator, factor, decimals, category, sort_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String COPY_LEADERS = "COPY leader (id, name_zh, level, title_zh, district_code, phone) FROM STDIN";
    static final String COPY_CONTACT_POINTS = "COPY contact_point (id, leader_id, organisation_id, established_on) FROM STDIN";
    /** The indicators PostGIS computes from the organisation tables (V11), and the ratios. */
    static final String COMPUTED_INDICATORS = """
            SELECT code FROM computed_indicator UNION SELECT code FROM indicator WHERE aggregation = 'ratio'""";
    static final String COPY_INDICATOR_VALUES = "COPY indicator_value (indicator_code, district_code, period, value) FROM STDIN";
    static final String RESET_IDENTITIES = """
            SELECT setval(pg_get_serial_sequence('organisation', 'id'), coalesce(max(id), 0) + 1, false) FROM organisation;
            SELECT setval(pg_get_serial_sequence('leader', 'id'), coalesce(max(id), 0) + 1, false) FROM leader;
            SELECT setval(pg_get_serial_sequence('contact_point', 'id'), coalesce(max(id), 0) + 1, false) FROM contact_point""";
    /** Nearest organisation with a contact point, for every village and grid branch (see V8). */
    public static final String NEAREST_CONTACTS = """
            INSERT INTO nearest_contact (organisation_id, contact_organisation_id, distance_m)
            SELECT o.id, n.id, ST_Distance(CAST(o.geom AS geography), CAST(n.geom AS geography))
            FROM organisation o
            CROSS JOIN LATERAL (
                SELECT co.id, co.geom FROM organisation co
                WHERE EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = co.id)
                ORDER BY ST_Transform(co.geom, 32647) <-> ST_Transform(o.geom, 32647)
                LIMIT 1) n
            WHERE o.kind IN ('village', 'grid_branch')""";
    static final String RECORD_LOAD = "INSERT INTO dataset_load (name, checksum, scale, loaded_at) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private volatile LoadSteps lastSteps = new LoadSteps();

    public DatasetLoader(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The steps of the last load and their times (none before the first). */
    public LoadSteps lastSteps() {
        return lastSteps;
    }

    /** The name of the dataset in the database, if one was loaded (imports are named "import:<file>"). */
    public Optional<String> loadedDatasetName() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOADED_NAME);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new DatasetException("数据库无法读取 / the database cannot be read: " + DatabaseRefusal.describe(e));
        }
    }

    /** @return true if the dataset was loaded, false if the same data (by checksum) was there already */
    public boolean load(Dataset dataset) {
        return load(dataset, false);
    }

    /**
     * As {@link #load(Dataset)}, for a running app: map reads go on against the previous data until the
     * new one is committed, instead of waiting for the load (row deletes rather than TRUNCATE; slower).
     */
    public boolean loadWhileServing(Dataset dataset) {
        return load(dataset, true);
    }

    private boolean load(Dataset dataset, boolean whileServing) {
        long started = System.nanoTime();
        LoadSteps steps = new LoadSteps();
        try (Connection connection = dataSource.getConnection()) {
            if (isLoaded(connection, dataset)) {
                log.info("Dataset {} is already loaded", dataset.name());
                return false;
            }
            connection.setAutoCommit(false);
            try {
                replace(connection, dataset, whileServing, steps);
                connection.commit();
                steps.done("commit");
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            steps.done(DerivedTables.analyse(connection, whileServing));
            lastSteps = steps;
            log.info("Load steps: {}", steps);
            log.info("Loaded dataset {} ({} organisations, {} contact points) in {} ms", dataset.name(),
                    dataset.organisations().size(), dataset.contactPoints().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (SQLException e) {
            throw new DatasetException("数据库拒绝了数据集，未做任何更改 / the database refused the dataset, nothing was changed: "
                    + DatabaseRefusal.describe(e));
        } catch (IOException e) {
            throw new DatasetException("数据集读取失败，未做任何更改 / the dataset could not be read, nothing was changed: "
                    + e.getMessage());
        }
    }

    /** Jiuquan's official townships (geodata/townships.csv inside the application) of the dataset's districts. */
    private static void insertTownships(Connection connection, List<Dataset.District> districts) throws SQLException {
        Set<String> codes = new java.util.HashSet<>();
        districts.forEach(d -> codes.add(d.code()));
        try (PreparedStatement statement = connection.prepareStatement(INSERT_TOWNSHIP)) {
            for (Divisions.Township t : Divisions.read(DatasetFiles.Source.classpath()).townships()) {
                if (codes.contains(t.districtCode())) {
                    statement.setString(1, t.code());
                    statement.setString(2, t.nameZh());
                    statement.setString(3, t.districtCode());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private static Set<String> computedIndicators(Connection connection) throws SQLException {
        Set<String> codes = new java.util.TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(COMPUTED_INDICATORS)) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static boolean isLoaded(Connection connection, Dataset dataset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOADED_CHECKSUM)) {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getString(1).equals(dataset.checksum());
            }
        }
    }

    private void replace(Connection connection, Dataset dataset, boolean whileServing, LoadSteps steps)
            throws SQLException, IOException {
        BulkLoad.holdBackTriggers(connection);
        try (Statement statement = connection.createStatement()) {
            for (String clear : whileServing ? CLEAR_WHILE_SERVING : List.of(CLEAR)) {
                statement.execute(clear);
            }
        }
        // Into emptied tables, the rows go in faster without indexes and foreign keys, built again below.
        IndexesSetAside setAside = whileServing ? IndexesSetAside.none() : IndexesSetAside.setAside(connection);
        steps.done("clear");
        insertDistricts(connection, dataset.districts());
        insertTownships(connection, dataset.districts());
        insertIndicators(connection, dataset.indicators());
        steps.done("districts, townships, indicators");
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        OrganisationCopy.copy(connection, copy, dataset, steps);
        StringBuilder rows = new StringBuilder();
        for (var l : dataset.leaders()) {
            CopyText.row(rows, l.id(), l.nameZh(), l.level(), l.titleZh(), l.districtCode(), l.phone());
        }
        copy(copy, COPY_LEADERS, rows);
        steps.done("COPY leaders");
        for (var c : dataset.contactPoints()) {
            CopyText.row(rows, c.id(), c.leaderId(), c.organisationId(), c.establishedOn());
        }
        copy(copy, COPY_CONTACT_POINTS, rows);
        steps.done("COPY contact points");
        Set<String> computed = computedIndicators(connection);
        int skipped = 0;
        for (var v : dataset.indicatorValues()) {
            if (computed.contains(v.indicatorCode())) {
                skipped++;
                continue;
            }
            CopyText.row(rows, v.indicatorCode(), v.districtCode(), v.period(), v.value().toPlainString());
        }
        copy(copy, COPY_INDICATOR_VALUES, rows);
        steps.done("COPY indicator values");
        setAside.buildAgain(connection);
        steps.done("indexes and foreign keys built again");
        if (skipped > 0) {
            log.info("Ignored {} values of indicators that are computed from the organisation data: {}", skipped,
                    computed);
        }
        DerivedTables.rejectPointsOutsideTheirDistrict(connection);
        steps.done("points inside their districts");
        DerivedTables.nearestContacts(connection);
        steps.done("nearest contacts");
        DerivedTables.analyseLoadedTables(connection);
        steps.done("statistics of the loaded tables");
        DerivedTables.tileCellsAndDistrictCounts(connection, whileServing);
        BulkLoad.restoreTriggers(connection);
        steps.done("tile cells and district counts");
        try (Statement statement = connection.createStatement()) {
            statement.execute(RESET_IDENTITIES);
        }
        try (PreparedStatement statement = connection.prepareStatement(RECORD_LOAD)) {
            statement.setString(1, dataset.name());
            statement.setString(2, dataset.checksum());
            statement.setInt(3, dataset.scale());
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            statement.executeUpdate();
        }
    }

    private static void insertDistricts(Connection connection, List<Dataset.District> districts) throws SQLException {
        WKTWriter wkt = new WKTWriter();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_DISTRICT)) {
            for (var d : districts) {
                statement.setString(1, d.code());
                statement.setString(2, d.nameZh());
                statement.setString(3, d.nameEn());
                statement.setString(4, d.seatNameZh());
                statement.setString(5, d.seatNameEn());
                statement.setString(6, d.brandZh());
                statement.setString(7, d.brandEn());
                statement.setString(8, wkt.write(d.outline()));
                statement.setString(9, wkt.write(d.seat()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(PLACE_LABELS);
        }
    }

    private static void insertIndicators(Connection connection, List<Dataset.Indicator> indicators) throws SQLException {
        // Ratios refer to other indicators: insert those first.
        List<Dataset.Indicator> ordered = new ArrayList<>(indicators);
        ordered.sort(java.util.Comparator.comparing(i -> i.aggregation().equals("ratio")));
        try (PreparedStatement statement = connection.prepareStatement(INSERT_INDICATOR)) {
            for (var i : ordered) {
                statement.setString(1, i.code());
                statement.setString(2, i.nameZh());
                statement.setString(3, i.nameEn());
                statement.setString(4, i.unitZh());
                statement.setString(5, i.unitEn());
                statement.setBoolean(6, i.higherIsBetter());
                statement.setString(7, i.aggregation());
                statement.setString(8, i.numerator());
                statement.setString(9, i.denominator());
                statement.setBigDecimal(10, i.factor());
                statement.setInt(11, i.decimals());
                statement.setString(12, i.category());
                statement.setInt(13, i.sortOrder());
                statement.executeUpdate();
            }
        }
    }

    private static void copy(CopyManager copy, String sql, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn(sql, new StringReader(rows.toString()));
        rows.setLength(0);
    }
}
