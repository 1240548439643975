package org.jiuquan.grassroots.demodata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes and foreign keys of the tables a load fills, set aside while the rows go into emptied tables and
 * built again once they are in, as pg_restore does. Adding a row to every index and checking every foreign key
 * row by row cost most of a load (at 100 times the demo, 15 s for the 670,000 statuses per period alone); a
 * sorted index build and a foreign key validated in one join cost a fraction of that.
 * <p>The definitions are read from the catalogue, so an index or a foreign key a later migration adds is built
 * again too, under its own name. Everything happens inside the load's transaction (DDL is transactional in
 * PostgreSQL): a load that fails leaves the indexes and keys as they were. A unique index or a foreign key that
 * the new rows break fails when it is built, with its own name, as the insert would have failed
 * ({@link DatabaseRefusal} turns the name into words for the person who wrote the files).
 * <p>Only for a load into tables emptied by TRUNCATE: it locks the tables until the commit anyway. A load while
 * the app serves maps keeps every index, because readers go on using them.
 */
final class IndexesSetAside {

    /**
     * The tables a load fills in bulk, in the order their foreign keys are checked again: the files' own tables
     * first, so a row that names a missing organisation is reported against the file it came from, and the
     * statuses per period (derived from the history) last.
     */
    static final List<String> TABLES = List.of("organisation", "leader", "organisation_status", "contact_point",
            "organisation_period_status");

    /**
     * Every foreign key from or to the tables (a key of another table that points at them must go before their
     * primary key can), with the statements that drop it and add it again.
     */
    static final String FOREIGN_KEYS = """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f'
              AND (c.conrelid = ANY (CAST(CAST(? AS text[]) AS regclass[]))
                   OR c.confrelid = ANY (CAST(CAST(? AS text[]) AS regclass[])))
            ORDER BY coalesce(array_position(CAST(? AS text[]), c.conrelid::regclass::text), 1000), c.conname""";
    /**
     * Every index of the tables: those of a primary key or unique constraint are dropped and added as the
     * constraint (primary keys first, since foreign keys need them), the others with their own definition.
     */
    static final String INDEXES = """
            SELECT CASE WHEN k.conname IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                        ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, k.conname) END,
                   CASE WHEN k.conname IS NULL THEN pg_get_indexdef(i.indexrelid)
                        ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, k.conname,
                                    pg_get_constraintdef(k.oid)) END
            FROM pg_index i
            LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                     AND k.contype IN ('p', 'u', 'x')
            WHERE i.indrelid = ANY (CAST(CAST(? AS text[]) AS regclass[]))
            ORDER BY CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 ELSE 3 END,
                     array_position(CAST(? AS text[]), i.indrelid::regclass::text), i.indexrelid::regclass::text""";
    /**
     * Memory for the index builds of this transaction only: the largest, the statuses per period, sorts about
     * 1.5 million keys at 230 times the demo, which the default 64 MB would sort on disk.
     */
    static final String BUILD_MEMORY = "SET LOCAL maintenance_work_mem = '256MB'";

    private final List<String> buildAgain;

    private IndexesSetAside(List<String> buildAgain) {
        this.buildAgain = buildAgain;
    }

    /** Nothing set aside: {@link #buildAgain(Connection)} does nothing. */
    static IndexesSetAside none() {
        return new IndexesSetAside(List.of());
    }

    /** Drops the foreign keys and indexes of {@link #TABLES}, remembering how to build them again. */
    static IndexesSetAside setAside(Connection connection) throws SQLException {
        List<String[]> foreignKeys = read(connection, FOREIGN_KEYS, 3);
        List<String[]> indexes = read(connection, INDEXES, 2);
        List<String> buildAgain = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String[] key : foreignKeys) {
                statement.execute(key[0]);
            }
            for (String[] index : indexes) {
                statement.execute(index[0]);
                buildAgain.add(index[1]);
            }
        }
        foreignKeys.forEach(key -> buildAgain.add(key[1]));
        return new IndexesSetAside(buildAgain);
    }

    /** Builds the indexes (constraints' first) and then validates and adds the foreign keys. */
    void buildAgain(Connection connection) throws SQLException {
        if (buildAgain.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(BUILD_MEMORY);
            for (String sql : buildAgain) {
                statement.execute(sql);
            }
        }
    }

    private static List<String[]> read(Connection connection, String sql, int tableArrays) throws SQLException {
        Array tables = connection.createArrayOf("text", TABLES.toArray());
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= tableArrays; i++) {
                statement.setArray(i, tables);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return rows;
    }
}
