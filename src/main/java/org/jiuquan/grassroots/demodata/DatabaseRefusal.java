package org.jiuquan.grassroots.demodata;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Why the database refused a dataset, in words the person who wrote its files can act on. */
final class DatabaseRefusal {

    /** What a broken constraint means for the person who wrote the files (never the constraint's name). */
    static final java.util.Map<String, String> PLAIN_CONSTRAINTS = java.util.Map.of(
            "district_check", "districts.geojson：有区县的驻地不在其轮廓内（轮廓可能自相交或画错）/ a district's seat lies "
                    + "outside its outline (the outline may intersect itself or be drawn wrong)",
            "organisation_pkey", "organisations.csv：id 有重复 / an id appears twice",
            "organisation_code_key", "organisations.csv：代码 code 有重复 / a code appears twice",
            "leader_pkey", "leaders.csv：id 有重复 / an id appears twice",
            "contact_point_pkey", "contact-points.csv：id 有重复 / an id appears twice",
            "organisation_status_pkey", "organisation-status.csv：同一组织同一天有两个状态 / two statuses on one day");

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
                return plain;
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
}
