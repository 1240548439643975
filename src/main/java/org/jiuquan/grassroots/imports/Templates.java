package org.jiuquan.grassroots.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Excel templates for editors: a sheet with Chinese headers and drop-down lists (district, township, kind,
 * status, indicator, quarter) fed from a hidden sheet of today's values, and an instruction sheet. The
 * organisation template reads straight back through the import; the instruction sheet is skipped there.
 */
@Component
class Templates {

    static final Set<String> INSTRUCTIONS_SHEETS = Set.of("填写说明", "Instructions");
    static final List<String> ENTITIES = List.of("organisations", "leaders", "contact-points", "indicator-values",
            "status-changes");
    private static final int ROWS_WITH_LISTS = 5000;

    /** A column: its header, an example value, and the named list its drop-down takes (or null). */
    private record Column(String header, String example, String list, String help) {
    }

    private final TemplateLists lists;

    Templates(TemplateLists lists) {
        this.lists = lists;
    }

    byte[] workbook(String entity) {
        List<Column> columns = switch (entity) {
            case "organisations" -> List.of(
                    new Column("代码", "620902100200", "", "12 位统计用区划代码（必填）。前 6 位为区县，末 3 位 001-199 为社区网格、200-399 为行政村。请设为文本格式，以免 Excel 改成科学计数法。"),
                    new Column("名称", "新东村", "", "村或社区网格党组织的名称（新组织必填）。"),
                    new Column("类型", "行政村", "kinds", "行政村 或 社区网格；可不填，由代码推出。"),
                    new Column("区县", "肃州区", "districts", "可不填，由代码推出；填写时须与代码一致。"),
                    new Column("乡镇", "西洞镇", "townships", "须为该区县现有的乡镇（街道）。"),
                    new Column("状态", "正常", "statuses", "正常、软弱涣散、正在整顿、已整顿；不填则保留现有状态（新组织为正常）。"),
                    new Column("状态起始日期", "2017-01-01", "", "状态从哪天开始，写作 2017-01-01。"),
                    new Column("堡垒指数", "83.2", "", "0-100（新组织必填）。"),
                    new Column("经度", "98.612889", "", "WGS 84 / CGCS2000 经度（新组织必填）。从高德或百度地图取的坐标请在导入时选择 gcj02 或 bd09。"),
                    new Column("纬度", "39.643210", "", "WGS 84 / CGCS2000 纬度（新组织必填）。"));
            case "leaders" -> List.of(
                    new Column("姓名", "张三", "", "领导姓名。"),
                    new Column("级别", "县级", "levels", "市级、县级或乡级。"),
                    new Column("职务", "县委书记", "", "职务全称。"),
                    new Column("区县", "肃州区", "districts", "市级领导不填。"),
                    new Column("手机", "13800000000", "", "11 位手机号。导入时按手机号找到已有领导并更新，找不到则按区县内唯一的姓名，否则新增。"));
            case "contact-points" -> List.of(
                    new Column("领导姓名", "张三", "", "与领导名单中的姓名一致。若有同名领导，请在最后增加一列“手机”，写明其手机号。"),
                    new Column("组织代码", "620902100200", "", "联系的村或社区网格的 12 位代码。"),
                    new Column("建立日期", "2017-03-01", "", "写作 2017-03-01。"));
            case "indicator-values" -> List.of(
                    new Column("指标", "villages", "indicators", "指标代码（见下拉列表）。"),
                    new Column("区县", "肃州区", "districts", "区县名称或 6 位代码。"),
                    new Column("季度", "2017Q4", "periods", "如 2017Q4。"),
                    new Column("数值", "121", "", "不小于 0 的数。"));
            case "status-changes" -> List.of(
                    new Column("代码", "620902100200", "", "组织的 12 位代码。"),
                    new Column("状态", "软弱涣散", "statuses", "正常、软弱涣散、正在整顿、已整顿。"),
                    new Column("起始日期", "2017-12-01", "", "新状态从哪天开始。"));
            default -> throw new ImportRefusal(HttpStatus.NOT_FOUND, "import.unknown-template", entity,
                    String.join(", ", ENTITIES));
        };
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.createSheet(sheetName(entity));
            Sheet help = workbook.createSheet("填写说明");
            Sheet hidden = workbook.createSheet("lists");
            fillLists(workbook, hidden);
            workbook.setSheetHidden(workbook.getSheetIndex(hidden), true);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = data.createRow(0);
            Row example = data.createRow(1);
            DataValidationHelper validations = data.getDataValidationHelper();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                header.createCell(c).setCellValue(column.header());
                header.getCell(c).setCellStyle(bold);
                example.createCell(c).setCellValue(column.example());
                data.setDefaultColumnStyle(c, text);
                data.setColumnWidth(c, 16 * 256);
                if (!column.list().isEmpty()) {
                    DataValidation validation = validations.createValidation(
                            validations.createFormulaListConstraint(column.list()),
                            new CellRangeAddressList(1, ROWS_WITH_LISTS, c, c));
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("请从列表中选择", "请从下拉列表中选择一个值。");
                    data.addValidationData(validation);
                }
            }
            data.createFreezePane(0, 1);
            Row title = help.createRow(0);
            title.createCell(0).setCellValue("填写说明（第 2 行为示例，可覆盖或删除；本页不会被导入）");
            title.getCell(0).setCellStyle(bold);
            for (int c = 0; c < columns.size(); c++) {
                Row row = help.createRow(c + 2);
                row.createCell(0).setCellValue(columns.get(c).header());
                row.createCell(1).setCellValue(columns.get(c).help());
            }
            Row upload = help.createRow(columns.size() + 3);
            upload.createCell(0).setCellValue("上传");
            upload.createCell(1).setCellValue("在“数据维护”页面上传本文件，先看预览（新增、修改、删除），确认后再应用；每次应用都会保存为一个数据版本，可以恢复。");
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(String entity) {
        return switch (entity) {
            case "organisations" -> "组织";
            case "leaders" -> "领导";
            case "contact-points" -> "联系点";
            case "indicator-values" -> "指标数值";
            default -> "状态变更";
        };
    }

    /** Each list in a column of the hidden sheet, under a workbook name the drop-downs refer to. */
    private void fillLists(XSSFWorkbook workbook, Sheet hidden) {
        Map<String, List<String>> values = lists.values();
        int column = 0;
        for (Map.Entry<String, List<String>> list : values.entrySet()) {
            List<String> items = list.getValue().isEmpty() ? List.of("-") : list.getValue();
            for (int r = 0; r < items.size(); r++) {
                Row row = hidden.getRow(r) == null ? hidden.createRow(r) : hidden.getRow(r);
                row.createCell(column).setCellValue(items.get(r));
            }
            Name name = workbook.createName();
            name.setNameName(list.getKey());
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column);
            name.setRefersToFormula("lists!$" + letter + "$1:$" + letter + "$" + items.size());
            column++;
        }
    }

    /** Today's values for the drop-downs. */
    @Component
    static class TemplateLists {

        private final StagingRepository staging;

        TemplateLists(StagingRepository staging) {
            this.staging = staging;
        }

        Map<String, List<String>> values() {
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            values.put("districts", new ArrayList<>(staging.districtNames().values()));
            values.put("townships", staging.townships());
            values.put("kinds", List.of("行政村", "社区网格"));
            values.put("statuses", List.of("正常", "软弱涣散", "正在整顿", "已整顿"));
            values.put("levels", List.of("市级", "县级", "乡级"));
            values.put("indicators", staging.indicatorCodes());
            values.put("periods", staging.periods());
            return values;
        }
    }
}
