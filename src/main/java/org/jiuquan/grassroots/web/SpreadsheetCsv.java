package org.jiuquan.grassroots.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for people who open it in Excel: UTF-8 with a byte-order mark (so Chinese is not garbled), CRLF
 * line ends, quotes where a cell needs them (Apache Commons CSV, RFC 4180). A cell starting with = + - @ is
 * prefixed with an apostrophe, so a name from the data can never run as a formula in the reader's spreadsheet.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    public static byte[] of(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(headers.stream().map(SpreadsheetCsv::cell));
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The cell's text, made safe from being run as a formula (numbers such as -3.5 stay numbers). */
    static String cell(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !looksNumeric(value)
                ? "'" + value : value;
    }

    private static boolean looksNumeric(String value) {
        return value.matches("[-+]?[0-9]+(\\.[0-9]+)?");
    }
}
