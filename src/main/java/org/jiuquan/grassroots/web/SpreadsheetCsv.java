package org.jiuquan.grassroots.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for people who open it in Excel: UTF-8 with a byte-order mark (so Chinese is not garbled), CRLF
 * line ends, quotes where a cell needs them. A cell starting with = + - @ is prefixed with an apostrophe,
 * so a name from the data can never run as a formula in the reader's spreadsheet.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    public static byte[] of(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, headers);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells.stream().map(SpreadsheetCsv::cell).toList())).append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !looksNumeric(value)
                ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean looksNumeric(String value) {
        return value.matches("[-+]?[0-9]+(\\.[0-9]+)?");
    }
}
