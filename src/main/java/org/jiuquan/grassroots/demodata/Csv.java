package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The dataset's CSV files (RFC 4180, read and written with Apache Commons CSV): a header line,
 * comma-separated fields, double quotes around fields that hold a comma, quote or line break, LF line ends.
 * Rows come back as maps from column name to text, with their line number for messages.
 */
final class Csv {

    /** Reading: blank lines are skipped; the header is checked here, so Commons CSV sees plain records. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** Writing: LF line ends, as the committed files have; null is an empty field. */
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    record Row(String file, int line, Map<String, String> fields) {
        String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new DatasetException(file, line, "缺少列 " + column + " / missing column " + column);
            }
            return value;
        }
    }

    private Csv() {
    }

    /** Line numbers in errors count records, which equals lines for files without quoted line breaks. */
    static List<Row> read(String file, Reader source, List<String> requiredColumns) {
        List<CSVRecord> records;
        CSVParser parser = null;
        try (CSVParser opened = READ.parse(source)) {
            parser = opened;
            records = opened.getRecords();
        } catch (IOException | UncheckedIOException e) {
            // The one way a CSV text is malformed for Commons CSV: a quote opened and never closed.
            long line = parser == null ? 1 : parser.getRecordNumber() + 1;
            throw new DatasetException(file, (int) line, "引号未闭合 / unclosed quote");
        }
        if (records.isEmpty()) {
            throw new DatasetException(file, 1, "文件为空 / the file is empty");
        }
        List<String> header = new ArrayList<>(records.get(0).toList());
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new DatasetException(file, 1, "表头缺少列 " + column + " / header lacks column " + column);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            if (record.size() != header.size()) {
                throw new DatasetException(file, line, "应有 " + header.size() + " 个字段，实有 " + record.size()
                        + " / expected " + header.size() + " fields, found " + record.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), record.get(c));
            }
            rows.add(new Row(file, line, fields));
        }
        return rows;
    }

    /** One CSV line (with its line break) from the given fields, quoting where needed. */
    static String line(@Nullable Object... fields) {
        try {
            StringBuilder out = new StringBuilder();
            WRITE.printRecord(out, fields);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
    }
}
