package org.jiuquan.grassroots.demodata;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Why the database refused a dataset, in words the person who wrote its files can act on. */
final class DatabaseRefusal {

    /** What a broken constraint means for the person who wrote the files (never the constraint's name). */
    static final java.util.Map<String, String> PLAIN_CONSTRAINTS = java.util.Map.ofEntries(
            java.util.Map.entry("district_check", "districts.geojson：有区县的驻地不在其轮廓内（轮廓可能自相交或画错）/ a "
                    + "district's seat lies outside its outline (the outline may intersect itself or be drawn wrong)"),
            java.util.Map.entry("organisation_pkey", "organisations.csv：id 有重复 / an id appears twice"),
            java.util.Map.entry("organisation_code_key", "organisations.csv：代码 code 有重复 / a code appears twice"),
            java.util.Map.entry("leader_pkey", "leaders.csv：id 有重复 / an id appears twice"),
            java.util.Map.entry("contact_point_pkey", "contact-points.csv：id 有重复 / an id appears twice"),
            java.util.Map.entry("organisation_status_pkey",
                    "organisation-status.csv：同一组织同一天有两个状态 / two statuses on one day"),
            // Rows that name what the other files lack (the load checks these once all rows are in).
            java.util.Map.entry("organisation_district_code_fkey", "organisations.csv：district_code 不是 "
                    + "districts.geojson 中的区县 / district_code is not a district of districts.geojson"),
            java.util.Map.entry("leader_district_code_fkey", "leaders.csv：district_code 不是 districts.geojson "
                    + "中的区县 / district_code is not a district of districts.geojson"),
            java.util.Map.entry("organisation_status_organisation_id_fkey", "organisation-status.csv：organisation_id "
                    + "不在 organisations.csv 中 / organisation_id is not an id of organisations.csv"),
            java.util.Map.entry("contact_point_organisation_id_fkey", "contact-points.csv：organisation_id 不在 "
                    + "organisations.csv 中 / organisation_id is not an id of organisations.csv"),
            java.util.Map.entry("contact_point_leader_id_fkey", "contact-points.csv：leader_id 不在 leaders.csv 中 "
                    + "/ leader_id is not an id of leaders.csv"),
            java.util.Map.entry("contact_point_leader_id_organisation_id_key", "contact-points.csv：同一领导与同一组织"
                    + "有两个联系点 / one leader has two contact points at one organisation"));

    private DatabaseRefusal() {
    }

    /** The database's own words, without the statement (which can hold megabytes of coordinates). */
    static String describe(SQLException e) {
        SQLException cause = e;
        while (cause.getNextException() != null) {
            cause = cause.getNextException();
        }
        if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            String constraint = server.getConstraint();
            String plain = constraint == null ? null : PLAIN_CONSTRAINTS.get(constraint);
            if (plain != null) {
                return plain + keyValue(server.getDetail());
            }
            if (String.valueOf(server.getMessage()).startsWith("transform:")) {
                return "有坐标超出范围（经度应在 -180 到 180，纬度在 -90 到 90）/ a coordinate is out of range "
                        + "(longitude -180 to 180, latitude -90 to 90)";
            }
            return server.getMessage() + (constraint != null ? " (" + constraint + ")" : "");
        }
        String message = String.valueOf(cause.getMessage());
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /**
     * The offending value from the database's detail ("Key (organisation_id)=(999) is not present..."), so the
     * person can find the row: "（999）", or nothing if the detail has none.
     */
    static String keyValue(@Nullable String detail) {
        if (detail == null) {
            return "";
        }
        int start = detail.indexOf(")=(");
        int end = detail.lastIndexOf(')');
        return start < 0 || end <= start + 3 ? "" : "（" + detail.substring(start + 3, end) + "）";
    }
}
