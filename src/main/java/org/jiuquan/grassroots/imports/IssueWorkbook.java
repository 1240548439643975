package org.jiuquan.grassroots.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An import's errors and warnings as a workbook the editor can sort and tick off while fixing the file. */
final class IssueWorkbook {

    private IssueWorkbook() {
    }

    static byte[] write(List<Issue> issues, Function<Issue, String> text, Locale locale) {
        boolean zh = !locale.getLanguage().equals("en");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(zh ? "问题" : "Issues");
            Row header = sheet.createRow(0);
            String[] titles = zh ? new String[] {"级别", "文件", "工作表", "行", "列", "说明"}
                    : new String[] {"Level", "File", "Sheet", "Row", "Column", "Message"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (Issue issue : issues) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(issue.error() ? (zh ? "错误" : "error") : (zh ? "提示" : "warning"));
                row.createCell(1).setCellValue(issue.file());
                row.createCell(2).setCellValue(issue.sheet() == null ? "" : issue.sheet());
                if (issue.row() != null) {
                    row.createCell(3).setCellValue(issue.row());
                }
                row.createCell(4).setCellValue(issue.column() == null ? "" : issue.column());
                row.createCell(5).setCellValue(text.apply(issue));
            }
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(4, 16 * 256);
            sheet.setColumnWidth(5, 90 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
