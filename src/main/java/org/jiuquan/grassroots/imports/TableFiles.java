package org.jiuquan.grassroots.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads CSV (Commons CSV, after {@link TextDecoding}) and Excel .xlsx (POI) into {@link SourceTable}s. */
final class TableFiles {

    private TableFiles() {
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static SourceTable csv(String file, byte[] bytes) {
        TextDecoding.Decoded decoded = TextDecoding.decode(file, bytes);
        String text = decoded.text();
        // Excel saves "CSV" with the list separator of the system: a semicolon or tab in some settings.
        char delimiter = firstLineHas(text, ',') ? ',' : firstLineHas(text, '\t') ? '\t'
                : firstLineHas(text, ';') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<String> headers = null;
        List<SourceTable.Row> rows = new ArrayList<>();
        LineCounter lines = new LineCounter(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (headers == null) {
                    headers = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // The line the record starts on, as a spreadsheet numbers it (blank lines and quoted line
                // breaks included), not the record count.
                rows.add(new SourceTable.Row(lines.lineAt(record.getCharacterPosition()), cells, null));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ImportRefusal.badFile("import.bad-csv", file);
        }
        if (headers == null) {
            throw ImportRefusal.badFile("import.empty-file", file);
        }
        return new SourceTable(file, null, headers, rows);
    }

    /** Counts line breaks forward from the previous record, so a long file is scanned once. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            while (position < target && position < text.length()) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static boolean firstLineHas(String text, char c) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).indexOf(c) >= 0;
    }

    /** The first sheet with a header row (an instruction sheet of our templates is skipped by name). */
    static SourceTable xlsx(String file, byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                if (Templates.INSTRUCTIONS_SHEETS.contains(sheet.getSheetName()) || sheet.getPhysicalNumberOfRows() == 0
                        || workbook.isSheetHidden(workbook.getSheetIndex(sheet))) {
                    continue;
                }
                return sheet(file, sheet);
            }
            throw ImportRefusal.badFile("import.empty-file", file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRefusal refusal) {
                throw refusal;
            }
            throw ImportRefusal.badFile("import.bad-xlsx", file);
        }
    }

    private static SourceTable sheet(String file, Sheet sheet) {
        List<String> headers = null;
        List<SourceTable.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                cells.add(text(row.getCell(c)));
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (headers == null) {
                headers = cells.stream().map(String::strip).toList();
            } else {
                rows.add(new SourceTable.Row(row.getRowNum() + 1, cells, null));
            }
        }
        if (headers == null) {
            throw ImportRefusal.badFile("import.empty-file", file);
        }
        return new SourceTable(file, sheet.getSheetName(), headers, rows);
    }

    /** A cell as a person reads it: codes as digits (never 6.20902E11), dates as YYYY-MM-DD. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }
}
