package org.jiuquan.grassroots.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table read from a file, before any meaning is given to its columns: the header as written, and each
 * row's cells with the row number a spreadsheet would show (the header is row 1).
 */
record SourceTable(String file, @Nullable String sheet, List<String> headers, List<Row> rows) {

    record Row(int number, List<String> cells, @Nullable Point point) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    /** A geometry's point as the file gave it (GIS files), in the file's coordinates. */
    record Point(double x, double y) {
    }

    /** Where an issue is: file, sheet and row. */
    record Place(String file, @Nullable String sheet, @Nullable Integer row) {
    }

    Place place(Row row) {
        return new Place(file, sheet, row.number());
    }

    Place wholeFile() {
        return new Place(file, sheet, null);
    }
}
