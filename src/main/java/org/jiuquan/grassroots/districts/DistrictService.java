package org.jiuquan.grassroots.districts;

import java.util.List;

import org.jiuquan.grassroots.datachanges.ReferenceCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class DistrictService {

    static final String DISTRICTS = """
            SELECT code, name_zh, name_en, ST_X(seat) AS seat_lon, ST_Y(seat) AS seat_lat,
                   ST_XMin(outline) AS min_lon, ST_YMin(outline) AS min_lat,
                   ST_XMax(outline) AS max_lon, ST_YMax(outline) AS max_lat, brand_zh, brand_en
            FROM district ORDER BY code""";

    private final JdbcClient jdbc;
    private final ReferenceCache cache;

    DistrictService(JdbcClient jdbc, ReferenceCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Cached until the data changes (ReferenceCache). */
    public List<District> districts() {
        return cache.get("districts", () -> List.copyOf(jdbc.sql(DISTRICTS).query(District.class).list()));
    }

    /** The city's bounding box as {minLon, minLat, maxLon, maxLat}: the seven districts' together. */
    public double[] cityBounds() {
        List<District> all = districts();
        return new double[] {all.stream().mapToDouble(District::minLon).min().orElseThrow(),
                all.stream().mapToDouble(District::minLat).min().orElseThrow(),
                all.stream().mapToDouble(District::maxLon).max().orElseThrow(),
                all.stream().mapToDouble(District::maxLat).max().orElseThrow()};
    }
}
