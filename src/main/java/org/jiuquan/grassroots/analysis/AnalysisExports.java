package org.jiuquan.grassroots.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.web.SpreadsheetCsv;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An analysis table as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese) or as an .xlsx workbook. */
@Component
public class AnalysisExports {

    static final List<String> COLUMNS = List.of("code", "name", "kind", "district", "fortress", "status", "result",
            "detail", "lon", "lat");

    private final MessageSource messages;
    private final AnalysisText text;

    AnalysisExports(MessageSource messages, AnalysisText text) {
        this.messages = messages;
        this.text = text;
    }

    public byte[] csv(List<AnalysisRow> rows, AnalysisKind kind, Locale locale) {
        return SpreadsheetCsv.of(headers(kind, locale), rows.stream().map(row -> cells(row, kind, locale)).toList());
    }

    public byte[] xlsx(List<AnalysisRow> rows, AnalysisKind kind, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("export.sheet." + kind.code(), null, locale));
            Row header = sheet.createRow(0);
            List<String> headers = headers(kind, locale);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 1);
                AnalysisRow row = rows.get(r);
                List<String> cells = cells(row, kind, locale);
                for (int c = 0; c < cells.size(); c++) {
                    boolean numeric = c == 4 || c == 8 || c == 9 || (c == 6 && row.result() != null);
                    if (numeric) {
                        // The result unrounded (a z-score to four decimals); Excel shows 3.0 as 3.
                        line.createCell(c).setCellValue(c == 6 ? java.util.Objects.requireNonNull(row.result()) : Double.parseDouble(cells.get(c)));
                    } else {
                        line.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> headers(AnalysisKind kind, Locale locale) {
        return COLUMNS.stream().map(column -> messages.getMessage(
                column.equals("result") ? "export.result." + kind.code() : "export.column." + column, null, locale))
                .toList();
    }

    /** The cells as the table shows them: the district by name, whole numbers without ".0", spots in words. */
    private List<String> cells(AnalysisRow row, AnalysisKind kind, Locale locale) {
        return List.of(row.code(), row.nameZh(), messages.getMessage("export.kind." + row.kind(), null, row.kind(), locale),
                text.district(row.districtCode(), locale), AnalysisText.plain(row.fortressIndex()),
                row.status() == null ? "" : messages.getMessage("export.status." + row.status(), null, row.status(), locale),
                text.result(row, kind), text.detail(row, kind, locale),
                String.valueOf(row.lon()), String.valueOf(row.lat()));
    }

}
