package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void gcj02AndBd09ComeBackToTheWgs84PointWithinCentimetres() {
        double lon = 98.494;
        double lat = 39.733;
        double[] gcj = ChinaOffsets.wgs84ToGcj02(lon, lat);
        assertThat(ChinaOffsets.metres(lon, lat, gcj[0], gcj[1])).isBetween(50.0, 800.0);
        double[] back = ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
        assertThat(ChinaOffsets.metres(lon, lat, back[0], back[1])).isLessThan(0.01);
    }

    @Test
    void theCoordinateSystemsPeopleNameAreKnown() {
        assertThat(SourceCrs.parse(null).srid()).isEqualTo(4326);
        assertThat(SourceCrs.parse("EPSG:4542").projected()).isTrue();
        assertThat(SourceCrs.parse("cgcs2000").srid()).isEqualTo(4490);
        assertThat(SourceCrs.parse("GCJ02").gcj02()).isTrue();
        assertThat(SourceCrs.parse("bd09").bd09()).isTrue();
        assertThatThrownBy(() -> SourceCrs.parse("EPSG:2385")).isInstanceOf(ImportRefusal.class);
    }

    @Test
    void chineseHeadersAndShapefileNamesAreRecognised() {
        OrganisationColumns.Mapping mapping = OrganisationColumns.map(List.of("统一代码", "村名", "乡镇（街道）",
                "县（市、区）", "经度", "纬度", "fortress_i", "备注", "联系人"));
        assertThat(mapping.columns()).containsEntry(OrganisationColumns.Field.CODE, 0)
                .containsEntry(OrganisationColumns.Field.NAME, 1).containsEntry(OrganisationColumns.Field.TOWNSHIP, 2)
                .containsEntry(OrganisationColumns.Field.DISTRICT, 3).containsEntry(OrganisationColumns.Field.LON, 4)
                .containsEntry(OrganisationColumns.Field.LAT, 5)
                .containsEntry(OrganisationColumns.Field.FORTRESS_INDEX, 6);
        assertThat(mapping.unknown()).containsExactly("联系人");
    }
}
