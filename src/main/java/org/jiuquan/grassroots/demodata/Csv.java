package org.jiuquan.grassroots.demodata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Minimal RFC 4180 CSV: a header line, comma-separated fields, double quotes around fields that hold a
 * comma, quote or line break. Rows come back as maps from column name to text, with their line number.
 */
final class Csv {

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

    static List<Row> read(String file, Reader source, List<String> requiredColumns) {
        try (BufferedReader reader = new BufferedReader(source)) {
            List<List<String>> records = parse(file, reader);
            if (records.isEmpty()) {
                throw new DatasetException(file, 1, "文件为空 / the file is empty");
            }
            List<String> header = records.get(0);
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw new DatasetException(file, 1, "表头缺少列 " + column + " / header lacks column " + column);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> record = records.get(i);
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new DatasetException(file, i + 1, "应有 " + header.size() + " 个字段，实有 " + record.size()
                            + " / expected " + header.size() + " fields, found " + record.size());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), record.get(c));
                }
                rows.add(new Row(file, i + 1, fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses records; line numbers in errors count records, which equals lines for files without quoted breaks. */
    private static List<List<String>> parse(String file, BufferedReader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(stripCr(field));
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new DatasetException(file, records.size() + 1, "引号未闭合 / unclosed quote");
        }
        if (any && (!field.isEmpty() || !record.isEmpty())) {
            record.add(stripCr(field));
            records.add(record);
        }
        return records;
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }

    /** One CSV line (with its line break) from the given fields, quoting where needed. */
    static String line(@Nullable Object... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = fields[i] == null ? "" : fields[i].toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        return out.append('\n').toString();
    }
}
